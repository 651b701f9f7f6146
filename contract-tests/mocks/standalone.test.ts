// The standalone mock (`npm start`): real HTTP on 127.0.0.1 straight on node:http (msw not loaded); the seed flow and the
// README's example against it; one log line per request; a banner (a client secret the user set named, never printed);
// clean shutdown on SIGTERM.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:net';
import { parsePort, runStandaloneMock, startStandaloneMock, type StandaloneOptions } from '../../mocks/standalone.js';
import { quickstart } from '../../examples/quickstart.js';
import { STACK_FRAME, runNodeProcess } from '../support/processes.js';

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
    const definitions = await fetch(`${mock.url}/api/v1/integrations/definitions/sources?name=github`, {
      headers: { Authorization: `Bearer ${access_token}` },
    });
    expect(((await definitions.json()) as { definitions: { name: string }[] }).definitions.map((d) => d.name)).toEqual([
      'GitHub',
    ]);
    expect(lines.slice(before)).toEqual([
      expect.stringMatching(/^POST \/api\/v1\/account\/applications\/token 200 [\d.]+ ms$/),
      expect.stringMatching(/^GET \/api\/v1\/integrations\/definitions\/sources\?name=github 200 [\d.]+ ms$/),
    ]);
  });

  it('answers every curl of the seed documents as written there, with the demo values in place of the placeholders', async () => {
    const demo: Record<string, string> = {
      YOUR_CLIENT_ID: 'demo-client-id',
      YOUR_CLIENT_SECRET: 'demo-client-secret',
      '<your_client_id>': 'demo-client-id',
      '<your_client_secret>': 'demo-client-secret',
      YOUR_ORGANIZATION_ID: mock.service.config.organizationId,
      '<github_definition_id>': 'ef69ef6e-aa7f-4af1-a01d-ef775033524e',
      '<github_pat>': 'ghp_example',
    };
    const fill = (text: string) =>
      Object.entries(demo).reduce((out, [placeholder, value]) => out.replaceAll(placeholder, value), text);
    const curl = async (method: string, path: string, token?: string, body?: string) => {
      const response = await fetch(`${mock.url}${path}`, {
        method,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body ? { body: fill(body) } : {}),
      });
      return { status: response.status, body: (await response.json().catch(() => undefined)) as any };
    };

    // 000: the Airbyte API's token, workspace list and workspace creation.
    const v1 = await curl(
      'POST',
      '/v1/applications/token',
      undefined,
      '{\n  "client_id": "YOUR_CLIENT_ID",\n  "client_secret": "YOUR_CLIENT_SECRET"\n}',
    );
    expect(v1).toMatchObject({ status: 200, body: { token_type: 'Bearer', expires_in: 3600 } });
    expect((await curl('GET', '/v1/workspaces', v1.body.access_token)).status).toBe(200);
    const created = await curl(
      'POST',
      '/v1/workspaces',
      v1.body.access_token,
      '{\n  "name": "My First AI Agent Workspace",\n  "organizationId": "YOUR_ORGANIZATION_ID"\n}',
    );
    expect(created).toMatchObject({ status: 200, body: { name: 'My First AI Agent Workspace' } });

    // 001: the Agent Engine's token, the scoped and widget tokens on their older paths, the catalog.
    const app = await curl(
      'POST',
      '/api/v1/account/applications/token',
      undefined,
      '{\n"client_id": "<your_client_id>",\n"client_secret": "<your_client_secret>"\n}',
    );
    expect(app).toMatchObject({ status: 200, body: { token_type: 'bearer', expires_in: 900 } });
    const token = app.body.access_token as string;
    expect(
      (await curl('POST', '/api/v1/embedded/scoped-token', token, '{\n"workspace_name": "customer_workspace_123"\n}'))
        .status,
    ).toBe(200);
    expect(
      (
        await curl(
          'POST',
          '/api/v1/embedded/widget-token',
          token,
          '{\n"workspace_name": "customer_workspace_123",\n"allowed_origin": "https://yourapp.com"\n}',
        )
      ).status,
    ).toBe(200);
    const catalog = await curl('GET', '/api/v1/integrations/definitions/sources', token);
    expect(catalog.body.definitions.map((d: { name: string }) => d.name)).toEqual(
      expect.arrayContaining(['GitHub', 'Salesforce']),
    );
    expect(
      (await curl('GET', '/api/v1/integrations/definitions/sources?name=github', token)).body.definitions,
    ).toHaveLength(1);

    // 002: create a GitHub connector and execute issues/list.
    const connector = await curl(
      'POST',
      '/api/v1/integrations/connectors',
      token,
      '{\n"workspace_name": "default",\n"definition_id": "<github_definition_id>",\n"name": "My GitHub Connector",\n"credentials": {\n"option_title": "PAT Credentials",\n"personal_access_token": "<github_pat>"\n},\n"replication_config": {\n"repositories": ["airbytehq/airbyte"]\n}\n}',
    );
    expect(connector.status).toBe(200);
    const issues = await curl(
      'POST',
      `/api/v1/integrations/connectors/${connector.body.id}/execute`,
      token,
      '{\n"entity": "issues",\n"action": "list",\n"params": { "per_page": 10 }\n}',
    );
    expect(issues.status).toBe(200);
    expect(issues.body.result).toHaveLength(10);
    expect(mock.service.specViolations).toEqual([]);
  });

  it('answers an unknown path with a 404 in the API shape, and drops the connection when told to', async () => {
    const unknown = await fetch(`${mock.url}/api/v2/nothing`);
    expect(unknown.status).toBe(404);
    // The message names what the mock serves, not the path it was sent (errors never quote raw input).
    expect(((await unknown.json()) as { message: string }).message).toMatch(
      /^No operation at this path\. The mock serves \/api\/v1/,
    );
    mock.service.failNext(1, { drop: true });
    await expect(fetch(`${mock.url}/v1/health`)).rejects.toThrow();
    expect((await fetch(`${mock.url}/v1/health`)).status).toBe(200);
  });

  it('npm start: prints the banner with the demo credentials and a curl line, is ready fast, stops cleanly on SIGTERM', async () => {
    // What `npm start` runs: the bundle its prestart step builds.
    const { buildMock } = await import(pathToFileURL(`${root}scripts/build-mock.mjs`).href);
    const bundle: string = await buildMock();
    // The server reads requests straight from node:http: neither msw nor anything of it is in what it loads.
    expect(readFileSync(bundle, 'utf8')).not.toMatch(/from ["'](msw|openapi-msw|@mswjs\/[^"']+)(\/[^"']*)?["']/);
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
    console.log(
      `npm start: first answer ${(performance.now() - spawned).toFixed(0)} ms after spawn (${/ready in \d+ ms/.exec(output)![0]} by its own count)`,
    );
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(output).toContain('SIGTERM: shutting down');
  }, 30_000);
});

