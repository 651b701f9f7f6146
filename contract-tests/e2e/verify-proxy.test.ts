// `npm run verify:live` is Prism in proxy mode with --errors: proven here in front of the standalone mock (the only
// upstream on this machine's loopback), both for traffic that conforms and for traffic that does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandaloneMock } from '../../mocks/standalone.js';
import { ROOT, freePort, startNodeProcess, type StartedProcess } from '../support/processes.js';

let upstream: Awaited<ReturnType<typeof startStandaloneMock>>;
let proxy: StartedProcess;
let base = '';

beforeAll(async () => {
  upstream = await startStandaloneMock({ port: 0, log: false });
  // A free port can be taken by another suite's server in the second Prism needs to start: then another one.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    try {
      proxy = await startNodeProcess([`${ROOT}scripts/verify-live.mjs`], /Prism is listening/, {
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

describe('npm run verify:live (Prism proxy)', () => {
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

  it('reports a request that breaks the spec instead of sending it on', async () => {
    const before = proxy.output().length;
    const response = await fetch(`${base}/api/v1/account/applications/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: 1 }),
    });
    // Prism's own problem JSON (the mock upstream would have answered application/json in the API's shape).
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { type: string; validation: { message: string }[] };
    expect(problem.type).toContain('prism');
    expect(problem.validation.map((v) => v.message)).toContain(
      "Request body must have required property 'client_secret'",
    );
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the proxy's log lines arrive
    expect(proxy.output().slice(before)).toContain('Request received');
    expect(proxy.output().slice(before)).not.toContain('Forwarding');
  });
});
