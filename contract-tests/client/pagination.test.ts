// Paging: workspace `next` links followed only on the API's host; execute `list` pages by each connector's cursor.
import { describe, expect, it } from 'vitest';
import { AgentEngineError, AmbiguousConnectorError, ConnectorNotFoundError, createAgentEngineClient, type PagingStyle } from '../../src/index.js';
import { CLIENT_ID, CLIENT_SECRET, fakeApi, json, type RecordedRequest } from './fake-api.js';

const BASE = 'https://api.example.test';
const options = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: BASE };
const CONNECTOR = 'c8d9e0f1-2a3b-4c5d-8e6f-7a8b9c0d1e2f';
const ORG = '4f7c2b1e-8d3a-4c5f-9b6e-2a1d0c9e8f7a';

const workspace = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  name: `customer-${n}`,
  organization_id: ORG,
  status: 'active' as const,
  cache_enabled: null,
  tombstone: false,
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-01T00:00:00Z',
});

/** Five workspaces, two a page, linked by `next` on `host`. */
function workspacePages(host = BASE) {
  return (request: RecordedRequest) => {
    const start = Number(request.url.searchParams.get('cursor') ?? 0);
    const limit = Number(request.url.searchParams.get('limit') ?? 20);
    const data = [1, 2, 3, 4, 5].slice(start, start + limit).map(workspace);
    const next = start + limit < 5 ? `${host}/api/v1/workspaces?limit=${limit}&cursor=${start + limit}&name_contains=customer` : null;
    return json({ next, data });
  };
}

describe('workspaces', () => {
  it('all() yields every workspace of every page, following next with the same filters', async () => {
    const api = fakeApi(workspacePages());
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    const names: string[] = [];
    for await (const w of client.workspaces.all({ limit: 2, name_contains: 'customer' })) names.push(w.name);
    expect(names).toEqual(['customer-1', 'customer-2', 'customer-3', 'customer-4', 'customer-5']);
    expect(api.apiRequests().map((r) => r.url.search)).toEqual([
      '?limit=2&name_contains=customer',
      '?limit=2&cursor=2&name_contains=customer',
      '?limit=2&cursor=4&name_contains=customer',
    ]);
  });

  it('refuses a next link to another host (the token would go with it)', async () => {
    const api = fakeApi(workspacePages('https://evil.example.test'));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    const seen: string[] = [];
    const run = async () => {
      for await (const w of client.workspaces.all({ limit: 2 })) seen.push(w.name);
    };
    await expect(run()).rejects.toThrow(/Refusing to follow a pagination link to https:\/\/evil\.example\.test/);
    expect(seen).toEqual(['customer-1', 'customer-2']);
    expect(api.requests.every((r) => r.url.origin === BASE)).toBe(true);
  });
});

const envelope = (result: unknown, connector_metadata: unknown) => ({
  status: 'success',
  result,
  connector_metadata,
  execution_metadata: { connector_instance_id: CONNECTOR, execution_time_ms: 5 },
});

/** Three pages of a connector that pages with `cursorParam` and describes pages with `metadata(page)`. */
function executePagesOf(cursorParam: string, metadata: (page: number, result: { id: string }[]) => unknown) {
  return (request: RecordedRequest) => {
    const cursor = request.body.params?.[cursorParam];
    const n = cursor === undefined ? 0 : Number(String(cursor).replace(/\D/g, ''));
    // Stripe's cursor is the last record's id (two records a page); the others carry the page number.
    const page = cursorParam === 'starting_after' ? n / 2 : n;
    const result = [{ id: `rec_${page * 2 + 1}` }, { id: `rec_${page * 2 + 2}` }];
    return json(envelope(result, metadata(page, result)));
  };
}

