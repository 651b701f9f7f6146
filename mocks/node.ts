/**
 * The stateful mock of both APIs, for Node: `setupMockServer` (MSW's setupServer, for vitest and other Node tests),
 * `createMockFetch` (a fetch function to hand a client, intercepting nothing) and `startStandaloneMock` (the HTTP
 * server `npm start` runs). msw is an optional peer of the package: it is loaded here if installed, and only
 * setupMockServer needs it.
 * @module agent-engine-kit/mock
 */
import type { SetupServer } from 'msw/node';
import { createHandlers } from './adapters/msw.js';
import { MockService } from './service.js';
import type { MockOptions } from './service/config.js';

export { MockService, type Fault } from './service.js';
export { ManualClock, type Clock } from './service/clock.js';
export type { MockOptions } from './service/config.js';
export { DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET } from './service/config.js';
export { ReplayError } from './har/read.js';
export type { Har, HarEntry } from './har/format.js';
export type { ReplaySummary } from './service/replay.js';

/** msw when it is installed. */
const msw = await Promise.all([import('msw'), import('msw/node')]).then(
  ([core, node]) => ({ http: core.http, setupServer: node.setupServer }),
  () => undefined,
);

/** An MSW server over the mock, and the service behind it, from `setupMockServer`. */
export interface MockServer {
  /** MSW's server: `listen()` before the tests, `close()` after them. */
  server: SetupServer;
  /** The service behind it: store, clock, faults, reset. */
  service: MockService;
}

/**
 * An MSW server answering both APIs on any origin, and the service behind it (store, clock, faults, reset). Start it
 * before creating a client (openapi-fetch reads `globalThis.fetch` when a client is created), or pass `fetch`.
 * @example
 * ```ts
 * const { server, service } = setupMockServer({ seed: 1 });
 * beforeAll(() => server.listen());
 * afterEach(() => service.reset());
 * afterAll(() => server.close());
 * ```
 */
export function setupMockServer(options: MockOptions = {}): MockServer {
  if (!msw) {
    throw new Error(
      'setupMockServer needs msw, an optional peer of agent-engine-kit: npm install -D msw@2 (or use createMockFetch() or startStandaloneMock(), which need nothing more)',
    );
  }
  const service = new MockService(options);
  const server = msw.setupServer(...createHandlers(service, msw.http));
  return { server, service };
}

export { startStandaloneMock, runStandaloneMock, type StandaloneMock, type StandaloneOptions } from './standalone.js';
export { createMockFetch, type MockFetch } from './fetch.js';
