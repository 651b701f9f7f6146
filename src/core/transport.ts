// The fetch that every request goes through: bearer token, per-attempt timeout, retries with backoff, and one token
// refresh and replay on a 401. openapi-fetch calls it with a finished Request; it answers with the final Response or
// throws ConnectionError, TimeoutError or AbortError when there is none.
import { AbortError, ConnectionError, TimeoutError } from './errors.js';
import { displayUrl, type Redactor } from './redact.js';
import { MAX_RETRY_AFTER_MS, backoffMs, isRetryableStatus, retryAfterMs, retryClassOf, sleep } from './retry.js';

/** Where the client reports retries and token refreshes (never a secret). `console` is one; every method is optional. */
export interface Logger {
  /** Retries, token refreshes and replays after a 401. */
  debug?(message: string, meta?: Record<string, unknown>): void;
  /** Not used by the client today; here so that any common logger fits. */
  info?(message: string, meta?: Record<string, unknown>): void;
  /** Something worked but not as asked, e.g. a connector whose paging the kit does not know. */
  warn?(message: string, meta?: Record<string, unknown>): void;
  /** Not used by the client today; here so that any common logger fits. */
  error?(message: string, meta?: Record<string, unknown>): void;
}

/** Where a request's bearer token comes from. */
export interface TokenSource {
  token(): Promise<string>;
  /** The token when one is ready now, without waiting; undefined when `token()` has to wait (a mint in flight). */
  peek?(): string | undefined;
  invalidate(token: string): void;
  /** False when a 401 cannot be cured by asking again (a fixed token given to the client): no replay then. */
  renewable?: boolean;
}

/**
 * The token for one attempt. A wait for a token being minted (shared with other calls) ends early when the call's
 * signal aborts or its timeout passes; the mint itself goes on for the others.
 */
async function tokenFor(
  tokens: TokenSource,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  aborted: () => Error,
  timedOut: () => Error,
): Promise<string> {
  const ready = tokens.peek?.();
  if (ready !== undefined) return ready;
  const wait = attemptSignal(signal, timeoutMs);
  try {
    return await Promise.race([
      tokens.token(),
      new Promise<never>((_resolve, reject) => {
        const stop = () => reject(wait.timedOut() ? timedOut() : aborted());
        if (wait.signal.aborted) stop();
        else wait.signal.addEventListener('abort', stop, { once: true });
      }),
    ]);
  } finally {
    wait.clear();
  }
}

