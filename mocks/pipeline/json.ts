// JSON answers as UTF-8 bytes, made once. Objects that rarely change and are answered often (the stored records that
// execute answers, and their shaped views) may be marked cacheable: their bytes are then kept until `forgetJson` says
// they changed, and an answer that holds them is assembled from those bytes instead of serializing and encoding every
// record again (for a page of 30 GitHub issues, most of the cost of answering it).

const ENCODER = new TextEncoder();

/** Marked objects, with their JSON bytes once made (null until then). */
const kept = new WeakMap<object, Uint8Array | null>();

/** Marks an object whose JSON may be kept: the caller calls `forgetJson` whenever it changes it. */
export function cacheableJson(value: object): void {
  if (!kept.has(value)) kept.set(value, null);
}

/** Drops the kept JSON of an object that changed (and keeps none until it is marked again). */
export function forgetJson(value: object): void {
  kept.delete(value);
}

/** How deep below the answer's root marked objects are looked for; below, a value is serialized whole. */
const SEARCH_DEPTH = 3;

const PUNCTUATION = new Map<string, Uint8Array>();

/** The bytes of one character between kept parts (`,` `]` `}`), encoded once. */
function punctuation(char: string): Uint8Array {
  let bytes = PUNCTUATION.get(char);
  if (!bytes) {
    bytes = ENCODER.encode(char);
    if (PUNCTUATION.size < 64) PUNCTUATION.set(char, bytes);
  }
  return bytes;
}

/** Collects an answer's bytes: text is gathered and encoded at once, kept bytes go in between as they are. */
class JsonWriter {
  private readonly parts: Uint8Array[] = [];
  private text = '';

  write(text: string): void {
    this.text += text;
  }

  writeBytes(bytes: Uint8Array): void {
    this.flush();
    this.parts.push(bytes);
  }

  private flush(): void {
    if (this.text === '') return;
    const bytes = this.text.length === 1 ? punctuation(this.text) : ENCODER.encode(this.text);
    this.parts.push(bytes);
    this.text = '';
  }

  /** The answer's bytes as the parts they were made of (an adapter writes them out without joining them). */
  chunks(): Uint8Array[] {
    this.flush();
    return this.parts;
  }
}

const skipped = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

function writeValue(writer: JsonWriter, value: unknown, depth: number): void {
  if (value === null || typeof value !== 'object') {
    writer.write(JSON.stringify(value) ?? 'null');
    return;
  }
  const cached = kept.get(value);
  if (cached !== undefined) {
    const bytes = cached ?? ENCODER.encode(JSON.stringify(value));
    if (cached === null) kept.set(value, bytes);
    writer.writeBytes(bytes);
    return;
  }
  if (depth >= SEARCH_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    writer.write(JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    writer.write('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) writer.write(',');
      if (skipped(value[i])) writer.write('null');
      else writeValue(writer, value[i], depth + 1);
    }
    writer.write(']');
    return;
  }
  writer.write('{');
  let first = true;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (skipped(item)) continue;
    writer.write(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    writeValue(writer, item, depth + 1);
  }
  writer.write('}');
}

/** True when a marked object sits within SEARCH_DEPTH of the root (a walk without building anything). */
function holdsMarked(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (kept.has(value)) return true;
  if (depth >= SEARCH_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsMarked(item, depth + 1)) return true;
    return false;
  }
  for (const key in value) if (holdsMarked((value as Record<string, unknown>)[key], depth + 1)) return true;
  return false;
}

/**
 * The JSON of a value, as JSON.stringify would make it: UTF-8 chunks, the kept bytes of marked objects among them,
 * when it holds any; else JSON.stringify's text (which node:http writes out without another copy).
 */
export function toJsonBody(value: unknown): string | Uint8Array[] {
  if (!holdsMarked(value, 0)) return JSON.stringify(value);
  const writer = new JsonWriter();
  writeValue(writer, value, 0);
  return writer.chunks();
}

/** A body as one run of bytes. */
export function joinChunks(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let size = 0;
  for (const chunk of chunks) size += chunk.byteLength;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
