// The mock service: the store, the spec's operations, and the pipeline every request goes through before its
// handler (faults, CORS, body size, authentication, validation against the spec) and after it (the response checked
// against the spec).
import { HttpResponse, delay } from 'msw';
import { SpecValidator, describeErrors, operationSchemaPointer, type SpecName } from './spec.js';
import { resolveMockConfig, type MockConfig, type MockOptions } from './service/config.js';
import { MockStore, type IssuedToken, type StoreSnapshot } from './service/store.js';
import { checkBearer } from './service/tokens.js';
import { MockHttpError, errorResponse, forbidden } from './http/errors.js';
import { buildOperations, type MockOperation } from './http/operations.js';
import { MAX_BODY_BYTES, validateRequest } from './http/validate.js';

export interface CallContext {
  service: MockService;
  store: MockStore;
  operation: MockOperation;
  request: Request;
  url: URL;
  query: Record<string, any>;
  path: Record<string, any>;
  body: any;
  /** The token the request was made with; undefined for the token endpoints. */
  principal: IssuedToken | undefined;
}

/** Operations a scoped or widget token may call; everything else is the organization's (403). */
const WORKSPACE_TOKEN_OPERATIONS = new Set([
  'get_account_applications_scoped_token_info',
  'list_integrations_definitions_sources',
  'get_integrations_definitions_sources_id',
  'list_integrations_definitions_destinations',
  'get_integrations_definitions_destinations_id',
  'list_integrations_connectors',
  'create_integrations_connectors',
  'create_integrations_connectors_check',
  'create_integrations_connectors_oauth_initiate',
  'get_integrations_connectors_id',
  'update_integrations_connectors_id',
  'delete_integrations_connectors_id',
  'create_integrations_connectors_id_check',
  'create_integrations_connectors_id_execute',
  'get_integrations_connectors_id_inspect',
  'list_skills',
  'list_skills_search',
  'get_skills_docs',
  'list_integrations_templates_sources',
  'get_integrations_templates_sources_id',
  'list_integrations_templates_connections',
  'get_integrations_templates_connections_id',
  'create_integrations_templates_connections_cron_describe',
  'get_workspaces_workspace_id',
]);

/** A failure `failNext` queues: an HTTP status, or a dropped connection. */
export interface Fault {
  /** The status to answer (503 by default), with the API's own error body. */
  status?: number;
  /** Drop the connection instead of answering. */
  drop?: boolean;
  /** The Retry-After of a 429 or 503 (default 1 s). */
  retryAfterSeconds?: number;
}

/**
 * The mock of both APIs: one in-memory store and the pipeline every request goes through (faults, CORS, body size,
 * authentication, validation against the spec, the operation, the response checked against the spec). Behind
 * `setupMockServer` and `startStandaloneMock`.
 */
export class MockService {
  /** The settings in effect: options, else environment variables, else defaults. */
  readonly config: MockConfig;
  /** The state: workspaces, connectors, templates, tokens, records; `reset()` seeds it again. */
  readonly store: MockStore;
  /** Schema validators compiled from each spec. */
  readonly validators: Record<SpecName, SpecValidator>;
  /** Each spec's operations by operationId. */
  readonly operations: Record<SpecName, Map<string, MockOperation>>;
  /** Responses that broke the spec (validateResponses on); each was also answered with a loud 500. */
  readonly specViolations: string[] = [];
  private pendingFaults: Fault[] = [];
  /** `api:operationId` of every operation a handler was made for. */
  readonly handledOperations = new Set<string>();

  /** Called with the store after every change the mock answers, before the answer goes out (`--state FILE`). */
  private readonly onChange: ((store: MockStore) => void) | undefined;
  /** The origin of the page the mock runs in (the browser adapter): what a request without an Origin comes from. */
  private readonly pageOrigin: string | undefined;

