// A body read once for both redaction passes: JSON (parsed), a form, text, or bytes. What it is comes from its content
// as much as from its Content-Type: a JSON body sent as octet-stream still has its credentials redacted as JSON.
import { Buffer } from 'node:buffer';
import { nestingDepth } from '../pipeline/limits.js';
import { isJsonMediaType } from '../../src/validation/media-type.js';

/** Deeper JSON is not walked (the walk recurses) but dropped: answers of both APIs and their records nest far less. */
export const MAX_REDACTED_DEPTH = 128;

const TEXT_MEDIA_TYPE =
  /^\s*(text\/|application\/([\w.-]+\+)?(json|xml)\b|application\/(x-www-form-urlencoded|javascript|x-ndjson|yaml|x-yaml|graphql)\b)/i;
const FORM_MEDIA_TYPE = /^\s*application\/x-www-form-urlencoded\b/i;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const LENIENT_UTF8 = new TextDecoder('utf-8');

interface TextRead {
  text: string;
  comment?: string;
}

export type ReadBody =
  | ({ kind: 'json'; value: unknown } & TextRead)
  | ({ kind: 'form' } & TextRead)
  | ({ kind: 'text' } & TextRead)
  | { kind: 'bytes'; latin1: string }
  | { kind: 'dropped'; comment: string };

export const isTextMediaType = (contentType: string) => TEXT_MEDIA_TYPE.test(contentType);

/** Whether a body of this Content-Type is written as text: text types, and bodies that do not say. */
export const isWrittenAsText = (contentType: string) => contentType.trim() === '' || isTextMediaType(contentType);

export function readBody(bytes: Uint8Array, contentType: string): ReadBody {
  let text: string;
  let comment: string | undefined;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    // Binary content is kept byte for byte; a text type's stray bytes are not worth losing the body's structure for.
    if (!isTextMediaType(contentType)) return { kind: 'bytes', latin1: Buffer.from(bytes).toString('latin1') };
    text = LENIENT_UTF8.decode(bytes);
    comment = 'Not valid UTF-8: the invalid bytes are written as U+FFFD.';
  }
  const read: TextRead = { text, ...(comment === undefined ? {} : { comment }) };
  const start = text.trimStart()[0];
  if (isJsonMediaType(contentType) || start === '{' || start === '[') {
    if (nestingDepth(text) > MAX_REDACTED_DEPTH) {
      return { kind: 'dropped', comment: `Body dropped: it nests deeper than ${MAX_REDACTED_DEPTH} levels.` };
    }
    try {
      return { kind: 'json', value: JSON.parse(text), ...read };
    } catch {
      // Not JSON after all: redacted as text.
    }
  }
  return { kind: FORM_MEDIA_TYPE.test(contentType) ? 'form' : 'text', ...read };
}
