// Retries, timeouts and aborts: which requests are repeated on which failures, how long the client waits, and that a
// caller's signal or a timeout always ends a call with the right error.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  ConnectionError,
  RateLimitError,
  ServerError,
  TimeoutError,
  createAgentEngineClient,
} from '../../src/index.js';
import { BACKOFF_CAP_MS, backoffMs } from '../../src/core/retry.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  DEFINITIONS,
  fakeApi,
  hangingFetch,
  json,
  type Handler,
} from '../support/fake-api.js';

const options = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: 'https://api.example.test' };
const CONNECTOR = 'c8d9e0f1-2a3b-4c5d-8e6f-7a8b9c0d1e2f';
const unavailable = () => json({ message: 'Service temporarily unavailable.', errors: [] }, 503);
const createBody = {
  workspace_name: 'default',
  definition_id: 'ef69ef6e-aa7f-4af1-a01d-ef775033524e',
  credentials: { personal_access_token: 'ghp_x' },
};

/** Answers `failures` first (one per attempt), then `success`. */
function failing(failures: (() => Response | Promise<Response>)[], success: () => Response): Handler {
  return (_request, index) => (index < failures.length ? failures[index]!() : success());
}

beforeEach(() => {
  // Backoff waits the most it may (random 1), so timing assertions are exact.
  vi.spyOn(Math, 'random').mockReturnValue(0.999999);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('retries', () => {
  it('a GET is retried on 503 with exponential backoff and full jitter (up to 0.5 s, then up to 1 s)', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5); // half of the window: 250 ms, then 500 ms
    const api = fakeApi(failing([unavailable, unavailable], () => json(DEFINITIONS)));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    const pending = client.definitions.listSources();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.apiRequests()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(249);
    expect(api.apiRequests()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.apiRequests()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(499);
    expect(api.apiRequests()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toEqual(DEFINITIONS);
    expect(api.apiRequests()).toHaveLength(3);
  });

  it('the backoff window doubles from 0.5 s and is capped at 8 s', () => {
    const most = (attempt: number) => backoffMs(attempt, () => 0.999999);
    expect([0, 1, 2, 3, 4, 5, 10].map(most)).toEqual([499, 999, 1999, 3999, 7999, 7999, 7999]);
    expect(BACKOFF_CAP_MS).toBe(8_000);
    expect(backoffMs(3, () => 0)).toBe(0);
  });

  it.each([408, 429, 502, 503, 504])('a GET is retried on %i', async (status) => {
    const api = fakeApi(
      failing([() => json({ message: 'try again' }, status, { 'retry-after-ms': '1' })], () => json(DEFINITIONS)),
    );
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    await expect(client.definitions.listSources()).resolves.toEqual(DEFINITIONS);
    expect(api.apiRequests()).toHaveLength(2);
  });

  it.each([400, 403, 404, 422, 500])('a GET is not retried on %i', async (status) => {
    const api = fakeApi(() => json({ message: 'no' }, status));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    await expect(client.definitions.listSources()).rejects.toThrow(/no/);
    expect(api.apiRequests()).toHaveLength(1);
  });

  it('gives up after maxRetries + 1 attempts with the last error', async () => {
    const api = fakeApi(() => json({ message: 'still down' }, 503, { 'retry-after': '0' }));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch, maxRetries: 3 });
    await expect(client.definitions.listSources()).rejects.toBeInstanceOf(ServerError);
    expect(api.apiRequests()).toHaveLength(4);
  });

  it('maxRetries can be overridden per call', async () => {
    const api = fakeApi(() => json({ message: 'still down' }, 503, { 'retry-after': '0' }));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch, maxRetries: 3 });
    await expect(client.definitions.listSources({}, { maxRetries: 0 })).rejects.toBeInstanceOf(ServerError);
    expect(api.apiRequests()).toHaveLength(1);
  });

  it('honours Retry-After in seconds', async () => {
    vi.useFakeTimers();
    const api = fakeApi(
      failing([() => json({ message: 'slow down' }, 429, { 'retry-after': '7' })], () => json(DEFINITIONS)),
    );
    const pending = createAgentEngineClient({ ...options, fetch: api.fetch }).definitions.listSources();
    await vi.advanceTimersByTimeAsync(6_999);
    expect(api.apiRequests()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toEqual(DEFINITIONS);
  });

  it('honours Retry-After as an HTTP date', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-24T10:00:00Z') });
    const retryAt = 'Tue, 24 Nov 2026 10:00:12 GMT';
    const api = fakeApi(
      failing([() => json({ message: 'slow down' }, 503, { 'retry-after': retryAt })], () => json(DEFINITIONS)),
    );
    const pending = createAgentEngineClient({ ...options, fetch: api.fetch }).definitions.listSources();
    await vi.advanceTimersByTimeAsync(11_999);
    expect(api.apiRequests()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toEqual(DEFINITIONS);
  });

  it('honours retry-after-ms before Retry-After', async () => {
    vi.useFakeTimers();
    const api = fakeApi(
      failing([() => json({}, 429, { 'retry-after-ms': '250', 'retry-after': '30' })], () => json(DEFINITIONS)),
    );
    const pending = createAgentEngineClient({ ...options, fetch: api.fetch }).definitions.listSources();
    await vi.advanceTimersByTimeAsync(250);
    await expect(pending).resolves.toEqual(DEFINITIONS);
  });

  it('does not wait for a Retry-After over 60 s: the RateLimitError says how long', async () => {
    const api = fakeApi(() => json({ message: 'Rate limit exceeded.' }, 429, { 'retry-after': '120' }));
    const error = await createAgentEngineClient({ ...options, fetch: api.fetch })
      .definitions.listSources()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(120);
    expect(api.apiRequests()).toHaveLength(1);
  });

  it('retries a connection error of a GET', async () => {
    const api = fakeApi(failing([() => Promise.reject(new TypeError('fetch failed'))], () => json(DEFINITIONS)));
    vi.spyOn(Math, 'random').mockReturnValue(0);
    await expect(createAgentEngineClient({ ...options, fetch: api.fetch }).definitions.listSources()).resolves.toEqual(
      DEFINITIONS,
    );
    expect(api.apiRequests()).toHaveLength(2);
  });

  it('a ConnectionError when connecting keeps failing', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const api = fakeApi(() => Promise.reject(new TypeError('fetch failed')));
    const error = await createAgentEngineClient({ ...options, fetch: api.fetch })
      .definitions.listSources()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(api.apiRequests()).toHaveLength(3);
  });
});

