// Typed errors: one class per kind of failure, each carrying what the API said (status, parsed body, request id) and
// never a secret. The message is the API's own words, read from whichever error shape the body has.

/** What an error is made with: what the API answered, and to what request. */
export interface ErrorContext {
  /** The HTTP status, when there was a response. */
  status?: number | undefined;
  /** The parsed error body, secrets already redacted. */
  body?: unknown;
  /** The request id the API answered with, for its support. */
  requestId?: string | undefined;
  /** The request's HTTP method. */
  method?: string | undefined;
  /** The request URL without its query string. */
  url?: string | undefined;
  /** The underlying error (a fetch failure, the caller's abort reason). */
  cause?: unknown;
}

/**
 * What every call of the kit throws: an HTTP error answer (a subclass per status kind), no answer at all
 * (ConnectionError, TimeoutError, AbortError), a 2xx answer the helper cannot use (UnexpectedResponseError) or a
 * misuse (ConfigurationError). It carries the status, the parsed body and the request id, never a secret.
 * @example
 * ```ts
 * try {
 *   await client.workspaces.get(id);
 * } catch (error) {
 *   if (error instanceof NotFoundError) return undefined;
 *   if (error instanceof AgentEngineError) console.error(error.status, error.requestId, error.message);
 *   throw error;
 * }
 * ```
 */
export class AgentEngineError extends Error {
  /** The HTTP status; undefined when there was no response (connection, timeout, abort) or no request. */
  readonly status: number | undefined;
  /** The parsed error body (JSON when it was JSON), with secrets redacted. */
  readonly body: unknown;
  /** The request id the API answered with (`x-request-id` and the like): quote it to Airbyte's support. */
  readonly requestId: string | undefined;
  /** The request's HTTP method. */
  readonly method: string | undefined;
  /** The request URL without its query string. */
  readonly url: string | undefined;

  constructor(message: string, context: ErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = new.target.name;
    this.status = context.status;
    this.body = context.body;
    this.requestId = context.requestId;
    this.method = context.method;
    this.url = context.url;
  }

