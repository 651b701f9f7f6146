// Every helper sends the request the spec describes (method, path, query, body) and returns the data; the raw client
// reaches any operation with the same auth and retries.
import { describe, expect, it } from 'vitest';
import { createAgentEngineClient, createAirbyteApiClient, type AgentEngineClient } from '../../src/index.js';
import { CLIENT_ID, CLIENT_SECRET, fakeApi, json } from '../support/fake-api.js';

const options = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: 'https://api.example.test' };
const ID = 'c8d9e0f1-2a3b-4c5d-8e6f-7a8b9c0d1e2f';
const WS = '7e3f9a2c-5b1d-4e8f-a6c0-3d2b1e9f8a7c';

type Case = [
  name: string,
  run: (c: AgentEngineClient) => Promise<unknown>,
  method: string,
  path: string,
  body?: unknown,
];
const CASES: Case[] = [
  [
    'tokens.scoped',
    (c) => c.tokens.scoped('acme', { region_id: 'b9e48d61-f082-4a14-a8d0-799a907938cb' }),
    'POST',
    '/api/v1/account/applications/scoped-token',
    { workspace_name: 'acme', region_id: 'b9e48d61-f082-4a14-a8d0-799a907938cb' },
  ],
  [
    'tokens.widget',
    (c) => c.tokens.widget({ workspace_name: 'acme', allowed_origin: 'https://app.example' }),
    'POST',
    '/api/v1/account/applications/widget-token',
    { workspace_name: 'acme', allowed_origin: 'https://app.example' },
  ],
  ['tokens.scopedInfo', (c) => c.tokens.scopedInfo(), 'GET', '/api/v1/account/applications/scoped-token/info'],
  [
    'definitions.listSources',
    (c) => c.definitions.listSources({ name: 'git' }),
    'GET',
    '/api/v1/integrations/definitions/sources?name=git',
  ],
  [
    'definitions.getSource',
    (c) => c.definitions.getSource(ID),
    'GET',
    `/api/v1/integrations/definitions/sources/${ID}`,
  ],
  [
    'definitions.listDestinations',
    (c) => c.definitions.listDestinations({ actorDefinitionIds: [ID, WS] }),
    'GET',
    `/api/v1/integrations/definitions/destinations?actorDefinitionIds=${ID}&actorDefinitionIds=${WS}`,
  ],
  [
    'definitions.getDestination',
    (c) => c.definitions.getDestination(ID),
    'GET',
    `/api/v1/integrations/definitions/destinations/${ID}`,
  ],
  [
    'connectors.create',
    (c) => c.connectors.create({ workspace_name: 'default', connector_type: 'GitHub', credentials: {} }),
    'POST',
    '/api/v1/integrations/connectors',
    { workspace_name: 'default', connector_type: 'GitHub', credentials: {} },
  ],
  [
    'connectors.list',
    (c) => c.connectors.list({ workspace_name: 'default' }),
    'GET',
    '/api/v1/integrations/connectors?workspace_name=default',
  ],
  ['connectors.get', (c) => c.connectors.get(ID), 'GET', `/api/v1/integrations/connectors/${ID}`],
  [
    'connectors.update',
    (c) => c.connectors.update(ID, { entities: [] }),
    'PUT',
    `/api/v1/integrations/connectors/${ID}`,
    { entities: [] },
  ],
  ['connectors.delete', (c) => c.connectors.delete(ID), 'DELETE', `/api/v1/integrations/connectors/${ID}`],
  [
    'connectors.check',
    (c) => c.connectors.check({ workspace_name: 'default', definition_id: ID, credentials: {} }),
    'POST',
    '/api/v1/integrations/connectors/check',
    { workspace_name: 'default', definition_id: ID, credentials: {} },
  ],
  [
    'connectors.checkExisting',
    (c) => c.connectors.checkExisting(ID),
    'POST',
    `/api/v1/integrations/connectors/${ID}/check`,
    {},
  ],
  [
    'connectors.execute',
    (c) =>
      c.connectors.execute(ID, { entity: 'issues', action: 'get', params: { number: 1 }, intent: 'Triage issue 1' }),
    'POST',
    `/api/v1/integrations/connectors/${ID}/execute`,
    { entity: 'issues', action: 'get', params: { number: 1 }, intent: 'Triage issue 1' },
  ],
  ['connectors.inspect', (c) => c.connectors.inspect(ID), 'GET', `/api/v1/integrations/connectors/${ID}/inspect`],
  [
    'skills.list',
    (c) => c.skills.list({ workspace_id: WS, limit: 5 }),
    'GET',
    `/api/v1/skills?workspace_id=${WS}&limit=5`,
  ],
  [
    'skills.search',
    (c) => c.skills.search('github issues', { limit: 3 }),
    'GET',
    '/api/v1/skills/search?limit=3&query=github%20issues',
  ],
  [
    'skills.docs',
    (c) => c.skills.docs(`connector-source:${ID}`, { section: 'action:issues.list' }),
    'GET',
    `/api/v1/skills/docs?section=action%3Aissues.list&id=connector-source%3A${ID}`,
  ],
  [
    'workspaces.list',
    (c) => c.workspaces.list({ status: 'active', limit: 5 }),
    'GET',
    '/api/v1/workspaces?status=active&limit=5',
  ],
  ['workspaces.get', (c) => c.workspaces.get(WS), 'GET', `/api/v1/workspaces/${WS}`],
  [
    'workspaces.update',
    (c) => c.workspaces.update(WS, { status: 'inactive' }),
    'PUT',
    `/api/v1/workspaces/${WS}`,
    { status: 'inactive' },
  ],
  ['workspaces.delete', (c) => c.workspaces.delete(WS), 'DELETE', `/api/v1/workspaces/${WS}`],
  ['workspaces.stats', (c) => c.workspaces.stats(), 'GET', '/api/v1/workspaces/stats'],
  [
    'templates.sources.list',
    (c) => c.templates.sources.list({ tags: ['crm', 'sales'], tags_mode: 'any' }),
    'GET',
    '/api/v1/integrations/templates/sources?tags=crm&tags=sales&tags_mode=any',
  ],
  [
    'templates.sources.create',
    (c) => c.templates.sources.create({ original_source_template_id: ID }),
    'POST',
    '/api/v1/integrations/templates/sources',
    { original_source_template_id: ID },
  ],
  ['templates.sources.get', (c) => c.templates.sources.get(ID), 'GET', `/api/v1/integrations/templates/sources/${ID}`],
  [
    'templates.sources.update',
    (c) => c.templates.sources.update(ID, { name: 'x' }),
    'PATCH',
    `/api/v1/integrations/templates/sources/${ID}`,
    { name: 'x' },
  ],
  [
    'templates.sources.delete',
    (c) => c.templates.sources.delete(ID),
    'DELETE',
    `/api/v1/integrations/templates/sources/${ID}`,
  ],
  [
    'templates.connections.list',
    (c) => c.templates.connections.list(),
    'GET',
    '/api/v1/integrations/templates/connections',
  ],
  [
    'templates.connections.create',
    (c) => c.templates.connections.create({ data_hosting_type: 'airbyte_hosted' }),
    'POST',
    '/api/v1/integrations/templates/connections',
    { data_hosting_type: 'airbyte_hosted' },
  ],
  [
    'templates.connections.get',
    (c) => c.templates.connections.get(ID),
    'GET',
    `/api/v1/integrations/templates/connections/${ID}`,
  ],
  [
    'templates.connections.update',
    (c) => c.templates.connections.update(ID, { sync_on_create: false }),
    'PATCH',
    `/api/v1/integrations/templates/connections/${ID}`,
    { sync_on_create: false },
  ],
  [
    'templates.connections.delete',
    (c) => c.templates.connections.delete(ID),
    'DELETE',
    `/api/v1/integrations/templates/connections/${ID}`,
  ],
  [
    'templates.describeCron',
    (c) => c.templates.describeCron('0 0 * * * ?'),
    'POST',
    '/api/v1/integrations/templates/connections/cron/describe',
    { cron_expression: '0 0 * * * ?' },
  ],
  [
    'oauth.setCredentials',
    (c) => c.oauth.setCredentials({ connector_type: 'HubSpot', configuration: { client_id: 'a' } }),
    'PUT',
    '/api/v1/oauth/credentials',
    { connector_type: 'HubSpot', configuration: { client_id: 'a' } },
  ],
  [
    'oauth.deleteCredentials',
    (c) => c.oauth.deleteCredentials('Facebook Marketing'),
    'DELETE',
    '/api/v1/oauth/credentials/connector_type/Facebook%20Marketing',
  ],
  [
    'oauth.initiate',
    (c) =>
      c.oauth.initiate({ workspace_name: 'acme', connector_type: 'HubSpot', redirect_url: 'https://app.example/cb' }),
    'POST',
    '/api/v1/integrations/connectors/oauth/initiate',
    { workspace_name: 'acme', connector_type: 'HubSpot', redirect_url: 'https://app.example/cb' },
  ],
];

