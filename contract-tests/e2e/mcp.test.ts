// `agent-engine-kit mcp` as a process, driven by the official MCP client over stdio and over Streamable HTTP, against
// the standalone mock: the tools it lists (schemas from the connector definitions), a list and a get answering what
// the API holds, a create that the API then has, malformed arguments refused before any request with what to fix, an
// oversize answer trimmed to whole records with a note, a 429 reported with when to retry, and the dynamic tools.
import { type ChildProcess, spawn } from 'node:child_process';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET } from '../../mocks/node.js';
import { type StandaloneMock, startStandaloneMock } from '../../mocks/standalone.js';
import { catalogEntry } from '../../src/agent/index.js';
import { createAgentEngineClient, type WorkspaceClient } from '../../src/index.js';
import { ROOT, STACK_FRAME, bundleCli } from '../support/processes.js';

// One folder below the root, as dist/ is: the command finds openapi/ and package.json the same way.
const bundle = `${ROOT}mock-dist/cli-mcp-under-test.mjs`;
const WORKSPACE = 'mcp-acme';
/** GitHub's tool catalog, made from its definition as the tools make it. */
const githubCatalog = await catalogEntry('github')!.load();
const MAX_RESULT_BYTES = 6_000;

let mock: StandaloneMock;
let api: WorkspaceClient;
/** Execute requests that reached the mock, by the mock's own request log. */
let executeRequests = 0;

beforeAll(async () => {
  await bundleCli(bundle);
  mock = await startStandaloneMock({
    port: 0,
    log: (line) => {
      if (line.includes('/execute')) executeRequests += 1;
    },
  });
  api = createAgentEngineClient({
    baseUrl: mock.url,
    clientId: DEFAULT_MOCK_CLIENT_ID,
    clientSecret: DEFAULT_MOCK_CLIENT_SECRET,
  }).forWorkspace(WORKSPACE);
  await api.connectors.create({
    workspace_name: WORKSPACE,
    connector_type: 'GitHub',
    name: 'GitHub of the support team',
    credentials: { token: 'ghp_mcp_test_token_0123456789' },
    replication_config: { repositories: ['airbytehq/airbyte'], start_date: '2024-01-01T00:00:00Z' },
  } as never);
}, 60_000);

afterAll(async () => {
  await mock?.close();
});

const serverArgs = (extra: string[]) => [
  bundle,
  'mcp',
  '--base-url',
  mock.url,
  '--workspace',
  WORKSPACE,
  '--max-result-bytes',
  String(MAX_RESULT_BYTES),
  '--max-retries',
  '0',
  ...extra,
];

interface Connected {
  client: Client;
  stderr: () => string;
  close(): Promise<void>;
}