describe('executePages', () => {
  const cases: [string, string, (page: number, result: { id: string }[]) => unknown, string][] = [
    ['GitHub', 'cursor', (p) => ({ has_next_page: p < 2, end_cursor: p < 2 ? `c${p + 1}` : null }), 'cursor'],
    ['Linear', 'cursor', (p) => ({ hasNextPage: p < 2, endCursor: `c${p + 1}` }), 'cursor'],
    ['HubSpot', 'after', (p) => ({ next_cursor: p < 2 ? `${p + 1}` : null, next_link: null }), 'after'],
    ['Stripe', 'starting_after', (p) => ({ has_more: p < 2 }), 'starting_after'],
  ];

  it.each(cases)('%s: pages until the connector says there is no more', async (_name, cursorParam, metadata, sentParam) => {
    const api = fakeApi(executePagesOf(cursorParam, metadata));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    const ids: string[] = [];
    for await (const page of client.connectors.executePages(CONNECTOR, { entity: 'issues', action: 'list', params: { per_page: 2 } })) {
      ids.push(...(page.result as { id: string }[]).map((r) => r.id));
    }
    expect(ids).toEqual(['rec_1', 'rec_2', 'rec_3', 'rec_4', 'rec_5', 'rec_6']);
    const sent = api.apiRequests().map((r) => r.body.params);
    expect(sent[0]).toEqual({ per_page: 2 });
    expect(sent.slice(1).every((p) => p.per_page === 2 && sentParam in p)).toBe(true);
    if (sentParam === 'starting_after') expect(sent.slice(1).map((p) => p.starting_after)).toEqual(['rec_2', 'rec_4']);
  });

  it('pages a search (next_cursor without next_link) with `cursor`, not HubSpot\'s `after`', async () => {
    const api = fakeApi(executePagesOf('cursor', (p) => ({ next_cursor: p < 2 ? `c${p + 1}` : null, total: 6 })));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    const ids: string[] = [];
    for await (const page of client.connectors.executePages(CONNECTOR, { entity: 'issues', action: 'search', params: { query: {} } })) {
      ids.push(...(page.result as { id: string }[]).map((r) => r.id));
    }
    expect(ids).toEqual(['rec_1', 'rec_2', 'rec_3', 'rec_4', 'rec_5', 'rec_6']);
    expect(api.apiRequests().slice(1).every((r) => 'cursor' in r.body.params && !('after' in r.body.params))).toBe(true);
  });

  it('takes a paging style of its own for a connector not in the table', async () => {
    const api = fakeApi(executePagesOf('page_token', (p) => ({ nextPageToken: p < 1 ? `t${p + 1}` : undefined })));
    const custom: PagingStyle = {
      name: 'custom',
      matches: (m) => 'nextPageToken' in m,
      next: (m) => (m.nextPageToken ? { page_token: m.nextPageToken } : undefined),
    };
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    let pages = 0;
    for await (const _page of client.connectors.executePages(CONNECTOR, { entity: 'tickets', action: 'list' }, { paging: custom })) pages++;
    expect(pages).toBe(2);
  });

  it('stops with an error instead of looping when a cursor repeats', async () => {
    const api = fakeApi(() => json(envelope([], { has_next_page: true, end_cursor: 'same' })));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    const run = async () => {
      for await (const _page of client.connectors.executePages(CONNECTOR, { entity: 'issues', action: 'list' })) {
        // consume
      }
    };
    await expect(run()).rejects.toBeInstanceOf(AgentEngineError);
    expect(api.apiRequests()).toHaveLength(2);
  });

  it('a single page when the metadata has no paging keys', async () => {
    const api = fakeApi(() => json(envelope([{ id: 1 }], null)));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    const pages = [];
    for await (const page of client.connectors.executePages(CONNECTOR, { entity: 'issues', action: 'list' })) pages.push(page);
    expect(pages).toHaveLength(1);
  });
});

describe('connectors.find', () => {
  const summary = (id: string, definition: string) => ({
    id,
    name: `connector ${id}`,
    summarized_source_template: { id: '5d1e7f3a-2b9c-4e6d-8a0f-1c3b5d7e9f21', name: 'GitHub', icon: null, actor_definition_id: definition },
  });
  const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';

  it('returns the one match, asking the API with workspace_name and definition_id', async () => {
    const api = fakeApi(() => json({ data: [summary('a', GITHUB)] }));
    const found = await createAgentEngineClient({ ...options, fetch: api.fetch }).connectors.find({ workspaceName: 'acme', definitionId: GITHUB });
    expect(found.id).toBe('a');
    expect(Object.fromEntries(api.apiRequests()[0]!.url.searchParams)).toEqual({ workspace_name: 'acme', definition_id: GITHUB });
  });

  it('ConnectorNotFoundError for none (also when the server ignored the filter)', async () => {
    const api = fakeApi(() => json({ data: [summary('b', '00000000-0000-4000-8000-000000000000')] }));
    await expect(createAgentEngineClient({ ...options, fetch: api.fetch }).connectors.find({ workspaceName: 'acme', definitionId: GITHUB })).rejects.toBeInstanceOf(ConnectorNotFoundError);
  });

  it('AmbiguousConnectorError with the ids for several', async () => {
    const api = fakeApi(() => json({ data: [summary('a', GITHUB), summary('b', GITHUB)] }));
    const error = await createAgentEngineClient({ ...options, fetch: api.fetch }).connectors.find({ workspaceName: 'acme', definitionId: GITHUB }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousConnectorError);
    expect((error as AmbiguousConnectorError).connectorIds).toEqual(['a', 'b']);
  });
});
