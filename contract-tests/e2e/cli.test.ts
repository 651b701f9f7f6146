// The `agent-engine-kit` command (bin/), run as a process (bundled from source here, as tsup builds it, without the
// packaging test's full build; the built bin itself is run by the packaging test):
// help, usage errors, `mock` until SIGTERM, `verify` passing against the mock (a line per case, then the operations ×
// statuses table) and failing against servers that break the spec (typed errors, never a TypeError), saying once that
// nothing answers at a closed port, `prism` answering from the packaged spec and verified without --stateless.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockFetch } from '../../mocks/fetch.js';
import { startProxy } from '../../mocks/proxy/server.js';
import { startStandaloneMock } from '../../mocks/standalone.js';
import { createAgentEngineClient } from '../../src/index.js';
import { probeTarget, verify } from '../../src/verify/run.js';
import { harRecorder } from '../support/har-recording.js';
import { STACK_FRAME, bundleCli, freePort, runNodeProcess } from '../support/processes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// One folder below the root, as dist/ is: the command finds openapi/ and package.json the same way.
const bundle = `${root}mock-dist/cli-under-test.mjs`;

beforeAll(async () => {
  await bundleCli(bundle);
});

function start(
  args: string[],
  env: Record<string, string | undefined> = {},
): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [bundle, ...args], {
    cwd: root,
    env: { ...process.env, AIRBYTE_CLIENT_ID: undefined, AIRBYTE_CLIENT_SECRET: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output.replace(/npm warn.*\n?/g, ''), exit };
}

async function run(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number | null; output: string }> {
  const { code, stdout, stderr } = await runNodeProcess([bundle, ...args], {
    env: { AIRBYTE_CLIENT_ID: undefined, AIRBYTE_CLIENT_SECRET: undefined, ...env },
  });
  return { code, output: `${stdout}${stderr}` };
}

