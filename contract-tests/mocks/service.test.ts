// The MSW mock behaves like the service: tokens that expire, scoped tokens confined to their workspace, widget tokens
// bound to an origin, the connector create rules, deletes that delete, paging, validation from the spec, faults on
// demand, determinism, and every answer within the spec.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, RateLimitError, createAgentEngineClient, createAirbyteApiClient } from '../../src/index.js';
import { DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET, ManualClock, setupMockServer } from '../../mocks/node.js';

const BASE = 'http://127.0.0.1:4010';
const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';
// The mock's clock starts at the real time: clients judge token expiry by the JWT's exp, on their own clock.
const START = Date.now();
const clock = new ManualClock(START);
const { server, service } = setupMockServer({ seed: 7, clock });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  expect(service.specViolations).toEqual([]);
  service.reset();
  clock.set(START);
});
afterAll(() => server.close());

const client = () =>
  createAgentEngineClient({
    clientId: DEFAULT_MOCK_CLIENT_ID,
    clientSecret: DEFAULT_MOCK_CLIENT_SECRET,
    baseUrl: BASE,
    maxRetries: 0,
  });

async function call(
  method: string,
  path: string,
  { token, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

async function applicationToken(): Promise<string> {
  const { body } = await call('POST', '/api/v1/account/applications/token', {
    body: { client_id: DEFAULT_MOCK_CLIENT_ID, client_secret: DEFAULT_MOCK_CLIENT_SECRET },
  });
  return body.access_token;
}

const githubBody = (workspace_name = 'default') => ({
  workspace_name,
  definition_id: GITHUB,
  name: 'My GitHub Connector',
  credentials: { option_title: 'PAT Credentials', personal_access_token: 'ghp_secretvalue123' },
  replication_config: { repositories: ['airbytehq/airbyte'] },
});

describe('application tokens', () => {
  it('only for the configured client credentials, 15 minutes, in the API shape', async () => {
    const ok = await call('POST', '/api/v1/account/applications/token', {
      body: { client_id: DEFAULT_MOCK_CLIENT_ID, client_secret: DEFAULT_MOCK_CLIENT_SECRET },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      token_type: 'bearer',
      expires_in: 900,
      organization_id: service.config.organizationId,
    });
    const bad = await call('POST', '/api/v1/account/applications/token', {
      body: { client_id: DEFAULT_MOCK_CLIENT_ID, client_secret: 'wrong' },
    });
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ message: 'Invalid client credentials.', errors: [] });
  });

  it('401 for a missing, unknown or expired token', async () => {
    expect((await call('GET', '/api/v1/workspaces')).status).toBe(401);
    expect((await call('GET', '/api/v1/workspaces', { token: 'eyJ.not.issued' })).status).toBe(401);
    const token = await applicationToken();
    expect((await call('GET', '/api/v1/workspaces', { token })).status).toBe(200);
    clock.advance(899_000);
    expect((await call('GET', '/api/v1/workspaces', { token })).status).toBe(200);
    clock.advance(1_000);
    const expired = await call('GET', '/api/v1/workspaces', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.message).toBe('Token has expired.');
  });

  it('the client refreshes an expired token by itself', async () => {
    const c = client();
    await c.workspaces.stats();
    clock.advance(16 * 60_000);
    await expect(c.workspaces.stats()).resolves.toMatchObject({ total_count: 1 });
  });
});

describe('request validation from the spec', () => {
  it('a missing required field is a 422 naming it', async () => {
    const response = await call('POST', '/api/v1/account/applications/token', { body: { client_id: 'x' } });
    expect(response.status).toBe(422);
    expect(response.body.errors).toContainEqual({
      field: 'client_secret',
      message: 'Field required',
      error_code: 'missing',
      details: null,
    });
  });

  it('bad JSON is a 400, a wrong type a 422 naming the field, a bad query parameter too', async () => {
    const token = await applicationToken();
    const badJson = await call('POST', '/api/v1/integrations/connectors', { token, body: '{"workspace_name": ' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.message).toMatch(/not valid JSON/);
    const wrongType = await call('POST', '/api/v1/integrations/connectors', {
      token,
      body: { ...githubBody(), name: 42 },
    });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.errors.map((e: { field: string }) => e.field)).toContain('name');
    const badLimit = await call('GET', '/api/v1/workspaces?limit=500', { token });
    expect(badLimit.status).toBe(422);
    expect(badLimit.body.errors[0].field).toBe('query.limit');
    const badId = await call('GET', '/api/v1/integrations/connectors/not-a-uuid', { token });
    expect(badId.status).toBe(422);
    expect(badId.body.errors[0].field).toBe('path.id');
  });

  it('a body over 1 MiB is a 413', async () => {
    const token = await applicationToken();
    const huge = { ...githubBody(), replication_config: { blob: 'x'.repeat(1024 * 1024 + 10) } };
    const response = await call('POST', '/api/v1/integrations/connectors', { token, body: huge });
    expect(response.status).toBe(413);
  });
});

