// Hostile input against the mock as `npm start` serves it (node:http, raw requests): each gets a clear 4xx in its API's
// own error shape, leaves the server answering and its state as it was, and never echoes a secret or reaches an
// object's prototype. Every answer carries an `x-request-id`, which the client's errors show.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET } from '../../mocks/service/config.js';
import { startStandaloneMock, type StandaloneMock } from '../../mocks/standalone.js';
import { createAgentEngineClient, NotFoundError } from '../../src/index.js';

let mock: StandaloneMock;
let token: string;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** One raw HTTP request: any path, any headers, any body (a string, or chunks written one after another). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | string[],
): Promise<Answer> {
  const { port } = new URL(mock.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {}
        resolve({ status: res.statusCode!, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    for (const chunk of [body ?? []].flat()) req.write(chunk);
    req.end();
  });
}

const json = (value: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
const auth = () => ({ authorization: `Bearer ${token}` });
const connectorCount = () => mock.service.store.connectors.size;
const githubBody = {
  workspace_name: 'default',
  connector_type: 'github',
  credentials: { token: 'ghp_hostile' },
  replication_config: { repositories: ['airbytehq/airbyte'] },
};

beforeAll(async () => {
  mock = await startStandaloneMock({ port: 0, log: false, seed: 1 });
  const minted = await raw(
    'POST',
    '/api/v1/account/applications/token',
    json({ client_id: DEFAULT_MOCK_CLIENT_ID, client_secret: DEFAULT_MOCK_CLIENT_SECRET }).headers,
    JSON.stringify({ client_id: DEFAULT_MOCK_CLIENT_ID, client_secret: DEFAULT_MOCK_CLIENT_SECRET }),
  );
  token = minted.json.access_token;
});
afterAll(() => mock.close());

describe('hostile requests get a clear 4xx and change nothing', () => {
  it('a malformed percent-escape in the path: 400, not a crash', async () => {
    const answer = await raw('GET', '/api/v1/integrations/connectors/%E0%A4%A', auth());
    expect(answer.status).toBe(400);
    expect(answer.json.message).toMatch(/percent-escape/);
    expect((await raw('GET', '/api/v1/workspaces?limit=1', auth())).status).toBe(200);
  });

  it('a path starting //host, or a Host header of elsewhere, never makes a link point elsewhere', async () => {
    expect((await raw('GET', '//evil.example/api/v1/workspaces?limit=1', auth())).status).toBe(404);
    for (let i = 0; i < 2; i++)
      await raw(
        'POST',
        '/api/v1/account/applications/scoped-token',
        { ...auth(), 'content-type': 'application/json' },
        JSON.stringify({ workspace_name: `hostile-${i}` }),
      );
    const page = await raw('GET', '/api/v1/workspaces?limit=1', { ...auth(), host: 'evil.example' });
    expect(new URL(page.json.next).origin).toBe(mock.url);
    const widget = await raw(
      'POST',
      '/api/v1/account/applications/widget-token',
      { ...auth(), host: 'evil.example', 'content-type': 'application/json' },
      JSON.stringify({ workspace_name: 'default', allowed_origin: 'https://app.example.com' }),
    );
    expect(new URL(JSON.parse(atob(widget.json.token)).widgetUrl).origin).toBe(mock.url);
  });

  it('a JSON body sent as text/plain: 422 naming the content type, nothing created', async () => {
    const before = connectorCount();
    const answer = await raw(
      'POST',
      '/api/v1/integrations/connectors',
      { ...auth(), 'content-type': 'text/plain' },
      JSON.stringify(githubBody),
    );
    expect([answer.status, answer.json.errors[0].field]).toEqual([422, 'header.content-type']);
    expect(connectorCount()).toBe(before);
  });

  it('a JSON syntax error says where, never what (the body may hold a secret)', async () => {
    const answer = await raw(
      'POST',
      '/api/v1/account/applications/token',
      { 'content-type': 'application/json' },
      `{"client_id": "x", "client_secret": "${DEFAULT_MOCK_CLIENT_SECRET}" oops}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.text).not.toContain(DEFAULT_MOCK_CLIENT_SECRET);
    expect(answer.text).not.toContain('oops');
    expect(answer.json.message).toMatch(/not valid JSON \(at character \d+\)/);
  });

  it('deeply nested JSON: 400 before parsing, nothing stored', async () => {
    const before = connectorCount();
    const nested = JSON.stringify({ ...githubBody, entities: 'X' }).replace(
      '"X"',
      `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
    );
    const answer = await raw(
      'POST',
      '/api/v1/integrations/connectors',
      { ...auth(), 'content-type': 'application/json' },
      nested,
    );
    expect(answer.status).toBe(400);
    expect(answer.json.message).toMatch(/nests deeper than 64/);
    expect(connectorCount()).toBe(before);
  });

  it('a body over 1 MiB is refused while it is read: declared, or streamed without a length', async () => {
    const declared = await raw('POST', '/api/v1/integrations/connectors', {
      ...auth(),
      'content-type': 'application/json',
      'content-length': String(100 * 1024 * 1024),
    });
    expect(declared.status).toBe(413);
    const chunk = 'x'.repeat(64 * 1024);
    const streamed = await raw(
      'POST',
      '/api/v1/integrations/connectors',
      { ...auth(), 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      Array.from({ length: 20 }, () => chunk),
    );
    expect(streamed.status).toBe(413);
    expect((await raw('GET', '/api/v1/workspaces?limit=1', auth())).status).toBe(200);
  });

  it('params, field paths and filters never reach a prototype; a pathological LIKE stays fast', async () => {
    const created = await raw(
      'POST',
      '/api/v1/integrations/connectors',
      { ...auth(), 'content-type': 'application/json' },
      JSON.stringify(githubBody),
    );
    const execute = (body: string) =>
      raw(
        'POST',
        `/api/v1/integrations/connectors/${created.json.id}/execute`,
        { ...auth(), 'content-type': 'application/json' },
        body,
      );
    expect(
      (await execute('{"entity": "issues", "action": "list", "params": {"__proto__": {"polluted": true}}}')).status,
    ).toBe(422);
    expect(
      (
        await execute(
          JSON.stringify({ entity: 'issues', action: 'list', select_fields: ['constructor.prototype.polluted'] }),
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await execute(
          JSON.stringify({
            entity: 'issues',
            action: 'context_store_search',
            params: { query: { filter: { eq: { '__proto__.polluted': 1 } } } },
          }),
        )
      ).status,
    ).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const started = performance.now();
    const like = await execute(
      JSON.stringify({
        entity: 'issues',
        action: 'context_store_search',
        params: { query: { filter: { like: { title: `${'%a'.repeat(5_000)}!` } } } },
      }),
    );
    expect(like.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('tokens are unpredictable even with the documented default seed', async () => {
    const other = await startStandaloneMock({ port: 0, log: false, seed: 1 });
    try {
      const mint = (url: string) =>
        fetch(`${url}/api/v1/account/applications/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ client_id: DEFAULT_MOCK_CLIENT_ID, client_secret: DEFAULT_MOCK_CLIENT_SECRET }),
        }).then((r) => r.json() as Promise<{ access_token: string }>);
      const [a, b] = [await mint(mock.url), await mint(other.url)];
      const claims = (jwt: string) => JSON.parse(atob(jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
      expect(a.access_token).not.toBe(b.access_token);
      expect(claims(a.access_token).jti).not.toBe(claims(b.access_token).jti);
      expect(claims(a.access_token).jti).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await other.close();
    }
  });
});

describe('the Airbyte API (v1) answers in its own shape', () => {
  it('an unknown route: problem JSON', async () => {
    const answer = await raw('GET', '/v1/nothing-here', auth());
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(answer.json).toMatchObject({ status: 404, title: 'resource-not-found' });
  });

  it('PATCH cannot give two workspaces one name', async () => {
    const v1Token = (
      await raw(
        'POST',
        '/v1/applications/token',
        { 'content-type': 'application/json' },
        JSON.stringify({ client_id: DEFAULT_MOCK_CLIENT_ID, client_secret: DEFAULT_MOCK_CLIENT_SECRET }),
      )
    ).json.access_token;
    const v1 = { authorization: `Bearer ${v1Token}`, 'content-type': 'application/json' };
    const a = (await raw('POST', '/v1/workspaces', v1, JSON.stringify({ name: 'alpha-hostile' }))).json;
    const b = (await raw('POST', '/v1/workspaces', v1, JSON.stringify({ name: 'beta-hostile' }))).json;
    const clash = await raw('PATCH', `/v1/workspaces/${b.workspaceId}`, v1, JSON.stringify({ name: 'alpha-hostile' }));
    expect(clash.status).toBe(400);
    expect(clash.json.detail).toMatch(/exists already/);
    expect((await raw('GET', `/v1/workspaces/${b.workspaceId}`, v1)).json.name).toBe('beta-hostile');
    expect((await raw('GET', `/v1/workspaces/${a.workspaceId}`, v1)).json.name).toBe('alpha-hostile');
  });
});

describe('x-request-id', () => {
  it('is on every answer, success or error, and the client error carries it', async () => {
    const ok = await raw('GET', '/api/v1/workspaces?limit=1', auth());
    const refused = await raw('GET', '/api/v1/workspaces?limit=1');
    const ids = [ok.headers['x-request-id'], refused.headers['x-request-id']];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
    const client = createAgentEngineClient({
      baseUrl: mock.url,
      clientId: DEFAULT_MOCK_CLIENT_ID,
      clientSecret: DEFAULT_MOCK_CLIENT_SECRET,
    });
    const error = await client.connectors.get('00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