  /** A mock seeded from `options.seed`, answering nothing until a server (MSW or node:http) routes requests to it. */
  constructor(options: MockOptions & { initialState?: StoreSnapshot; onChange?: (store: MockStore) => void; pageOrigin?: string } = {}) {
    this.config = resolveMockConfig(options);
    this.store = new MockStore(this.config);
    if (options.initialState) this.store.restore(options.initialState);
    this.onChange = options.onChange;
    this.pageOrigin = options.pageOrigin;
    this.validators = { 'agent-engine': new SpecValidator('agent-engine'), 'airbyte-api-v1': new SpecValidator('airbyte-api-v1') };
    this.operations = {
      'agent-engine': new Map(buildOperations('agent-engine').map((op) => [op.operationId, op])),
      'airbyte-api-v1': new Map(buildOperations('airbyte-api-v1').map((op) => [op.operationId, op])),
    };
  }

  /** Back to the seeded state (and no pending faults). */
  reset(): void {
    this.store.reset();
    this.pendingFaults = [];
    this.specViolations.length = 0;
  }

  /** The next `count` requests fail: with `status` (503 by default) or a dropped connection. */
  failNext(count: number, fault: Fault = { status: 503 }): void {
    for (let i = 0; i < count; i++) this.pendingFaults.push(fault);
  }

  /** One operation of a spec by its operationId; throws for an unknown one. */
  operation(api: SpecName, operationId: string): MockOperation {
    const operation = this.operations[api].get(operationId);
    if (!operation) throw new Error(`no operation ${operationId} in ${api}`);
    return operation;
  }

  /** True when some live widget token was issued for `origin`. */
  isAllowedOrigin(origin: string): boolean {
    const now = this.config.clock.now();
    for (const token of this.store.tokens.values()) if (token.kind === 'widget' && token.allowedOrigin === origin && token.expiresAt > now) return true;
    return false;
  }

  /** Throws a 404 when a workspace-bound token reaches outside its workspace. */
  assertWorkspaceAccess(context: CallContext, workspaceId: string, what: string): void {
    const principal = context.principal;
    if (principal?.workspaceId && principal.workspaceId !== workspaceId) throw new MockHttpError(404, `${what} not found.`);
  }

  /**
   * The MSW resolver of one operation: `implement` runs only for a request that passed every check, and what it
   * answers is checked against the spec before it leaves.
   */
  handle<Info extends { request: Request; params: Record<string, any> }>(
    api: SpecName,
    operationId: string,
    implement: (info: Info, context: CallContext) => Response | Promise<Response>,
  ): (info: Info) => Promise<Response | undefined> {
    const operation = this.operation(api, operationId);
    this.handledOperations.add(`${api}:${operationId}`);
    const prefix = api === 'agent-engine' ? '/api/v1/' : '/v1/';
    return async (info: Info) => {
      const { request } = info;
      // Handlers match on any origin with a leading wildcard; a request for the other API is not this one's.
      if (!new URL(request.url).pathname.startsWith(prefix)) return undefined;
      const origin = request.headers.get('origin');
      // Faults are answered as asked, documented or not: they exist to test the caller's handling of them.
      try {
        await this.applyFaults(request);
      } catch (error) {
        if (error instanceof MockHttpError) return errorResponse(api, error.status, error.message, error.errors, { ...retryHeaders(error), 'x-request-id': crypto.randomUUID() });
        throw error; // a dropped connection
      }
      let response: Response;
      try {
        response = await this.run(api, operation, info, implement);
        // A write that succeeded is kept before it is answered; an execute that only read leaves nothing to keep.
        if (this.onChange && request.method !== 'GET' && response.status < 400 && !this.readOnlyAnswers.has(response)) this.onChange(this.store);
      } catch (error) {
        if (!(error instanceof MockHttpError)) throw error;
        response = errorResponse(api, error.status, error.message, error.errors, retryHeaders(error));
      }
      if (origin && this.isAllowedOrigin(origin)) {
        response.headers.set('access-control-allow-origin', origin);
        response.headers.set('vary', 'Origin');
      }
      const answered = this.config.validateResponses ? await this.checkResponse(api, operation, response) : response;
      // As the real API's gateway does: an id per request, which the client's errors carry.
      answered.headers.set('x-request-id', crypto.randomUUID());
      return answered;
    };
  }

