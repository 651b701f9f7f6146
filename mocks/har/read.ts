// Reading a HAR recording (`mock --replay FILE.har`): the text parsed and checked to be HAR 1.2, its entries kept where
// they have what the mock reads (a request with a method and URL, a response with a status). A file cut short (a
// writer killed mid-way) is read up to its last whole entry, with a warning. Runtime-neutral: a path is read with
// node:fs only where the runtime has it (process.getBuiltinModule), never imported.
import type * as NodeFs from 'node:fs';
import type { Har, HarEntry } from './format.js';
import { readHarRecording } from './recording-layout.js';

/**
 * A recording the mock cannot replay: not JSON, not HAR 1.2, of another API, too large, or given with a state file
 * that already holds a store. Its message is one line naming the file and what is wrong.
 */
export class ReplayError extends Error {
  /** `ReplayError`: what the command line and the mock's options catch to say the line and stop. */
  override readonly name = 'ReplayError';
}

/** A HAR's entries as read, and what was said about the file on the way (a cut-short last entry). */
export interface HarRead {
  entries: HarEntry[];
  /** Lines for the user: the file was cut short, and what of it is used. */
  warnings: string[];
  /** Entries without a request method and URL or a response status, left out. */
  unreadable: number;
}

/** The largest file read: about the longest string a JavaScript engine makes (V8's is 2^29 - 24 characters). */
export const MAX_HAR_BYTES = 512 * 1024 * 1024;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A value as a message may show it: short, and never more than a few characters of the file. */
const shown = (value: unknown) => (JSON.stringify(value) ?? String(value)).slice(0, 20);

/**
 * A HAR's entries: `input` is the file's text, or what it parsed to (a `Har`); `source` names it in messages (the file's
 * path). Throws a ReplayError, one line, for what is not HAR 1.2.
 */
export function readHar(input: string | Har | unknown, source: string): HarRead {
  const warnings: string[] = [];
  let har: unknown = input;
  let cut = false;
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    try {
      har = JSON.parse(text);
    } catch {
      // JSON.parse's own message quotes the file: never shown.
      const repaired = readTornRecording(text, source) ?? readCutShort(text, source);
      if (!repaired) throw new ReplayError(`${source} is not a HAR file: it does not read as JSON`);
      har = repaired.har;
      cut = true;
      warnings.push(repaired.warning);
    }
  }
  if (!isObject(har) || !isObject(har.log))
    throw new ReplayError(`${source} is not a HAR file: it has no "log" object`);
  const { log } = har;
  // A file cut short may have lost what came after its entries; a whole file says its version.
  if (log.version !== '1.2' && !(cut && log.version === undefined))
    throw new ReplayError(
      log.version === undefined
        ? `${source} is not a HAR file: its log has no "version"`
        : `${source} is HAR version ${shown(log.version)}: the mock replays HAR 1.2`,
    );
  if (!Array.isArray(log.entries)) throw new ReplayError(`${source} is not a HAR file: its log has no "entries" list`);
  const entries: HarEntry[] = [];
  let unreadable = 0;
  for (const entry of log.entries as unknown[]) {
    const request = isObject(entry) ? entry.request : undefined;
    const response = isObject(entry) ? entry.response : undefined;
    if (
      isObject(request) &&
      isObject(response) &&
      typeof request.method === 'string' &&
      typeof request.url === 'string' &&
      typeof response.status === 'number'
    )
      entries.push(entry as unknown as HarEntry);
    else unreadable++;
  }
  return { entries, warnings, unreadable };
}

