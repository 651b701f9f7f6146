// A parsed JSON body with its secrets redacted: every leaf under a secret's name (credentials, tokens, secrets,
// passwords, API keys; `configuration` where the route says so), and seen secrets scrubbed from every other string,
// key and number. Objects are rebuilt without a prototype, so a `__proto__` key stays a key.
import { isCredentialsLabel, isSecretName } from './secret-names.js';
import type { Rewrite } from './rewrite.js';

/** Keywords of a JSON Schema: a `properties` entry holding one names a field (`client_secret: {type}`), not a value. */
const SCHEMA_KEYWORDS = ['type', '$ref', 'oneOf', 'anyOf', 'allOf', 'const', 'enum', 'airbyte_secret'];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const isSchema = (value: unknown) =>
  isPlainObject(value) && SCHEMA_KEYWORDS.some((keyword) => Object.hasOwn(value, keyword));

/**
 * The value rewritten, and whether anything changed (an unchanged body keeps its own text: its formatting, and
 * integers beyond 2^53 that a round trip through numbers would alter). The caller bounds the nesting depth.
 */
export function rewriteJson(
  value: unknown,
  rewrite: Rewrite,
  secretTopKeys: ReadonlySet<string>,
): { value: unknown; changed: boolean } {
  let changed = false;
  const secret = (leaf: string, name: string | undefined) => {
    changed = true;
    return rewrite.secret(leaf, name === undefined || !isCredentialsLabel(name));
  };
  const text = (leaf: string) => {
    const scrubbed = rewrite.text(leaf);
    if (scrubbed !== leaf) changed = true;
    return scrubbed;
  };
  const walk = (node: unknown, inSecret: boolean, name: string | undefined, top: boolean): unknown => {
    if (typeof node === 'string') return inSecret ? secret(node, name) : text(node);
    if (typeof node === 'number') {
      if (inSecret) return secret(String(node), name);
      const scrubbed = text(String(node));
      return scrubbed === String(node) ? node : scrubbed;
    }
    if (Array.isArray(node)) return node.map((item) => walk(item, inSecret, name, false));
    if (!isPlainObject(node)) return node; // true, false, null
    const rebuilt: Record<string, unknown> = Object.create(null);
    for (const [key, child] of Object.entries(node)) {
      const named = isSecretName(key) || (top && secretTopKeys.has(key));
      const secretHere = inSecret || (named && !(name === 'properties' && isSchema(child)));
      rebuilt[text(key)] = walk(child, secretHere, key, false);
    }
    return rebuilt;
  };
  const rewritten = walk(value, false, undefined, true);
  return { value: rewritten, changed };
}