describe('npm start with a port it cannot use', () => {
  let bundle: string;
  beforeAll(async () => {
    const { buildMock } = await import(pathToFileURL(`${root}scripts/build-mock.mjs`).href);
    bundle = await buildMock();
  });

  // Spawned side by side; the other shapes of a wrong port are parsePort's test below.
  it.concurrent.for(['abc', '65536', '', '0x50'])(
    "PORT='%s': one line saying what PORT takes, no stack, exit code 2",
    { timeout: 20_000 },
    async (value, { expect }) => {
      // Killed before the test times out, should a regression leave it serving instead of exiting.
      const { code, stdout, stderr } = await runNodeProcess([bundle], { env: { PORT: value }, timeoutMs: 10_000 });
      expect(stderr).toBe(`agent-engine-kit mock: PORT must be an integer from 0 to 65535, got '${value}'\n`);
      expect(stderr).not.toMatch(STACK_FRAME);
      expect(stdout).toBe('');
      expect(code).toBe(2);
    },
  );

  it('a port in use: one line naming the port and how to pick another, no stack, exit code 1', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const { code, stderr } = await runNodeProcess([bundle], { env: { PORT: String(port) }, timeoutMs: 10_000 });
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(
        new RegExp(
          `^agent-engine-kit mock: port ${port} is in use on 127\\.0\\.0\\.1; set PORT to another port \\(PORT=\\d+ npm start\\)`,
        ),
      );
      expect(stderr).not.toMatch(STACK_FRAME);
      expect(code).toBe(1);
    } finally {
      taken.close();
    }
  }, 20_000);

  it('parsePort: plain decimal digits up to 65535, the fallback when unset, the setting named when wrong', () => {
    expect(parsePort(undefined, 'PORT', 4010)).toBe(4010);
    expect(parsePort('0', 'PORT', 4010)).toBe(0);
    expect(parsePort('65535', 'PORT', 4010)).toBe(65_535);
    expect(() => parsePort(' 80', '--port', 4010)).toThrow("--port must be an integer from 0 to 65535, got ' 80'");
    expect(() => parsePort('1e3', 'PORT', 4010)).toThrow("PORT must be an integer from 0 to 65535, got '1e3'");
    expect(() => parsePort('-1', 'PORT', 4010)).toThrow("got '-1'");
    expect(() => parsePort('4010.5', 'PORT', 4010)).toThrow("got '4010.5'");
    expect(() => parsePort('065536', 'PORT', 4010)).toThrow("got '065536'");
  });
});

