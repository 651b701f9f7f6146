// A client given a token instead of credentials (what a browser holds), and the call's own signal and timeout over
// the wait for a token that other calls share.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  AuthenticationError,
  ConfigurationError,
  TimeoutError,
  createAgentEngineClient,
  createAirbyteApiClient,
} from '../../src/index.js';
import { CLIENT_ID, CLIENT_SECRET, DEFINITIONS, applicationToken, fakeApi, json, jwt } from '../support/fake-api.js';

const baseUrl = 'https://api.example.test';
afterEach(() => vi.useRealTimers());
const unauthorized = () => json({ message: 'Token has expired.', errors: [] }, 401);

describe('the token option', () => {
  it('a string: sent as the bearer, no credentials needed, nothing minted; a 401 is an AuthenticationError at once', async () => {
    let answered = 0;
    const api = fakeApi(() => (answered++ === 0 ? json(DEFINITIONS) : unauthorized()));
    const client = createAgentEngineClient({ baseUrl, token: 'given-scoped-token', fetch: api.fetch });
    expect(await client.definitions.listSources()).toEqual(DEFINITIONS);
    expect(api.apiRequests()[0]!.headers.get('authorization')).toBe('Bearer given-scoped-token');
    await expect(client.definitions.listSources()).rejects.toBeInstanceOf(AuthenticationError);
    // No replay of a token that cannot change, and no token endpoint.
    expect(api.apiRequests()).toHaveLength(2);
    expect(api.tokenRequests()).toHaveLength(0);
  });

  it('a function: asked once for concurrent calls, asked again after a 401, and the call replayed with the new token', async () => {
    let asked = 0;
    const api = fakeApi((request) =>
      request.headers.get('authorization') === 'Bearer token-1' ? unauthorized() : json(DEFINITIONS),
    );
    const client = createAgentEngineClient({ baseUrl, token: async () => `token-${++asked}`, fetch: api.fetch });
    await expect(
      Promise.all([client.definitions.listSources(), client.definitions.listSources()]),
    ).resolves.toHaveLength(2);
    expect(asked).toBe(2);
    expect(api.apiRequests().map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-2',
      'Bearer token-2',
    ]);
    expect(api.tokenRequests()).toHaveLength(0);
  });

  it('a widget token is used by the scoped token inside it', async () => {
    const widget = btoa(
      JSON.stringify({ widgetUrl: 'https://app.airbyte.ai/widget?workspaceId=w1', token: 'inner-scoped-token' }),
    );
    const api = fakeApi(() => json(DEFINITIONS));
    await createAgentEngineClient({ baseUrl, token: widget, fetch: api.fetch }).definitions.listSources();
    expect(api.apiRequests()[0]!.headers.get('authorization')).toBe('Bearer inner-scoped-token');
  });

  it('a JWT from the function is asked for again a minute before its exp', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z'), toFake: ['Date'] });
    const now = Math.floor(Date.now() / 1000);
    const tokens = [jwt({ exp: now + 600 }), jwt({ exp: now + 3600 })];
    let asked = 0;
    const api = fakeApi(() => json(DEFINITIONS));
    const client = createAgentEngineClient({ baseUrl, token: () => tokens[asked++]!, fetch: api.fetch });
    await client.definitions.listSources();
    vi.setSystemTime(new Date('2026-11-25T10:08:59Z')); // 539 s: more than a minute left
    await client.definitions.listSources();
    expect(asked).toBe(1);
    vi.setSystemTime(new Date('2026-11-25T10:09:01Z')); // within the last minute: asked again before the call
    await client.definitions.listSources();
    expect(asked).toBe(2);
    expect(api.apiRequests().at(-1)!.headers.get('authorization')).toBe(`Bearer ${tokens[1]}`);
  });

  it('refuses an empty token, and an empty answer of the function, with a ConfigurationError naming the option', async () => {
    expect(() => createAgentEngineClient({ baseUrl, token: '  ' })).toThrow(ConfigurationError);
    const client = createAgentEngineClient({ baseUrl, token: () => '', fetch: fakeApi(() => json(DEFINITIONS)).fetch });
    await expect(client.definitions.listSources()).rejects.toThrow(/token function answered no token/);
  });

  it('without credentials or a token, the error says both ways', async () => {
    const client = createAgentEngineClient({ baseUrl, fetch: fakeApi(() => json(DEFINITIONS)).fetch });
    await expect(client.definitions.listSources()).rejects.toThrow(/clientId.*clientSecret.*or pass `token`/);
  });

  it('the v1 client takes one too', async () => {
    const api = fakeApi(() => json({ data: [] }));
    await createAirbyteApiClient({ baseUrl, token: 'v1-token', fetch: api.fetch }).workspaces.list();
    expect(api.apiRequests()[0]!.headers.get('authorization')).toBe('Bearer v1-token');
  });
});

