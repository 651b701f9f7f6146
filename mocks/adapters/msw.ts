// The MSW adapter: one handler per operation of both specs, generated from the route table, each handing the request
// to the service's pipeline (which routes, checks and answers it); then the mock's own pages, the CORS preflight, and
// a 404 in each API's shape for a path of it that no operation has. For setupServer (mocks/node.ts) and setupWorker
// (mocks/browser.ts).
import type { HttpHandler, http as mswHttp } from 'msw';
import { OAUTH_CONSENT_PATH } from '../operations/agent-engine/connectors.js';
import { API_PREFIX } from '../pipeline/route.js';
import type { MockService } from '../service.js';
import { answerFetch } from './fetch.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * MSW handlers answering both APIs on any origin through `service`. `http` is msw's own (the caller's copy of msw, an
 * optional peer of the package, so that its handlers and its server are of one msw).
 */
export function createHandlers(service: MockService, http: typeof mswHttp): HttpHandler[] {
  const respond = ({ request }: { request: Request }) => answerFetch(service, request);
  return [
    ...service.routes.operations.map((operation) =>
      http[operation.method as Method](`*${API_PREFIX[operation.api]}${operation.pattern}`, respond),
    ),
    http.get(`*${OAUTH_CONSENT_PATH}`, respond),
    http.options('*/api/v1/*', respond),
    // Last: a path of either API that no operation has is a 404 in that API's shape.
    http.all('*/api/v1/*', respond),
    http.all('*/v1/*', respond),
  ];
}
