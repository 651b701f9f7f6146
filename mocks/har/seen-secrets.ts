// The secret values a recording has seen so far (a token issued in one answer, credentials sent in a request), scrubbed
// from every later text wherever they occur: in headers, URLs, bodies, error messages, an execute `intent`.
import { Buffer } from 'node:buffer';
import { REDACTED } from './format.js';

/** Shorter values are redacted where a secret's name says so, but not scrubbed as substrings: too generic ("true"). */
export const MIN_SCRUBBED_LENGTH = 8;

const BASE64 = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/** The inner token of a widget token (base64 of JSON `{widgetUrl, token}`), which is sent on its own later. */
function widgetInnerToken(value: string): string | undefined {
  if (!BASE64.test(value)) return undefined;
  try {
    const decoded: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value, 'base64')));
    const token = (decoded as { token?: unknown } | null)?.token;
    return typeof token === 'string' ? token : undefined;
  } catch {
    return undefined;
  }
}

/** How a value can be spelled in text: as is, escaped in a JSON string, percent-encoded in a URL or a form. */
function spellingsOf(value: string): string[] {
  const spellings = new Set([value, JSON.stringify(value).slice(1, -1)]);
  // URLSearchParams writes a lone surrogate as U+FFFD, where encodeURIComponent throws.
  spellings.add(new URLSearchParams({ v: value }).toString().slice(2));
  try {
    spellings.add(encodeURIComponent(value));
  } catch {
    // A lone surrogate: no URL can carry it as such.
  }
  return [...spellings];
}

/** Replaces each spelling in turn, longest first, so that a secret containing another is replaced whole. */
function replaceAll(text: string, spellings: readonly string[]): string {
  let result = text;
  for (const spelling of spellings) if (result.includes(spelling)) result = result.split(spelling).join(REDACTED);
  return result;
}

export class SeenSecrets {
  readonly #values = new Set<string>();
  #textSpellings: string[] = [];
  #latin1Spellings: string[] = [];
  #stale = false;

  get size(): number {
    return this.#values.size;
  }

  /** Remembers a secret value (and a widget token's inner token) to scrub from now on. */
  add(value: string): void {
    if (value.length < MIN_SCRUBBED_LENGTH || value === REDACTED || this.#values.has(value)) return;
    this.#values.add(value);
    this.#stale = true;
    const inner = widgetInnerToken(value);
    if (inner !== undefined) this.add(inner);
  }

  /** The text with every seen secret, in any of its spellings, replaced by the REDACTED marker. */
  scrub(text: string): string {
    this.#refresh();
    return replaceAll(text, this.#textSpellings);
  }

  /** The same for bytes held one character per byte (latin1), where secrets appear as their UTF-8 bytes. */
  scrubLatin1(text: string): string {
    this.#refresh();
    return replaceAll(text, this.#latin1Spellings);
  }

  #refresh(): void {
    if (!this.#stale) return;
    const spellings = [...new Set([...this.#values].flatMap(spellingsOf))].sort((a, b) => b.length - a.length);
    this.#textSpellings = spellings;
    this.#latin1Spellings = spellings.map((spelling) => Buffer.from(spelling, 'utf8').toString('latin1'));
    this.#stale = false;
  }
}
