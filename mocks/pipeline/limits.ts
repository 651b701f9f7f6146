// Stage 3, limits: what a request body may be before anything parses it. At most MAX_BODY_BYTES (the adapters also stop
// reading there), UTF-8, sent as JSON to an operation that takes JSON, nested at most MAX_JSON_DEPTH deep.
import { MockHttpError } from './errors.js';
import { isJsonMediaType } from '../../src/validation/media-type.js';
import type { MockRequest } from './request.js';
import type { MockOperation } from './spec-operations.js';

export const MAX_BODY_BYTES = 1024 * 1024;

/** How deep a request body's arrays and objects may nest. */
export const MAX_JSON_DEPTH = 64;

export const bodyTooLarge = () => new MockHttpError(413, `Request body too large (limit ${MAX_BODY_BYTES} bytes).`);

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The deepest nesting of a JSON text's arrays and objects, in one pass (strings skipped). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) deepest = Math.max(deepest, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

/**
 * Whether a parsed JSON value nests its arrays and objects deeper than `max` (walked without recursion, stopping there):
 * what a replayed recording's records are checked with before they are kept, served, cloned and validated.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const nodes: unknown[] = [value];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node))
      if (child !== null && typeof child === 'object') {
        nodes.push(child);
        depths.push(depth + 1);
      }
  }
  return false;
}

/**
 * The body's text, within the limits; '' when the operation takes no body or none was sent. A body of another media
 * type is refused as invalid input (422; the v1 API's 400).
 */
export function checkedBodyText(operation: MockOperation, request: MockRequest): string {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES || (request.body?.byteLength ?? 0) > MAX_BODY_BYTES) throw bodyTooLarge();
  if (!operation.bodyPointer || !request.body || request.body.byteLength === 0) return '';
  let text: string;
  try {
    text = UTF8.decode(request.body);
  } catch {
    throw new MockHttpError(400, 'Request body is not valid UTF-8.', [
      { field: 'body', message: 'Invalid UTF-8', error_code: 'json_invalid' },
    ]);
  }
  if (text.trim() === '') return '';
  if (!isJsonMediaType(request.headers['content-type'])) {
    const message = 'The request body must be JSON, sent with Content-Type: application/json.';
    throw new MockHttpError(422, message, [
      { field: 'header.content-type', message: 'Expected application/json', error_code: 'content_type' },
    ]);
  }
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw new MockHttpError(400, `Request body nests deeper than ${MAX_JSON_DEPTH} levels.`, [
      { field: 'body', message: 'Too deeply nested', error_code: 'json_invalid' },
    ]);
  }
  return text;
}
