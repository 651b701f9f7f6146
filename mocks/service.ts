// The mock service: the store, the operations of both specs as plain functions, and `answer()`, which runs a request
// through the pipeline (mocks/pipeline/). The adapters (node:http, fetch, MSW) only read requests and write answers.
import { SpecValidator, type SpecName } from './spec.js';
import { readHar, readHarFile, ReplayError } from './har/read.js';
import { resolveMockConfig, type MockConfig, type MockOptions } from './service/config.js';
import { replayRecording, type ReplaySummary } from './service/replay.js';
import { MockStore, type StoreSnapshot } from './service/store.js';
import { createOperations, type MockPage } from './operations/index.js';
import type { AnyOperation, Operations } from './operations/types.js';
import { errorAnswer } from './pipeline/errors.js';
import type { Fault } from './pipeline/faults.js';
import { isAllowedOrigin } from './pipeline/cors.js';
import type { MockAnswer, MockRequest } from './pipeline/request.js';
import { RouteTable } from './pipeline/route.js';
import { runPipeline } from './pipeline/run.js';
import type { MockOperation } from './pipeline/spec-operations.js';

export type { Fault } from './pipeline/faults.js';
export type { MockAnswer, MockRequest } from './pipeline/request.js';

/** Options of a mock service: the mock's own, a store to start from, a hook on changes, the page it runs in. */
export interface MockServiceOptions extends MockOptions {
  /** A snapshot to start from instead of the seeded state (`--state FILE`); not with `replay`. */
  initialState?: StoreSnapshot;
  /** Called with the store after every change the mock answers, before the answer goes out. */
  onChange?: (store: MockStore) => void;
  /** The origin of the page the mock runs in (the browser adapter): what a request without an Origin comes from. */
  pageOrigin?: string;
}

/**
 * The mock of both APIs: one in-memory store, every operation of both specs, and the pipeline every request goes
 * through (route, faults, limits, authentication, request validation, the operation, CORS, response validation).
 * Served by `startStandaloneMock` (node:http), `setupMockServer` (MSW) and `createMockFetch` (a fetch function).
 */
export class MockService {
  /** The settings in effect: options, else environment variables, else defaults. */
  readonly config: MockConfig;
  /** The state: workspaces, connectors, templates, tokens, records; `reset()` seeds it again. */
  readonly store: MockStore;
  /** Schema validators compiled from each spec. */
  readonly validators: Record<SpecName, SpecValidator>;
  /** The routing table of both specs' operations. */
  readonly routes: RouteTable;
  /** Responses that broke the spec (validateResponses on); each was also answered with a loud 500. */
  readonly specViolations: string[] = [];
  /** Faults queued by `failNext`, taken one per routed request. */
  readonly pendingFaults: Fault[] = [];
  /** The origin of the page the mock runs in, in a browser. */
  readonly pageOrigin: string | undefined;
  /** What `replay` took from its recording (counts, entries skipped, warnings); undefined without one. */
  readonly replayed: ReplaySummary | undefined;

  private readonly implementations: Map<string, AnyOperation>;
  private readonly pages: Map<string, MockPage>;
  private readonly overrides = new Map<string, AnyOperation>();
  private readonly onChange: ((store: MockStore) => void) | undefined;
  /** The replayed recording's store, made again by `reset()` (the one restored is written to). */
  private readonly replayedState: (() => StoreSnapshot) | undefined;

