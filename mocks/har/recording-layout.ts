// How a recording lies in its file, for the recorder that appends to it and for whoever reads it after a kill. The
// head opens the entries array; each entry is one line (JSON.stringify writes no raw newline, so every newline in
// the file is a separator); the trailer closes the array and the log, and is overwritten by the next entry:
//
//   {"log":{"version":"1.2","creator":{...},"entries":[
//   {entry 1},
//   {entry 2}]}}
//
// One positional write per entry keeps the file valid after every record, and a kill between writes loses nothing.
// A kill inside a write is another matter: Linux checks for fatal signals between the pages of a write, so SIGKILL can
// leave a write that crosses a page boundary cut there (seen here: 8 of 690 random kills tore an entry of a few KiB).
// No layout appended in place is valid at every byte of a write (whatever follows the trailer breaks the JSON), so
// readHarRecording cuts a torn last write away, keeping every entry whose write completed.
import type { Har, HarEntry } from './format.js';

export const TRAILER = ']}}\n';

export const headOf = (creator: { name: string; version: string }) =>
  `{"log":{"version":"1.2","creator":${JSON.stringify(creator)},"entries":[`;

export const entryLine = (entry: HarEntry, first: boolean) => `${first ? '\n' : ',\n'}${JSON.stringify(entry)}`;

/** What can follow a whole entry on its line: the next one's comma (over the rest of a trailer), the trailer or part of it. */
const ENTRY_ENDINGS = [',', ',}}', ']}}', ']}', ']', ''];

function wholeEntry(line: string): HarEntry | undefined {
  for (const ending of ENTRY_ENDINGS) {
    if (!line.endsWith(ending)) continue;
    try {
      const entry = JSON.parse(line.slice(0, line.length - ending.length)) as unknown;
      if (entry !== null && typeof entry === 'object' && 'startedDateTime' in entry) return entry as HarEntry;
    } catch {
      // Not this ending, or the torn entry itself.
    }
  }
  return undefined;
}

/**
 * A recording's HAR, read from the text of its file: as it parses, or, when a kill tore the last write, every entry
 * before it. Throws when the text is not a recording at all.
 */
export function readHarRecording(text: string): Har {
  try {
    return JSON.parse(text) as Har;
  } catch {
    // A torn last write: read line by line.
  }
  const [head = '', ...lines] = text.split('\n');
  const har = JSON.parse(`${head}${TRAILER}`) as Har;
  for (const line of lines) {
    const entry = wholeEntry(line);
    if (entry === undefined) break;
    har.log.entries.push(entry);
  }
  return har;
}
