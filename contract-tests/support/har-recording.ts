// Recordings for the replay tests: a fetch that passes each request on (to the in-process mock) and keeps the exchange
// as a HAR 1.2 entry, with secrets replaced by REDACTED as the recording proxy writes them: the Authorization header,
// the tokens an answer carries, client_secret, connector credentials' values and OAuth configuration values.
import type { Har, HarEntry, HarNameValue } from '../../mocks/har/format.js';
import { HAR_CREATOR, REDACTED } from '../../mocks/har/format.js';

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

const SECRET_ANSWER_FIELDS = new Set(['access_token', 'token']);

/** Every value of an object replaced (the keys kept), as the proxy redacts credentials and OAuth configurations. */
const redactValues = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.keys(value).map((key) => [key, REDACTED]))
    : value;

function redactRequest(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  if ('client_secret' in out) out.client_secret = REDACTED;
  if ('credentials' in out) out.credentials = redactValues(out.credentials);
  if ('configuration' in out) out.configuration = redactValues(out.configuration);
  return out;
}

function redactAnswer(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).map(([key, value]) => [
      key,
      SECRET_ANSWER_FIELDS.has(key) ? REDACTED : value,
    ]),
  );
}

/** JSON text redacted by `redact` where it names a secret field (`names`); other text as it is. */
function redacted(text: string, redact: (body: unknown) => unknown, names: RegExp): string {
  if (!names.test(text)) return text;
  try {
    return JSON.stringify(redact(JSON.parse(text)));
  } catch {
    return text;
  }
}

const headersOf = (headers: Headers): HarNameValue[] =>
  [...headers].map(([name, value]) => ({ name, value: name === 'authorization' ? REDACTED : value }));

/** One exchange as the proxy writes it. */
export function harEntry(request: Request, requestText: string, response: Response, answerText: string): HarEntry {
  const url = new URL(request.url);
  const requestBody =
    requestText === ''
      ? undefined
      : redacted(requestText, redactRequest, /"(client_secret|credentials|configuration)"/);
  const answerBody = redacted(answerText, redactAnswer, /"(access_token|token)"/);
  return {
    startedDateTime: new Date().toISOString(),
    time: 1,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headersOf(request.headers),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(requestBody === undefined
        ? {}
        : {
            postData: { mimeType: request.headers.get('content-type') ?? 'application/json', text: requestBody },
          }),
      headersSize: -1,
      bodySize: requestBody?.length ?? 0,
    },
    response: {
      status: response.status,
      statusText: response.statusText,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headersOf(response.headers),
      content: {
        size: answerBody.length,
        mimeType: response.headers.get('content-type') ?? 'application/octet-stream',
        text: answerBody,
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: answerBody.length,
    },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
  };
}

/** A fetch that records every exchange through `target`, and the recording so far as a HAR. */
export function harRecorder(target: Fetch): { fetch: Fetch; entries: HarEntry[]; har(): Har } {
  const entries: HarEntry[] = [];
  return {
    entries,
    async fetch(input, init) {
      const request = new Request(input, init);
      const requestText = await request.clone().text();
      const response = await target(request);
      entries.push(harEntry(request, requestText, response, await response.clone().text()));
      return response;
    },
    har: () => ({
      log: { version: '1.2', creator: { name: HAR_CREATOR, version: 'test' }, entries: structuredClone(entries) },
    }),
  };
}
