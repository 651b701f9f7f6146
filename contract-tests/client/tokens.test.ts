// Token lifecycle: one cached application token shared by concurrent callers, refreshed a minute before it expires,
// refreshed once and replayed on a 401; the same for scoped tokens per workspace.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthenticationError, ConfigurationError, createAgentEngineClient } from '../../src/index.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  DEFINITIONS,
  applicationToken,
  fakeApi,
  json,
  scopedToken,
} from '../support/fake-api.js';

const options = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: 'https://api.example.test' };

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('application token', () => {
  it('is requested once for 100 concurrent calls, and sent as the bearer of each', async () => {
    const api = fakeApi(() => json(DEFINITIONS));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    const results = await Promise.all(Array.from({ length: 100 }, () => client.definitions.listSources()));
    expect(results).toHaveLength(100);
    expect(api.tokenRequests()).toHaveLength(1);
    expect(api.tokenRequests()[0]!.body).toEqual({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    expect(api.tokenRequests()[0]!.headers.get('authorization')).toBeNull();
    const bearers = new Set(api.apiRequests().map((r) => r.headers.get('authorization')));
    expect(api.apiRequests()).toHaveLength(100);
    expect(bearers.size).toBe(1);
    expect([...bearers][0]).toMatch(/^Bearer ey/);
  });

  it('is reused until one minute before expires_in runs out, then refreshed', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-24T10:00:00Z') });
    const api = fakeApi(() => json(DEFINITIONS));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    await client.definitions.listSources();
    vi.setSystemTime(new Date('2026-11-24T10:13:59Z')); // 839 s: still more than a minute left
    await client.definitions.listSources();
    expect(api.tokenRequests()).toHaveLength(1);
    vi.setSystemTime(new Date('2026-11-24T10:14:01Z')); // 841 s: inside the last minute
    await client.definitions.listSources();
    expect(api.tokenRequests()).toHaveLength(2);
    const [first, , third] = api.apiRequests().map((r) => r.headers.get('authorization'));
    expect(third).not.toBe(first);
  });

  it('trusts the JWT exp when it is earlier than expires_in', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-24T10:00:00Z') });
    const api = fakeApi(
      () => json(DEFINITIONS),
      () => json(applicationToken({ expiresIn: 900, expSeconds: 300 })),
    );
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    await client.definitions.listSources();
    vi.setSystemTime(new Date('2026-11-24T10:04:01Z')); // 241 s: within a minute of the JWT's exp
    await client.definitions.listSources();
    expect(api.tokenRequests()).toHaveLength(2);
  });

  it('on a 401 is refreshed once and the request replayed', async () => {
    const api = fakeApi((_request, i) =>
      i === 0 ? json({ message: 'Token has expired.', errors: [] }, 401) : json(DEFINITIONS),
    );
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    const result = await client.definitions.listSources();
    expect(result).toEqual(DEFINITIONS);
    expect(api.tokenRequests()).toHaveLength(2);
    const [first, replay] = api.apiRequests().map((r) => r.headers.get('authorization'));
    expect(replay).not.toBe(first);
  });

  it('never loops: a second 401 is an AuthenticationError', async () => {
    const api = fakeApi(() => json({ message: 'Token has expired.', errors: [] }, 401));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    await expect(client.definitions.listSources()).rejects.toBeInstanceOf(AuthenticationError);
    expect(api.apiRequests()).toHaveLength(2);
    expect(api.tokenRequests()).toHaveLength(2);
  });

  it('bad client credentials are an AuthenticationError from the token request, not retried', async () => {
    const api = fakeApi(
      () => json(DEFINITIONS),
      () => json({ message: 'Invalid client credentials.', errors: [] }, 401),
    );
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    const error = await client.definitions.listSources().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('Invalid client credentials.');
    expect(api.tokenRequests()).toHaveLength(1);
    expect(api.apiRequests()).toHaveLength(0);
  });

  it('a failed token request is not cached: the next call tries again', async () => {
    let fail = true;
    const api = fakeApi(
      () => json(DEFINITIONS),
      () => (fail ? json({ message: 'down' }, 500) : json(applicationToken())),
    );
    const client = createAgentEngineClient({ ...options, fetch: api.fetch, maxRetries: 0 });
    await expect(client.definitions.listSources()).rejects.toThrow(/down/);
    fail = false;
    await expect(client.definitions.listSources()).resolves.toEqual(DEFINITIONS);
  });
});