/** A signal that aborts when either does (AbortSignal.any: Node 20.3, every current browser). */
const eitherSignal = (a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined =>
  a && b && a !== b ? AbortSignal.any([a, b]) : (a ?? b);

/** Settings of one call, the last argument of every helper; each overrides the client's own for that call. */
export interface CallOptions {
  /** Retries after the first attempt; 0 turns retrying off for this call. Default: the client's `maxRetries`. */
  maxRetries?: number;
  /** Per attempt, until the response headers arrive, in milliseconds; 0 turns the timeout off. Default: the client's `timeoutMs`. */
  timeoutMs?: number;
  /** Aborts the call (and any wait before a retry): the call rejects with an AbortError. */
  signal?: AbortSignal;
  /**
   * Whether repeating the request is harmless, which decides what it is retried on: after a timeout and on any
   * retryable status when true, only on 429 and connection errors when false. Default: true for GET, HEAD, OPTIONS,
   * PUT and DELETE, false for POST and PATCH; the client's helpers declare their POSTs that only read or mint.
   */
  idempotent?: boolean;
}

export interface TransportSettings {
  fetch: typeof fetch;
  maxRetries: number;
  timeoutMs: number;
  redactor: Redactor;
  logger?: Logger | undefined;
  /** Headers known only while the client runs (the organization id learnt from a token), added unless already set. */
  dynamicHeaders?: () => Record<string, string>;
  /** Absent for requests that take no token (the token endpoints). */
  tokens?: TokenSource | undefined;
  random?: () => number;
}

/** A fetch that takes a finished Request: the client's token, timeout and retries applied, the final Response answered. */
export type Transport = (request: Request) => Promise<Response>;

interface AttemptSignal {
  signal: AbortSignal;
  timedOut: () => boolean;
  clear: () => void;
}

/**
 * A signal that aborts when the caller's does or when `timeoutMs` passes (0: never), whichever is first. The signal
 * itself is made only when asked for: an attempt sent as openapi-fetch built it may never need one.
 */
function attemptSignal(
  caller: AbortSignal | null | undefined,
  timeoutMs: number,
  controller = new AbortController(),
): AttemptSignal {
  let timedOut = false;
  const onAbort = () => controller.abort(caller?.reason);
  const timer =
    timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
        }, timeoutMs)
      : undefined;
  if (caller?.aborted) onAbort();
  else caller?.addEventListener('abort', onAbort, { once: true });
  return {
    get signal() {
      return controller.signal;
    },
    timedOut: () => timedOut,
    clear: () => {
      if (timer !== undefined) clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * Lets go of a response that will not be read. Not awaited: some fetch implementations (interceptors among them)
 * settle `cancel()` only when the stream ends.
 */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

/**
 * A transport for one call, and the signal to hand openapi-fetch for it: the Request openapi-fetch builds then carries
 * a signal this transport can abort, so a first attempt without a body is sent as it is, without building a second
 * Request (the common case: reads). Retries and requests with a body build their own.
 */
export function createCallTransport(
  settings: TransportSettings,
  overrides: CallOptions = {},
): { fetch: Transport; signal?: AbortSignal } {
  const controller = new AbortController();
  const fetch = createTransport(settings, overrides, controller);
  // With no timeout and no caller's signal nothing can abort the first attempt: its Request needs no signal of ours.
  const timeoutMs = overrides.timeoutMs ?? settings.timeoutMs;
  return timeoutMs === 0 && !overrides.signal ? { fetch } : { fetch, signal: controller.signal };
}

export function createTransport(
  settings: TransportSettings,
  overrides: CallOptions = {},
  firstAttempt?: AbortController,
): Transport {
  const maxRetries = overrides.maxRetries ?? settings.maxRetries;
  const timeoutMs = overrides.timeoutMs ?? settings.timeoutMs;
  const log = settings.logger;

  return async function send(request: Request): Promise<Response> {
    const method = request.method;
    let whereText: string | undefined;
    const where = () => (whereText ??= `${method} ${displayUrl(request.url)}`);
    // Both a caller's signal given to openapi-fetch (on the Request) and one given as a call option count, together. On
    // a call's own transport the Request's signal is this transport's, not a caller's.
    const callerSignal: AbortSignal | undefined = firstAttempt
      ? overrides.signal
      : eitherSignal(overrides.signal, request.signal);
    const body = request.body ? await request.arrayBuffer() : undefined;
    const retryClass = retryClassOf(method, overrides.idempotent);
    // The Request as openapi-fetch built it can go out once, when its signal is ours and it has no body to replay.
    let reusable = firstAttempt !== undefined && body === undefined;
    let retries = 0;
    let replayedAfter401 = false;

    const abortError = () =>
      new AbortError(`${where()} was aborted`, { method, url: displayUrl(request.url), cause: callerSignal?.reason });
    const waitBeforeRetry = async (ms: number, reason: string) => {
      log?.debug?.(`retrying ${where()} in ${ms} ms (${reason}), retry ${retries + 1} of ${maxRetries}`);
      retries += 1;
      await sleep(ms, callerSignal).catch(() => {
        throw abortError();
      });
    };

    for (;;) {
      if (callerSignal?.aborted) throw abortError();
      const token = settings.tokens
        ? await tokenFor(
            settings.tokens,
            callerSignal,
            timeoutMs,
            abortError,
            () =>
              new TimeoutError(`${where()} timed out after ${timeoutMs} ms waiting for a token`, {
                method,
                url: displayUrl(request.url),
              }),
          )
        : undefined;
      const reuse = reusable;
      reusable = false;
      // A Request's headers can be changed until it is sent: the first attempt adds to openapi-fetch's own.
      const headers = reuse ? request.headers : new Headers(request.headers);
      const dynamic = settings.dynamicHeaders?.();
      if (dynamic) for (const name in dynamic) if (!headers.has(name)) headers.set(name, dynamic[name]!);
      if (token) headers.set('authorization', `Bearer ${token}`);
      const attempt = attemptSignal(callerSignal, timeoutMs, reuse ? firstAttempt : undefined);
      let response: Response;
      try {
        response = await settings.fetch(
          reuse
            ? request
            : new Request(request.url, { method, headers, body, signal: attempt.signal, redirect: request.redirect }),
        );
      } catch (error) {
        if (callerSignal?.aborted) throw abortError();
        const context = { method, url: displayUrl(request.url), cause: error };
        const failure = attempt.timedOut()
          ? new TimeoutError(`${where()} timed out after ${timeoutMs} ms`, context)
          : new ConnectionError(
              `${where()} failed before any response: ${settings.redactor.text(String((error as Error)?.message ?? error))}`,
              context,
            );
        // A create is repeated only when the request cannot have reached the service: not after a timeout.
        const retryable = failure instanceof ConnectionError || retryClass === 'safe';
        if (retryable && retries < maxRetries) {
          await waitBeforeRetry(backoffMs(retries, settings.random), failure.name);
          continue;
        }
        throw failure;
      } finally {
        attempt.clear();
      }

      if (response.status === 401 && token && !replayedAfter401 && settings.tokens!.renewable !== false) {
        // The token may have expired early or been revoked: one fresh token, one replay, never a loop.
        replayedAfter401 = true;
        settings.tokens!.invalidate(token);
        discard(response);
        log?.debug?.(`${where()} answered 401; refreshing the token and replaying once`);
        continue;
      }
      if (isRetryableStatus(response.status, retryClass) && retries < maxRetries) {
        const asked = retryAfterMs(response.headers);
        if (asked === undefined || asked <= MAX_RETRY_AFTER_MS) {
          discard(response);
          await waitBeforeRetry(asked ?? backoffMs(retries, settings.random), `status ${response.status}`);
          continue;
        }
      }
      // Responses made by hand (test doubles, some runtimes) have no URL; error messages need one.
      if (!response.url) Object.defineProperty(response, 'url', { value: request.url });
      return response;
    }
  };
}
