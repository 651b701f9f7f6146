// What both clients are built from: resolved options, one redactor, and resource contexts over a transport with or
// without a token source.
import type { Middleware } from 'openapi-fetch';
import { createOpenapiClient } from './openapi-client.js';
import type { ResourceContext } from './context.js';
import type { ResolvedOptions, ResponseValidatorFactory } from './options.js';
import { Redactor } from './redact.js';
import { TokenCache, type MintedToken } from './token-cache.js';
import { createCallTransport, createTransport, type TokenSource, type TransportSettings } from './transport.js';

/** A cache's tokens as a request's token source. */
export function cachedTokens(cache: TokenCache, renewable = true): TokenSource {
  return {
    token: () => cache.get(),
    peek: () => cache.peek(),
    invalidate: (token) => cache.invalidate(token),
    renewable,
  };
}

/**
 * Where a client's own tokens come from: the `token` option when given (a string is used as it is, a function is
 * asked again after a 401), else tokens minted with the client's credentials by `mint`, cached and refreshed.
 */
export function clientTokens(
  resolved: ResolvedOptions,
  redactor: Redactor,
  mint: () => Promise<MintedToken>,
): TokenSource {
  if (resolved.token === undefined) return cachedTokens(new TokenCache(mint));
  const given = resolved.token;
  const cache = new TokenCache(async () =>
    (await import('./given-token.js')).mintGivenToken(given, (token) => redactor.add(token)),
  );
  return cachedTokens(cache, typeof given === 'function');
}

/**
 * The response validator, loaded on the first response: the specs and ajv stay out of clients that never turn
 * validation on (a chunk of its own in the ESM build).
 */
function lazyResponseValidation(
  redact: (text: string) => string,
  given: boolean | ResponseValidatorFactory,
): Middleware {
  let validator: Promise<Middleware> | undefined;
  return {
    async onResponse(params) {
      validator ??= (
        given === true
          ? import('../validation/index.js').then((module) => module.createResponseValidator)
          : Promise.resolve(given as ResponseValidatorFactory)
      ).then((create) => create({ redact }));
      return (await validator).onResponse!(params);
    },
  };
}

export function createClientBase<Paths extends {}>(
  resolved: ResolvedOptions,
  dynamicHeaders?: () => Record<string, string>,
) {
  const redactor = new Redactor();
  redactor.add(resolved.clientSecret);
  const baseSettings: TransportSettings = {
    fetch: resolved.fetch,
    maxRetries: resolved.maxRetries,
    timeoutMs: resolved.timeoutMs,
    redactor,
    logger: resolved.logger,
    ...(dynamicHeaders ? { dynamicHeaders } : {}),
  };
  let validation: Middleware | undefined;
  /** A resource context whose requests carry tokens from `tokens`, or none (the token endpoints). */
  const contextFor = (tokens?: TokenSource): ResourceContext<Paths> => {
    const settings: TransportSettings = { ...baseSettings, tokens };
    const raw = createOpenapiClient<Paths, 'application/json'>({
      baseUrl: resolved.baseUrl,
      headers: resolved.headers,
      fetch: createTransport(settings),
    });
    raw.use(...resolved.middleware);
    if (resolved.validateResponses)
      raw.use((validation ??= lazyResponseValidation((text) => redactor.text(text), resolved.validateResponses)));
    return {
      raw,
      baseUrl: resolved.baseUrl,
      redactor,
      logger: resolved.logger,
      init: (callOptions) => createCallTransport(settings, callOptions),
      // For a caller's own raw call: its Request may carry a signal of the caller's, which counts besides callOptions'.
      rawInit: (callOptions) => ({ fetch: createTransport(settings, callOptions) }),
    };
  };
  return { redactor, contextFor };
}