/** A node:http server on a free loopback port, answering JSON by `handle`. */
async function listen(
  handle: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

/** The operations × statuses table that ends verify's output: its status columns, and the statuses marked per row. */
function statusTable(output: string): { statuses: string[]; rows: Map<string, string[]> } {
  const lines = output
    .slice(output.search(/^operation /m))
    .trimEnd()
    .split('\n');
  const statuses = lines[0]!.split(/\s+/).slice(1);
  const rows = new Map<string, string[]>();
  for (const line of lines.slice(1)) {
    const [operation, ...marks] = line.split(/\s+/);
    rows.set(operation!, marks[0] === 'not' ? [] : statuses.filter((_status, i) => marks[i] === '✓'));
  }
  return { statuses, rows };
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('agent-engine-kit --help and usage errors', () => {
  it('lists the commands, and each command has its own help', async () => {
    const main = await run(['--help']);
    expect(main.code).toBe(0);
    for (const command of ['mock', 'prism', 'verify']) expect(main.output).toMatch(new RegExp(`^  ${command} `, 'm'));
    const verify = await run(['verify', '--help']);
    expect(verify.code).toBe(0);
    expect(verify.output).toMatch(/Usage: agent-engine-kit verify <base-url>/);
    expect(verify.output).toMatch(/--all/);
  });

  it('refuses what it does not understand with exit code 2 and says why', async () => {
    const [unknown, badPort, noUrl, notHttp, badOption, noCredentials] = await Promise.all([
      run(['deploy']),
      run(['mock', '--port', 'http']),
      run(['verify']),
      run(['verify', 'ftp://example.com']),
      run(['verify', 'http://127.0.0.1:1', '--colour']),
      // No demo credentials for a server that is not this machine.
      run(['verify', 'https://api.airbyte.ai']),
    ]);
    expect(unknown).toMatchObject({ code: 2, output: expect.stringContaining('unknown command deploy') });
    expect(badPort).toMatchObject({
      code: 2,
      output: expect.stringContaining("--port must be an integer from 0 to 65535, got 'http'"),
    });
    expect(noUrl).toMatchObject({ code: 2, output: expect.stringContaining('verify takes one base URL') });
    expect(notHttp).toMatchObject({ code: 2, output: expect.stringContaining('is not an http(s) URL') });
    expect(badOption).toMatchObject({ code: 2, output: expect.stringContaining("Unknown option '--colour'") });
    expect(noCredentials).toMatchObject({
      code: 2,
      output: expect.stringContaining('set AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET'),
    });
  }, 60_000);
});

describe('agent-engine-kit without a command', () => {
  it('prints the usage to stderr and exits 2, while --help prints it to stdout and exits 0', async () => {
    const [none, help] = await Promise.all([
      runNodeProcess([bundle], { timeoutMs: 10_000 }),
      runNodeProcess([bundle, '--help'], { timeoutMs: 10_000 }),
    ]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Usage: agent-engine-kit <command> [options]');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: agent-engine-kit <command> [options]');
  }, 20_000);
});

describe('agent-engine-kit mock', () => {
  it('refuses a port that is not one as npm start does: one line naming the setting, no stack, exit code 2', async () => {
    // Killed before the test times out, should a regression leave the mock serving instead of exiting.
    const [flag, env] = await Promise.all([
      runNodeProcess([bundle, 'mock', '--port', 'abc'], { timeoutMs: 10_000 }),
      runNodeProcess([bundle, 'mock'], { env: { PORT: '65536' }, timeoutMs: 10_000 }),
    ]);
    expect(flag).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "agent-engine-kit: --port must be an integer from 0 to 65535, got 'abc'\n",
    });
    expect(env).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "agent-engine-kit: PORT must be an integer from 0 to 65535, got '65536'\n",
    });
  }, 20_000);

  it('refuses a --records that is not a whole number from 1 to a million in one line, as it does AGENT_ENGINE_MOCK_RECORDS', async () => {
    const [zero, text, env] = await Promise.all([
      runNodeProcess([bundle, 'mock', '--records', '0'], { timeoutMs: 10_000 }),
      runNodeProcess([bundle, 'mock', '--records', 'lots'], { timeoutMs: 10_000 }),
      runNodeProcess([bundle, 'mock', '--port', '0'], { env: { AGENT_ENGINE_MOCK_RECORDS: '2.5' }, timeoutMs: 10_000 }),
    ]);
    for (const refused of [zero, text]) {
      expect(refused.code).toBe(2);
      expect(refused.stderr.trimEnd().split('\n')[0]).toMatch(
        /^agent-engine-kit: --records: .* is not a whole number from 1 to 1,000,000$/,
      );
    }
    expect(env.code).toBe(1);
    expect(env.stderr).toBe(
      'agent-engine-kit mock: records (--records, AGENT_ENGINE_MOCK_RECORDS) must be a whole number from 1 to 1,000,000, not 2.5\n',
    );
  }, 20_000);

  it('serves --records N records per listable entity, and says so at start', async () => {
    const port = await freePort();
    const mock = start(['mock', '--port', String(port), '--records', '130', '--quiet']);
    try {
      await waitFor(() => /ready in \d+ ms/.test(mock.output()), 'the banner');
      expect(mock.output()).toContain('130 records per listable entity, each built when first read (--records)');
      const client = createAgentEngineClient({
        baseUrl: `http://127.0.0.1:${port}`,
        clientId: 'demo-client-id',
        clientSecret: 'demo-client-secret',
      });
      const connector = await client.connectors.create({
        workspace_name: 'default',
        connector_type: 'Stripe',
        credentials: { api_key: 'sk_test_records' },
        replication_config: { account_id: 'acct_records' },
      });
      const customers: unknown[] = [];
      for await (const customer of client.connector('stripe', connector.id).customers.all({ limit: 100 }))
        customers.push(customer);
      expect(customers).toHaveLength(130);
    } finally {
      mock.child.kill('SIGTERM');
    }
    expect(await mock.exit).toBe(0);
  }, 60_000);

  it('says in one line, without a stack, that the port is in use, and exits 1', async () => {
    const taken = createNetServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const { code, stderr } = await runNodeProcess([bundle, 'mock', '--port', String(port)], { timeoutMs: 10_000 });
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(
        new RegExp(`^agent-engine-kit mock: port ${port} is in use on 127\\.0\\.0\\.1; .*--port \\d+`),
      );
      expect(stderr).not.toMatch(STACK_FRAME);
      expect(code).toBe(1);
    } finally {
      taken.close();
    }
  }, 20_000);

  it('serves the mock with its banner until SIGTERM, then exits 0', async () => {
    const port = await freePort();
    const mock = start(['mock', '--port', String(port), '--seed', '7'], { AGENT_ENGINE_MOCK_CLIENT_SECRET: undefined });
    try {
      await waitFor(() => /ready in \d+ ms/.test(mock.output()), 'the banner');
      expect(mock.output()).toContain(`agent-engine-kit mock API on http://127.0.0.1:${port}`);
      // Nothing set: the demo default is shown, as the README and the help show it.
      expect(mock.output()).toContain('client_id=demo-client-id  client_secret=demo-client-secret');
      const answer = await fetch(`http://127.0.0.1:${port}/api/v1/account/applications/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: 'demo-client-id', client_secret: 'demo-client-secret' }),
      });
      expect(answer.status).toBe(200);
      await waitFor(() => /POST \/api\/v1\/account\/applications\/token 200/.test(mock.output()), 'the log line');
    } finally {
      mock.child.kill('SIGTERM');
    }
    expect(await mock.exit).toBe(0);
    expect(mock.output()).toContain('SIGTERM: shutting down');
  }, 60_000);
});

describe('agent-engine-kit mock --replay', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cli-replay-'));
  const file = join(folder, 'recorded.har');
  let connectorId: string;
  let issue: { number: number };
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  beforeAll(async () => {
    // A recording of a mock of seed 1; the command replays it in a mock of seed 5.
    const recorder = harRecorder(createMockFetch({ seed: 1 }).fetch);
    const recording = createAgentEngineClient({
      baseUrl: 'https://api.airbyte.ai',
      clientId: 'demo-client-id',
      clientSecret: 'demo-client-secret',
      fetch: recorder.fetch,
    });
    connectorId = (
      await recording.connectors.create({
        workspace_name: 'default',
        connector_type: 'GitHub',
        credentials: { token: 'ghp_cli_replay' },
        replication_config: { repositories: ['airbytehq/airbyte'] },
      })
    ).id;
    const listed = await recording.connectors.execute(connectorId, {
      entity: 'issues',
      action: 'list',
      params: { owner: 'airbytehq', repo: 'airbyte', per_page: 10 },
    });
    issue = (listed.result as { number: number }[])[4]!;
    await recording.connectors.get(connectorId);
    // Cut in its last entry (the get), as a writer killed mid-way leaves it: the token, the create and the list stay.
    writeFileSync(file, JSON.stringify(recorder.har()).slice(0, -50));
  });

  it('serves the recorded records, says what it replayed, and warns of a file cut short', async () => {
    const port = await freePort();
    const mock = start(['mock', '--port', String(port), '--seed', '5', '--replay', file, '--quiet']);
    try {
      await waitFor(() => /ready in \d+ ms/.test(mock.output()), 'the banner');
      expect(mock.output()).toContain(`  replayed ${file}: 1 workspace, 1 connector, 10 records (3 entries)`);
      expect(mock.output()).toContain(
        `agent-engine-kit mock: ${file} is cut short in its last entry (its writer stopped mid-way): that entry is skipped, the 3 whole entries before it are replayed`,
      );
      const client = createAgentEngineClient({
        baseUrl: `http://127.0.0.1:${port}`,
        clientId: 'demo-client-id',
        clientSecret: 'demo-client-secret',
      });
      const got = await client.connectors.execute(connectorId, {
        entity: 'issues',
        action: 'get',
        params: { owner: 'airbytehq', repo: 'airbyte', number: issue.number },
      });
      expect(got.result).toEqual(issue);
    } finally {
      mock.child.kill('SIGTERM');
    }
    expect(await mock.exit).toBe(0);
  }, 60_000);

  it('refuses a file it cannot replay, or a state file that exists, in one line with exit code 2', async () => {
    const notHar = join(folder, 'not.har');
    writeFileSync(notHar, '<html>not a recording</html>');
    const elsewhere = join(folder, 'elsewhere.har');
    writeFileSync(
      elsewhere,
      JSON.stringify({
        log: {
          version: '1.2',
          creator: { name: 'x', version: '1' },
          entries: [{ request: { method: 'GET', url: 'https://example.com/foo' }, response: { status: 200 } }],
        },
      }),
    );
    // A replay with a state file that does not exist yet writes it at once.
    const state = join(folder, 'state.json');
    await (await startStandaloneMock({ port: 0, log: false, stateFile: state, replay: file })).close();
    const good = file;
    const [bad, other, stateful] = await Promise.all([
      runNodeProcess([bundle, 'mock', '--port', '0', '--replay', notHar], { timeoutMs: 20_000 }),
      runNodeProcess([bundle, 'mock', '--port', '0', '--replay', elsewhere], { timeoutMs: 20_000 }),
      runNodeProcess([bundle, 'mock', '--port', '0', '--replay', good, '--state', state], { timeoutMs: 20_000 }),
    ]);
    expect(bad).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `agent-engine-kit mock: ${notHar} is not a HAR file: it does not read as JSON\n`,
    });
    expect(other).toMatchObject({
      code: 2,
      stderr: `agent-engine-kit mock: ${elsewhere} holds no request to the Agent Engine API (/api/v1/...) or the Airbyte API (/v1/...): is it a recording of another API?\n`,
    });
    expect(stateful).toMatchObject({
      code: 2,
      stderr: `agent-engine-kit mock: ${state} exists already (the store of an earlier run): delete it to replay ${good} again, or drop --replay to go on from it\n`,
    });
  }, 30_000);
});