  private async run<Info extends { request: Request; params: Record<string, any> }>(
    api: SpecName,
    operation: MockOperation,
    info: Info,
    implement: (info: Info, context: CallContext) => Response | Promise<Response>,
  ): Promise<Response> {
    const { request } = info;
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > MAX_BODY_BYTES) throw new MockHttpError(413, `Request body too large (limit ${MAX_BODY_BYTES} bytes).`);
    const bodyText = operation.bodyPointer ? await request.clone().text() : '';
    if (new TextEncoder().encode(bodyText).byteLength > MAX_BODY_BYTES) throw new MockHttpError(413, `Request body too large (limit ${MAX_BODY_BYTES} bytes).`);

    let principal: IssuedToken | undefined;
    if (!operation.public) {
      const check = checkBearer(this.store, request.headers.get('authorization'));
      if (!check.ok) throw new MockHttpError(401, check.reason);
      principal = check.token;
      if (principal.kind === 'v1' && api !== 'airbyte-api-v1') throw new MockHttpError(401, 'Invalid token.');
      if (principal.kind !== 'v1' && api === 'airbyte-api-v1') throw new MockHttpError(401, 'Invalid token.');
      if (principal.kind === 'widget') {
        // In a browser the mock runs in the page: its service worker never sees an Origin header, the page's is it.
        const origin = request.headers.get('origin') ?? this.pageOrigin ?? null;
        if (origin !== principal.allowedOrigin) throw forbidden(`This widget token is only valid from ${principal.allowedOrigin}, not from ${origin ?? 'a request without an Origin'}.`);
      }
      if ((principal.kind === 'scoped' || principal.kind === 'widget') && !WORKSPACE_TOKEN_OPERATIONS.has(operation.operationId)) {
        throw forbidden('A scoped token only acts inside its own workspace; this operation needs an application token.');
      }
    }

