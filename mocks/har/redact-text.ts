// Text that is not JSON (a broken JSON body, plain text, a header's value, a binary body read as latin1) with the
// secrets found by their names redacted: `"client_secret": "..."`, `api_key=...`, `password: ...`, `Bearer ...`. The
// caller scrubs seen secrets afterwards.
import { REDACTED } from './format.js';
import type { Rewrite } from './rewrite.js';
import { isSecretName } from './secret-names.js';

/** A scheme's credentials anywhere in text (a header quoted in an error message, a log line). */
const SCHEME_CREDENTIALS = /\b(Bearer|Basic)(\s+)([A-Za-z0-9\-._~+/]{8,}=*)/gi;

/** `name: ` or `name=`, the name bare or quoted: where a value begins. */
const NAME_BEFORE_VALUE = /(?<![\w.-])(["']?)([A-Za-z_][\w.-]{0,99})\1\s*[:=]\s*/g;

/**
 * The value after a secret's name: the marker already (`[REDACTED]`), quoted (closed or not: a cut-off body), the
 * start of an object or array, or a run of characters up to a separator. Read only after a secret's name, and the
 * scan goes on after it, so the text is read once.
 */
const VALUE = /\[REDACTED\]|"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|[{[]|[^\s"',;&{}[\]]*/y;

/** The value between its quotes, unescaped where it reads as a JSON string. */
function unquoted(value: string): string {
  const quote = value[0];
  if (quote !== '"' && quote !== "'") return value;
  const inner = value.length > 1 && value.endsWith(quote) ? value.slice(1, -1) : value.slice(1);
  if (quote === '"') {
    try {
      return JSON.parse(`"${inner}"`) as string;
    } catch {
      return inner;
    }
  }
  return inner;
}

const isNamedSecret = (name: string, secretNames: ReadonlySet<string>) => isSecretName(name) || secretNames.has(name);

/**
 * The text with its named secrets replaced by the marker (in the value's own quotes), or undefined when a secret's
 * value is an object or array: where it ends cannot be told in text that does not parse, so the text is dropped.
 */
export function rewriteLooseText(text: string, rewrite: Rewrite, secretNames: ReadonlySet<string>): string | undefined {
  const withoutSchemes = text.replace(SCHEME_CREDENTIALS, (_match, scheme: string, space: string, token: string) => {
    rewrite.secret(token);
    return `${scheme}${space}${REDACTED}`;
  });
  let written = '';
  let copiedUpTo = 0;
  NAME_BEFORE_VALUE.lastIndex = 0;
  for (let match = NAME_BEFORE_VALUE.exec(withoutSchemes); match; match = NAME_BEFORE_VALUE.exec(withoutSchemes)) {
    const [before, , name = ''] = match;
    if (!isNamedSecret(name, secretNames)) continue;
    VALUE.lastIndex = match.index + before.length;
    const value = VALUE.exec(withoutSchemes)?.[0] ?? '';
    if (value === REDACTED || value === '') continue; // a scheme's credentials, replaced above; or nothing
    if (value === '{' || value === '[') return undefined;
    rewrite.secret(unquoted(value));
    const valueQuote = value[0] === '"' || value[0] === "'" ? value[0] : '';
    written += withoutSchemes.slice(copiedUpTo, match.index);
    written += `${before}${valueQuote}${REDACTED}${valueQuote}`;
    copiedUpTo = VALUE.lastIndex;
    NAME_BEFORE_VALUE.lastIndex = VALUE.lastIndex;
  }
  return written + withoutSchemes.slice(copiedUpTo);
}