  /** The error as plain data for logs: name, message, status, request id, method, URL and body. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      requestId: this.requestId,
      method: this.method,
      url: this.url,
      body: this.body,
    };
  }
}

/** 400: the request is malformed, or credentials of several organizations were used without `x-organization-id`. */
export class BadRequestError extends AgentEngineError {}
/** 401: missing, wrong or expired credentials or token. */
export class AuthenticationError extends AgentEngineError {}
/** 403: valid token without the right to do this (scoped token outside its workspace, widget token from another origin). */
export class PermissionDeniedError extends AgentEngineError {}
/** 404: nothing with that id or workspace name. */
export class NotFoundError extends AgentEngineError {}
/** 413: the request body is too large. */
export class PayloadTooLargeError extends AgentEngineError {}

/** One field of a 422, as the API named it. */
export interface FieldError {
  /** The field's path, e.g. `params.owner`; null when the error is about the whole body. */
  field: string | null;
  /** What is wrong with it, in the API's words. */
  message: string | null;
  /** The API's error code, e.g. `missing`. */
  code: string | null;
}

/** 422: the body or a parameter does not validate; `fieldErrors` says which field and why. */
export class ValidationError extends AgentEngineError {
  /** Each field the API refused, and why. */
  readonly fieldErrors: FieldError[];
  constructor(message: string, context: ErrorContext & { fieldErrors?: FieldError[] } = {}) {
    super(message, context);
    this.fieldErrors = context.fieldErrors ?? [];
  }
}

/** 429: rate limited. `retryAfter` is in seconds, when the API said. */
export class RateLimitError extends AgentEngineError {
  /** Seconds to wait before trying again, from `Retry-After`; undefined when the API did not say. */
  readonly retryAfter: number | undefined;
  constructor(message: string, context: ErrorContext & { retryAfter?: number | undefined } = {}) {
    super(message, context);
    this.retryAfter = context.retryAfter;
  }
}

/** 5xx. */
export class ServerError extends AgentEngineError {}
/** No response: the connection failed (refused, reset, DNS, TLS). */
export class ConnectionError extends AgentEngineError {}
/** No response within `timeoutMs` (per attempt). */
export class TimeoutError extends AgentEngineError {}
/** The caller's AbortSignal fired. */
export class AbortError extends AgentEngineError {}
/** The client is missing an option it needs, or was given one it cannot use. */
export class ConfigurationError extends AgentEngineError {}
/**
 * A 2xx answer without what the helper needs of it: a token answer without its token, a page without its list. The
 * message names the missing field; `body` is the answer, redacted.
 */
export class UnexpectedResponseError extends AgentEngineError {}
/** `connectors.find` matched nothing. */
export class ConnectorNotFoundError extends NotFoundError {}
/** `connectors.find` matched more than one connector. */
export class AmbiguousConnectorError extends AgentEngineError {
  /** The ids of every connector that matched: pick one and use it. */
  readonly connectorIds: string[];
  constructor(message: string, connectorIds: string[]) {
    super(message);
    this.connectorIds = connectorIds;
  }
}

/** One way a response broke the spec. */
export interface SpecViolation {
  /** The operation, by the spec's operationId. */
  operationId: string;
  /** The request's HTTP method. */
  method: string;
  /** The response's status. */
  status: number;
  /** JSON pointer into the response body ('' when the status itself is the problem). */
  pointer: string;
  /** What is wrong, e.g. `must have required property 'id'`. */
  message: string;
  /** The offending value, secrets redacted. */
  value: unknown;
}

/** A response that breaks the spec, with `validateResponses` on: which operation, where in the body, what value. */
export class SpecViolationError extends AgentEngineError {
  /** Every way the response broke the spec. */
  readonly violations: SpecViolation[];
  constructor(message: string, violations: SpecViolation[], context: ErrorContext = {}) {
    super(message, context);
    this.violations = violations;
  }
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Field errors from `errors[]` (ApiErrorResponse) or FastAPI's `detail[]`. */
export function readFieldErrors(body: unknown): FieldError[] {
  if (!body || typeof body !== 'object') return [];
  const record = body as Record<string, unknown>;
  if (Array.isArray(record.errors)) {
    return record.errors.map((e: any) => ({
      field: stringOrUndefined(e?.field) ?? null,
      message: stringOrUndefined(e?.message) ?? null,
      code: stringOrUndefined(e?.error_code) ?? null,
    }));
  }
  if (Array.isArray(record.detail)) {
    return record.detail.map((e: any) => ({
      field: Array.isArray(e?.loc) ? e.loc.filter((part: unknown) => part !== 'body').join('.') : null,
      message: stringOrUndefined(e?.msg) ?? null,
      code: stringOrUndefined(e?.type) ?? null,
    }));
  }
  return [];
}

/**
 * The API's own words for what went wrong: `message`, then `errors[]`, then `detail` (FastAPI, or RFC 9457 problem
 * JSON with its `title`), then `error`; a text body as it is.
 */
export function readErrorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return stringOrUndefined(body.slice(0, 500));
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const fields = readFieldErrors(body)
    .map((e) => (e.field ? `${e.field}: ${e.message ?? e.code ?? 'invalid'}` : e.message))
    .filter(Boolean)
    .join('; ');
  const message = stringOrUndefined(record.message);
  if (message) return fields && !message.includes(fields) ? `${message} (${fields})` : message;
  if (fields) return fields;
  const detail = stringOrUndefined(record.detail);
  const title = stringOrUndefined(record.title);
  if (detail) return title && !detail.startsWith(title) ? `${title}: ${detail}` : detail;
  if (title) return title;
  const error = record.error;
  if (typeof error === 'string') {
    const description = stringOrUndefined(record.error_description);
    return description ? `${error}: ${description}` : stringOrUndefined(error);
  }
  if (error && typeof error === 'object') return stringOrUndefined((error as Record<string, unknown>).message);
  return undefined;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication failed',
  403: 'Permission denied',
  404: 'Not found',
  408: 'Request timeout',
  413: 'Payload too large',
  422: 'Validation failed',
  429: 'Rate limited',
};

/** The error for an HTTP error response; `body` must already be parsed and redacted. */
/** The statuses whose error carries nothing besides the context. */
const PLAIN_CLASSES: Record<number, typeof AgentEngineError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  413: PayloadTooLargeError,
};

export function errorFromResponse(
  context: { status: number; body: unknown; requestId?: string | undefined; method: string; url: string },
  retryAfterSeconds?: number,
): AgentEngineError {
  const { status } = context;
  const said = readErrorMessage(context.body);
  const base = STATUS_TEXT[status] ?? (status >= 500 ? 'Server error' : 'Request failed');
  const message = `${context.method} ${context.url} failed with ${status} (${base})${said ? `: ${said}` : ''}`;
  const plain = PLAIN_CLASSES[status];
  if (plain) return new plain(message, context);
  if (status === 422) return new ValidationError(message, { ...context, fieldErrors: readFieldErrors(context.body) });
  if (status === 429) return new RateLimitError(message, { ...context, retryAfter: retryAfterSeconds });
  if (status >= 500) return new ServerError(message, context);
  return new AgentEngineError(message, context);
}
