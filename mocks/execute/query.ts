// The execute engine's query language, the same for every connector: dotted field paths, filters (the search
// operators), sorting and shaping (select_fields / exclude_fields / truncation). Connectors are data; this is the
// one piece of code that reads them. Hostile input is normal input here: a path never reaches a prototype, and every
// filter runs in time linear in its input (no regular expressions built from the caller's text).

export type Row = Record<string, unknown>;

/** Raised for a query the caller got wrong; the engine answers it as a 400 naming `field`. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly field: string,
    readonly details: Row | null = null,
  ) {
    super(message);
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_PATH_DEPTH = 16;

/** A dotted path as keys, refusing the keys that would reach an object's prototype. */
export function pathKeys(path: string, field: string): string[] {
  if (typeof path !== 'string' || path === '')
    throw new QueryError('A field path is a non-empty string such as "author.login"', field);
  const keys = path.split('.');
  if (keys.length > MAX_PATH_DEPTH) throw new QueryError(`A field path has at most ${MAX_PATH_DEPTH} parts`, field);
  for (const key of keys)
    if (key === '' || FORBIDDEN_KEYS.has(key))
      throw new QueryError(`Not a field path: ${JSON.stringify(path).slice(0, 80)}`, field);
  return keys;
}

/** The value at a dotted path, own properties only. */
export function valueAt(record: unknown, path: string): unknown {
  let node: unknown = record;
  for (const key of path.split('.')) {
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Row)[key];
  }
  return node;
}

/** Ordinal comparison, the same on every machine: numbers as numbers (numeric strings too), else strings. */
export function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  const numeric = (v: unknown) =>
    typeof v === 'number'
      ? v
      : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))
        ? Number(v)
        : undefined;
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return x - y;
  const s = typeof a === 'string' ? a : JSON.stringify(a);
  const t = typeof b === 'string' ? b : JSON.stringify(b);
  return s < t ? -1 : s > t ? 1 : 0;
}

/** Equality as filters mean it: loose on scalars (`"42"` equals 42); a list field equals a value it contains. */
export function same(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual) && !Array.isArray(expected)) return actual.some((item) => same(item, expected));
  if (actual === expected) return true;
  if (actual === null || actual === undefined || expected === null || expected === undefined) return false;
  if (typeof actual === 'object' || typeof expected === 'object')
    return JSON.stringify(actual) === JSON.stringify(expected);
  return String(actual).toLowerCase() === String(expected).toLowerCase();
}

/** Every string inside a value (for keyword search), depth-bounded. */
export function strings(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (depth < MAX_PATH_DEPTH && value && typeof value === 'object')
    return Object.values(value).flatMap((v) => strings(v, depth + 1));
  return [];
}

/**
 * SQL LIKE without regular expressions: `%` any run, `_` one character, case-insensitive. Greedy matching with one
 * backtrack point (the last `%`) is linear in practice and never exponential.
 */
