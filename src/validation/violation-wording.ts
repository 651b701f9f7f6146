// How a violation is said, by the mock's validators and the proxy alike: what the schema expected, and what came as a
// typed hint (never a string's text, which may be a secret or a customer's data).

/** What the schema wanted, from an ajv error: `integer`, `one of "a", "b"`, `format date-time`, `at most 100`. */
export function expectation(error: { keyword: string; message?: string | undefined; params: Record<string, unknown> }) {
  switch (error.keyword) {
    case 'type':
      return String(error.params.type).replace(/,/g, ' or ');
    case 'enum':
      return `one of ${(error.params.allowedValues as unknown[])
        .slice(0, 8)
        .map((v) => JSON.stringify(v))
        .join(', ')}`;
    case 'const':
      return JSON.stringify(error.params.allowedValue);
    case 'format':
      return `format ${String(error.params.format)}`;
    default:
      return error.message ?? error.keyword;
  }
}

/**
 * A value as a violation line shows it: its JSON type, and for a short number, boolean or enum-like word the value
 * itself. Never a string's text (it may be a secret or a customer's data), never more than a type for an object.
 */
export function describeValue(value: unknown, keyword?: string): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'number':
      return Number.isInteger(value) ? `integer ${value}` : `number ${value}`;
    case 'boolean':
      return `boolean ${value}`;
    case 'string':
      // An enum's or const's value is a word the spec names: a short one of letters is shown, other text never is.
      return (keyword === 'enum' || keyword === 'const') && /^[\w.-]{1,32}$/.test(value)
        ? `string ${JSON.stringify(value)}`
        : `a string of ${value.length} characters`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** The value at a JSON pointer inside a parsed body; undefined where there is none. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
