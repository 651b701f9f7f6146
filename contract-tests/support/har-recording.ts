// Recordings for the replay tests: a fetch that passes each request on (to the in-process mock) and keeps the exchange
// as a HAR 1.2 entry, made and redacted by the proxy's own recorder code (mocks/har/entry.ts, mocks/har/redact.ts):
// the same entries `proxy --record` writes, without a proxy or a file.
import { harEntryOf } from '../../mocks/har/entry.js';
import type { Har, HarEntry } from '../../mocks/har/format.js';
import { HAR_CREATOR } from '../../mocks/har/format.js';
import { SecretRedactor } from '../../mocks/har/redact.js';

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

const pairs = (headers: Headers): [string, string][] => [...headers];

const ENCODER = new TextEncoder();
const bytesOf = (body: Uint8Array | string) => (typeof body === 'string' ? ENCODER.encode(body) : body);

/** One exchange as the proxy writes it (`redactor` remembers the secrets seen, as one recording does). */
export function harEntry(
  request: Request,
  requestBody: Uint8Array | string,
  response: Response,
  answerBody: Uint8Array | string,
  redactor = new SecretRedactor(),
): HarEntry {
  const requestBytes = bytesOf(requestBody);
  const answerBytes = bytesOf(answerBody);
  return harEntryOf(
    {
      startedAt: Date.now(),
      timings: { send: 0, wait: 1, receive: 0 },
      request: {
        method: request.method,
        url: request.url,
        httpVersion: 'HTTP/1.1',
        headers: pairs(request.headers),
        body: requestBytes.byteLength > 0 ? requestBytes : undefined,
      },
      response: {
        status: response.status,
        statusText: response.statusText,
        httpVersion: 'HTTP/1.1',
        headers: pairs(response.headers),
        body: answerBytes,
        size: answerBytes.byteLength,
      },
    },
    redactor,
    64 * 1024 * 1024,
  );
}

/** A fetch that records every exchange through `target`, and the recording so far as a HAR. */
export function harRecorder(target: Fetch): { fetch: Fetch; entries: HarEntry[]; har(): Har } {
  const entries: HarEntry[] = [];
  const redactor = new SecretRedactor();
  return {
    entries,
    async fetch(input, init) {
      const request = new Request(input, init);
      const requestBytes = new Uint8Array(await request.clone().arrayBuffer());
      const response = await target(request);
      const answerBytes = new Uint8Array(await response.clone().arrayBuffer());
      entries.push(harEntry(request, requestBytes, response, answerBytes, redactor));
      return response;
    },
    har: () => ({
      log: { version: '1.2', creator: { name: HAR_CREATOR, version: 'test' }, entries: structuredClone(entries) },
    }),
  };
}
