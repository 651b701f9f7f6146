// Client options: what was passed, else the environment variables (where the runtime has them), else the defaults.
import { ConfigurationError } from './errors.js';
import type { Middleware } from 'openapi-fetch';
import type { Logger } from './transport.js';

/** The Agent Engine API, where the client sends requests unless `baseUrl` or AIRBYTE_API_HOST says otherwise. */
export const DEFAULT_BASE_URL = 'https://api.airbyte.ai';
/** Retries after the first attempt when `maxRetries` is not set. */
export const DEFAULT_MAX_RETRIES = 2;
/** The per-attempt timeout when `timeoutMs` is not set, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * A bearer token the client is given instead of minting one: the token itself, or a function that answers one (called
 * on first use, again when the token is about to expire by its JWT `exp`, and again after a 401).
 */
export type GivenToken = string | (() => string | Promise<string>);

/** Options both clients take: credentials, where to send requests, and how patiently. */
export interface ClientOptions {
  /**
   * A token to call with, instead of `clientId` and `clientSecret` (which are then not needed): what a browser holds,
   * e.g. a widget or scoped token your backend minted. A string, or a function answering one (called again after a
   * 401, so that it can fetch a fresh token). A widget token (base64 of `{widgetUrl, token}`) is used by its `token`.
   * @example
   * ```ts
   * const client = createAgentEngineClient({ token: async () => (await fetch('/api/widget-token')).text() });
   * ```
   */
  token?: GivenToken | undefined;
  /** Your application's client id. Falls back to `AIRBYTE_CLIENT_ID`. */
  clientId?: string | undefined;
  /** Your application's client secret. Falls back to `AIRBYTE_CLIENT_SECRET`. Keep it on the server. */
  clientSecret?: string | undefined;
  /** Sent as `x-organization-id` when set. Falls back to `AIRBYTE_ORGANIZATION_ID`. */
  organizationId?: string | undefined;
  /** Falls back to `AIRBYTE_API_HOST` (a URL, or a host name for https), then to the API's own URL. */
  baseUrl?: string | undefined;
  /** The fetch to use; `globalThis.fetch` at the time of each request by default. */
  fetch?: typeof fetch | undefined;
  /** Retries after the first attempt; 0 turns retrying off. Default 2. */
  maxRetries?: number | undefined;
  /** Per attempt, until the response headers arrive. Default 60 000; 0 turns the client-side timeout off. */
  timeoutMs?: number | undefined;
  /** Sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Receives retry and token-refresh events; never a secret. `console` works. */
  logger?: Logger | undefined;
  /**
   * openapi-fetch middleware applied to every request the client makes: its helpers, `raw`, every `forWorkspace`
   * client, and the token requests. Each sees a call once, before the client adds its token and retries.
   */
  middleware?: Middleware[] | undefined;
  /**
   * Check every response against the spec (a documented status, a body of its schema) and fail the call with a
   * SpecViolationError when one breaks it. For development and tests. `true` loads both specs and ajv on first use
   * (a chunk of the package); in a bundle made without code splitting, pass the factory instead, imported where the
   * bundle should carry it: `validateResponses: createResponseValidator` from `agent-engine-kit/validation`.
   */
  validateResponses?: boolean | ResponseValidatorFactory | undefined;
}

/** What makes the response validator: `createResponseValidator` of `agent-engine-kit/validation`. */
export type ResponseValidatorFactory = (options: { redact: (text: string) => string }) => Middleware;

export interface ResolvedOptions {
  token: GivenToken | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  organizationId: string | undefined;
  baseUrl: string;
  fetch: typeof fetch;
  maxRetries: number;
  timeoutMs: number;
  headers: Record<string, string>;
  logger: Logger | undefined;
  middleware: Middleware[];
  validateResponses: boolean | ResponseValidatorFactory;
}

/**
 * An environment variable, non-empty and trimmed, where the runtime has them and lets the code read them; else
 * undefined. Deno without `--allow-env` throws on the read (and asks first in a terminal), so a variable is read only
 * when its option is missing, and a refused read counts as unset.
 */
function environmentVariable(name: string): string | undefined {
  try {
    return nonEmpty((globalThis as { process: { env: Record<string, string | undefined> } }).process.env[name]);
  } catch {}
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() || undefined;
}

function normalizeBaseUrl(value: string, source: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigurationError(`${source} is not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigurationError(`${source} must be an http(s) URL, not ${url.protocol}`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** A count option (retries, milliseconds): a whole number from 0, or `fallback` when not given. */
function count(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0)
    throw new ConfigurationError(`${name} must be an integer of at least 0, not ${value}`);
  return value;
}

/** `baseUrlVariable`: the environment variable that may name the base URL (none for the v1 API). */
export function resolveOptions(
  options: ClientOptions,
  defaultBaseUrl: string,
  baseUrlVariable?: 'AIRBYTE_API_HOST',
): ResolvedOptions {
  const baseUrlOption = nonEmpty(options.baseUrl);
  const baseUrlEnv = baseUrlOption ? undefined : baseUrlVariable && environmentVariable(baseUrlVariable);
  const token = options.token;
  if (token !== undefined && typeof token !== 'function' && (typeof token !== 'string' || token.trim() === '')) {
    throw new ConfigurationError('token must be a non-empty string or a function');
  }
  return {
    token,
    clientId: nonEmpty(options.clientId) ?? environmentVariable('AIRBYTE_CLIENT_ID'),
    clientSecret: nonEmpty(options.clientSecret) ?? environmentVariable('AIRBYTE_CLIENT_SECRET'),
    organizationId: nonEmpty(options.organizationId) ?? environmentVariable('AIRBYTE_ORGANIZATION_ID'),
    baseUrl: baseUrlOption
      ? normalizeBaseUrl(baseUrlOption, 'baseUrl')
      : baseUrlEnv
        ? normalizeBaseUrl(baseUrlEnv, 'AIRBYTE_API_HOST')
        : defaultBaseUrl,
    // Looked up per request, so that a fetch replaced after the client was made (test interceptors) is used.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    maxRetries: count(options.maxRetries, 'maxRetries', DEFAULT_MAX_RETRIES),
    timeoutMs: count(options.timeoutMs, 'timeoutMs', DEFAULT_TIMEOUT_MS),
    headers: { ...options.headers },
    logger: options.logger,
    middleware: options.middleware ?? [],
    validateResponses: options.validateResponses ?? false,
  };
}

/** The client id and secret, or a ConfigurationError that names the options and variables to set. */
export function requireCredentials(options: ResolvedOptions): { clientId: string; clientSecret: string } {
  const missing = [
    options.clientId ? undefined : '`clientId` (or AIRBYTE_CLIENT_ID)',
    options.clientSecret ? undefined : '`clientSecret` (or AIRBYTE_CLIENT_SECRET)',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new ConfigurationError(
      `Missing credentials: pass ${missing.join(' and ')} to the client to get an application token, or pass \`token\``,
    );
  }
  return { clientId: options.clientId!, clientSecret: options.clientSecret! };
}