describe('agent-engine-kit mock with a client secret of the user', () => {
  const SECRET = 'cli-user-secret-93b4e0d2';

  it('names it in the banner and prints it nowhere: not in the help, the log lines, the state line or on shutdown', async () => {
    const port = await freePort();
    const folder = mkdtempSync(join(tmpdir(), 'cli-secret-'));
    const env = { AGENT_ENGINE_MOCK_CLIENT_SECRET: SECRET };
    const mock = start(['mock', '--port', String(port), '--state', join(folder, 'state.json')], env);
    try {
      await waitFor(() => /ready in \d+ ms/.test(mock.output()), 'the banner');
      expect(mock.output()).toContain('client_id=demo-client-id  client_secret=(from AGENT_ENGINE_MOCK_CLIENT_SECRET)');
      expect(mock.output()).toContain('"client_secret": "\'"$AGENT_ENGINE_MOCK_CLIENT_SECRET"\'"');
      expect(mock.output()).toContain(`state kept in ${join(folder, 'state.json')}`);
      // The secret is in force, and a caller that puts it in a URL does not get it logged.
      for (const query of ['', `?client_secret=${SECRET}`]) {
        const answer = await fetch(`http://127.0.0.1:${port}/api/v1/account/applications/token${query}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ client_id: 'demo-client-id', client_secret: SECRET }),
        });
        expect(answer.status).toBe(200);
      }
      await waitFor(() => /token\?client_secret=\[client secret\] 200/.test(mock.output()), 'the log lines');
      const help = await run(['mock', '--help'], env);
      expect(help.output).toContain('client_secret=demo-client-secret');
      expect(help.output).not.toContain(SECRET);
    } finally {
      mock.child.kill('SIGTERM');
      await mock.exit;
      rmSync(folder, { recursive: true, force: true });
    }
    expect(mock.output()).toContain('SIGTERM: shutting down');
    expect(mock.output()).not.toContain(SECRET);
    expect(mock.output()).not.toContain('demo-client-secret');
  }, 60_000);
});

describe('agent-engine-kit verify', () => {
  let mock: Awaited<ReturnType<typeof startStandaloneMock>>;
  beforeAll(async () => {
    mock = await startStandaloneMock({ port: 0, log: false });
  });
  afterAll(() => mock.close());

  it('passes against the mock: a line per case, every answer within the spec, then the operations × statuses table', async () => {
    // No --all: a loopback target gets every case by default, and the header line says why.
    const { code, output } = await run(['verify', mock.url, '--v1', `${mock.url}/v1`]);
    expect(output).toContain('(cases: all: a loopback target; --read-only for reads only)');
    expect(output).toContain('create a GitHub connector');
    expect(output).toMatch(/^13 passed, 0 failed; 48 operations answered$/m);
    expect(output).not.toMatch(/^✗/m);
    // The mock keeps state: no word of stateless mode.
    expect(output).not.toContain('--stateless');
    expect(output.match(/^✓ .+ \(\d+ ms\)$/gm)).toHaveLength(13);
    expect(output).toMatch(/^✓ authenticate with client credentials \(\d+ ms\)$/m);
    expect(output).toMatch(/^✓ v1: token, workspaces create, list, read, update, delete, health \(\d+ ms\)$/m);
    const table = statusTable(output);
    expect(table.statuses).toEqual(['200', '202', '204', '401', '422']);
    expect(table.rows.size).toBe(48);
    // The refused case's request without a token is a 401 of the stats operation; its body the spec refuses, a 422.
    expect(table.rows.get('get_workspaces_stats')).toEqual(['200', '401']);
    expect(table.rows.get('create_integrations_connectors')).toEqual(['200', '422']);
    expect(table.rows.get('delete_integrations_connectors_id')).toEqual(['202']);
    expect(table.rows.get('delete_oauth_credentials_connector_type_connector_type')).toEqual(['204']);
    expect(table.rows.get('getHealthCheck')).toEqual(['200']);
    expect(code).toBe(0);
  }, 60_000);

  it('--fuzz: a line per operation, the table of named checks, the seed; JSON and JUnit reports; only reads with --read-only', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cli-fuzz-'));
    try {
      const { code, output } = await run([
        'verify',
        mock.url,
        '--fuzz',
        '--all',
        '--v1',
        `${mock.url}/v1`,
        '--seed',
        '42',
        '--max-examples',
        '5',
        '--report',
        join(folder, 'fuzz.json'),
        '--report-junit',
        join(folder, 'fuzz.xml'),
      ]);
      expect(output).toMatch(/^✓ list_workspaces$/m);
      expect(output).toMatch(/^not_a_server_error\s+\d{2,}\s+0$/m);
      expect(output).toMatch(/^✓ execute github issues list$/m);
      // The checks by operation: a column per check, named above the table.
      expect(output).toMatch(/^ 1 {2}not_a_server_error$/m);
      expect(output).toMatch(/^list_workspaces(\s+[✓·]){8,}$/m);
      expect(output).toMatch(
        /^\d+ checks passed, 0 failed; \d+ requests in [\d.]+ s; seed 42 \(--seed 42 reruns exactly\)$/m,
      );
      expect(code).toBe(0);
      const report = JSON.parse(readFileSync(join(folder, 'fuzz.json'), 'utf8'));
      expect(report.seed).toBe(42);
      expect(report.checks.every((c: { status: string }) => c.status === 'passed')).toBe(true);
      expect(readFileSync(join(folder, 'fuzz.xml'), 'utf8')).toContain(
        '<testsuite name="agent-engine-kit verify --fuzz"',
      );
      // With --read-only only the operations that read (the default against a target that is not loopback).
      const readOnly = await run([
        'verify',
        mock.url,
        '--fuzz',
        '--read-only',
        '--operations',
        'create_integrations_connectors,list_workspaces',
      ]);
      expect(readOnly.output).toContain('(operations: read-only)');
      expect(readOnly.output).toMatch(/^✓ list_workspaces$/m);
      expect(readOnly.output).not.toMatch(/create_integrations_connectors/);
      expect(readOnly.code).toBe(0);
      expect((await run(['verify', mock.url, '--fuzz', '--max-examples', 'many'])).code).toBe(2);
      // Narrowed to some operations, by id; an id no spec has is refused in a line.
      const narrowed = await run(['verify', mock.url, '--fuzz', '--operations', 'list_workspaces, list_skills']);
      expect(narrowed.output.match(/^[✓✗] \w+$/gm)?.sort()).toEqual(['✓ list_skills', '✓ list_workspaces']);
      const unknown = await run(['verify', mock.url, '--fuzz', '--operations', 'list_workspace']);
      expect(unknown.code).toBe(1);
      expect(unknown.output).toContain('agent-engine-kit verify: no operation named list_workspace in the specs');
      // And the sequences along the resources (which --operations does not narrow).
      const stateful = await run([
        'verify',
        mock.url,
        '--fuzz',
        '--stateful',
        '--all',
        '--operations',
        'list_workspaces',
        '--max-examples',
        '3',
        '--seed',
        '5',
      ]);
      expect(stateful.output).toMatch(/^use_after_free\s+\d+\s+0$/m);
      expect(stateful.output).toMatch(/^ensure_resource_availability\s+\d+\s+0$/m);
      expect(stateful.code).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 90_000);

  it('runs only the read-only cases against loopback when told --read-only, and refuses --all with it', async () => {
    const before = mock.service.store.connectors.size;
    const { code, output } = await run(['verify', mock.url, '--read-only']);
    expect(code).toBe(0);
    expect(output).toContain('(cases: read-only)');
    expect(output).not.toContain('create a GitHub connector');
    expect(mock.service.store.connectors.size).toBe(before);
    // (Every case by default on loopback: the test above runs without --all.)
    expect((await run(['verify', mock.url, '--all', '--read-only'])).code).toBe(2);
  }, 60_000);

  it("reads only through the kit's proxy on loopback when what is behind it is not loopback (its Via says)", async () => {
    // 127.0.0.2 is this machine too, but not a name verify takes for loopback: it stands for a real API here.
    const far = await startStandaloneMock({ port: 0, host: '127.0.0.2', log: false });
    const farProxy = await startProxy({ upstream: far.url, upstreamV1: `${far.url}/v1`, port: 0, warn: () => {} });
    const nearProxy = await startProxy({ upstream: mock.url, upstreamV1: `${mock.url}/v1`, port: 0, warn: () => {} });
    try {
      const before = far.service.store.connectors.size;
      const behindFar = await run(['verify', farProxy.url]);
      expect(behindFar.output).toContain(`(cases: read-only: a proxy in front of ${far.url}; --all for the rest)`);
      expect(far.service.store.connectors.size).toBe(before);
      expect(behindFar.code).toBe(0);
      // Writes, when told --all, but never the organization's OAuth applications behind a proxy to elsewhere.
      const fuzzFar = await run(['verify', farProxy.url, '--fuzz', '--all', '--operations', 'list_workspaces']);
      expect(fuzzFar.output).toContain('(operations: all)');
      expect(fuzzFar.output).toContain('not fuzzed: update_oauth_credentials');
      // The probe behind a proxy to loopback: that is loopback.
      expect((await probeTarget(nearProxy.url)).upstream).toBe(new URL(mock.url).origin);
      expect((await probeTarget(mock.url)).upstream).toBeUndefined();
    } finally {
      await Promise.all([farProxy.close(), nearProxy.close()]);
      await far.close();
    }
  }, 90_000);

  it('fails, naming the operation and the field, against a server whose answers break the spec', async () => {
    // Right about tokens, wrong about the catalog: `definitions` must be an array.
    const server = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.url?.startsWith('/api/v1/account/applications/token')) {
        response.end(
          JSON.stringify({
            access_token: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln',
            token_type: 'Bearer',
            expires_in: 900,
            organization_id: null,
          }),
        );
      } else {
        response.end(JSON.stringify({ definitions: 'GitHub' }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const { code, output } = await run(['verify', `http://127.0.0.1:${port}`]);
      expect(code).toBe(1);
      expect(output).toMatch(/^✓ authenticate with client credentials/m);
      expect(output).toMatch(/^✗ list and filter the connector catalog/m);
      expect(output).toMatch(
        /list_integrations_definitions_sources \(GET\) answered 200, which breaks the spec: \/definitions must be array/,
      );
      expect(output).toMatch(/^\d+ passed, [1-9]\d* failed/m);
    } finally {
      server.close();
    }
  }, 60_000);

  it('fails with typed errors, never a TypeError, against servers whose 2xx answers are empty', async () => {
    // One answers `200 {}` to everything; the other mints tokens as it should and answers `200 {}` to the rest.
    const empty = await listen((_request, response) => response.end('{}'));
    const tokensOnly = await listen((request, response) => {
      if (request.url === '/api/v1/account/applications/token')
        response.end(
          JSON.stringify({ access_token: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln', token_type: 'Bearer', expires_in: 900 }),
        );
      else if (request.headers.authorization?.startsWith('Bearer eyJ')) response.end('{}');
      else response.writeHead(401).end('{}');
    });
    try {
      const [everything, rest] = await Promise.all([
        run(['verify', empty.url, '--all']),
        run(['verify', tokensOnly.url, '--all']),
      ]);
      for (const { code, output } of [everything, rest]) {
        expect(code).toBe(1);
        expect(output).not.toContain('TypeError');
      }
      expect(everything.output).toMatch(/^0 passed, 12 failed;/m);
      // Only the case that checks the token answer itself passes against the second.
      expect(rest.output).toMatch(/^1 passed, 11 failed;/m);
      expect(rest.output).toMatch(/^✓ authenticate with client credentials/m);
      // The client's own words for a token answer without its token, under each case that needs a token.
      expect(
        everything.output.match(
          /^ {4}UnexpectedResponseError: POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/account\/applications\/token answered 200 without `access_token`$/gm,
        ),
      ).toHaveLength(10);
      expect(rest.output).toMatch(
        /^ {4}UnexpectedResponseError: POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/account\/applications\/scoped-token answered 200 without `token`$/m,
      );
      expect(rest.output).toMatch(/^ {4}Error: GitHub not in the catalog$/m);
    } finally {
      empty.server.close();
      tokensOnly.server.close();
    }
  }, 60_000);

  it('says once that nothing answers at a closed port, and runs no case', async () => {
    const port = await freePort(); // free: nothing listens there
    const started = Date.now();
    const { code, output } = await run(['verify', `http://127.0.0.1:${port}`, '--all']);
    expect(code).toBe(1);
    expect(output.match(/nothing answers/g)).toHaveLength(1);
    expect(output).toMatch(
      new RegExp(
        `^agent-engine-kit verify: nothing answers at http://127\\.0\\.0\\.1:${port} \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\)$`,
        'm',
      ),
    );
    expect(output).not.toMatch(/^[✓✗]/m);
    expect(output).not.toContain('fetch failed');
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it('says that a server answering web pages is not the API, and runs no case', async () => {
    const site = await listen((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>Welcome</p>'),
    );
    try {
      const { code, output } = await run(['verify', site.url]);
      expect(code).toBe(1);
      expect(output).toContain(
        `agent-engine-kit verify: ${site.url} answers 200 with text/html, not the API's JSON: is it the API's base URL?`,
      );
      expect(output).not.toMatch(/^[✓✗]/m);
      expect(output).not.toContain('SyntaxError');
    } finally {
      site.server.close();
    }
  }, 30_000);
});

describe('agent-engine-kit prism', () => {
  it('serves the packaged spec with Prism, and verify passes against it', async () => {
    const port = await freePort();
    const prism = start(['prism', '--port', String(port)]);
    try {
      await waitFor(
        async () =>
          (
            await fetch(`http://127.0.0.1:${port}/api/v1/workspaces/stats`, {
              headers: { authorization: 'Bearer x' },
            }).catch(() => undefined)
          )?.status === 200,
        'Prism',
      );
      const unauthenticated = await fetch(`http://127.0.0.1:${port}/api/v1/workspaces/stats`);
      expect(unauthenticated.status).toBe(401);
      // And verify against it without being told: Prism stores nothing, which the probe finds out, so the cases do not
      // read back what they wrote, nor follow its example's links and cursors.
      const verified = await run(['verify', `http://127.0.0.1:${port}`, '--all']);
      expect(verified.output).toContain(
        `http://127.0.0.1:${port} answered 200 for a connector that does not exist, so it keeps no state`,
      );
      expect(verified.output.match(/the cases run as with --stateless/g)).toHaveLength(1);
      expect(verified.output).toMatch(/^12 passed, 0 failed; 41 operations answered$/m);
      expect(verified.code).toBe(0);
      // The generated checks pass against it too, the probe's finding said in a line.
      const fuzzed = await run(['verify', `http://127.0.0.1:${port}`, '--fuzz', '--all', '--max-examples', '1']);
      expect(fuzzed.output).toContain('so it serves static examples (as Prism does)');
      expect(fuzzed.output).toMatch(/^\d+ checks passed, 0 failed; /m);
      expect(fuzzed.code).toBe(0);
      // Told that Prism keeps state, the cases that follow links and cursors fail, and say what to do.
      const stateful = await verify({
        baseUrl: `http://127.0.0.1:${port}`,
        clientId: 'prism-client',
        clientSecret: 'prism-secret',
        readOnly: true,
        stateless: false,
      });
      expect(stateful.probe.stateless).toBe(true);
      const workspaces = stateful.results.find((result) => result.name.startsWith('workspaces: list every page'))!;
      expect(workspaces.ok).toBe(false);
      expect(workspaces.problems[0]).toMatch(/Next page repeated/);
      expect(workspaces.problems[1]).toMatch(
        /^if this server answers static examples \(as Prism does\), pass --stateless/,
      );
    } finally {
      prism.child.kill('SIGTERM');
    }
    await prism.exit;
  }, 60_000);

  it('refuses a spec it does not ship', async () => {
    expect(await run(['prism', '--spec', 'petstore'])).toMatchObject({
      code: 2,
      output: expect.stringContaining('--spec: petstore is not one of agent-engine, airbyte-api-v1'),
    });
  });
});