async function overStdio(extra: string[] = []): Promise<Connected> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: serverArgs(extra),
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '' },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk) => (stderr += chunk));
  const client = new Client({ name: 'mcp-e2e', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

async function overHttp(extra: string[] = []): Promise<Connected & { url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, serverArgs(['--http', '0', ...extra]), {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no MCP endpoint announced:\n${stderr}`)), 30_000);
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
      const found = /at (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`mcp exited with ${code}:\n${stderr}`)));
  });
  const client = new Client({ name: 'mcp-e2e', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return {
    client,
    url,
    child,
    stderr: () => stderr,
    async close() {
      await client.close();
      child.kill('SIGTERM');
    },
  };
}

type ToolResult = { isError?: boolean; content: { type: string; text?: string }[] };
const textOf = (result: unknown) => (result as ToolResult).content.map((c) => c.text ?? '').join('');
const jsonOf = (result: unknown) => JSON.parse(textOf(result));

// The typed client asks for owner and repo (the definition requires them); the tools leave them to the connector.
const REPO_PARAMS_AND = <T extends object>(params: T) => ({ owner: 'airbytehq', repo: 'airbyte', ...params });

// The definition's actions, and a context-store search of each entity the store keeps (`github_issues_search`).
const GITHUB_ACTIONS = Object.entries(githubCatalog.entities).flatMap(([entity, spec]) => [
  ...Object.keys(spec.actions).map((action) => `github_${entity}_${action}`),
  ...(spec.search ? [`github_${entity}_search`] : []),
]);

describe.each([
  ['stdio', overStdio],
  ['Streamable HTTP', overHttp],
] as const)('agent-engine-kit mcp over %s, a tool per action', (_transport, connect) => {
  let server: Connected;
  beforeAll(async () => {
    server = await connect();
  }, 30_000);
  afterAll(async () => {
    await server?.close();
  });

  it('lists a tool per entity and action of the workspace GitHub connector, input schemas from its definition', async () => {
    const { tools } = await server.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...GITHUB_ACTIONS].sort());
    const list = tools.find((t) => t.name === 'github_issues_list')!;
    expect(list.inputSchema.properties).toMatchObject({
      per_page: { type: 'integer', minimum: 1, maximum: 100 },
      states: { type: 'array', items: { enum: ['OPEN', 'CLOSED'] } },
      select_fields: { type: 'array' },
    });
    // owner and repo come from the connector's configuration: required by the definition, not of the model.
    expect(list.inputSchema.required ?? []).not.toContain('owner');
    expect(list.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    const create = tools.find((t) => t.name === 'github_issues_create')!;
    expect(create.inputSchema.required).toEqual(['title']);
    expect(create.annotations?.readOnlyHint).toBe(false);
  });

  it('a list answers the records the API holds, with the params of the next page', async () => {
    const result = await server.client.callTool({
      name: 'github_issues_list',
      arguments: { per_page: 3, select_fields: ['number', 'title'] },
    });
    expect(result.isError).toBeFalsy();
    const answer = jsonOf(result);
    const direct = await api
      .connector('github')
      .issues.list(REPO_PARAMS_AND({ per_page: 3 }), { select_fields: ['number', 'title'] });
    expect(answer.data).toEqual(direct.data);
    expect(answer.next_page).toEqual({ after: direct.meta.end_cursor });
    const next = jsonOf(
      await server.client.callTool({
        name: 'github_issues_list',
        arguments: { ...answer.next_page, per_page: 3, select_fields: ['number'] },
      }),
    );
    const numbers = (records: { number: number }[]) => records.map((r) => r.number);
    expect(numbers(next.data)).not.toEqual(expect.arrayContaining(numbers(answer.data)));
  });

  it('a get answers the one record', async () => {
    const [first] = (await api.connector('github').issues.list(REPO_PARAMS_AND({ per_page: 1 }))).data;
    const result = await server.client.callTool({
      name: 'github_issues_get',
      arguments: { number: first!.number, select_fields: ['number', 'title', 'state'] },
    });
    expect(result.isError).toBeFalsy();
    expect(jsonOf(result).data).toEqual({ number: first!.number, title: first!.title, state: first!.state });
  });

  it('a create changes what the API holds', async () => {
    const title = `Filed by an agent over MCP (${_transport})`;
    const result = await server.client.callTool({
      name: 'github_issues_create',
      arguments: { title, body: 'Steps to reproduce: none yet.', intent: 'File the bug the user reported.' },
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    const created = jsonOf(result).data as { number: number };
    const readBack = await api.connector('github').issues.get(REPO_PARAMS_AND({ number: created.number }));
    expect(readBack.data.title).toBe(title);
  });

  it('refuses malformed arguments before any request, naming each thing to fix', async () => {
    const before = executeRequests;
    expect(before, 'the mock log counts execute requests').toBeGreaterThan(0);
    const result = await server.client.callTool({
      name: 'github_issues_list',
      arguments: { per_page: 1000, states: ['open'], colour: 'red' },
    });
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toContain('`per_page` must be <= 100');
    expect(text).toContain('`states[0]` must be one of "OPEN", "CLOSED"');
    expect(text).toMatch(/`colour` is not a param of this action; it takes "owner", "repo", "states", "per_page"/);
    const missing = await server.client.callTool({ name: 'github_issues_create', arguments: { body: 'no title' } });
    expect(textOf(missing)).toContain('`title` is required');
    expect(executeRequests).toBe(before);
  });

  it('trims an answer over --max-result-bytes to whole records, with how to ask for the rest', async () => {
    const result = await server.client.callTool({ name: 'github_issues_list', arguments: { per_page: 30 } });
    expect(result.isError).toBeFalsy();
    const text = textOf(result);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_RESULT_BYTES);
    const answer = JSON.parse(text);
    expect(answer.truncated.shown).toBeGreaterThan(0);
    expect(answer.truncated.shown).toBeLessThan(answer.truncated.of);
    expect(answer.data).toHaveLength(answer.truncated.shown);
    expect(answer.data[0]).toHaveProperty('title'); // whole records, not cut mid-way
    expect(answer.next_page).toBeNull(); // the page's other records would be skipped
    expect(answer.note).toContain(`per_page: ${answer.truncated.shown}`);
    expect(answer.note).toContain('select_fields');
  });

  it('reports a 429 as a tool error saying when to retry, without a stack or a secret', async () => {
    mock.service.failNext(1, { status: 429, retryAfterSeconds: 7 });
    const result = await server.client.callTool({ name: 'github_issues_list', arguments: { per_page: 1 } });
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toContain('retry in 7 seconds');
    expect(text).not.toMatch(STACK_FRAME);
    expect(text).not.toContain('ghp_mcp_test_token');
    expect(text).not.toContain(DEFAULT_MOCK_CLIENT_SECRET);
  });

  it('answers a tool that does not exist with a protocol error', async () => {
    await expect(server.client.callTool({ name: 'github_tickets_list', arguments: {} })).rejects.toThrow(
      /Unknown tool "github_tickets_list"/,
    );
  });
});

describe('agent-engine-kit mcp --tools dynamic', () => {
  let server: Connected;
  beforeAll(async () => {
    server = await overStdio(['--tools', 'dynamic']);
  }, 30_000);
  afterAll(async () => {
    await server?.close();
  });

  it('has three tools: list the connectors, describe an action, execute it', async () => {
    const { tools } = await server.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['list_connectors', 'describe_action', 'execute_action']);
    const listed = jsonOf(await server.client.callTool({ name: 'list_connectors', arguments: {} }));
    expect(listed.connectors).toEqual([
      expect.objectContaining({
        connector: 'github',
        name: 'GitHub of the support team',
        entities: expect.objectContaining({
          issues: ['list', 'get', 'api_search', 'create', 'update', 'context_store_search'],
        }),
      }),
    ]);
    const described = jsonOf(
      await server.client.callTool({
        name: 'describe_action',
        arguments: { connector: 'github', entity: 'issues', action: 'create' },
      }),
    );
    expect(described.params.required).toEqual(['title']);
    expect(described.filled_from_configuration).toEqual(['owner', 'repo']);
  });

  it('executes by connector name or id, and checks params against the action before any request', async () => {
    const { id } = await api.connectors.find({
      workspace_name: WORKSPACE,
      definition_id: githubCatalog.definitionId,
    });
    for (const connector of ['github', id]) {
      const result = await server.client.callTool({
        name: 'execute_action',
        arguments: { connector, entity: 'issues', action: 'list', params: { per_page: 2 }, select_fields: ['number'] },
      });
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(jsonOf(result).data).toHaveLength(2);
    }
    const before = executeRequests;
    const wrongEntity = await server.client.callTool({
      name: 'execute_action',
      arguments: { connector: 'github', entity: 'tickets', action: 'list' },
    });
    expect(textOf(wrongEntity)).toMatch(/github has no entity `tickets`; its entities are .*issues/);
    const wrongParams = await server.client.callTool({
      name: 'execute_action',
      arguments: { connector: 'github', entity: 'issues', action: 'list', params: { per_page: 'ten' } },
    });
    expect(textOf(wrongParams)).toContain('`params.per_page` must be of type integer');
    expect(executeRequests).toBe(before);
  });
});

describe('agent-engine-kit mcp, what a user gets wrong', () => {
  it('says in one line when the API is not reachable, without a stack', async () => {
    const child = spawn(process.execPath, [bundle, 'mcp', '--base-url', 'http://127.0.0.1:9', '--max-retries', '0'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/^agent-engine-kit mcp: .*127\.0\.0\.1:9/m);
    expect(output).not.toMatch(STACK_FRAME);
  });

  it('says in one line that the credentials were refused, without echoing them', async () => {
    const child = spawn(
      process.execPath,
      [bundle, 'mcp', '--base-url', mock.url, '--client-secret', 'not-the-secret-0123456789'],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output.trim()).toMatch(/^agent-engine-kit mcp: .* failed with 401 \(Authentication failed\)/);
    expect(output).not.toContain('not-the-secret-0123456789');
  });

  it('refuses bad options with the usage', async () => {
    for (const args of [
      ['--tools', 'some'],
      ['--max-result-bytes', '10'],
      ['--http', 'x'],
    ]) {
      const child = spawn(process.execPath, [bundle, 'mcp', '--base-url', mock.url, ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '' },
      });
      let output = '';
      child.stderr!.on('data', (c) => (output += c));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code, args.join(' ')).not.toBe(0);
      expect(output).toContain(args[0]);
      expect(output).not.toMatch(STACK_FRAME);
    }
  });
});
