// The validating proxy's recording (`proxy --record FILE`): every exchange with the real API, redacted, appended to a
// HAR 1.2 file as it happens, so that a killed proxy leaves its whole entries (recording-layout.ts says how, and where
// SIGKILL inside a write needs readHarRecording).
import { Buffer } from 'node:buffer';
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { harEntryOf } from './entry.js';
import { HAR_CREATOR } from './format.js';
import { entryLine, headOf, TRAILER } from './recording-layout.js';
import { SecretRedactor } from './redact.js';

/** One finished exchange, as the proxy hands it over. */
export interface RecordedExchange {
  /** Epoch milliseconds when the request arrived. */
  startedAt: number;
  /** Milliseconds. */
  timings: { send: number; wait: number; receive: number };
  request: {
    method: string;
    /** The absolute upstream URL. */
    url: string;
    httpVersion: string;
    /** Raw pairs as received. */
    headers: [string, string][];
    body: Uint8Array | undefined;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: [string, string][];
    /** Undefined: not kept (too large). */
    body: Uint8Array | undefined;
    /** Bytes received. */
    size: number;
  };
}

export interface HarRecorderOptions {
  /** Larger bodies are recorded by their size alone, with a comment. Default 1 MiB. */
  maxBodyBytes?: number;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const TRAILER_BYTES = Buffer.from(TRAILER);

/**
 * This package's version, from the package.json above this module: mocks/har/ in the sources, dist/ once bundled,
 * so the file is found by walking up rather than at a fixed relative path.
 */
function packageVersion(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < 4; level++, folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (!existsSync(manifest)) continue;
    try {
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown; version?: unknown };
      if (name === HAR_CREATOR && typeof version === 'string') return version;
    } catch {
      // Not ours or not readable: keep looking.
    }
  }
  return 'unknown';
}

/** Writes all of `bytes` at `position` (a short write, rare on a regular file, continues where it stopped). */
function writeAllAt(fd: number, bytes: Buffer, position: number): void {
  let written = 0;
  while (written < bytes.length) {
    written += writeSync(fd, bytes, written, bytes.length - written, position + written);
  }
}

/**
 * Records exchanges into a HAR 1.2 file, redacting secrets always (redact.ts). The file is valid JSON after every
 * `record`: each entry and the closing trailer go to the file in one positional write over the previous trailer. A
 * SIGKILL inside that write can cut it at a page boundary; readHarRecording then reads every entry written before.
 */
export class HarRecorder {
  readonly #fd: number;
  readonly #maxBodyBytes: number;
  readonly #redactor = new SecretRedactor();
  /** Where the trailer starts: the next entry is written there. */
  #trailerAt: number;
  #entries = 0;
  #closed = false;

  private constructor(fd: number, trailerAt: number, maxBodyBytes: number) {
    this.#fd = fd;
    this.#trailerAt = trailerAt;
    this.#maxBodyBytes = maxBodyBytes;
  }

  /** Starts a recording at `file`, replacing any file already there (its head fits in one page: written whole). */
  static open(file: string, options: HarRecorderOptions = {}): HarRecorder {
    const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 0) {
      throw new RangeError(`maxBodyBytes must be a whole number of bytes, not ${maxBodyBytes}`);
    }
    const creator = { name: HAR_CREATOR, version: packageVersion() };
    const head = Buffer.from(headOf(creator));
    const fd = openSync(file, 'w');
    try {
      writeAllAt(fd, Buffer.concat([head, TRAILER_BYTES]), 0);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    return new HarRecorder(fd, head.length, maxBodyBytes);
  }

  /** How many entries the file holds. */
  get entries(): number {
    return this.#entries;
  }

  /** Redacts the exchange, then appends it (synchronously: when this returns, the entry is in the file). */
  record(exchange: RecordedExchange): void {
    if (this.#closed) throw new Error('HarRecorder: record() after close()');
    const entry = harEntryOf(exchange, this.#redactor, this.#maxBodyBytes);
    const bytes = Buffer.from(entryLine(entry, this.#entries === 0) + TRAILER);
    writeAllAt(this.#fd, bytes, this.#trailerAt);
    this.#trailerAt += bytes.length - TRAILER_BYTES.length;
    this.#entries++;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSync(this.#fd);
  }
}
