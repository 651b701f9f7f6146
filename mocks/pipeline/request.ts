// A request and an answer as the pipeline sees them: plain data, no Fetch objects. Each adapter (node:http, fetch,
// MSW) reads its own request into a MockRequest and writes a MockAnswer back out, so all three answer alike.
import { toJsonBody } from './json.js';

/** A request as an adapter read it. */
export interface MockRequest {
  /** Upper case. */
  method: string;
  /** The path as received, still percent-encoded, without the query. */
  path: string;
  /** The query string without its `?` ('' when none). */
  query: string;
  /** Lower-case names; repeated headers joined with ', '. */
  headers: Record<string, string | undefined>;
  /** The body's bytes as read (never more than the limit), or undefined when there was none. */
  body: Uint8Array | undefined;
  /** Where the mock is reached: the standalone server's configured URL, or the origin a fetch was made to. */
  origin: string;
}

/** An answer ready to be written: a status, headers with lower-case names, and the body's text or bytes. */
export interface MockAnswer {
  status: number;
  headers: Record<string, string>;
  /** Text, bytes, or bytes in chunks to be written one after the other. */
  body: string | Uint8Array | Uint8Array[] | null;
  /** Close the connection without answering (a simulated network failure). */
  drop?: boolean;
}

/** Splits a request target (`/path?query`) into its path and query. */
export function splitTarget(target: string): { path: string; query: string } {
  const at = target.indexOf('?');
  return at < 0 ? { path: target, query: '' } : { path: target.slice(0, at), query: target.slice(at + 1) };
}

/** A JSON answer: one serialization (kept texts of unchanged records reused), no other copy. */
export function jsonAnswer(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  mediaType = 'application/json',
): MockAnswer {
  return { status, headers: { 'content-type': mediaType, ...headers }, body: toJsonBody(body) };
}
