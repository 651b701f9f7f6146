// Paging: workspace `next` links followed only on the API's host (execute paging: execute-paging.test.ts), and
// connectors.find.
import { describe, expect, it } from 'vitest';
import { AmbiguousConnectorError, ConnectorNotFoundError, createAgentEngineClient } from '../../src/index.js';
import { CLIENT_ID, CLIENT_SECRET, fakeApi, json, type RecordedRequest } from '../support/fake-api.js';

const BASE = 'https://api.example.test';
const options = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: BASE };
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
    const next =
      start + limit < 5
        ? `${host}/api/v1/workspaces?limit=${limit}&cursor=${start + limit}&name_contains=customer`
        : null;
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

  it("follows a link to the API's own host through a proxy, asking the proxy", async () => {
    // The proxy passes the API's answers on unchanged: their links name https://api.airbyte.ai.
    const api = fakeApi(workspacePages('https://api.airbyte.ai'));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    const names: string[] = [];
    for await (const w of client.workspaces.all({ limit: 2 })) names.push(w.name);
    expect(names).toHaveLength(5);
    expect(api.requests.every((r) => r.url.origin === BASE)).toBe(true);
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

describe('connectors.find', () => {
  const summary = (id: string, definition: string) => ({
    id,
    name: `connector ${id}`,
    summarized_source_template: {
      id: '5d1e7f3a-2b9c-4e6d-8a0f-1c3b5d7e9f21',
      name: 'GitHub',
      icon: null,
      actor_definition_id: definition,
    },
  });
  const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';

  it('returns the one match, asking the API with workspace_name and definition_id', async () => {
    const api = fakeApi(() => json({ data: [summary('a', GITHUB)] }));
    const found = await createAgentEngineClient({ ...options, fetch: api.fetch }).connectors.find({
      workspace_name: 'acme',
      definition_id: GITHUB,
    });
    expect(found.id).toBe('a');
    expect(Object.fromEntries(api.apiRequests()[0]!.url.searchParams)).toEqual({
      workspace_name: 'acme',
      definition_id: GITHUB,
    });
  });

  it('ConnectorNotFoundError for none (also when the server ignored the filter)', async () => {
    const api = fakeApi(() => json({ data: [summary('b', '00000000-0000-4000-8000-000000000000')] }));
    await expect(
      createAgentEngineClient({ ...options, fetch: api.fetch }).connectors.find({
        workspace_name: 'acme',
        definition_id: GITHUB,
      }),
    ).rejects.toBeInstanceOf(ConnectorNotFoundError);
  });

  it('AmbiguousConnectorError with the ids for several', async () => {
    const api = fakeApi(() => json({ data: [summary('a', GITHUB), summary('b', GITHUB)] }));
    const error = await createAgentEngineClient({ ...options, fetch: api.fetch })
      .connectors.find({ workspace_name: 'acme', definition_id: GITHUB })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousConnectorError);
    expect((error as AmbiguousConnectorError).connectorIds).toEqual(['a', 'b']);
  });
});
