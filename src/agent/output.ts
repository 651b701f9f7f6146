// What a tool answers a model: the records as JSON, the params of the next page, and, when the answer is larger than
// the limit, as many whole records as fit with a note on how to read the rest (where the page can be resumed exactly,
// the params that resume it; else a smaller page or fewer fields). The text stays valid JSON whatever is cut, so the
// model never reads half a record, and never more than the limit in UTF-8 bytes.
import type { PagingRule } from '../../generated/connector-paging.js';
import { nextPageParams } from '../core/execute-paging.js';

/** The default size limit of one tool answer: 100 kB of UTF-8. */
export const DEFAULT_MAX_RESULT_BYTES = 100_000;

const encoder = new TextEncoder();
/** The size of a text in UTF-8 bytes: what the size limit counts. */
export const bytes = (text: string) => encoder.encode(text).length;

/** What an action of a typed connector answered: records and metadata, or a download's bytes. */
export type ActionOutcome = { data: unknown; meta: unknown; warning: unknown } | Uint8Array;

export interface AnswerContext {
  /** The action's paging rule, when it is a list that pages. */
  paging: PagingRule | undefined;
  /** The params the action was called with (the next page's params build on them), by the API's names. */
  params: Record<string, unknown>;
  /** A record's top-level fields, named in the note when the answer had to be cut. */
  fields: readonly string[];
  maxBytes: number;
  /** How the model names a param in its arguments (a static tool's safe name; `params.<name>` for execute_action). */
  argumentName?: (param: string) => string;
  /** How the next page's params are keyed for the model (a static tool's safe names); the API's names by default. */
  nextPageKey?: (param: string) => string;
}

type Row = Record<string, unknown>;

/** Cuts long strings of a value to `max` characters (ending with `…`), for a single record that does not fit. */
function shortenStrings(value: unknown, max: number): unknown {
  if (typeof value === 'string') return value.length > max ? `${value.slice(0, max)}…` : value;
  if (Array.isArray(value)) return value.map((item) => shortenStrings(item, max));
  if (value && typeof value === 'object') {
    const out: Row = {};
    for (const [key, item] of Object.entries(value)) out[key] = shortenStrings(item, max);
    return out;
  }
  return value;
}

const fieldHint = (fields: readonly string[]) =>
  fields.length ? ` A record's fields: ${fields.slice(0, 30).join(', ')}${fields.length > 30 ? ', …' : ''}.` : '';

const rekey = (params: Row | null, key: (name: string) => string): Row | null =>
  params && Object.fromEntries(Object.entries(params).map(([name, value]) => [key(name), value]));

/** The longest prefix of `content` whose base64 or JSON-escaped UTF-8 text fits in `budget` bytes. */
function downloadText(content: Uint8Array, maxBytes: number): string {
  let utf8: string | undefined;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    utf8 = undefined; // not text: base64
  }
  const base64 = (part: Uint8Array) => {
    let binary = '';
    for (let i = 0; i < part.length; i += 0x8000) binary += String.fromCharCode(...part.subarray(i, i + 0x8000));
    return btoa(binary);
  };
  const answer = (shown: string, cut: boolean) =>
    JSON.stringify({
      bytes: content.length,
      encoding: utf8 === undefined ? 'base64' : 'utf-8',
      content: shown,
      ...(cut ? { note: `The content is ${content.length} bytes; only its first part fits in one answer.` } : {}),
    });
  // Whole, when it fits; else the longest cut that does (cut by code points or by 3-byte groups, then measured).
  const whole = utf8 ?? (content.length <= maxBytes ? base64(content) : undefined);
  if (whole !== undefined) {
    const text = answer(whole, false);
    if (bytes(text) <= maxBytes) return text;
  }
  const codePoints = utf8 === undefined ? [] : Array.from(utf8.slice(0, maxBytes));
  const part = (n: number) =>
    utf8 === undefined ? base64(content.subarray(0, n * 3)) : codePoints.slice(0, n).join('');
  let low = 0;
  let high = utf8 === undefined ? Math.floor(Math.min(content.length, maxBytes) / 3) : codePoints.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (bytes(answer(part(mid), true)) <= maxBytes) low = mid;
    else high = mid - 1;
  }
  return answer(part(low), true);
}

/**
 * The params that resume a page cut after its `shown` records, where the paging style allows it: `last_id` resumes
 * after the last record shown, `offset` counts on from it. Cursors and links name the next page, not a record.
 */