describe('connectors', () => {
  it('create, get, list, update, delete (202) and gone; credentials never echoed', async () => {
    const c = client();
    const created = await c.connectors.create(githubBody());
    expect(JSON.stringify(created)).not.toContain('ghp_secretvalue123');
    expect(created.source_template.source_definition_id).toBe(GITHUB);
    expect((await c.connectors.get(created.id)).name).toBe('My GitHub Connector');
    expect((await c.connectors.list({ workspace_name: 'default' })).data.map((x) => x.id)).toEqual([created.id]);
    const updated = await c.connectors.update(created.id, { name: 'Renamed', entities: [] });
    expect(updated).toMatchObject({
      name: 'Renamed',
      entities: [],
      replication_config: { repositories: ['airbytehq/airbyte'] },
    });
    const { job_id } = await c.connectors.delete(created.id);
    expect(job_id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(c.connectors.get(created.id)).rejects.toMatchObject({ status: 404 });
    expect((await c.connectors.list()).data).toEqual([]);
  });

  it('the create rules: exactly one connector-type field, at least one of the three configuration fields, an existing workspace', async () => {
    const token = await applicationToken();
    const { definition_id: _d, ...noType } = githubBody();
    const none = await call('POST', '/api/v1/integrations/connectors', { token, body: noType });
    expect(none.status).toBe(422);
    expect(none.body.message).toContain('connector_type, definition_id, source_template_id');
    const two = await call('POST', '/api/v1/integrations/connectors', {
      token,
      body: { ...githubBody(), connector_type: 'GitHub' },
    });
    expect(two.status).toBe(422);
    const bare = await call('POST', '/api/v1/integrations/connectors', {
      token,
      body: { workspace_name: 'default', definition_id: GITHUB },
    });
    expect(bare.status).toBe(422);
    expect(bare.body.message).toContain('replication_config, credentials, server_side_oauth_secret_id');
    const unknownWorkspace = await call('POST', '/api/v1/integrations/connectors', {
      token,
      body: githubBody('nobody'),
    });
    expect(unknownWorkspace.status).toBe(404);
    // connector_type by the connector's name; credentials checked against its options, the missing key named.
    const empty = await call('POST', '/api/v1/integrations/connectors', {
      token,
      body: { workspace_name: 'default', connector_type: 'github', credentials: {} },
    });
    expect(empty.status).toBe(422);
    expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'credentials.access_token',
      'replication_config.repositories',
    ]);
    const byType = await call('POST', '/api/v1/integrations/connectors', {
      token,
      body: {
        workspace_name: 'default',
        connector_type: 'Github',
        credentials: { token: 'ghp_example' },
        replication_config: { repositories: ['airbytehq/airbyte'] },
      },
    });
    expect(byType.status).toBe(200);
  });

  it('execute lists GitHub issues with GitHub page keys', async () => {
    const c = client();
    const { id } = await c.connectors.create(githubBody());
    const first = await c.connectors.execute(id, { entity: 'issues', action: 'list', params: { per_page: 10 } });
    expect(first.result).toHaveLength(10);
    expect(first.connector_metadata).toMatchObject({ has_next_page: true });
    // executePages follows GitHub's own paging: end_cursor back as `after`, every issue once.
    const numbers: number[] = [];
    for await (const page of c.connectors.executePages(id, {
      entity: 'issues',
      action: 'list',
      params: { per_page: 25 },
    }))
      numbers.push(...(page.result as { number: number }[]).map((i) => i.number));
    const issues = service.store.records.get(id)!.get('issues')!;
    expect(numbers.length).toBe(issues.length);
    expect(new Set(numbers).size).toBe(issues.length);
    // context_store_search answers {data, meta} in result, outside connector_metadata: a caller's own paging reads it.
    const found: { state: string }[] = [];
    const searchPaging = {
      name: 'context store',
      next: (_metadata: Record<string, unknown>, result: unknown) => {
        const { meta } = result as { meta: { has_more: boolean; cursor: string | null } };
        return meta.has_more && meta.cursor ? { cursor: meta.cursor } : undefined;
      },
    };
    const search = {
      entity: 'issues',
      action: 'context_store_search',
      params: { query: { filter: { eq: { state: 'OPEN' } } }, limit: 5 },
    };
    for await (const page of c.connectors.executePages(id, search, { paging: searchPaging }))
      found.push(...(page.result as { data: { state: string }[] }).data);
    expect(found.length).toBe(issues.filter((i) => i.state === 'OPEN').length);
    expect(found.length).toBeGreaterThan(5);
    expect(found.every((i) => i.state === 'OPEN')).toBe(true);
    const unknown = await c.connectors.execute(id, { entity: 'wikis', action: 'list' }).catch((e: Error) => e);
    expect((unknown as Error).message).toMatch(/issues/);
  });

  it("resolves the seeds' Salesforce definition id on get and on create, answering the canonical id", async () => {
    const token = await applicationToken();
    const seedsId = 'b117307c-14b6-41aa-9571-75e6871e6d44';
    const canonical = 'b117307c-14b6-41aa-9422-947e34922962';
    const got = await call('GET', `/api/v1/integrations/definitions/sources/${seedsId}`, { token });
    expect([got.status, got.body.id, got.body.definition.sourceDefinitionId, got.body.definition.name]).toEqual([
      200,
      canonical,
      canonical,
      'Salesforce',
    ]);
    const listed = await call('GET', '/api/v1/integrations/definitions/sources?name=sales', { token });
    expect(listed.body.definitions.map((d: { sourceDefinitionId: string }) => d.sourceDefinitionId)).toEqual([
      canonical,
    ]);
    const created = await call('POST', '/api/v1/integrations/connectors', {
      token,
      body: {
        workspace_name: 'default',
        definition_id: seedsId,
        credentials: { refresh_token: 'r', client_id: 'c', client_secret: 's' },
      },
    });
    expect(created.status).toBe(200);
    expect(created.body.source_template.source_definition_id).toBe(canonical);
  });

  it('context_store_search warns while the workspace cache is off, and not otherwise', async () => {
    const c = client();
    await c.forWorkspace('cache-off').tokens.scopedInfo(); // minting a scoped token creates the workspace
    const { id } = await c.connectors.create(githubBody('cache-off'));
    const search = { entity: 'issues', action: 'context_store_search', params: { limit: 3 } };
    expect((await c.connectors.execute(id, search)).warning ?? null).toBeNull();
    const workspace = (await c.workspaces.list({ name_contains: 'cache-off' })).data.find(
      (w) => w.name === 'cache-off',
    )!;
    await c.workspaces.update(workspace.id, { cache_enabled: false });
    const stale = await c.connectors.execute(id, search);
    expect(stale.warning).toMatchObject({
      code: 'context_store_inactive',
      message: expect.stringContaining('cache-off'),
    });
    expect(
      (await c.connectors.execute(id, { entity: 'issues', action: 'list', params: { per_page: 3 } })).warning ?? null,
    ).toBeNull();
  });

  it('execute keeps intent on the audit list, scrubbed of secrets and never echoed; over 512 characters is a 422 that changes nothing', async () => {
    const c = client();
    const { id } = await c.connectors.create(githubBody());
    const intent = 'Triage for the weekly summary; my token is ghp_secretvalue123, if that helps';
    const raw = await call('POST', `/api/v1/integrations/connectors/${id}/execute`, {
      token: await applicationToken(),
      body: { entity: 'issues', action: 'list', params: { per_page: 2 }, intent },
    });
    expect(raw.status).toBe(200);
    expect(JSON.stringify(raw.body)).not.toContain('weekly summary');
    expect(JSON.stringify(raw.body)).not.toContain('ghp_secretvalue123');
    await c.connectors
      .execute(id, { entity: 'wikis', action: 'list', intent: 'An entity the connector lacks' })
      .catch(() => undefined);
    expect(service.store.executions).toEqual([
      expect.objectContaining({
        connectorId: id,
        entity: 'issues',
        action: 'list',
        status: 200,
        skipTruncation: true,
        intent: 'Triage for the weekly summary; my token is [redacted], if that helps',
      }),
      expect.objectContaining({
        connectorId: id,
        entity: 'wikis',
        status: 422,
        intent: 'An entity the connector lacks',
      }),
    ]);
    const tooLong = await c.connectors
      .execute(id, { entity: 'issues', action: 'list', intent: 'x'.repeat(513) })
      .catch((e: unknown) => e);
    expect(tooLong).toMatchObject({ status: 422 });
    expect(JSON.stringify((tooLong as { body: unknown }).body)).toContain('intent');
    expect(service.store.executions).toHaveLength(2);
  });

  it('execute answers long values whole unless skip_truncation is false', async () => {
    const c = client();
    const { id } = await c.connectors.create(githubBody());
    const body = `${'long text '.repeat(300)}end`;
    const created = await c.connectors.execute(id, {
      entity: 'issues',
      action: 'create',
      params: { title: 'A long one', body },
    });
    const number = (created.result as { number: number }).number;
    const get = (extra: { skip_truncation?: boolean }) =>
      c.connectors
        .execute(id, { entity: 'issues', action: 'get', params: { number }, ...extra })
        .then((r) => r.result as { body: string; title: string });
    expect((await get({})).body).toBe(body);
    expect((await get({ skip_truncation: true })).body).toBe(body);
    const cut = await get({ skip_truncation: false });
    expect(cut.body).toBe(`${body.slice(0, 2000)}…`);
    expect(cut.title).toBe('A long one');
    expect(service.store.executions.map((e) => e.skipTruncation)).toEqual([true, true, true, false]);
  });
});

