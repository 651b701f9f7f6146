// The pipeline every request goes through, whichever adapter received it: route, faults, limits, authentication and
// authorization, request validation, the operation, CORS, response validation. Each stage is a module of this folder;
// this file only puts them in order and turns what they throw into the API's own error answer.
import type { SpecName } from '../spec.js';
import type { AnyResult, OperationContext } from '../operations/types.js';
import type { MockService } from '../service.js';
import { authenticate } from './auth.js';
import { allowOrigin, preflight } from './cors.js';
import { DroppedConnection, MockHttpError, apiOf, errorBody, failureAnswer, withRequestId } from './errors.js';
import { applyFaults } from './faults.js';
import { checkedBodyText } from './limits.js';
import { jsonAnswer, type MockAnswer, type MockRequest } from './request.js';
import { unroutablePath, type RouteMatch } from './route.js';
import { validateRequest } from './validate-request.js';
import { responseProblems } from './validate-response.js';

const NO_OPERATION = 'No operation at this path. The mock serves /api/v1/... (Agent Engine) and /v1/... (Airbyte API).';

/** The answer to one request: always an answer (or a simulated dropped connection), never a throw. */
export async function runPipeline(service: MockService, request: MockRequest): Promise<MockAnswer> {
  const api = apiOf(request.path);
  let answer: MockAnswer;
  try {
    answer = await route(service, api, request);
  } catch (error) {
    if (error instanceof DroppedConnection) return { status: 0, headers: {}, body: null, drop: true };
    answer = failureAnswer(api, error);
  }
  allowOrigin(service.store, request, answer);
  return withRequestId(answer);
}

/** Stages 1 and 2: what the request names, and the faults asked for; pages of the mock itself are answered here. */
async function route(service: MockService, api: SpecName, request: MockRequest): Promise<MockAnswer> {
  const unroutable = unroutablePath(request.path);
  if (unroutable) throw new MockHttpError(400, unroutable);
  if (request.method === 'OPTIONS' && api === 'agent-engine') return preflight(service.store, request);
  const page = service.mockPage(request.method, request.path);
  if (page) return page(request);
  const match = service.routes.match(request.method, request.path);
  if (!match) throw new MockHttpError(404, NO_OPERATION);
  await applyFaults(request, service.pendingFaults);
  return answerOperation(service, api, match, request);
}

/** Stages 3 to 8 for a routed request: everything answered here is checked against the operation's spec. */
async function answerOperation(
  service: MockService,
  api: SpecName,
  match: RouteMatch,
  request: MockRequest,
): Promise<MockAnswer> {
  const { operation } = match;
  let result: AnyResult;
  let mediaType: string | undefined;
  let unchanged = false;
  try {
    let context: OperationContext<any, any>;
    try {
      const bodyText = checkedBodyText(operation, request);
      const principal = authenticate(service.store, api, operation, request, service.pageOrigin);
      const { path, query, body } = validateRequest(
        service.validators[api],
        operation,
        request,
        match.params,
        bodyText,
      );
      context = makeContext(service, api, operation.operationId, request, {
        path: path as never,
        query: query as never,
        body,
        principal,
      });
    } catch (error) {
      // The v1 API answers invalid input with 400 (it documents no 422).
      if (api === 'airbyte-api-v1' && error instanceof MockHttpError && error.status === 422)
        throw new MockHttpError(400, error.message, error.errors);
      throw error;
    }
    result = await service.implementation(api, operation.operationId)(context);
    unchanged = context.unchanged === true;
    mediaType =
      result.body === undefined
        ? undefined
        : result.body instanceof Uint8Array
          ? result.headers?.['content-type']
          : (result.headers?.['content-type'] ?? 'application/json');
  } catch (error) {
    if (!(error instanceof MockHttpError)) throw error;
    const made = errorBody(api, error.status, error.message, error.errors);
    result = { status: error.status, headers: error.answerHeaders(), body: made.body };
    mediaType = made.mediaType;
  }
  const status = Number(result.status);
  // A write that succeeded is kept before it is answered; an execute that only read leaves nothing to keep.
  if (status < 400 && request.method !== 'GET' && !unchanged) service.changed();
  if (service.config.validateResponses) {
    const problem = responseProblems(
      service.validators[api],
      operation,
      status,
      mediaType?.split(';')[0]?.trim(),
      result.body,
    );
    if (problem)
      return service.violation(
        api,
        `Mock response of ${operation.operationId} (${status}) breaks the spec: ${problem}`,
      );
  }
  if (result.body instanceof Uint8Array) return { status, headers: { ...result.headers }, body: result.body };
  if (result.body === undefined) return { status, headers: { ...result.headers }, body: null };
  return jsonAnswer(status, result.body, result.headers, mediaType);
}

function makeContext(
  service: MockService,
  api: SpecName,
  operationId: string,
  request: MockRequest,
  input: Pick<OperationContext<any, any>, 'path' | 'query' | 'body' | 'principal'>,
): OperationContext<any, any> {
  let url: URL | undefined;
  return {
    api,
    operationId,
    ...input,
    headers: request.headers,
    origin: request.origin,
    // The origin, then the path as received: a path starting `//host` stays a path.
    get url() {
      return (url ??= new URL(`${request.origin}${request.path}${request.query ? `?${request.query}` : ''}`));
    },
    service,
    store: service.store,
    clock: service.config.clock,
  };
}