function resumeParams(rule: PagingRule | undefined, params: Row, shown: unknown[]): Row | null {
  if (!rule?.cursor || shown.length === 0) return null;
  if (rule.style === 'last_id') {
    const last = shown.at(-1) as Row | undefined;
    const key = rule.key ?? 'id';
    const value = last && Object.hasOwn(last, key) ? last[key] : undefined;
    return value === undefined || value === null ? null : { [rule.cursor]: value };
  }
  if (rule.style === 'offset') {
    const offset = Number(params[rule.cursor] ?? 0);
    return Number.isInteger(offset) ? { [rule.cursor]: offset + shown.length } : null;
  }
  return null;
}

/** The model's view of an action's answer, within `maxBytes`. */
export function answerText(outcome: ActionOutcome, context: AnswerContext): string {
  if (outcome instanceof Uint8Array) return downloadText(outcome, context.maxBytes);
  const { data, meta, warning } = outcome;
  const argument = context.argumentName ?? ((name: string) => name);
  const key = context.nextPageKey ?? ((name: string) => name);
  let next: Row | null | undefined = null;
  let unknownNext = '';
  if (context.paging && Array.isArray(data)) {
    try {
      next = nextPageParams(context.paging, context.params, meta, data) ?? null;
    } catch (error) {
      // The metadata or the records do not say where the next page starts: say so, never "last page".
      next = undefined;
      unknownNext = `Where the next page starts is unknown: ${(error as Error).message.replace(/^executePages: /, '')}.`;
    }
  }
  const pages = Array.isArray(data) && context.paging !== undefined && context.paging.style !== 'none';
  /** The answer; `nextPage` undefined leaves next_page out (unknown). */
  const envelope = (records: unknown, nextPage: Row | null | undefined, extra: Row = {}) =>
    JSON.stringify({
      data: records,
      ...(pages && nextPage !== undefined ? { next_page: rekey(nextPage, key) } : {}),
      ...(meta !== null && meta !== undefined ? { connector_metadata: meta } : {}),
      ...(warning ? { warning } : {}),
      ...extra,
      ...(unknownNext && !extra.note ? { note: unknownNext } : {}),
    });
  const whole = envelope(data, next);
  const wholeBytes = bytes(whole);
  if (wholeBytes <= context.maxBytes) return whole;

  const over = `The answer was ${wholeBytes} bytes, over the limit of ${context.maxBytes}.`;
  const size = context.paging?.size;
  const advice = (shown: number, resume: Row | null) =>
    resume
      ? ` To read the others, call again with ${Object.entries(rekey(resume, argument)!)
          .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
          .join(', ')} (next_page holds it).`
      : size
        ? ` To read the others, call again with ${argument(size)}: ${shown} and follow next_page.`
        : '';
  if (Array.isArray(data) && data.length > 0) {
    // As many whole records as fit beside the envelope and the note (the note measured, not guessed).
    const sizes = data.map((record) => bytes(JSON.stringify(record) ?? 'null'));
    const attempt = (count: number) => {
      const shown = data.slice(0, count);
      const resume = resumeParams(context.paging, context.params, shown);
      return envelope(shown, resume, {
        truncated: { shown: count, of: data.length },
        note: `${over} Only the first ${count} of the ${data.length} records of this page are shown.${advice(count, resume)} Or ask for fewer fields with select_fields.${fieldHint(context.fields)}`,
      });
    };
    let count = 0;
    let used = bytes(attempt(0));
    while (count < data.length && used + sizes[count]! + 1 <= context.maxBytes) used += sizes[count++]! + 1;
    // The estimate counts each record once; the resume params may differ by a few bytes: measured again.
    while (count > 0 && bytes(attempt(count)) > context.maxBytes) count -= 1;
    if (count > 0) return attempt(count);
  }
  // One record (or the first of a page) alone is too large: its long strings are cut until it fits.
  const records = Array.isArray(data) ? data.slice(0, 1) : data;
  const resume = Array.isArray(data) ? resumeParams(context.paging, context.params, data.slice(0, 1)) : null;
  for (let max = 2000; max >= 50; max = Math.floor(max / 2)) {
    const text = envelope(shortenStrings(records, max), resume, {
      truncated: { strings_cut_to: max, ...(Array.isArray(data) ? { shown: 1, of: data.length } : {}) },
      note: `${over} Strings longer than ${max} characters are cut short (ending with …)${Array.isArray(data) ? `, and only the first of the ${data.length} records is shown.${advice(1, resume)}` : '.'} Ask for fewer fields with select_fields.${fieldHint(context.fields)}`,
    });
    if (bytes(text) <= context.maxBytes) return text;
  }
  return JSON.stringify({
    data: null,
    truncated: { bytes: wholeBytes },
    note: `${over} Not even one record fits. Ask for fewer fields with select_fields.${fieldHint(context.fields.slice(0, 10))}`,
  });
}