describe('templates', () => {
  it('source templates: create from a definition or as a clone, list (with global ones), get, patch, delete', async () => {
    const c = client();
    const created = await c.templates.sources.create({
      actor_definition_id: GITHUB,
      name: 'GitHub issues',
      partial_default_config: { start_date: '2026-01-01T00:00:00Z' },
      customization: { stream_selection_mode: 'whitelist', stream_whitelist: ['issues'] },
      mode: 'DIRECT',
    });
    expect(created).toMatchObject({
      name: 'GitHub issues',
      source_definition_id: GITHUB,
      partial_default_config: { start_date: '2026-01-01T00:00:00Z' },
    });
    const clone = await c.templates.sources.create({ original_source_template_id: created.id, name: 'Clone' });
    await c.connectors.create(githubBody()); // makes GitHub's global template exist
    expect((await c.templates.sources.list()).data.map((t) => t.name).sort()).toEqual(['Clone', 'GitHub issues']);
    expect((await c.templates.sources.list({ use_global: true })).data).toHaveLength(3);
    expect((await c.templates.sources.get(clone.id)).connector_name).toBe('GitHub');
    expect((await c.templates.sources.update(clone.id, { name: 'Renamed' })).name).toBe('Renamed');
    expect((await c.templates.sources.delete(clone.id)).id).toBe(clone.id);
    await expect(c.templates.sources.get(clone.id)).rejects.toMatchObject({ status: 404 });
  });

  it('connection templates of both hosting types, patch, delete; cron described and checked', async () => {
    const c = client();
    const user = await c.templates.connections.create({
      destination_name: 'Lake',
      destination_definition_id: '4816b78f-1489-44c1-9060-4b19d5fa9362',
      destination_config: { s3_bucket_name: 'b' },
      cron_expression: '0 0 * * * ?',
    });
    expect(user).toMatchObject({ data_hosting_type: 'user_hosted', destination_name: 'Lake', sync_on_create: true });
    const hosted = await c.templates.connections.create({
      data_hosting_type: 'airbyte_hosted',
      cron_expression: '0 0 */6 * * ?',
    });
    expect(hosted.data_hosting_type).toBe('airbyte_hosted');
    expect((await c.templates.connections.list()).data).toHaveLength(2);
    expect(await c.templates.connections.update(user.id, { sync_on_create: false })).toMatchObject({
      sync_on_create: false,
    });
    await c.templates.connections.delete(hosted.id);
    await expect(c.templates.connections.get(hosted.id)).rejects.toMatchObject({ status: 404 });
    expect(await c.templates.describeCron('0 0 */6 * * ?')).toEqual({ description: 'Every 6 hours', is_valid: true });
    expect(await c.templates.describeCron('0 30 2 * * ?')).toEqual({
      description: 'At 02:30 every day',
      is_valid: true,
    });
    expect((await c.templates.describeCron('0 0 25 * * ?')).is_valid).toBe(false);
    expect((await c.templates.describeCron('* * *')).is_valid).toBe(false);
  });
});

