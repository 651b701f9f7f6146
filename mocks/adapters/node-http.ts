// The node:http adapter: an IncomingMessage read straight into the pipeline's MockRequest (no Fetch objects, no MSW),
// the MockAnswer written with writeHead/end. Behind `npm start`, the CLI's mock and startStandaloneMock().
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { MockHttpError, apiOf, failureAnswer, withRequestId } from '../pipeline/errors.js';
import { MAX_BODY_BYTES, bodyTooLarge } from '../pipeline/limits.js';
import { splitTarget, type MockAnswer, type MockRequest } from '../pipeline/request.js';
import type { MockService } from '../service.js';

/** The body's bytes, read no further than the limit: a body declared small (or chunked) that goes on is refused. */
async function readBody(incoming: IncomingMessage): Promise<Uint8Array | undefined> {
  if (Number(incoming.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw bodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw bodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
}

/** The request as the pipeline reads it. `origin` is the server's configured URL: links never follow the Host header. */
async function readRequest(incoming: IncomingMessage, origin: string): Promise<MockRequest> {
  const target = incoming.url ?? '/';
  const { path, query } = splitTarget(target.startsWith('/') ? target : `/${target}`);
  const headers: Record<string, string | undefined> = Object.create(null);
  for (const name in incoming.headers) {
    const value = incoming.headers[name];
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const method = incoming.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(incoming);
  return { method, path, query, headers, body, origin };
}

function writeAnswer(answer: MockAnswer, outgoing: ServerResponse): void {
  const { body } = answer;
  let length = 0;
  if (Array.isArray(body)) for (const chunk of body) length += chunk.byteLength;
  else if (body !== null) length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  // A Content-Length, not chunked encoding: the answer is whole before it is written.
  outgoing.writeHead(
    answer.status,
    answer.status === 204 || answer.status === 304
      ? answer.headers
      : { ...answer.headers, 'content-length': String(length) },
  );
  if (!Array.isArray(body)) {
    outgoing.end(body ?? undefined);
    return;
  }
  // The chunks go out in one writev, not joined into a copy first.
  outgoing.cork();
  for (const chunk of body) outgoing.write(chunk);
  outgoing.end();
}

/** A node:http request listener over `service`; `log` gets one line per request. */
export function requestListener(
  service: MockService,
  origin: () => string,
  log?: (line: string) => void,
): RequestListener {
  return async (incoming, outgoing) => {
    const started = performance.now();
    let answer: MockAnswer;
    try {
      answer = await service.answer(await readRequest(incoming, origin()));
    } catch (error) {
      // The request could not be read (the pipeline itself never throws). A client that went away mid-request has no
      // one to answer.
      if (!(error instanceof MockHttpError) && incoming.destroyed) return;
      answer = withRequestId(failureAnswer(apiOf(incoming.url ?? '/'), error));
      // Refused while reading (a body over the limit): answered without reading the rest; the connection then closes.
      if (error instanceof MockHttpError) answer.headers.connection = 'close';
    }
    if (answer.drop) {
      incoming.socket.destroy(); // a simulated dropped connection
      log?.(`${incoming.method} ${incoming.url} dropped ${(performance.now() - started).toFixed(1)} ms`);
      return;
    }
    writeAnswer(answer, outgoing);
    log?.(`${incoming.method} ${incoming.url} ${answer.status} ${(performance.now() - started).toFixed(1)} ms`);
  };
}