describe('helpers send what the spec describes', () => {
  it.each(CASES)('%s', async (_name, run, method, path, body) => {
    // One answer for every helper, with what any helper reads of it (a token's `token`, an execute's `status`).
    const answer = { token: 'eyJ.answer.x', data: [], status: 'success', echo: true };
    const api = fakeApi((request) =>
      request.method === 'DELETE' && request.path.includes('/oauth/')
        ? new Response(null, { status: 204 })
        : json(answer),
    );
    const result = await run(createAgentEngineClient({ ...options, fetch: api.fetch }));
    const [request] = api.apiRequests();
    expect(request!.method).toBe(method);
    expect(`${request!.path}${request!.url.search}`).toBe(path);
    expect(request!.body).toEqual(body);
    expect(request!.headers.get('authorization')).toMatch(/^Bearer /);
    if (request!.path.includes('/oauth/credentials/connector_type/')) expect(result).toBeUndefined();
    else expect(result).toEqual(answer);
  });

  it('covers every helper of every module', () => {
    const client = createAgentEngineClient(options) as unknown as Record<string, Record<string, unknown>>;
    const helpers: string[] = [];
    for (const area of ['tokens', 'definitions', 'connectors', 'workspaces', 'templates', 'oauth', 'skills']) {
      for (const [name, value] of Object.entries(client[area]!)) {
        if (typeof value === 'function') helpers.push(`${area}.${name}`);
        else for (const inner of Object.keys(value as object)) helpers.push(`${area}.${name}.${inner}`);
      }
    }
    const tested = new Set(CASES.map(([name]) => name));
    // Covered in the token, pagination, execute paging, skills and retry suites.
    const elsewhere = [
      'tokens.application',
      'connectors.executePages',
      'connectors.executeRecords',
      'connectors.find',
      'workspaces.pages',
      'workspaces.all',
      'skills.all',
    ];
    expect(helpers.filter((h) => !tested.has(h) && !elsewhere.includes(h))).toEqual([]);
  });
});