  /**
   * A mock seeded from `options.seed` (or from `options.replay`'s recording), answering nothing until an adapter hands
   * it requests. Throws a ReplayError, one line, for a recording it cannot replay.
   */
  constructor(options: MockServiceOptions = {}) {
    this.routes = new RouteTable();
    const config = resolveMockConfig(options);
    let initialState = options.initialState;
    if (options.replay !== undefined) {
      const source = typeof options.replay === 'string' ? options.replay : 'the replay option';
      if (initialState) throw new ReplayError(`${source}: a mock starts from a recording or from a state, not both`);
      const read = typeof options.replay === 'string' ? readHarFile(options.replay) : readHar(options.replay, source);
      const timestamp = new Date(config.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const replay = () =>
        replayRecording(read, {
          source,
          seed: config.seed,
          organizationId: options.organizationId,
          timestamp,
          routes: this.routes,
        });
      const replayed = replay();
      this.replayed = replayed.summary;
      // Made again rather than cloned: as fast, and no second copy of every record is kept meanwhile.
      this.replayedState = () => replay().snapshot;
      initialState = replayed.snapshot;
    }
    // The organization a state or recording acts in, unless the options name one.
    this.config = {
      ...config,
      organizationId: options.organizationId ?? initialState?.organizationId ?? config.organizationId,
    };
    this.store = new MockStore(this.config);
    if (initialState) this.store.restore(initialState);
    this.onChange = options.onChange;
    this.pageOrigin = options.pageOrigin;
    this.validators = {
      'agent-engine': new SpecValidator('agent-engine'),
      'airbyte-api-v1': new SpecValidator('airbyte-api-v1'),
    };
    const { operations, pages } = createOperations(this);
    this.implementations = operations;
    this.pages = pages;
  }

  /** Runs one request through the pipeline. Never throws: every failure is an answer in the API's own shape. */
  answer(request: MockRequest): Promise<MockAnswer> {
    return runPipeline(this, request);
  }

  /**
   * Back to the seeded state, or the replayed recording's (and no pending faults). Operations replaced with `override`
   * stay replaced.
   */
  reset(): void {
    this.store.reset();
    if (this.replayedState) this.store.restore(this.replayedState());
    this.pendingFaults.length = 0;
    this.specViolations.length = 0;
  }

  /** The next `count` requests fail: with `status` (503 by default) or a dropped connection. */
  failNext(count: number, fault: Fault = { status: 503 }): void {
    for (let i = 0; i < count; i++) this.pendingFaults.push(fault);
  }

  /** One operation of a spec by its operationId, as the spec describes it; throws for an unknown one. */
  operation(api: SpecName, operationId: string): MockOperation {
    const operation = this.routes.operations.find((op) => op.api === api && op.operationId === operationId);
    if (!operation) throw new Error(`no operation ${operationId} in ${api}`);
    return operation;
  }

  /** `api:operationId` of every operation the mock implements. */
  get implementedOperations(): ReadonlySet<string> {
    return new Set(this.implementations.keys());
  }

  /** The function that answers an operation (its override, if one is in place). */
  implementation(api: SpecName, operationId: string): AnyOperation {
    const key = `${api}:${operationId}`;
    const implementation = this.overrides.get(key) ?? this.implementations.get(key);
    if (!implementation) throw new Error(`the mock implements no operation ${key}`);
    return implementation;
  }

  /**
   * Replaces operations (every adapter sees it), to simulate what the mock does not do on its own, e.g.
   * `service.override({ 'agent-engine': { get_workspaces_stats: () => ({ status: 503, body: { message: 'down' } }) } })`.
   * Answers are typed by the spec and still checked against it. Returns the function that puts the originals back.
   */
  override(replacements: { [Api in SpecName]?: Operations<Api> }): () => void {
    const added: [string, AnyOperation][] = [];
    for (const api of Object.keys(replacements) as SpecName[]) {
      for (const [operationId, implementation] of Object.entries(replacements[api] ?? {})) {
        const key = `${api}:${operationId}`;
        if (!this.implementations.has(key)) throw new Error(`the mock implements no operation ${key}`);
        added.push([key, implementation as AnyOperation]);
      }
    }
    for (const [key, implementation] of added) this.overrides.set(key, implementation);
    return () => {
      for (const [key, implementation] of added)
        if (this.overrides.get(key) === implementation) this.overrides.delete(key);
    };
  }

  /** A page of the mock itself (not of the API) at this path, e.g. the OAuth consent screen. */
  mockPage(method: string, path: string): MockPage | undefined {
    return method === 'GET' ? this.pages.get(path) : undefined;
  }

  /** True when some live widget token was issued for `origin`. */
  isAllowedOrigin(origin: string): boolean {
    return isAllowedOrigin(this.store, origin);
  }

  /** Called by the pipeline after a change it is about to answer. */
  changed(): void {
    this.onChange?.(this.store);
  }

  /** Records a response that broke the spec, and answers the loud 500 that goes out instead. */
  violation(api: SpecName, message: string): MockAnswer {
    this.specViolations.push(message);
    console.error(message);
    return errorAnswer(api, 500, message);
  }
}

export function createMockService(options: MockServiceOptions = {}): MockService {
  return new MockService(options);
}
