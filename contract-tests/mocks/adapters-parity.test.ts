// The three ways to run the mock answer alike: node:http (`npm start`), MSW's setupServer, and the fetch function handed
// to a client (createMockFetch). One recorded sequence of requests (successes, refusals, both APIs) goes to a fresh
// mock behind each, with the same seed and clock; statuses, content types and bodies must be the same, byte for byte,
// once the tokens (random by design) and request ids are set aside.
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock, createMockFetch, setupMockServer } from '../../mocks/node.js';
import { DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET } from '../../mocks/service/config.js';
import { startStandaloneMock } from '../../mocks/standalone.js';

const START = Date.parse('2026-11-25T10:00:00Z');
const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';

interface Step {
  method: string;
  path: string | ((state: Record<string, string>) => string);
  body?: unknown | ((state: Record<string, string>) => unknown);
  headers?: Record<string, string>;
  auth?: 'application' | 'v1' | 'none';
  /** Remembers a value of the answer for later steps. */
  keep?: (body: any, state: Record<string, string>) => void;
}

const STEPS: Step[] = [
  {
    method: 'POST',
    path: '/api/v1/account/applications/token',
    auth: 'none',
    body: { client_id: DEFAULT_MOCK_CLIENT_ID, client_secret: DEFAULT_MOCK_CLIENT_SECRET },
    keep: (b, s) => (s.application = b.access_token),
  },
  {
    method: 'POST',
    path: '/v1/applications/token',
    auth: 'none',
    body: { client_id: DEFAULT_MOCK_CLIENT_ID, client_secret: DEFAULT_MOCK_CLIENT_SECRET },
    keep: (b, s) => (s.v1 = b.access_token),
  },
  { method: 'GET', path: '/api/v1/integrations/definitions/sources?name=git' },
  {
    method: 'POST',
    path: '/api/v1/account/applications/scoped-token',
    body: { workspace_name: 'parity' },
    keep: (b, s) => (s.scoped = b.token),
  },
  {
    method: 'POST',
    path: '/api/v1/integrations/connectors',
    body: {
      workspace_name: 'parity',
      definition_id: GITHUB,
      credentials: { token: 'ghp_parity' },
      replication_config: { repositories: ['airbytehq/airbyte'] },
    },
    keep: (b, s) => (s.connector = b.id),
  },
  {
    method: 'POST',
    path: (s) => `/api/v1/integrations/connectors/${s.connector}/execute`,
    body: { entity: 'issues', action: 'list', params: { per_page: 5 } },
    keep: (b, s) => (s.after = b.connector_metadata.end_cursor),
  },
  {
    method: 'POST',
    path: (s) => `/api/v1/integrations/connectors/${s.connector}/execute`,
    body: (s: Record<string, string>) => ({
      entity: 'issues',
      action: 'list',
      params: { per_page: 5, after: s.after },
      select_fields: ['number', 'title'],
    }),
  },
  {
    method: 'POST',
    path: (s) => `/api/v1/integrations/connectors/${s.connector}/execute`,
    body: { entity: 'issues', action: 'create', params: { owner: 'airbytehq', repo: 'airbyte', title: 'Parity' } },
  },
  {
    method: 'POST',
    path: (s) => `/api/v1/integrations/connectors/${s.connector}/execute`,
    body: { entity: 'issues', action: 'list', params: { per_page: 'five' } },
  },
  { method: 'GET', path: '/api/v1/workspaces?limit=1' },
  { method: 'GET', path: '/api/v1/integrations/connectors/00000000-0000-4000-8000-000000000000' },
  { method: 'POST', path: '/api/v1/integrations/connectors', body: { workspace_name: 'parity' } },
  { method: 'GET', path: '/api/v1/workspaces', auth: 'none' },
  { method: 'GET', path: '/v1/workspaces?limit=2', auth: 'v1' },
  { method: 'POST', path: '/v1/workspaces', auth: 'v1', body: { name: 42 } },
  { method: 'GET', path: '/v1/nothing', auth: 'v1' },
  { method: 'GET', path: '/api/v1/nothing' },
];

interface Exchange {
  status: number;
  contentType: string | null;
  body: string;
}

/** Runs the steps through one fetch; tokens in bodies become placeholders, so only what must match is compared. */
async function record(
  origin: string,
  send: (url: string, init: RequestInit) => Promise<Response>,
): Promise<Exchange[]> {
  const state: Record<string, string> = {};
  const exchanges: Exchange[] = [];
  for (const step of STEPS) {
    const path = typeof step.path === 'function' ? step.path(state) : step.path;
    const body =
      typeof step.body === 'function' ? (step.body as (s: Record<string, string>) => unknown)(state) : step.body;
    const token = step.auth === 'none' ? undefined : step.auth === 'v1' ? state.v1 : state.application;
    const response = await send(`${origin}${path}`, {
      method: step.method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...step.headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.headers.get('x-request-id'), `${step.method} ${path}`).toMatch(/^[0-9a-f-]{36}$/);
    let text = await response.text();
    if (response.headers.get('content-type')?.includes('json') && text) step.keep?.(JSON.parse(text), state);
    for (const [name, value] of Object.entries(state))
      if (name === 'application' || name === 'v1' || name === 'scoped')
        text = text.split(value).join(`<${name} token>`);
    // Links carry the adapter's own origin.
    text = text.split(origin).join('<origin>');
    exchanges.push({ status: response.status, contentType: response.headers.get('content-type'), body: text });
  }
  return exchanges;
}

const options = () => ({ seed: 9, clock: new ManualClock(START) });

describe('node:http, setupServer and createMockFetch answer the same requests the same way', () => {
  const stopping: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const stop of stopping) await stop();
  });

  it('byte for byte, but for tokens, request ids and the origin in links', async () => {
    const standalone = await startStandaloneMock({ ...options(), port: 0, log: false });
    stopping.push(() => standalone.close());
    const overHttp = await record(standalone.url, (url, init) => fetch(url, init));

    const mockFetch = createMockFetch(options());
    const viaFetch = await record('https://api.airbyte.ai', mockFetch.fetch);

    const { server } = setupMockServer(options());
    server.listen({ onUnhandledRequest: 'error' });
    stopping.push(() => server.close());
    const viaMsw = await record('https://api.airbyte.ai', (url, init) => fetch(url, init));

    expect(overHttp.map((e) => e.status)).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 422, 200, 404, 422, 401, 200, 400, 404, 404,
    ]);
    expect(viaFetch).toEqual(overHttp);
    expect(viaMsw).toEqual(overHttp);
  });
});
