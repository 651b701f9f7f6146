// An upstream that breaks the contract in known ways, one per request, for the proxy's tests: each answer is the
// mock's own (spec-valid) answer with one thing changed, so that exactly one violation is expected of each. It counts
// what it was sent, so a test can tell what a strict proxy kept from it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockFetch } from '../../mocks/fetch.js';
import { DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET } from '../../mocks/service/config.js';

const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';

/** Each deviation: the request that gets it, and the one violation a proxy must report of it. */
export const DEVIATIONS = [
  {
    name: 'a response field of the wrong type',
    method: 'GET',
    path: '/api/v1/workspaces/stats',
    operation: 'get_workspaces_stats',
    direction: 'response',
    pointer: '/body/total_count',
  },
  {
    name: 'a required field missing',
    method: 'GET',
    path: '/api/v1/workspaces',
    operation: 'list_workspaces',
    direction: 'response',
    pointer: '/body/data',
  },
  {
    name: 'an undocumented status',
    method: 'GET',
    path: '/api/v1/skills',
    operation: 'list_skills',
    direction: 'response',
    pointer: '/status',
  },
  {
    name: 'a wrong content type',
    method: 'GET',
    path: '/api/v1/integrations/definitions/sources?name=git',
    operation: 'list_integrations_definitions_sources',
    direction: 'response',
    pointer: '/headers/content-type',
  },
  {
    name: 'an execute record that breaks its entity schema',
    method: 'POST',
    path: 'execute',
    body: { entity: 'issues', action: 'list', params: { per_page: 60 } },
    operation: 'create_integrations_connectors_id_execute',
    direction: 'response',
    pointer: '/body/result/1/number',
  },
  {
    name: 'a paging key missing',
    method: 'POST',
    path: 'execute',
    body: { entity: 'issues', action: 'list', params: { per_page: 4 } },
    operation: 'create_integrations_connectors_id_execute',
    direction: 'response',
    pointer: '/body/connector_metadata/end_cursor',
  },
  {
    name: 'a request with an unknown execute param',
    method: 'POST',
    path: 'execute',
    body: { entity: 'issues', action: 'list', params: { per_page: 5, colour: 'red' } },
    operation: 'create_integrations_connectors_id_execute',
    direction: 'request',
    pointer: '/body/params/colour',
  },
] as const;

export interface DeviatingApi {
  url: string;
  /** The GitHub connector the execute deviations run on (never created through the proxy: it must ask for it). */
  connectorId: string;
  /** `METHOD path` of every request it was sent, in order. */
  received: string[];
  close(): Promise<void>;
}

/** The deviating upstream on 127.0.0.1, its valid answers made by an in-process mock. */
export async function startDeviatingApi(): Promise<DeviatingApi> {
  const mock = createMockFetch({ seed: 5, records: 100 });
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const response = await mock.fetch(`http://upstream.test${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return (await response.json()) as any;
  };
  const { access_token: token } = await call('POST', '/api/v1/account/applications/token', {
    client_id: DEFAULT_MOCK_CLIENT_ID,
    client_secret: DEFAULT_MOCK_CLIENT_SECRET,
  });
  const connector = await call(
    'POST',
    '/api/v1/integrations/connectors',
    {
      workspace_name: 'default',
      definition_id: GITHUB,
      credentials: { token: 'ghp_deviating' },
      replication_config: { repositories: ['airbytehq/airbyte'] },
    },
    token,
  );
  const connectorPath = `/api/v1/integrations/connectors/${connector.id}`;
  const received: string[] = [];

  const server: Server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const target = incoming.url ?? '/';
    received.push(`${incoming.method} ${target}`);
    const json = (status: number, body: unknown, type = 'application/json') => {
      outgoing.writeHead(status, { 'content-type': type, 'x-request-id': `deviating-${received.length}` });
      outgoing.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const path = target.split('?')[0];
    if (incoming.method === 'GET' && path === '/api/v1/workspaces/stats') {
      const stats = await call('GET', '/api/v1/workspaces/stats', undefined, token);
      return json(200, { ...stats, total_count: String(stats.total_count) });
    }
    if (incoming.method === 'GET' && path === '/api/v1/workspaces') {
      const { data: _left, ...rest } = await call('GET', '/api/v1/workspaces', undefined, token);
      return json(200, rest);
    }
    if (incoming.method === 'GET' && path === '/api/v1/skills')
      return json(418, { message: 'I am a teapot', errors: [] });
    if (incoming.method === 'GET' && path === '/api/v1/integrations/definitions/sources')
      return json(200, '<html><body>sources</body></html>', 'text/html; charset=utf-8');
    if (incoming.method === 'GET' && path === connectorPath)
      return json(200, await call('GET', connectorPath, undefined, token));
    if (incoming.method === 'POST' && path === `${connectorPath}/execute`) {
      const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const { colour: _ignored, ...params } = request.params ?? {};
      const answer = await call('POST', `${connectorPath}/execute`, { ...request, params }, token);
      // Sixty issues (140 kB): the command checks an answer this large in its worker thread.
      if (params.per_page === 60) answer.result[1].number = 'seven';
      if (params.per_page === 4) delete answer.connector_metadata.end_cursor;
      return json(200, answer);
    }
    return json(404, { message: 'not a deviation of this test server', errors: [] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connectorId: connector.id,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The request a deviation is sent as, through `baseUrl` (a proxy), with any bearer token (the proxy checks its presence). */
export function deviationRequest(
  baseUrl: string,
  deviation: (typeof DEVIATIONS)[number],
  connectorId: string,
): Promise<Response> {
  const path = deviation.path === 'execute' ? `/api/v1/integrations/connectors/${connectorId}/execute` : deviation.path;
  const body = 'body' in deviation ? JSON.stringify(deviation.body) : undefined;
  return fetch(`${baseUrl}${path}`, {
    method: deviation.method,
    headers: {
      authorization: 'Bearer deviation-test-token',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body }),
  });
}
