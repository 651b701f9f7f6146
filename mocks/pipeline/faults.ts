// Stage 2, faults: the failures a caller asked for, answered as asked (documented or not: they exist to test the
// caller's handling of them). `Prefer: latency=200` waits, `Prefer: code=429` fails, and the faults queued with
// `service.failNext()` fail the next requests in order (a status, or a dropped connection).
import { DroppedConnection, MockHttpError } from './errors.js';
import type { MockRequest } from './request.js';

/** A failure `failNext` queues: an HTTP status, or a dropped connection. */
export interface Fault {
  /** The status to answer (503 by default), with the API's own error body. */
  status?: number;
  /** Drop the connection instead of answering. */
  drop?: boolean;
  /** The Retry-After of a 429 or 503 (default 1 s). */
  retryAfterSeconds?: number;
}

/** The longest latency a request may ask for. */
const MAX_LATENCY_MS = 30_000;

/** Waits, throws the fault due, or returns: the request goes on. */
export async function applyFaults(request: MockRequest, pending: Fault[]): Promise<void> {
  const prefer = request.headers.prefer ?? '';
  if (prefer !== '') {
    const latency = /latency=(\d+)/.exec(prefer);
    if (latency) await new Promise((resolve) => setTimeout(resolve, Math.min(Number(latency[1]), MAX_LATENCY_MS)));
  }
  const queued = pending.shift();
  if (queued?.drop) throw new DroppedConnection();
  if (queued)
    throw new MockHttpError(
      queued.status ?? 503,
      'Service temporarily unavailable (simulated).',
      [],
      queued.retryAfterSeconds,
    );
  if (prefer !== '') {
    const code = /code=(\d{3})/.exec(prefer);
    const status = code ? Number(code[1]) : 0;
    if (status >= 400) throw new MockHttpError(status, `Simulated ${status} (Prefer: code=${status}).`);
  }
}
