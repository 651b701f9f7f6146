// `npm run verify:live` is the kit's own proxy with --strict (it replaced a Prism proxy, which knew nothing of the
// connectors): proven here in front of the standalone mock (the only upstream on this machine's loopback), for
// traffic that conforms and for traffic that does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandaloneMock } from '../../mocks/standalone.js';
import { ROOT, freePort, startNodeProcess, type StartedProcess } from '../support/processes.js';

let upstream: Awaited<ReturnType<typeof startStandaloneMock>>;
let proxy: StartedProcess;
let base = '';
let upstreamCalls = 0;

beforeAll(async () => {
  upstream = await startStandaloneMock({ port: 0, log: (line) => void (upstreamCalls += line ? 1 : 0) });
  // A free port can be taken by another suite's server before the proxy listens on it: then another one.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    try {
      proxy = await startNodeProcess([`${ROOT}scripts/verify-live.mjs`], /agent-engine-kit proxy on/, {
        VERIFY_UPSTREAM: upstream.url,
        VERIFY_PORT: String(port),
      });
      break;
    } catch (error) {
      if (attempt >= 3 || !/EADDRINUSE/.test(String(error))) throw error;
    }
  }
}, 90_000);

afterAll(async () => {
  proxy?.child.kill('SIGTERM');
  await upstream?.close();
});

describe('npm run verify:live (the kit proxy, strict)', () => {
  it('passes conforming traffic through to the upstream', async () => {
    const token = await fetch(`${base}/api/v1/account/applications/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: 'demo-client-id', client_secret: 'demo-client-secret' }),
    });
    expect(token.status).toBe(200);
    const { access_token } = (await token.json()) as { access_token: string };
    const stats = await fetch(`${base}/api/v1/workspaces/stats`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(stats.status).toBe(200);
    expect(await stats.json()).toEqual({ active_count: 1, inactive_count: 0, total_count: 1 });
  });

  it('refuses a request that breaks the spec in the API own shape, without sending it on', async () => {
    const before = proxy.output().length;
    const callsBefore = upstreamCalls;
    const response = await fetch(`${base}/api/v1/account/applications/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: 1 }),
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as { message: string; errors: { field: string }[] };
    expect(body.errors.map((e) => e.field).sort()).toEqual(['/body/client_id', '/body/client_secret']);
    await expect
      .poll(() => proxy.output().slice(before), { timeout: 5_000 })
      .toMatch(
        /violation: create_account_applications_token request \/body\/client_id: expected string, got integer 1/,
      );
    expect(upstreamCalls).toBe(callsBefore);
  });
});