describe('creates are not repeated where that could create twice', () => {
  it('connector create: no retry on 503', async () => {
    const api = fakeApi(unavailable);
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    await expect(client.connectors.create(createBody)).rejects.toBeInstanceOf(ServerError);
    expect(api.apiRequests()).toHaveLength(1);
  });

  it('connector create: retried on 429 and on a connection error before any response', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const created = { id: CONNECTOR };
    const api = fakeApi(
      failing([() => json({}, 429, { 'retry-after': '0' }), () => Promise.reject(new TypeError('fetch failed'))], () =>
        json(created),
      ),
    );
    await expect(
      createAgentEngineClient({ ...options, fetch: api.fetch }).connectors.create(createBody),
    ).resolves.toEqual(created);
    expect(api.apiRequests()).toHaveLength(3);
    expect(api.apiRequests().every((r) => r.body.workspace_name === 'default')).toBe(true);
  });

  it('connector create: no retry after a timeout (the service may have created it)', async () => {
    vi.useFakeTimers();
    const api = fakeApi(() => new Promise<Response>(() => {}));
    const hung = hangingFetch();
    const fetch = ((input: Request) => {
      if (new URL(input.url).pathname.endsWith('/token')) return api.fetch(input);
      api.requests.push({} as never);
      return hung(input);
    }) as typeof globalThis.fetch;
    const pending = createAgentEngineClient({ ...options, fetch, timeoutMs: 1_000 })
      .connectors.create(createBody)
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await pending).toBeInstanceOf(TimeoutError);
    expect(api.requests.filter((r) => !('path' in r))).toHaveLength(1);
  });

  it('execute with a create action: no retry on 503; with list: retried', async () => {
    const api = fakeApi(
      failing([unavailable, unavailable], () =>
        json({
          status: 'success',
          result: [],
          connector_metadata: null,
          execution_metadata: { connector_instance_id: CONNECTOR, execution_time_ms: 1 },
        }),
      ),
    );
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    await expect(
      client.connectors.execute(CONNECTOR, { entity: 'issues', action: 'create', params: { title: 'x' } }),
    ).rejects.toBeInstanceOf(ServerError);
    expect(api.apiRequests()).toHaveLength(1);
    await expect(client.connectors.execute(CONNECTOR, { entity: 'issues', action: 'list' })).resolves.toMatchObject({
      status: 'success',
    });
    expect(api.apiRequests()).toHaveLength(3);
  });

  it('token minting is retried on 503', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    let attempts = 0;
    const api = fakeApi(
      () => json(DEFINITIONS),
      () =>
        attempts++ === 0 ? unavailable() : json({ access_token: 'eyJ.a.b', token_type: 'bearer', expires_in: 900 }),
    );
    await expect(createAgentEngineClient({ ...options, fetch: api.fetch }).definitions.listSources()).resolves.toEqual(
      DEFINITIONS,
    );
    expect(api.tokenRequests()).toHaveLength(2);
  });
});