    let validated;
    try {
      validated = validateRequest(this.validators[api], operation, request, info.params, bodyText);
    } catch (error) {
      // The v1 API answers invalid input with 400 (it documents no 422).
      if (api === 'airbyte-api-v1' && error instanceof MockHttpError && error.status === 422) throw new MockHttpError(400, error.message, error.errors);
      throw error;
    }
    const url = new URL(request.url);
    const withRecording = 'response' in info && typeof (info as { response?: unknown }).response === 'function'
      ? { ...info, response: this.recordingResponseHelper((info as unknown as { response: any }).response) }
      : info;
    const answer = await implement(withRecording, { service: this, store: this.store, operation, request, url, ...validated, principal });
    const action = (validated.body as { action?: unknown } | undefined)?.action;
    if (operation.operationId === 'create_integrations_connectors_id_execute' && typeof action === 'string' && READ_ACTIONS.has(action)) this.readOnlyAnswers.add(answer);
    return answer;
  }

  /** Answers of POST requests that changed nothing (execute reads), which `onChange` skips. */
  private readonly readOnlyAnswers = new WeakSet<Response>();

  /** `Prefer: code=429`, `Prefer: latency=200` and the faults queued with failNext. */
  private async applyFaults(request: Request): Promise<void> {
    const prefer = request.headers.get('prefer') ?? '';
    const latency = /latency=(\d+)/.exec(prefer);
    if (latency) await delay(Math.min(Number(latency[1]), 30_000));
    const queued = this.pendingFaults.shift();
    if (queued?.drop) throw HttpResponse.error();
    if (queued) throw new MockHttpError(queued.status ?? 503, 'Service temporarily unavailable (simulated).', [], queued.retryAfterSeconds);
    const code = /code=(\d{3})/.exec(prefer);
    if (code) {
      const status = Number(code[1]);
      if (status >= 400) throw new MockHttpError(status, `Simulated ${status} (Prefer: code=${status}).`);
    }
  }

  private readonly responseSchemaPointers = new Map<string, string>();

  /** The body each typed `response(status).json(body)` was made from, so it is checked without reading it back. */
  private readonly sentBodies = new WeakMap<Response, unknown>();

  /** openapi-msw's typed response helper, remembering the bodies of the JSON responses it makes. */
  private recordingResponseHelper<Helper extends ((status: any) => { json: (...args: any[]) => Response }) & { untyped: unknown }>(typed: Helper): Helper {
    const sentBodies = this.sentBodies;
    const recording = (status: unknown) => {
      const helper = typed(status);
      return {
        ...helper,
        // One JSON.stringify and no Content-Length of our own (MSW's HttpResponse.json encodes a body twice to count
        // it: a large share of answering a big execute result).
        json: (body: unknown, init?: { headers?: HeadersInit }) => {
          const headers = new Headers(init?.headers);
          if (!headers.has('content-type')) headers.set('content-type', 'application/json');
          // Bytes, not a string: undici would first scan a string body for lone surrogates.
          const made = new Response(JSON_ENCODER.encode(JSON.stringify(body)), { status: Number(status), headers });
          sentBodies.set(made, body);
          return made;
        },
      };
    };
    return Object.assign(recording, { untyped: typed.untyped }) as unknown as Helper;
  }

  /** Where the schema of one documented response lives; looked up once per operation, status and media type. */
  private responseSchemaPointer(api: SpecName, operation: MockOperation, status: string, mediaType: string): string {
    const key = `${api} ${operation.operationId} ${status} ${mediaType}`;
    let pointer = this.responseSchemaPointers.get(key);
    if (!pointer) {
      pointer = operationSchemaPointer(this.validators[api].doc, operation.method, operation.path, status as `${number}`, mediaType);
      this.responseSchemaPointers.set(key, pointer);
    }
    return pointer;
  }

  /** The response against the spec: a documented status and a body of its schema, or a loud 500. */
  private async checkResponse(api: SpecName, operation: MockOperation, response: Response): Promise<Response> {
    const status = String(response.status);
    const problems: string[] = [];
    if (!operation.statuses.includes(status)) problems.push(`status ${status} is not documented`);
    else if (response.status !== 204) {
      const contentType = response.headers.get('content-type') ?? '';
      const mediaType = contentType.split(';')[0]!.trim();
      if (mediaType.endsWith('json')) {
        let body: unknown;
        if (this.sentBodies.has(response)) {
          // What the handler gave openapi-msw to serialize, as it went out: JSON-safe by construction of the store.
          body = this.sentBodies.get(response);
        } else {
          // Read once and answered again from the same text: cheaper than cloning the response's stream.
          const text = await response.text();
          response = new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
          try {
            body = JSON.parse(text);
          } catch {
            body = Symbol.for('unreadable');
          }
        }
        try {
          const pointer = this.responseSchemaPointer(api, operation, status, mediaType);
          const result = this.validators[api].check(pointer, body);
          if (!result.valid) problems.push(describeErrors(result.errors));
        } catch (error) {
          problems.push((error as Error).message);
        }
      }
    }
    if (problems.length === 0) return response;
    const message = `Mock response of ${operation.operationId} (${status}) breaks the spec: ${problems.join('; ')}`;
    this.specViolations.push(message);
    console.error(message);
    return errorResponse(api, 500, message);
  }
}

const JSON_ENCODER = new TextEncoder();

/** Execute actions that read (their records are rebuilt from the seed, so a read leaves nothing to keep). */
const READ_ACTIONS = new Set(['list', 'get', 'api_search', 'download', 'search', 'context_store_search']);

function retryHeaders(error: MockHttpError): Record<string, string> {
  return error.status === 429 || error.status === 503 ? { 'retry-after': String(error.retryAfterSeconds ?? 1) } : {};
}

export function createMockService(options: MockOptions = {}): MockService {
  return new MockService(options);
}