describe('OAuth', () => {
  it('initiate gives a consent URL that returns to redirect_url with the new connector, or with the error', async () => {
    const c = client();
    const { consent_url } = await c.oauth.initiate({
      workspace_name: 'default',
      connector_type: 'HubSpot',
      redirect_url: 'https://yourapp.com/oauth/done',
      name: 'Acme HubSpot',
    });
    const consent = await fetch(consent_url, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe('https://yourapp.com/oauth/done');
    const connector = await c.connectors.get(back.searchParams.get('connector_id')!);
    expect(connector.name).toBe('Acme HubSpot');
    expect((await fetch(consent_url, { redirect: 'manual' })).status).toBe(400); // a state is used once
    const denied = await c.oauth.initiate({
      workspace_name: 'default',
      connector_type: 'HubSpot',
      redirect_url: 'https://yourapp.com/oauth/done',
    });
    const refused = new URL(
      (await fetch(`${denied.consent_url}&deny=1`, { redirect: 'manual' })).headers.get('location')!,
    );
    expect(Object.fromEntries(refused.searchParams)).toMatchObject({ error: 'access_denied' });
  });

  it('own OAuth applications: stored without echoing secrets, removed idempotently, 404 for an unknown connector', async () => {
    const c = client();
    const stored = await c.oauth.setCredentials({
      connector_type: 'HubSpot',
      configuration: { client_id: 'abc', client_secret: 'very-secret-value' },
    });
    expect(stored).toMatchObject({
      scope_type: 'organization',
      connector_type: 'source',
      connector_definition_id: '36c891d9-4bd9-43ac-bad2-10e12756272c',
    });
    expect(JSON.stringify(stored)).not.toContain('very-secret-value');
    await c.oauth.deleteCredentials('HubSpot');
    await c.oauth.deleteCredentials('HubSpot');
    await expect(c.oauth.deleteCredentials('No Such Connector')).rejects.toMatchObject({ status: 404 });
  });
});

describe('execute paging of the other connectors through the client', () => {
  it("Salesforce accounts come in one page: the definition's list takes only a SOQL `q`, and says done", async () => {
    const c = client();
    const { id } = await c.connectors.create({
      workspace_name: 'default',
      connector_type: 'Salesforce',
      credentials: { client_id: 'a', client_secret: 'b', refresh_token: 'c' },
    });
    const pages = [];
    for await (const page of c.connectors.executePages(id, {
      entity: 'accounts',
      action: 'list',
      params: { q: 'SELECT Id, Name FROM Account' },
    }))
      pages.push(page);
    expect(pages).toHaveLength(1);
    expect((pages[0]!.result as unknown[]).length).toBe(service.store.records.get(id)!.get('accounts')!.length);
    expect(pages[0]!.connector_metadata).toEqual({ done: true, nextRecordsUrl: null });
    await expect(
      c.connectors.execute(id, { entity: 'accounts', action: 'list', params: { limit: 7 } }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('Stripe customers page with starting_after, the last id, while has_more', async () => {
    const c = client();
    const { id } = await c.connectors.create({
      workspace_name: 'default',
      connector_type: 'Stripe',
      credentials: { api_key: 'sk_test_x' },
      replication_config: { account_id: 'acct_1' },
    });
    const ids: string[] = [];
    let pages = 0;
    for await (const page of c.connectors.executePages(id, {
      entity: 'customers',
      action: 'list',
      params: { limit: 7 },
    })) {
      pages += 1;
      ids.push(...(page.result as { id: string }[]).map((r) => r.id));
    }
    const customers = service.store.records.get(id)!.get('customers')!;
    expect(pages).toBe(Math.ceil(customers.length / 7));
    expect(ids).toEqual(customers.map((r) => r.id));
    expect(ids.every((customer) => customer.startsWith('cus_'))).toBe(true);
  });
});

describe('scoped and widget tokens', () => {
  it('minting a scoped token creates the workspace; the token sees only its own workspace and cannot mint', async () => {
    const c = client();
    const other = await c.connectors.create(githubBody());
    const acme = c.forWorkspace('acme');
    const info = await acme.tokens.scopedInfo();
    expect(info.workspace_name).toBe('acme');
    const mine = await acme.connectors.create(githubBody('acme'));
    expect((await acme.connectors.list()).data.map((x) => x.id)).toEqual([mine.id]);
    // Outside its workspace: the spec's Forbidden, never the data.
    await expect(acme.connectors.get(other.id)).rejects.toMatchObject({ status: 403 });
    await expect(acme.connectors.create(githubBody('default'))).rejects.toMatchObject({ status: 403 });
    await expect(acme.connectors.list({ workspace_name: 'default' })).rejects.toMatchObject({ status: 403 });
    await expect(acme.workspaces.list()).rejects.toMatchObject({ status: 403 });
    await expect(acme.tokens.scoped('evil')).rejects.toMatchObject({ status: 403 });
    expect((await c.workspaces.list()).data.map((w) => w.name).sort()).toEqual(['acme', 'default']);
    clock.advance(20 * 60_000);
    const { token } = await c.tokens.scoped('acme');
    clock.advance(20 * 60_000);
    expect((await call('GET', '/api/v1/account/applications/scoped-token/info', { token })).status).toBe(401);
  });

  it('a widget token carries its origin: refused from another origin, CORS answered for its own', async () => {
    const c = client();
    const { token: encoded } = await c.tokens.widget({
      workspace_name: 'acme',
      allowed_origin: 'https://app.example.com',
    });
    const { widgetUrl, token } = JSON.parse(atob(encoded)) as { widgetUrl: string; token: string };
    const info = await c.forWorkspace('acme').tokens.scopedInfo();
    expect(new URL(widgetUrl).searchParams.get('workspaceId')).toBe(info.workspace_id);
    const own = await call('GET', '/api/v1/account/applications/scoped-token/info', {
      token,
      headers: { origin: 'https://app.example.com' },
    });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const foreign = await call('GET', '/api/v1/account/applications/scoped-token/info', {
      token,
      headers: { origin: 'https://evil.example.com' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${BASE}/api/v1/integrations/connectors`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const refused = await fetch(`${BASE}/api/v1/integrations/connectors`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com' },
    });
    expect(refused.status).toBe(403);
  });
});

describe('workspaces', () => {
  it('pages with limit and cursor, next a full URL; filters; inactive disables execution; delete removes connectors', async () => {
    const c = client();
    for (let i = 0; i < 24; i++) await c.tokens.scoped(`customer-${String(i).padStart(2, '0')}`);
    const first = await c.workspaces.list({ limit: 10 });
    expect(first.data).toHaveLength(10);
    expect(first.next).toMatch(/^http:\/\/127\.0\.0\.1:4010\/api\/v1\/workspaces\?limit=10&cursor=/);
    const names: string[] = [];
    for await (const w of c.workspaces.all({ limit: 10 })) names.push(w.name);
    expect(names).toHaveLength(25);
    expect(new Set(names).size).toBe(25);
    expect((await c.workspaces.list({ name_contains: 'customer-1' })).data).toHaveLength(10);

    expect(first.data.every((w) => w.visibility === 'shared' && w.color === null)).toBe(true);

    const connector = await c.connectors.create(githubBody('customer-03'));
    const workspace = (await c.workspaces.list({ name_contains: 'customer-03' })).data[0]!;
    // No request body of the API sets visibility or color; what the store holds is answered.
    service.store.workspaces.get(workspace.id)!.color = '#4F46E5';
    expect(
      await c.workspaces.update(workspace.id, { visibility: 'private', name: 'customer-03' } as never),
    ).toMatchObject({ visibility: 'shared', color: '#4F46E5' });
    await c.workspaces.update(workspace.id, { status: 'inactive' });
    expect((await c.workspaces.list({ status: 'inactive' })).data.map((w) => w.name)).toEqual(['customer-03']);
    expect(await c.workspaces.stats()).toEqual({ active_count: 24, inactive_count: 1, total_count: 25 });
    await expect(c.connectors.execute(connector.id, { entity: 'issues', action: 'list' })).rejects.toMatchObject({
      status: 403,
    });
    await c.workspaces.delete(workspace.id);
    await expect(c.workspaces.get(workspace.id)).rejects.toMatchObject({ status: 404 });
    await expect(c.connectors.get(connector.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe('faults on demand', () => {
  it('Prefer: code=429 answers 429 with Retry-After', async () => {
    const token = await applicationToken();
    const response = await call('GET', '/api/v1/workspaces', { token, headers: { prefer: 'code=429' } });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    const error = await client()
      .workspaces.list({}, { maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(RateLimitError); // no Prefer header from the client: answered normally
  });

  it('failNext: the next requests fail with 503 (the client retries through them) or drop the connection', {
    timeout: 10_000,
  }, async () => {
    const c = createAgentEngineClient({
      clientId: DEFAULT_MOCK_CLIENT_ID,
      clientSecret: DEFAULT_MOCK_CLIENT_SECRET,
      baseUrl: BASE,
      maxRetries: 2,
    });
    await c.workspaces.stats();
    service.failNext(2, { status: 503, retryAfterSeconds: 0 });
    await expect(c.workspaces.stats()).resolves.toMatchObject({ total_count: 1 });
    service.failNext(1, { drop: true });
    await expect(c.workspaces.stats({ maxRetries: 0 })).rejects.toBeInstanceOf(ConnectionError);
  });
});

describe('determinism', () => {
  it('the same seed gives the same ids; reset() starts over', async () => {
    const a = setupMockServer({ seed: 99, clock: new ManualClock() }).service;
    const b = setupMockServer({ seed: 99, clock: new ManualClock() }).service;
    expect([...a.store.workspaces.keys()]).toEqual([...b.store.workspaces.keys()]);
    const before = [...service.store.workspaces.keys()];
    await client().tokens.scoped('temp');
    expect(service.store.workspaces.size).toBe(2);
    service.reset();
    expect([...service.store.workspaces.keys()]).toEqual(before);
  });
});

describe('the v1 (Embedded) API', () => {
  it('token, create, list with offset links, get, patch, delete (204), health; problem JSON errors', async () => {
    const v1 = createAirbyteApiClient({
      clientId: DEFAULT_MOCK_CLIENT_ID,
      clientSecret: DEFAULT_MOCK_CLIENT_SECRET,
      baseUrl: `${BASE}/v1`,
      maxRetries: 0,
    });
    const created = await v1.workspaces.create({
      name: 'My First AI Agent Workspace',
      organizationId: service.config.organizationId,
    });
    expect(created.name).toBe('My First AI Agent Workspace');
    const page = await v1.workspaces.list({ limit: 1 });
    expect(page.next).toBe(`${BASE}/v1/workspaces?limit=1&offset=1`);
    const names: string[] = [];
    for await (const w of v1.workspaces.all({ limit: 1 })) names.push(w.name);
    expect(names).toEqual(['default', 'My First AI Agent Workspace']);
    expect((await v1.workspaces.update(created.workspaceId, { name: 'renamed' })).name).toBe('renamed');
    await v1.workspaces.delete(created.workspaceId);
    await expect(v1.workspaces.get(created.workspaceId)).rejects.toMatchObject({ status: 404 });
    expect(await v1.health()).toBe(true);
    const bad = await fetch(`${BASE}/v1/applications/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: 'x', client_secret: 'y' }),
    });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect(await bad.json()).toMatchObject({ status: 401, title: 'unauthorized' });
  });
});
