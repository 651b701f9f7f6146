// When to try a request again and how long to wait: exponential backoff with full jitter, or what the server asked
// for in Retry-After / retry-after-ms, within bounds.

export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 8_000;
/** A Retry-After longer than this is not waited for: the error goes to the caller with its `retryAfter`. */
export const MAX_RETRY_AFTER_MS = 60_000;

const RETRYABLE_STATUSES = new Set([408, 429, 502, 503, 504]);

/**
 * `safe`: repeating the request cannot create anything twice, so it is retried on connection errors, timeouts and
 * every retryable status. `create`: only on 429 and on connection errors raised before any response.
 */
export type RetryClass = 'safe' | 'create';

/**
 * A request's retry class: what the call declared (`idempotent`: the helpers of POSTs that only read or mint say so
 * where they make the call), else what its method promises (GET, HEAD, OPTIONS, PUT and DELETE are idempotent; POST
 * and PATCH are not).
 */
export function retryClassOf(method: string, idempotent: boolean | undefined): RetryClass {
  if (idempotent !== undefined) return idempotent ? 'safe' : 'create';
  return method === 'POST' || method === 'PATCH' ? 'create' : 'safe';
}

export function isRetryableStatus(status: number, retryClass: RetryClass): boolean {
  return retryClass === 'safe' ? RETRYABLE_STATUSES.has(status) : status === 429;
}

/** Milliseconds the server asked to wait, from `retry-after-ms`, or `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full jitter: a uniform wait between 0 and min(cap, base * 2^attempt). `attempt` counts from 0. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