describe('credentials and organization', () => {
  it('a missing credential is a ConfigurationError at the first call, naming the option and the variable', async () => {
    vi.stubEnv('AIRBYTE_CLIENT_ID', '');
    vi.stubEnv('AIRBYTE_CLIENT_SECRET', '');
    const api = fakeApi(() => json(DEFINITIONS));
    const client = createAgentEngineClient({ clientId: CLIENT_ID, fetch: api.fetch });
    const error = await client.definitions.listSources().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('`clientSecret`');
    expect((error as Error).message).toContain('AIRBYTE_CLIENT_SECRET');
    expect((error as Error).message).not.toContain('AIRBYTE_CLIENT_ID');
    expect(api.requests).toHaveLength(0);
  });

  it('falls back to AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET, AIRBYTE_ORGANIZATION_ID and AIRBYTE_API_HOST', async () => {
    vi.stubEnv('AIRBYTE_CLIENT_ID', 'env-client');
    vi.stubEnv('AIRBYTE_CLIENT_SECRET', 'env-secret-value-123');
    vi.stubEnv('AIRBYTE_ORGANIZATION_ID', '0c4e8a2f-6b1d-4f9a-8e3c-5a7b9d1f3e2c');
    vi.stubEnv('AIRBYTE_API_HOST', 'agent.example.test');
    const api = fakeApi(() => json(DEFINITIONS));
    const client = createAgentEngineClient({ fetch: api.fetch });
    await client.definitions.listSources();
    expect(api.tokenRequests()[0]!.body).toEqual({ client_id: 'env-client', client_secret: 'env-secret-value-123' });
    expect(api.apiRequests()[0]!.url.origin).toBe('https://agent.example.test');
    for (const request of api.requests)
      expect(request.headers.get('x-organization-id')).toBe('0c4e8a2f-6b1d-4f9a-8e3c-5a7b9d1f3e2c');
  });

  it('reads no variable it has an option for, and takes a refused read as unset (Deno without --allow-env)', async () => {
    const read: string[] = [];
    const refusing = new Proxy(
      {},
      {
        get(_target, name) {
          read.push(String(name));
          throw new Error(`Requires env access to "${String(name)}"`);
        },
      },
    );
    const env = Object.getOwnPropertyDescriptor(process, 'env')!;
    const api = fakeApi(() => json(DEFINITIONS));
    let client: ReturnType<typeof createAgentEngineClient>;
    // Options are resolved synchronously: process.env is refusing only for the span of this call.
    Object.defineProperty(process, 'env', { ...env, value: refusing });
    try {
      client = createAgentEngineClient({ ...options, fetch: api.fetch });
    } finally {
      Object.defineProperty(process, 'env', env);
    }
    expect(read).toEqual(['AIRBYTE_ORGANIZATION_ID']);
    await expect(client.definitions.listSources()).resolves.toEqual(DEFINITIONS);
    expect(api.apiRequests()[0]!.url.origin).toBe('https://api.example.test');
    expect(api.tokenRequests()[0]!.headers.get('x-organization-id')).toBeNull();
  });

  it('sends the organization it learns from the token response when none was configured', async () => {
    vi.stubEnv('AIRBYTE_ORGANIZATION_ID', '');
    const api = fakeApi(() => json(DEFINITIONS));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    await client.definitions.listSources();
    expect(api.tokenRequests()[0]!.headers.get('x-organization-id')).toBeNull();
    expect(api.apiRequests()[0]!.headers.get('x-organization-id')).toBe('4f7c2b1e-8d3a-4c5f-9b6e-2a1d0c9e8f7a');
  });

  it('sends the configured headers with every request, token requests included', async () => {
    const api = fakeApi(() => json(DEFINITIONS));
    const client = createAgentEngineClient({
      ...options,
      fetch: api.fetch,
      headers: { 'user-agent': 'acme-backend/1.2', 'x-trace': 't-1' },
    });
    await client.definitions.listSources();
    expect(api.requests).toHaveLength(2);
    for (const request of api.requests) {
      expect(request.headers.get('user-agent')).toBe('acme-backend/1.2');
      expect(request.headers.get('x-trace')).toBe('t-1');
    }
  });

  it('refuses a base URL that is not http(s) at creation', () => {
    expect(() => createAgentEngineClient({ ...options, baseUrl: 'ftp://api.example.test' })).toThrow(
      ConfigurationError,
    );
    expect(() => createAgentEngineClient({ ...options, maxRetries: -1 })).toThrow(/maxRetries/);
  });
});

