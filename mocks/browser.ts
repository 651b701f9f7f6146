// The mock in a browser: MSW's setupWorker over the same stateful handlers. Call registerSpec for both specs first,
// and registerConnectorDefinitions with the connector definitions to serve (a browser has no file system);
// scripts/build-browser-demo.mjs shows how a bundler does it.
import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { createHandlers } from './adapters/msw.js';
import { MockService } from './service.js';
import type { MockOptions } from './service/config.js';

export { registerSpec } from './spec.js';
export { registerConnectorDefinitions } from './connectors/definitions.js';

/**
 * The mock in a service worker. Requests a page makes carry no Origin the worker can see: the page's own origin is
 * applied, so widget tokens are accepted from the page they were minted for and refused from any other.
 */
export function setupMockWorker(options: MockOptions = {}) {
  const service = new MockService({ ...options, pageOrigin: globalThis.location?.origin });
  const worker = setupWorker(...createHandlers(service, http));
  return { worker, service };
}
