// One exchange as a HAR 1.2 entry, redacted: bodies decoded, JSON and text as text, other media types base64, a body
// larger than the recorder keeps as its size and a comment saying so.
import { Buffer } from 'node:buffer';
import type { HarContent, HarEntry, HarNameValue, HarPostData } from './format.js';
import { decodedContent } from './content-encoding.js';
import { isWrittenAsText } from './read-body.js';
import type { RecordedExchange } from './recorder.js';
import type { RedactedBody, SecretRedactor } from './redact.js';

const headerValue = (headers: HarNameValue[], name: string) =>
  headers.find((header) => header.name.toLowerCase() === name)?.value;

/** A duration as HAR wants it: milliseconds, not negative, a number even when the proxy measured none. */
const milliseconds = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);

function isoTime(epochMs: number): string {
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? new Date().toISOString() : date.toISOString();
}

/** A body as it is written: its bytes decoded, or why it is not kept; its size decoded where known. */
interface KeptBody {
  bytes: Uint8Array | undefined;
  size: number;
  notKept?: string;
}

function keptBody(
  body: Uint8Array | undefined,
  headers: [string, string][],
  sizeReceived: number,
  maxBodyBytes: number,
): KeptBody {
  const limit = `more than the ${maxBodyBytes} bytes a recording keeps`;
  if (body === undefined) {
    // None was sent, or the proxy did not keep it.
    return sizeReceived === 0
      ? { bytes: undefined, size: 0 }
      : { bytes: undefined, size: sizeReceived, notKept: `Body not kept: ${sizeReceived} bytes, ${limit}.` };
  }
  if (body.byteLength > maxBodyBytes) {
    return { bytes: undefined, size: body.byteLength, notKept: `Body not kept: ${body.byteLength} bytes, ${limit}.` };
  }
  const encoding = headers.find(([name]) => name.toLowerCase() === 'content-encoding')?.[1] ?? '';
  const decoded = decodedContent(body, encoding, maxBodyBytes);
  if (decoded === 'too large') {
    return { bytes: undefined, size: body.byteLength, notKept: `Body not kept: it decodes to ${limit}.` };
  }
  return { bytes: decoded, size: decoded.byteLength };
}

function contentOf(kept: KeptBody, redacted: RedactedBody | undefined, mimeType: string): HarContent {
  const { size } = kept;
  if (kept.notKept !== undefined) return { size, mimeType, comment: kept.notKept };
  if (redacted === undefined) return { size, mimeType };
  const content: HarContent = { size, mimeType, ...redacted };
  if (redacted.text !== undefined && redacted.encoding === undefined && !isWrittenAsText(mimeType)) {
    content.text = Buffer.from(redacted.text, 'utf8').toString('base64');
    content.encoding = 'base64';
  }
  return content;
}

function postDataOf(kept: KeptBody, redacted: RedactedBody | undefined, mimeType: string): HarPostData {
  if (kept.notKept !== undefined) return { mimeType, text: '', comment: kept.notKept };
  if (redacted?.encoding === 'base64') {
    return { mimeType, text: '', comment: 'Binary body not kept: HAR 1.2 has no encoding for request bodies.' };
  }
  const comment = redacted?.comment === undefined ? {} : { comment: redacted.comment };
  return { mimeType, text: redacted?.text ?? '', ...comment };
}

export function harEntryOf(exchange: RecordedExchange, redactor: SecretRedactor, maxBodyBytes: number): HarEntry {
  const { request, response } = exchange;
  const requestBody = keptBody(request.body, request.headers, 0, maxBodyBytes);
  const responseBody = keptBody(response.body, response.headers, response.size, maxBodyBytes);
  const redacted = redactor.redact({
    url: request.url,
    request: { headers: request.headers, body: requestBody.bytes },
    response: { headers: response.headers, body: responseBody.bytes },
  });
  const timings = {
    send: milliseconds(exchange.timings.send),
    wait: milliseconds(exchange.timings.wait),
    receive: milliseconds(exchange.timings.receive),
  };
  const requestType = headerValue(redacted.request.headers, 'content-type') ?? '';
  const responseType = headerValue(redacted.response.headers, 'content-type') ?? '';
  const hasRequestBody = request.body !== undefined && request.body.byteLength > 0;
  return {
    startedDateTime: isoTime(exchange.startedAt),
    time: timings.send + timings.wait + timings.receive,
    request: {
      method: redactor.scrub(request.method),
      url: redacted.url,
      httpVersion: request.httpVersion,
      cookies: [],
      headers: redacted.request.headers,
      queryString: redacted.queryString,
      ...(hasRequestBody ? { postData: postDataOf(requestBody, redacted.request.body, requestType) } : {}),
      headersSize: -1,
      bodySize: request.body?.byteLength ?? 0,
    },
    response: {
      status: response.status,
      statusText: redactor.scrub(response.statusText),
      httpVersion: response.httpVersion,
      cookies: [],
      headers: redacted.response.headers,
      content: contentOf(responseBody, redacted.response.body, responseType),
      redirectURL: headerValue(redacted.response.headers, 'location') ?? '',
      headersSize: -1,
      bodySize: response.size,
    },
    cache: {},
    timings,
  };
}
