// The mock in a browser (`agent-engine-kit/mock/browser`): MSW's setupWorker over the same pipeline and operations as
// every other adapter. Both specs are built in (parsed at build time); a browser has no file system, so the agent
// connector definitions the page wants served are handed over (`connectors`), e.g. from
// `agent-engine-kit/mock/connectors/github.json`. The worker script comes from msw itself: `npx msw init public/`.
import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import agentEngineSpec from '../openapi/agent-engine.yaml';
import airbyteApiV1Spec from '../openapi/airbyte-api-v1.yaml';
import { createHandlers } from './adapters/msw.js';
import { registerConnectorDefinitions } from './connectors/definitions.js';
import type { JsonSchema } from './connectors/definitions.js';
import { MockService } from './service.js';
import type { MockOptions } from './service/config.js';
import { registerSpec } from './spec.js';

export { registerSpec } from './spec.js';
export { registerConnectorDefinitions } from './connectors/definitions.js';
export { ManualClock, type Clock } from './service/clock.js';
export { DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET } from './service/config.js';
export type { MockService } from './service.js';
export type { MockOptions } from './service/config.js';

registerSpec('agent-engine', agentEngineSpec);
registerSpec('airbyte-api-v1', airbyteApiV1Spec);

/** Options of `setupMockWorker`: the mock's own, and the connector definitions to serve. */
export interface MockWorkerOptions extends MockOptions {
  /**
   * Agent connector definitions (the documents of `openapi/connectors/`, as `agent-engine-kit/mock/connectors/<name>.json`
   * has them) that the catalog lists and execute runs. Only these: all 51 would add megabytes to a page.
   */
  connectors?: readonly JsonSchema[];
}

/**
 * The mock in a service worker. Requests a page makes carry no Origin the worker can see: the page's own origin is
 * applied, so widget tokens are accepted from the page they were minted for and refused from any other.
 * @example
 * ```ts
 * import { setupMockWorker } from 'agent-engine-kit/mock/browser';
 * import github from 'agent-engine-kit/mock/connectors/github.json';
 *
 * const { worker } = setupMockWorker({ seed: 1, connectors: [github] });
 * await worker.start({ onUnhandledRequest: 'bypass' }); // serves /mockServiceWorker.js from `npx msw init public/`
 * ```
 */
export function setupMockWorker(options: MockWorkerOptions = {}) {
  if (options.connectors) registerConnectorDefinitions(options.connectors);
  const service = new MockService({ ...options, pageOrigin: globalThis.location?.origin });
  const worker = setupWorker(...createHandlers(service, http));
  return { worker, service };
}