export function like(text: string, pattern: string): boolean {
  const s = text.toLowerCase();
  const p = pattern.toLowerCase();
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (i < s.length) {
    if (j < p.length && (p[j] === '_' || p[j] === s[i])) {
      i++;
      j++;
    } else if (j < p.length && p[j] === '%') {
      star = j++;
      mark = i;
    } else if (star >= 0) {
      j = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (j < p.length && p[j] === '%') j++;
  return j === p.length;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** A whole word (case-insensitive) in a text: a plain scan, not a regular expression. */
export function containsWord(text: string, word: string): boolean {
  const haystack = text.toLowerCase();
  const needle = word.toLowerCase();
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (!isWordChar(haystack[at - 1]) && !isWordChar(haystack[at + needle.length])) return true;
  }
  return false;
}

export const FILTER_OPERATORS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'like',
  'fuzzy',
  'keyword',
  'contains',
  'any',
  'not',
  'and',
  'or',
] as const;
const MAX_FILTER_NODES = 256;

function leaf(operator: string, operand: unknown, field: string): [string, unknown] {
  if (!operand || typeof operand !== 'object' || Array.isArray(operand) || Object.keys(operand).length !== 1) {
    throw new QueryError(`${operator} takes one {field: value}, e.g. {"${operator}": {"state": "open"}}`, field);
  }
  const [path, value] = Object.entries(operand)[0]!;
  pathKeys(path, field);
  return [path, value];
}

/** A filter checked once (operators, paths, sizes), then applied to many records. */
export function compileFilter(filter: unknown, field = 'params.query.filter'): (record: Row) => boolean {
  let nodes = 0;
  const build = (node: unknown, depth: number): ((record: Row) => boolean) => {
    if (++nodes > MAX_FILTER_NODES || depth > MAX_PATH_DEPTH)
      throw new QueryError(`A filter has at most ${MAX_FILTER_NODES} conditions, nested ${MAX_PATH_DEPTH} deep`, field);
    if (!node || typeof node !== 'object' || Array.isArray(node))
      throw new QueryError('A filter is an object such as {"eq": {"state": "open"}}', field);
    const parts = Object.entries(node as Row).map(([operator, operand]) => {
      switch (operator) {
        case 'and':
        case 'or': {
          if (!Array.isArray(operand)) throw new QueryError(`${operator} takes a list of filters`, field);
          const children = operand.map((child) => build(child, depth + 1));
          return operator === 'and' ? (r: Row) => children.every((c) => c(r)) : (r: Row) => children.some((c) => c(r));
        }
        case 'not': {
          const child = build(operand, depth + 1);
          return (r: Row) => !child(r);
        }
        case 'keyword': {
          // Words anywhere in the record's text ({"keyword": "timeout"}), or in one field ({"keyword": {"title": "timeout"}}).
          const [path, text] =
            operand && typeof operand === 'object' && !Array.isArray(operand)
              ? leaf(operator, operand, field)
              : [undefined, operand];
          if (typeof text !== 'string') throw new QueryError('keyword takes a text', field);
          const words = text.split(/\s+/).filter(Boolean);
          return (r: Row) => {
            const haystack = strings(path === undefined ? r : valueAt(r, path));
            return words.every((word) => haystack.some((value) => containsWord(value, word)));
          };
        }
        case 'eq':
        case 'neq':
        case 'gt':
        case 'gte':
        case 'lt':
        case 'lte':
        case 'in':
        case 'like':
        case 'fuzzy':
        case 'contains':
        case 'any': {
          const [path, expected] = leaf(operator, operand, field);
          if ((operator === 'in' || operator === 'any') && !Array.isArray(expected))
            throw new QueryError(
              `${operator} takes a list of values, e.g. {"${operator}": {"state": ["open", "closed"]}}`,
              field,
            );
          if (
            (operator === 'like' || operator === 'fuzzy' || operator === 'contains') &&
            typeof expected !== 'string' &&
            typeof expected !== 'number'
          ) {
            throw new QueryError(`${operator} takes a text`, field);
          }
          return (r: Row) => {
            const actual = valueAt(r, path);
            switch (operator) {
              case 'eq':
                return same(actual, expected);
              case 'neq':
                return !same(actual, expected);
              case 'in':
                return (expected as unknown[]).some((v) => same(actual, v));
              // A list field holding any of the values.
              case 'any':
                return (
                  Array.isArray(actual) && (expected as unknown[]).some((v) => actual.some((item) => same(item, v)))
                );
              case 'like':
                return actual !== undefined && actual !== null && like(String(actual), String(expected));
              case 'fuzzy':
              case 'contains':
                return Array.isArray(actual)
                  ? actual.some((item) => same(item, expected))
                  : actual !== undefined &&
                      actual !== null &&
                      String(actual).toLowerCase().includes(String(expected).toLowerCase());
              default: {
                if (actual === undefined || actual === null) return false;
                const order = compare(actual, expected);
                return operator === 'gt'
                  ? order > 0
                  : operator === 'gte'
                    ? order >= 0
                    : operator === 'lt'
                      ? order < 0
                      : order <= 0;
              }
            }
          };
        }
        default:
          throw new QueryError(
            `Unknown operator ${JSON.stringify(operator).slice(0, 40)}; the operators are ${FILTER_OPERATORS.join(', ')}`,
            field,
            { allowed: [...FILTER_OPERATORS] },
          );
      }
    });
    return (r: Row) => parts.every((p) => p(r));
  };
  return build(filter, 0);
}

export interface SortRule {
  path: string;
  descending: boolean;
}

/** `[{"created_at": "desc"}]` (the API's form) or `[{"field": "created_at", "direction": "desc"}]`. */
export function parseSort(sort: unknown, field = 'params.query.sort'): SortRule[] {
  if (sort === undefined || sort === null) return [];
  if (!Array.isArray(sort) || sort.length > MAX_PATH_DEPTH)
    throw new QueryError('sort is a list such as [{"created_at": "desc"}]', field);
  return sort.map((rule: unknown) => {
    if (!rule || typeof rule !== 'object' || Array.isArray(rule))
      throw new QueryError('each sort rule is {"<field>": "asc" | "desc"}', field);
    const entries = Object.entries(rule as Row);
    const [path, direction] =
      'field' in (rule as Row)
        ? [(rule as Row).field, (rule as Row).direction ?? 'asc']
        : entries.length === 1
          ? entries[0]!
          : [undefined, undefined];
    if (typeof path !== 'string') throw new QueryError('each sort rule names one field', field);
    pathKeys(path, field);
    if (direction !== 'asc' && direction !== 'desc')
      throw new QueryError('a sort direction is asc or desc', field, { allowed: ['asc', 'desc'] });
    return { path, descending: direction === 'desc' };
  });
}

export function sortRecords(records: Row[], rules: SortRule[]): Row[] {
  if (rules.length === 0) return records;
  return [...records].sort((a, b) => {
    for (const rule of rules) {
      const order = compare(valueAt(a, rule.path), valueAt(b, rule.path));
      if (order !== 0) return rule.descending ? -order : order;
    }
    return 0;
  });
}

/** A field list (select_fields, exclude_fields, fields) checked once. */
export function fieldList(value: unknown, field: string): string[][] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length > 256) throw new QueryError(`${field} is a list of field paths`, field);
  return value.map((path) => pathKeys(path as string, field));
}

/**
 * A record with only `select` (paths as keys) and without `exclude`, for an answer that is serialized at once: without
 * either it is the stored record itself, with `select` a new object over the stored values; `exclude` works on a copy.
 */
export function shape(record: Row, select: string[][] | null, exclude: string[][] | null): Row {
  if (!select?.length && !exclude?.length) return record;
  let out: Row;
  if (select && select.length > 0) {
    out = {};
    for (const keys of select) {
      const value = valueAt(record, keys.join('.'));
      if (value === undefined) continue;
      let node = out;
      for (const key of keys.slice(0, -1)) {
        if (!Object.hasOwn(node, key) || typeof node[key] !== 'object' || node[key] === null) node[key] = {};
        node = node[key] as Row;
      }
      node[keys.at(-1)!] = value;
    }
    if (exclude?.length) out = structuredClone(out);
  } else {
    out = structuredClone(record);
  }
  for (const keys of exclude ?? []) {
    const parent = keys.length === 1 ? out : valueAt(out, keys.slice(0, -1).join('.'));
    if (parent && typeof parent === 'object' && Object.hasOwn(parent, keys.at(-1)!))
      delete (parent as Row)[keys.at(-1)!];
  }
  return out;
}