describe('scoped tokens (forWorkspace)', () => {
  const scopedApi = () =>
    fakeApi((request) => {
      if (request.path === '/api/v1/account/applications/scoped-token')
        return json(scopedToken(request.body.workspace_name));
      return json({
        organization_id: '4f7c2b1e-8d3a-4c5f-9b6e-2a1d0c9e8f7a',
        workspace_id: '7e3f9a2c-5b1d-4e8f-a6c0-3d2b1e9f8a7c',
        workspace_name: 'acme',
      });
    });

  it('mints one scoped token per workspace with the application token, and uses it as the bearer', async () => {
    const api = scopedApi();
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    const acme = client.forWorkspace('acme');
    expect(client.forWorkspace('acme')).toBe(acme);
    await Promise.all(Array.from({ length: 20 }, () => acme.tokens.scopedInfo()));
    const mints = api.apiRequests().filter((r) => r.path.endsWith('/scoped-token'));
    expect(mints).toHaveLength(1);
    expect(mints[0]!.body).toEqual({ workspace_name: 'acme' });
    const applicationBearer = mints[0]!.headers.get('authorization');
    const infoBearers = new Set(
      api
        .apiRequests()
        .filter((r) => r.path.endsWith('/info'))
        .map((r) => r.headers.get('authorization')),
    );
    expect(infoBearers.size).toBe(1);
    expect([...infoBearers][0]).not.toBe(applicationBearer);
  });

  it('refreshes the scoped token a minute before its 20 minutes run out', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-24T10:00:00Z') });
    const api = scopedApi();
    const acme = createAgentEngineClient({ ...options, fetch: api.fetch }).forWorkspace('acme');
    await acme.tokens.scopedInfo();
    vi.setSystemTime(new Date('2026-11-24T10:18:59Z'));
    await acme.tokens.scopedInfo();
    vi.setSystemTime(new Date('2026-11-24T10:19:01Z'));
    await acme.tokens.scopedInfo();
    expect(api.apiRequests().filter((r) => r.path.endsWith('/scoped-token'))).toHaveLength(2);
  });

  it('on a 401 mints a new scoped token once and replays, without touching the application token', async () => {
    let infoCalls = 0;
    const api = fakeApi((request) => {
      if (request.path === '/api/v1/account/applications/scoped-token')
        return json(scopedToken(request.body.workspace_name));
      infoCalls += 1;
      return infoCalls === 1
        ? json({ message: 'Token revoked.', errors: [] }, 401)
        : json({ organization_id: 'o', workspace_id: 'w', workspace_name: 'acme' });
    });
    const acme = createAgentEngineClient({ ...options, fetch: api.fetch }).forWorkspace('acme');
    await expect(acme.tokens.scopedInfo()).resolves.toMatchObject({ workspace_name: 'acme' });
    expect(api.apiRequests().filter((r) => r.path.endsWith('/scoped-token'))).toHaveLength(2);
    expect(api.tokenRequests()).toHaveLength(1);
    const [first, replay] = api
      .apiRequests()
      .filter((r) => r.path.endsWith('/info'))
      .map((r) => r.headers.get('authorization'));
    expect(replay).not.toBe(first);
  });

  it('keeps workspaces apart', async () => {
    const api = scopedApi();
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    await client.forWorkspace('acme').tokens.scopedInfo();
    await client.forWorkspace('globex').tokens.scopedInfo();
    const mints = api
      .apiRequests()
      .filter((r) => r.path.endsWith('/scoped-token'))
      .map((r) => r.body.workspace_name);
    expect(mints).toEqual(['acme', 'globex']);
    expect(() => client.forWorkspace('')).toThrow(ConfigurationError);
  });
});
