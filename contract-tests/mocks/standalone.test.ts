// The standalone mock (`npm start`): real HTTP on 127.0.0.1 through MSW's own request handling; the seed flow and the
// README's example against it; one log line per request; a banner; clean shutdown on SIGTERM.
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandaloneMock } from '../../mocks/standalone.js';
import { quickstart } from '../../examples/quickstart.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lines: string[] = [];
let mock: Awaited<ReturnType<typeof startStandaloneMock>>;

beforeAll(async () => {
  mock = await startStandaloneMock({ port: 0, log: (line) => lines.push(line) });
});
afterAll(() => mock.close());

describe('the standalone mock', () => {
  it("runs the README's quickstart example: catalog, GitHub connector, issues", async () => {
    const out: string[] = [];
    const result = await quickstart(mock.url, (line) => out.push(line));
    expect(result.issues).toBe(10);
    expect(out[0]).toBe('GitHub definition: ef69ef6e-aa7f-4af1-a01d-ef775033524e');
    expect(out.at(-1)).toMatch(/"has_next_page":true/);
    expect(mock.service.specViolations).toEqual([]);
  });

  it('answers the seed curl flow as written, and logs one line per request', async () => {
    const before = lines.length;
    const token = await fetch(`${mock.url}/api/v1/account/applications/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_id: 'demo-client-id', client_secret: 'demo-client-secret' }),
    });
    expect(token.status).toBe(200);
    const { access_token } = (await token.json()) as { access_token: string };
    const definitions = await fetch(`${mock.url}/api/v1/integrations/definitions/sources?name=github`, { headers: { Authorization: `Bearer ${access_token}` } });
    expect(((await definitions.json()) as { definitions: { name: string }[] }).definitions.map((d) => d.name)).toEqual(['GitHub']);
    expect(lines.slice(before)).toEqual([
      expect.stringMatching(/^POST \/api\/v1\/account\/applications\/token 200 [\d.]+ ms$/),
      expect.stringMatching(/^GET \/api\/v1\/integrations\/definitions\/sources\?name=github 200 [\d.]+ ms$/),
    ]);
  });

  it('answers an unknown path with a 404 in the API shape, and drops the connection when told to', async () => {
    const unknown = await fetch(`${mock.url}/api/v2/nothing`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toContain('/api/v2/nothing');
    mock.service.failNext(1, { drop: true });
    await expect(fetch(`${mock.url}/v1/health`)).rejects.toThrow();
    expect((await fetch(`${mock.url}/v1/health`)).status).toBe(200);
  });

  it('npm start: prints the banner with the demo credentials and a curl line, is ready fast, stops cleanly on SIGTERM', async () => {
    // What `npm start` runs: the bundle its prestart step builds.
    const { buildMock } = await import(pathToFileURL(`${root}scripts/build-mock.mjs`).href);
    const bundle: string = await buildMock();
    const spawned = performance.now();
    const child = spawn(process.execPath, [bundle], { cwd: root, env: { ...process.env, PORT: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner within 20 s:\n${output}`)), 20_000);
      child.stdout.on('data', () => {
        if (/ready in \d+ ms/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const url = /mock API on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!;
    expect(output).toContain('client_id=demo-client-id  client_secret=demo-client-secret');
    expect(output).toContain(`curl -s -X POST ${url}/api/v1/account/applications/token`);
    expect((await fetch(`${url}/v1/health`)).status).toBe(200);
    console.log(`npm start: first answer ${(performance.now() - spawned).toFixed(0)} ms after spawn (${/ready in \d+ ms/.exec(output)![0]} by its own count)`);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(output).toContain('SIGTERM: shutting down');
  }, 30_000);
});
