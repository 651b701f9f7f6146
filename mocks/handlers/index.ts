// Every handler of both APIs over one mock service, plus the CORS preflight the service answers for widget origins.
import { http as mswHttp } from 'msw';
import type { MockService } from '../service.js';
import { notFound } from '../http/routes.js';
import { authenticationHandlers } from './agent-engine/authentication.js';
import { connectorHandlers } from './agent-engine/connectors.js';
import { definitionHandlers } from './agent-engine/definitions.js';
import { oauthHandlers } from './agent-engine/oauth.js';
import { skillHandlers } from './agent-engine/skills.js';
import { templateHandlers } from './agent-engine/templates.js';
import { workspaceHandlers } from './agent-engine/workspaces.js';
import { airbyteApiV1Handlers } from './airbyte-api-v1.js';

export function createHandlers(service: MockService) {
  return [
    // Preflight: answered for an origin some live widget token allows, refused for any other.
    mswHttp.options('*/api/v1/*', ({ request }) => {
      const origin = request.headers.get('origin');
      if (!origin || !service.isAllowedOrigin(origin)) return new Response(null, { status: 403 });
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
          'access-control-allow-headers': request.headers.get('access-control-request-headers') ?? 'authorization, content-type',
          'access-control-max-age': '600',
          vary: 'Origin',
        },
      });
    }),
    ...authenticationHandlers(service),
    ...definitionHandlers(service),
    ...connectorHandlers(service),
    ...templateHandlers(service),
    ...oauthHandlers(service),
    ...skillHandlers(service),
    ...workspaceHandlers(service),
    ...airbyteApiV1Handlers(service),
    // Last: a path of either API that no operation has is a 404 in that API's shape, whichever adapter serves it.
    mswHttp.all('*/api/v1/*', ({ request }) => notFound(new URL(request.url).pathname)),
    mswHttp.all('*/v1/*', ({ request }) => notFound(new URL(request.url).pathname)),
  ];
}
