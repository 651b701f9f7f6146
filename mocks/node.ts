// The mock in-process for vitest and Node tests: MSW's setupServer over the stateful handlers.
import { setupServer } from 'msw/node';
import { createHandlers } from './handlers/index.js';
import { MockService } from './service.js';
import type { MockOptions } from './service/config.js';

export { MockService } from './service.js';
export { ManualClock } from './service/clock.js';
export type { MockOptions } from './service/config.js';
export { DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET } from './service/config.js';

/** An MSW server answering both APIs on any origin, and the service behind it (store, clock, faults, reset). */
export function setupMockServer(options: MockOptions = {}) {
  const service = new MockService(options);
  const server = setupServer(...createHandlers(service));
  return { server, service };
}

export { startStandaloneMock, runStandaloneMock, type StandaloneOptions } from './standalone.js';