describe('skills.all', () => {
  const skill = (id: string) => ({
    id,
    kind: 'connector_source',
    title: id,
    provenance: 'p',
    version: '1',
    freshness: { state: 'live' },
  });

  it('follows next_cursor until it is null, keeping the other filters', async () => {
    const pages = [
      { data: [skill('a'), skill('b')], next_cursor: 'c2' },
      { data: [skill('c')], next_cursor: null },
    ];
    const api = fakeApi((_request, i) => json(pages[i]));
    const ids: string[] = [];
    for await (const found of createAgentEngineClient({ ...options, fetch: api.fetch }).skills.all({
      workspace_id: WS,
      limit: 2,
    }))
      ids.push(found.id);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(api.apiRequests().map((r) => Object.fromEntries(r.url.searchParams))).toEqual([
      { workspace_id: WS, limit: '2' },
      { workspace_id: WS, limit: '2', cursor: 'c2' },
    ]);
  });

  it('stops with an error instead of looping on a repeated cursor', async () => {
    const api = fakeApi(() => json({ data: [skill('a')], next_cursor: 'same' }));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    await expect(async () => {
      for await (const _skill of client.skills.all()) void _skill;
    }).rejects.toThrow(/cursor repeated/);
    expect(api.apiRequests()).toHaveLength(2);
  });
});

