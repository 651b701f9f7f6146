// The Fetch API adapter: a `Request` read into the pipeline's MockRequest, its MockAnswer written back as a `Response`.
// Behind createMockFetch() (a fetch function handed to a client, no interception) and the MSW handlers.
import { MockHttpError, apiOf, withRequestId } from '../pipeline/errors.js';
import { joinChunks } from '../pipeline/json.js';
import { MAX_BODY_BYTES, bodyTooLarge } from '../pipeline/limits.js';
import type { MockAnswer, MockRequest } from '../pipeline/request.js';
import type { MockService } from '../service.js';

const ENCODER = new TextEncoder();

/** The body's bytes, read no further than the limit. */
async function readBody(request: Request): Promise<Uint8Array | undefined> {
  if (!request.body) return undefined;
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw bodyTooLarge();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      void reader.cancel().catch(() => {});
      throw bodyTooLarge();
    }
    chunks.push(value);
  }
  return chunks.length === 0 ? undefined : joinChunks(chunks);
}

/** A Fetch request as the pipeline reads it; links the mock answers start at the request's own origin. */
export async function readFetchRequest(request: Request): Promise<MockRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = Object.create(null);
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    method: request.method,
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    body: await readBody(request),
    origin: url.origin,
  };
}

/** An answer as a Fetch response (a dropped connection is Response.error()). */
export function toResponse(answer: MockAnswer): Response {
  if (answer.drop) return Response.error();
  // Bytes, not a string: undici would first scan a string body for lone surrogates.
  const body =
    typeof answer.body === 'string'
      ? ENCODER.encode(answer.body)
      : Array.isArray(answer.body)
        ? joinChunks(answer.body)
        : answer.body;
  return new Response(body as Uint8Array<ArrayBuffer> | null, { status: answer.status, headers: answer.headers });
}

/** One Fetch request through the service's pipeline. */
export async function answerFetch(service: MockService, request: Request): Promise<Response> {
  let read: MockRequest;
  try {
    read = await readFetchRequest(request);
  } catch (error) {
    if (!(error instanceof MockHttpError)) throw error;
    return toResponse(withRequestId(error.answer(apiOf(new URL(request.url).pathname))));
  }
  return toResponse(await service.answer(read));
}