/** A HAR file read from disk (Node ≥ 20.16: `process.getBuiltinModule`); a ReplayError when it cannot be read. */
export function readHarFile(path: string): HarRead {
  const builtin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  const fs = builtin?.('node:fs') as typeof NodeFs | undefined;
  if (!fs)
    throw new ReplayError(
      `${path}: reading a file needs Node 20.16 or later (process.getBuiltinModule); here, pass the recording itself (a Har object) as replay`,
    );
  let text: string;
  try {
    const stat = fs.statSync(path);
    if (!stat.isFile()) throw new ReplayError(`${path} is not a file`);
    if (stat.size > MAX_HAR_BYTES)
      throw new ReplayError(
        `${path} is too large to replay (${Math.round(stat.size / 2 ** 20)} MB; at most ${MAX_HAR_BYTES / 2 ** 20} MB)`,
      );
    // Decoded as UTF-8 at once (an ASCII file takes the fast path: a scan for non-ASCII first only costs time).
    text = fs.readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof ReplayError) throw error;
    const code = (error as { code?: string }).code;
    throw new ReplayError(
      code === 'ENOENT'
        ? `${path} does not exist`
        : `${path} cannot be read (${code ?? (error as Error).message?.split('\n')[0]})`,
    );
  }
  return readHar(text, path);
}

/**
 * A recording of the proxy (`proxy --record`, an entry a line) whose last write a kill tore: every entry written whole
 * before it, as the recorder's own layout reads (it knows torn trailers that a generic repair cannot close).
 */
function readTornRecording(text: string, source: string): { har: unknown; warning: string } | undefined {
  if (!text.startsWith('{"log":{"version":"1.2","creator":{"name":"agent-engine-kit"')) return undefined;
  try {
    const har = readHarRecording(text);
    const whole = har.log.entries.length;
    return {
      har,
      warning: `${source} is cut short in its last entry (its writer stopped mid-way): that entry is skipped, the ${whole} whole ${whole === 1 ? 'entry' : 'entries'} before it are replayed`,
    };
  } catch {
    return undefined;
  }
}

/**
 * A HAR whose text ends inside its entries (a writer killed mid-way): its whole entries, the rest closed off. One
 * pass over the text tracks the open arrays and objects (strings skipped) and the keys above them, and notes where
 * each whole element of `log.entries` ends. Undefined when the text is not such a HAR (it ends with nothing open, or
 * before its entries).
 */
function readCutShort(text: string, source: string): { har: unknown; warning: string } | undefined {
  // Open containers, innermost last: 123 `{`, 91 `[`; and the last key read at the two outer object levels.
  const open: number[] = [];
  const keys: (string | undefined)[] = [];
  let expectingKey = false;
  let entriesStart = -1;
  let lastWholeEntry = -1;
  let whole = 0;
  const inEntries = () => open.length === 3 && open[2] === 91 && keys[0] === 'log' && keys[1] === 'entries';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string: to its closing quote; a key at the two outer levels is kept.
      const start = i;
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 92) i++;
        else if (s === 34) break;
      }
      if (i >= text.length) break;
      if (expectingKey && open.length <= 2) {
        try {
          keys[open.length - 1] = JSON.parse(text.slice(start, i + 1));
        } catch {
          return undefined;
        }
      }
      expectingKey = false;
    } else if (c === 123 || c === 91) {
      if (open.length === 1 || open.length === 2) keys.length = open.length;
      open.push(c);
      expectingKey = c === 123;
      if (inEntries()) entriesStart = i + 1;
    } else if (c === 125 || c === 93) {
      const expected = c === 125 ? 123 : 91;
      if (open.pop() !== expected) return undefined;
      if (open.length === 0) return undefined; // the whole text closed: it is not cut short, it is not JSON
      if (inEntries()) {
        lastWholeEntry = i + 1;
        whole++;
      }
      expectingKey = false;
    } else if (c === 44) expectingKey = open.at(-1) === 123;
  }
  if (entriesStart < 0 || open.length === 0) return undefined;
  // Whole entries, and the containers they sit in closed: `]}}`.
  const end = lastWholeEntry > 0 ? lastWholeEntry : entriesStart;
  const rest = text.slice(end).replace(/^[\s,]+/, '');
  let har: unknown;
  try {
    har = JSON.parse(`${text.slice(0, end)}]}}`);
  } catch {
    return undefined;
  }
  const entries = `${whole} whole ${whole === 1 ? 'entry' : 'entries'}`;
  return {
    har,
    warning:
      rest === '' || rest.startsWith(']')
        ? `${source} is cut short after its entries (its writer stopped before closing the file): its ${entries} are replayed`
        : `${source} is cut short in its last entry (its writer stopped mid-way): that entry is skipped, the ${entries} before it are replayed`,
  };
}