describe('the raw client', () => {
  it('reaches any operation with auth and per-call options, answering {data, error, response}', async () => {
    const api = fakeApi((_r, i) =>
      i === 0
        ? json({ message: 'nope', errors: [] }, 404)
        : json({ active_count: 1, inactive_count: 0, total_count: 1 }),
    );
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    const missing = await client.raw.GET('/api/v1/workspaces/{workspace_id}', {
      params: { path: { workspace_id: WS } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toEqual({ message: 'nope', errors: [] });
    const stats = await client.raw.GET(
      '/api/v1/workspaces/stats',
      client.callOptions({ maxRetries: 0, timeoutMs: 1000 }),
    );
    expect(stats.data).toEqual({ active_count: 1, inactive_count: 0, total_count: 1 });
    expect(api.apiRequests().every((r) => r.headers.get('authorization')?.startsWith('Bearer '))).toBe(true);
  });
});

describe('the v1 (Embedded) client', () => {
  it('gets an access token with JSON client credentials and lists workspaces', async () => {
    const requests: Request[] = [];
    const fetch = (async (request: Request) => {
      requests.push(request.clone());
      if (new URL(request.url).pathname === '/v1/applications/token')
        return json({ access_token: 'eyJ0eXAiOiJKV1QiLCJhbGc.e30.sig', token_type: 'Bearer', expires_in: 3600 });
      return json({
        data: [{ workspaceId: WS, name: 'My First AI Agent Workspace', dataResidency: 'auto', notifications: {} }],
      });
    }) as typeof globalThis.fetch;
    const client = createAirbyteApiClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, fetch });
    const page = await client.workspaces.list({ limit: 10 });
    expect(page.data[0]!.workspaceId).toBe(WS);
    const [token, list] = requests;
    expect(token!.url).toBe('https://api.airbyte.com/v1/applications/token');
    expect(token!.headers.get('content-type')).toBe('application/json');
    expect(await token!.json()).toEqual({
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      'grant-type': 'client_credentials',
    });
    expect(list!.url).toBe('https://api.airbyte.com/v1/workspaces?limit=10');
    expect(list!.headers.get('authorization')).toBe('Bearer eyJ0eXAiOiJKV1QiLCJhbGc.e30.sig');
  });

  it('all() follows next/offset links across pages, keeping the other filters', async () => {
    const seen: string[] = [];
    const fetch = (async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === '/v1/applications/token')
        return json({ access_token: 'eyJ.e30.sig', token_type: 'Bearer', expires_in: 3600 });
      seen.push(url.search);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const data = [offset, offset + 1]
        .filter((n) => n < 3)
        .map((n) => ({
          workspaceId: `00000000-0000-4000-8000-00000000000${n}`,
          name: `w${n}`,
          dataResidency: 'auto',
          notifications: {},
        }));
      const next = offset + 2 < 3 ? `https://api.airbyte.com/v1/workspaces?limit=2&offset=${offset + 2}` : undefined;
      return json({ data, ...(next ? { next } : {}) });
    }) as typeof globalThis.fetch;
    const client = createAirbyteApiClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, fetch });
    const names: string[] = [];
    for await (const w of client.workspaces.all({ limit: 2, includeDeleted: true })) names.push(w.name);
    expect(names).toEqual(['w0', 'w1', 'w2']);
    expect(seen.map((search) => Object.fromEntries(new URLSearchParams(search)))).toEqual([
      { includeDeleted: 'true', limit: '2' },
      { includeDeleted: 'true', limit: '2', offset: '2' },
    ]);
  });

  it('reads problem JSON errors, and does not retry a workspace create on 503', async () => {
    let creates = 0;
    const fetch = (async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/v1/applications/token')
        return json({ access_token: 'eyJ.e30.sig', token_type: 'Bearer', expires_in: 3600 });
      creates += 1;
      return new Response(
        JSON.stringify({ status: 503, type: 'about:blank', title: 'unavailable', detail: 'Try later.' }),
        { status: 503, headers: { 'content-type': 'application/problem+json' } },
      );
    }) as typeof globalThis.fetch;
    const client = createAirbyteApiClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, fetch });
    await expect(client.workspaces.create({ name: 'x' })).rejects.toThrow(/unavailable: Try later\./);
    expect(creates).toBe(1);
  });
});