describe('the wait for a shared token', () => {
  /** A token endpoint that answers only when released. */
  function slowTokens() {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const api = fakeApi(
      () => json(DEFINITIONS),
      async () => {
        await released;
        return json(applicationToken());
      },
    );
    return { api, release };
  }
  const credentials = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl };

  it("ends at the call's signal, while the mint goes on for the other calls", async () => {
    const { api, release } = slowTokens();
    const client = createAgentEngineClient({ ...credentials, fetch: api.fetch });
    const other = client.definitions.listSources();
    const controller = new AbortController();
    const aborted = client.definitions.listSources({}, { signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(AbortError);
    release();
    await expect(other).resolves.toEqual(DEFINITIONS);
    expect(api.tokenRequests()).toHaveLength(1);
    expect(api.apiRequests()).toHaveLength(1);
  });

  it("ends at the call's timeout with a TimeoutError that says it was waiting for a token", async () => {
    const { api, release } = slowTokens();
    const client = createAgentEngineClient({ ...credentials, fetch: api.fetch });
    const started = performance.now();
    await expect(client.definitions.listSources({}, { timeoutMs: 50 })).rejects.toThrow(TimeoutError);
    await expect(client.definitions.listSources({}, { timeoutMs: 50 })).rejects.toThrow(/waiting for a token/);
    expect(performance.now() - started).toBeLessThan(1_000);
    release();
  });

  it('a raw call: a signal beside callOptions aborts it, whichever comes first in the object', async () => {
    const { api, release } = slowTokens();
    const client = createAgentEngineClient({ ...credentials, fetch: api.fetch });
    const first = new AbortController();
    const before = client.raw.GET('/api/v1/integrations/definitions/sources', {
      signal: first.signal,
      ...client.callOptions({ maxRetries: 0 }),
    });
    const second = new AbortController();
    const after = client.raw.GET('/api/v1/integrations/definitions/sources', {
      ...client.callOptions({ maxRetries: 0 }),
      signal: second.signal,
    });
    first.abort();
    second.abort();
    await expect(before).rejects.toBeInstanceOf(AbortError);
    await expect(after).rejects.toBeInstanceOf(AbortError);
    release();
  });
});

describe('the middleware option', () => {
  it('sees every request the client makes: token requests, helpers, raw calls and workspace clients', async () => {
    const seen: string[] = [];
    const api = fakeApi((request) =>
      request.path.endsWith('/scoped-token') ? json({ token: 'scoped-acme' }) : json(DEFINITIONS),
    );
    const client = createAgentEngineClient({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      baseUrl,
      fetch: api.fetch,
      middleware: [
        { onRequest: ({ request }) => void seen.push(`${request.method} ${new URL(request.url).pathname}`) },
      ],
    });
    await client.definitions.listSources();
    await client.raw.GET('/api/v1/workspaces/stats');
    await client.forWorkspace('acme').definitions.listSources();
    // A call's middleware runs before its transport waits for a token: the token request comes second.
    expect(seen).toEqual([
      'GET /api/v1/integrations/definitions/sources',
      'POST /api/v1/account/applications/token',
      'GET /api/v1/workspaces/stats',
      'GET /api/v1/integrations/definitions/sources',
      'POST /api/v1/account/applications/scoped-token',
    ]);
  });
});
