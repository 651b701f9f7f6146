// What a tool answers a model: the records as JSON, the params of the next page, and, when the answer is larger than
// the limit, as many whole records as fit with a note on how to ask for the rest (a smaller page, fewer fields). The
// text stays valid JSON whatever is cut, so the model never reads half a record.
import type { PagingRule } from '../../generated/connector-paging.js';
import { nextPageParams } from '../core/execute-paging.js';

/** The default size limit of one tool answer: 100 kB of UTF-8. */
export const DEFAULT_MAX_RESULT_BYTES = 100_000;

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;

/** What an action of a typed connector answered: records and metadata, or a download's bytes. */
export type ActionOutcome = { data: unknown; meta: unknown; warning: unknown } | Uint8Array;

export interface AnswerContext {
  /** The action's paging rule, when it is a list that pages. */
  paging: PagingRule | undefined;
  /** The params the action was called with (the next page's params build on them). */
  params: Record<string, unknown>;
  /** A record's top-level fields, named in the note when the answer had to be cut. */
  fields: readonly string[];
  maxBytes: number;
}

/** Cuts long strings of a value to `max` characters (ending with `…`), for a single record that does not fit. */
function shortenStrings(value: unknown, max: number): unknown {
  if (typeof value === 'string') return value.length > max ? `${value.slice(0, max)}…` : value;
  if (Array.isArray(value)) return value.map((item) => shortenStrings(item, max));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = shortenStrings(item, max);
    return out;
  }
  return value;
}

const fieldHint = (fields: readonly string[]) =>
  fields.length ? ` A record's fields: ${fields.slice(0, 30).join(', ')}${fields.length > 30 ? ', …' : ''}.` : '';

/** The text of a download: UTF-8 text as it is, other content as base64; cut to the limit with a note. */
function downloadText(content: Uint8Array, maxBytes: number): string {
  let text: string;
  let encoding: 'utf-8' | 'base64';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    encoding = 'utf-8';
  } catch {
    let binary = '';
    for (let i = 0; i < content.length; i += 0x8000) binary += String.fromCharCode(...content.subarray(i, i + 0x8000));
    text = btoa(binary);
    encoding = 'base64';
  }
  const budget = Math.max(0, maxBytes - 400);
  const cut = bytes(text) > budget;
  const shown = cut ? text.slice(0, budget) : text;
  return JSON.stringify({
    bytes: content.length,
    encoding,
    content: shown,
    ...(cut ? { note: `The content is ${content.length} bytes; only its first part fits in one answer.` } : {}),
  });
}

/** Any value as a tool's answer: its JSON, or within `maxBytes` as an action's answer is cut. */
export function valueText(value: unknown, maxBytes: number): string {
  const text = JSON.stringify(value);
  return bytes(text) <= maxBytes
    ? text
    : answerText({ data: value, meta: null, warning: null }, { paging: undefined, params: {}, fields: [], maxBytes });
}

/** The model's view of an action's answer, within `maxBytes`. */
export function answerText(outcome: ActionOutcome, context: AnswerContext): string {
  if (outcome instanceof Uint8Array) return downloadText(outcome, context.maxBytes);
  const { data, meta, warning } = outcome;
  let next: Record<string, unknown> | null = null;
  if (context.paging && Array.isArray(data)) {
    try {
      next = nextPageParams(context.paging, context.params, meta, data) ?? null;
    } catch {
      next = null; // metadata the rule cannot read: the model still has connector_metadata
    }
  }
  const envelope = (records: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      data: records,
      ...(Array.isArray(data) ? { next_page: next } : {}),
      ...(meta !== null && meta !== undefined ? { connector_metadata: meta } : {}),
      ...(warning ? { warning } : {}),
      ...extra,
    });
  const whole = envelope(data);
  const wholeBytes = bytes(whole);
  if (wholeBytes <= context.maxBytes) return whole;

  const over = `The answer was ${wholeBytes} bytes, over the limit of ${context.maxBytes}.`;
  if (Array.isArray(data) && data.length > 0) {
    // As many whole records as fit beside the envelope and the note.
    const budget = context.maxBytes - bytes(envelope([], { note: 'x'.repeat(1200) }));
    let used = 0;
    let count = 0;
    for (const record of data) {
      const size = bytes(JSON.stringify(record) ?? 'null') + (count > 0 ? 1 : 0);
      if (used + size > budget) break;
      used += size;
      count += 1;
    }
    if (count > 0) {
      const size = context.paging?.size;
      const note = `${over} Only the first ${count} of the ${data.length} records of this page are shown; next_page would skip the others. To read them, call again${size ? ` with ${size}: ${count}` : ' with a smaller page'} and follow next_page, or ask for fewer fields with select_fields.${fieldHint(context.fields)}`;
      return JSON.stringify({
        data: data.slice(0, count),
        next_page: null,
        ...(meta !== null && meta !== undefined ? { connector_metadata: meta } : {}),
        ...(warning ? { warning } : {}),
        truncated: { shown: count, of: data.length },
        note,
      });
    }
  }
  // One record (or the first of a page) alone is too large: its long strings are cut until it fits.
  const records = Array.isArray(data) ? data.slice(0, 1) : data;
  for (let max = 2000; max >= 50; max = Math.floor(max / 2)) {
    const text = envelope(shortenStrings(records, max), {
      truncated: { strings_cut_to: max },
      note: `${over} Strings longer than ${max} characters are cut short (ending with …)${Array.isArray(data) ? `, and only the first of the ${data.length} records is shown` : ''}. Ask for fewer fields with select_fields.${fieldHint(context.fields)}`,
    });
    if (bytes(text) <= context.maxBytes) return text;
  }
  return JSON.stringify({
    data: null,
    truncated: { bytes: wholeBytes },
    note: `${over} Not even one record fits. Ask for fewer fields with select_fields.${fieldHint(context.fields)}`,
  });
}
