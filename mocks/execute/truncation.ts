// `skip_truncation: false`: long string values of an execute result cut short. The API defaults to returning values
// whole; the cut-off length is the mock's inference (the spec says so).

/** Strings longer than this are cut to it, with an ellipsis appended. */
export const TRUNCATION_LIMIT = 2_000;
const ELLIPSIS = '…';

/** A copy of `value` with every string longer than `limit` characters cut to `limit` and ended with `…`. */
export function truncateLongStrings(value: unknown, limit = TRUNCATION_LIMIT): unknown {
  if (typeof value === 'string') return value.length > limit ? value.slice(0, limit) + ELLIPSIS : value;
  if (Array.isArray(value)) return value.map((item) => truncateLongStrings(item, limit));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = truncateLongStrings(item, limit);
    return out;
  }
  return value;
}