describe('timeouts and aborts', () => {
  it('each attempt times out after timeoutMs, counted from the request, not from client creation', async () => {
    vi.useFakeTimers();
    const api = fakeApi(() => json(DEFINITIONS));
    const hung = hangingFetch();
    const fetch = ((input: Request) =>
      new URL(input.url).pathname.endsWith('/token') ? api.fetch(input) : hung(input)) as typeof globalThis.fetch;
    const client = createAgentEngineClient({ ...options, fetch, timeoutMs: 5_000, maxRetries: 0 });
    await vi.advanceTimersByTimeAsync(60_000); // the client has existed for a minute
    const pending = client.definitions.listSources().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(4_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('timed out after 5000 ms');
  });

  it('timeoutMs can be overridden per call, and a GET that timed out is retried', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    let calls = 0;
    const api = fakeApi(() => json(DEFINITIONS));
    const hung = hangingFetch();
    const fetch = ((input: Request) => {
      if (new URL(input.url).pathname.endsWith('/token')) return api.fetch(input);
      return calls++ === 0 ? hung(input) : api.fetch(input);
    }) as typeof globalThis.fetch;
    const pending = createAgentEngineClient({ ...options, fetch }).definitions.listSources({}, { timeoutMs: 100 });
    await vi.advanceTimersByTimeAsync(100);
    await vi.advanceTimersByTimeAsync(1); // the backoff of the retry (0 ms with this random)
    await expect(pending).resolves.toEqual(DEFINITIONS);
    expect(calls).toBe(2);
  });

  it("the caller's signal aborts a request in flight with an AbortError", async () => {
    const api = fakeApi(() => json(DEFINITIONS));
    const hung = hangingFetch();
    const fetch = ((input: Request) =>
      new URL(input.url).pathname.endsWith('/token') ? api.fetch(input) : hung(input)) as typeof globalThis.fetch;
    const controller = new AbortController();
    const pending = createAgentEngineClient({ ...options, fetch })
      .definitions.listSources({}, { signal: controller.signal })
      .catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 10);
    expect(await pending).toBeInstanceOf(AbortError);
  });

  it("timeoutMs 0 turns the timeout off; a call's own signal still aborts it", async () => {
    vi.useFakeTimers();
    const api = fakeApi(() => json(DEFINITIONS));
    let release: (() => void) | undefined;
    const slow = ((input: Request) => {
      if (new URL(input.url).pathname.endsWith('/token')) return api.fetch(input);
      return new Promise<Response>((resolve) => (release = () => resolve(json(DEFINITIONS))));
    }) as typeof globalThis.fetch;
    const client = createAgentEngineClient({ ...options, fetch: slow, timeoutMs: 0, maxRetries: 0 });
    const pending = client.definitions.listSources();
    await vi.advanceTimersByTimeAsync(3_600_000); // an hour: nothing times out
    release!();
    await expect(pending).resolves.toEqual(DEFINITIONS);

    const hung = hangingFetch();
    const hanging = ((input: Request) =>
      new URL(input.url).pathname.endsWith('/token') ? api.fetch(input) : hung(input)) as typeof globalThis.fetch;
    const controller = new AbortController();
    const aborted = createAgentEngineClient({ ...options, fetch: hanging, timeoutMs: 0 })
      .definitions.listSources({}, { signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await aborted).toBeInstanceOf(AbortError);
    expect(() => createAgentEngineClient({ ...options, timeoutMs: -1 })).toThrow(/timeoutMs/);
  });

  it("the caller's signal also ends the wait between retries", async () => {
    vi.useFakeTimers();
    const api = fakeApi(() => json({}, 503, { 'retry-after': '30' }));
    const controller = new AbortController();
    const pending = createAgentEngineClient({ ...options, fetch: api.fetch })
      .definitions.listSources({}, { signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortError);
    expect(api.apiRequests()).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const api = fakeApi(() => json(DEFINITIONS));
    const error = await createAgentEngineClient({ ...options, fetch: api.fetch })
      .definitions.listSources({}, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(api.apiRequests()).toHaveLength(0);
  });
});
