// The mock as a fetch function: hand it to the client (`createAgentEngineClient({ fetch })`) and every call is answered
// in-process by the same handlers as `npm start` and MSW, without intercepting anything global. Runtime-neutral.
import { getResponse } from 'msw';
import { createHandlers } from './handlers/index.js';
import { errorResponse } from './http/errors.js';
import { apiOf, notFound, routeTable, unroutablePath } from './http/routes.js';
import { MockService } from './service.js';
import type { MockOptions } from './service/config.js';

/** A fetch function answered by the mock, and the service behind it (store, clock, faults, reset). */
export interface MockFetch {
  /** A `fetch` answered by the mock: give it to a client as its `fetch` option. */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** The service behind it: store, clock, faults, reset. */
  service: MockService;
}

/**
 * The mock of both APIs as a `fetch`: no server, no interception.
 * @example
 * ```ts
 * const mock = createMockFetch({ seed: 7 });
 * const client = createAgentEngineClient({ baseUrl: 'https://api.airbyte.ai', clientId: 'demo-client-id', clientSecret: 'demo-client-secret', fetch: mock.fetch });
 * ```
 */
export function createMockFetch(options: MockOptions = {}): MockFetch {
  const service = new MockService(options);
  const handlersFor = routeTable(createHandlers(service));
  return {
    service,
    async fetch(input, init) {
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      const { pathname } = new URL(request.url);
      const unroutable = unroutablePath(pathname);
      if (unroutable) return errorResponse(apiOf(pathname), 400, unroutable, [], { 'x-request-id': crypto.randomUUID() });
      const candidates = handlersFor(request.method, pathname);
      const response = (candidates.length > 0 ? await getResponse(candidates, request) : undefined) ?? notFound(pathname);
      // A simulated dropped connection fails the call as a network error does.
      if (response.type === 'error') throw new TypeError('fetch failed: the mock dropped the connection (simulated)');
      return response;
    },
  };
}