describe('the start banner and log lines never print a client secret the user set', () => {
  const SECRET = 'user-set-secret-5c1e9a77';
  const ENV = 'AGENT_ENGINE_MOCK_CLIENT_SECRET';

  /**
   * runStandaloneMock in-process with `env` as AGENT_ENGINE_MOCK_CLIENT_SECRET: everything it printed and logged (the
   * request log lines through `log`), after a token request with the secret and one with it in the query string. The
   * console, the variable and the signal handlers it installs are put back.
   */
  async function started(env: string | undefined, options: StandaloneOptions = {}) {
    const printed: string[] = [];
    const spies = (['log', 'error', 'warn'] as const).map((name) =>
      vi.spyOn(console, name).mockImplementation((...args) => void printed.push(args.join(' '))),
    );
    const signals = ['SIGINT', 'SIGTERM'].map((s) => [s, process.listeners(s as NodeJS.Signals)] as const);
    const before = process.env[ENV];
    if (env === undefined) delete process.env[ENV];
    else process.env[ENV] = env;
    let mock: Awaited<ReturnType<typeof runStandaloneMock>> | undefined;
    try {
      mock = await runStandaloneMock({ port: 0, log: (line) => printed.push(line), ...options });
      const secret = mock.service.config.clientSecret;
      const token = async (query = '') =>
        (
          await fetch(`${mock!.url}/api/v1/account/applications/token${query}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ client_id: 'demo-client-id', client_secret: secret }),
          })
        ).status;
      expect(await token()).toBe(200);
      await token(`?client_secret=${encodeURIComponent(secret)}&again=${secret}`);
      return { output: printed.join('\n'), secret };
    } finally {
      await mock?.close();
      for (const spy of spies) spy.mockRestore();
      if (before === undefined) delete process.env[ENV];
      else process.env[ENV] = before;
      for (const [signal, kept] of signals)
        for (const listener of process.listeners(signal as NodeJS.Signals))
          if (!kept.includes(listener)) process.removeListener(signal, listener);
    }
  }

  /** The JSON body of the banner's curl line, as a shell with `env` reads it. */
  const curlBody = (output: string, env: Record<string, string>) => {
    const line = output.split('\n').find((l) => l.trimStart().startsWith("-d '"))!;
    const argument = line.trim().slice(3);
    return JSON.parse(execFileSync('sh', ['-c', `printf '%s' ${argument}`], { env, encoding: 'utf8' }));
  };

  it('names one set through AGENT_ENGINE_MOCK_CLIENT_SECRET, and its curl line reads the variable', async () => {
    const { output, secret } = await started(SECRET);
    expect(secret).toBe(SECRET);
    expect(output).toContain('client_secret=(from AGENT_ENGINE_MOCK_CLIENT_SECRET)');
    expect(output).toContain('"client_secret": "\'"$AGENT_ENGINE_MOCK_CLIENT_SECRET"\'"');
    expect(curlBody(output, { [ENV]: SECRET })).toEqual({ client_id: 'demo-client-id', client_secret: SECRET });
    // The request log lines are there, with the secret of the query string replaced.
    expect(output).toMatch(
      /^POST \/api\/v1\/account\/applications\/token\?client_secret=\[client secret\]&again=\[client secret\] \d{3} /m,
    );
    expect(output).not.toContain(SECRET);
    expect(output).not.toContain('demo-client-secret');
  });

  it('names one passed as the clientSecret option; the state-file line does not print it either', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'banner-secret-'));
    try {
      const { output } = await started(undefined, {
        clientSecret: `${SECRET} with space/&`,
        stateFile: join(folder, 'state.json'),
      });
      expect(output).toContain('client_secret=(the clientSecret option)');
      expect(output).toContain(`state kept in ${join(folder, 'state.json')}`);
      expect(output).toContain('POST /api/v1/account/applications/token 200');
      expect(output).not.toContain(SECRET);
      expect(output).not.toContain(encodeURIComponent(SECRET));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('shows the demo default when nothing sets one, in the banner and in a curl line that works as printed', async () => {
    const { output } = await started(undefined);
    expect(output).toContain('demo credentials   client_id=demo-client-id  client_secret=demo-client-secret');
    expect(curlBody(output, {})).toEqual({ client_id: 'demo-client-id', client_secret: 'demo-client-secret' });
  });
});
