// The mock as a fetch function: hand it to the client (`createAgentEngineClient({ fetch })`) and every call is answered
// in-process by the same pipeline as `npm start` and MSW, without intercepting anything global. Runtime-neutral.
import { answerFetch } from './adapters/fetch.js';
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
  return {
    service,
    async fetch(input, init) {
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      const response = await answerFetch(service, request);
      // A simulated dropped connection fails the call as a network error does.
      if (response.type === 'error') throw new TypeError('fetch failed: the mock dropped the connection (simulated)');
      return response;
    },
  };
}
