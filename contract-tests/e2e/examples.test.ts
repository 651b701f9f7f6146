// The examples under examples/: each one run as a user runs it (a process of its own against the standalone mock,
// as after `npm start`), and its exported pieces checked in detail against the same mock.
import { createServer as createNetServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandaloneMock } from '../../mocks/standalone.js';
import { createAgentEngineClient } from '../../src/index.js';
import { agentTurn } from '../../examples/agent-tool.js';
import { agentLoop } from '../../examples/agent-loop.js';
import { pageThroughIssues } from '../../examples/github-issues.js';
import { everyStripeCustomer } from '../../examples/stripe-customers.js';
import { startWidgetBackend } from '../../examples/widget-token-backend.js';
import { freePort, runNodeProcess } from '../support/processes.js';
import { connectorDefinition } from '../../mocks/connectors/definitions.js';
import { buildDataset } from '../../mocks/execute/dataset.js';

const SEED = 1;
let mock: Awaited<ReturnType<typeof startStandaloneMock>>;

beforeAll(async () => {
  mock = await startStandaloneMock({ port: 0, log: false, seed: SEED });
});
afterAll(() => mock.close());

/** The Stripe customers every Stripe connector of the mock serves (from the seed). */
const stripeCustomers = () => buildDataset(connectorDefinition('stripe')!, SEED).get('customers')!;

/** The GitHub issues every GitHub connector of the mock serves (the same records for each, from the seed). */
const githubIssues = () => buildDataset(connectorDefinition('github')!, SEED).get('issues')!;

const demoClient = () =>
  createAgentEngineClient({ baseUrl: mock.url, clientId: 'demo-client-id', clientSecret: 'demo-client-secret' });

const runExample = (file: string, env: Record<string, string> = {}) =>
  runNodeProcess(['--import', 'tsx', '--import', './scripts/yaml-register.mjs', file], {
    env: { PORT: new URL(mock.url).port, ...env },
    timeoutMs: 30_000,
  });

describe('every example runs as a user runs it, against the running mock', () => {
  it.each([
    ['examples/quickstart.ts', {}, /^#\d+ /m],
    [
      'examples/github-issues.ts',
      {},
      new RegExp(`^${githubIssues().length} issues in ${Math.ceil(githubIssues().length / 25)} pages$`, 'm'),
    ],
    [
      'examples/widget-token-backend.ts',
      { EXAMPLE_ONCE: '1', BACKEND_PORT: '0' },
      /^200 widget for workspace [0-9a-f-]{36}$/m,
    ],
    ['examples/stripe-customers.ts', {}, new RegExp(`^${stripeCustomers().length} customers, 10 a page$`, 'm')],
    ['examples/agent-tool.ts', {}, /^< error: Invalid arguments: `state` is not a param of this action/m],
    ['examples/agent-loop.ts', {}, /^Filed #\d+, listing 10 open issues\.$/m],
  ] as const)(
    '%s',
    async (file, env, expected) => {
      const { code, stdout, stderr } = await runExample(file, env);
      expect(stderr.replace(/npm warn.*\n?/g, '')).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(expected);
    },
    40_000,
  );
  // Nothing any example did broke the spec.
  afterAll(() => expect(mock.service.specViolations).toEqual([]));
});

describe('an example run while the mock is not', () => {
  const hint = (port: number) =>
    `the mock is not running at http://127.0.0.1:${port}: start it with \`npm start\` in another terminal (the examples read PORT, default 4010, or AIRBYTE_API_HOST for another base URL)\n`;
  const runAgainst = (port: number) =>
    runNodeProcess(['--import', 'tsx', 'examples/quickstart.ts'], {
      env: { PORT: String(port), AIRBYTE_API_HOST: undefined },
      timeoutMs: 30_000,
    });

  it('says in one line, without a stack, that the mock is not running at its URL and how to start it, and exits 1', async () => {
    const port = await freePort();
    const { code, stdout, stderr } = await runAgainst(port);
    expect(stderr.replace(/npm warn.*\n?/g, '')).toBe(hint(port));
    expect(stdout).toBe('');
    expect(code).toBe(1);
  }, 40_000);

  it('says it after the first connection fails, without waiting for the retries', async () => {
    // A server that drops every connection once the request arrives: each of the client's retries would open
    // another one. (Dropped before the request is written, Node 20's fetch never settles: hence the wait for data.)
    let connections = 0;
    const dropper = createNetServer((socket) => {
      connections += 1;
      socket.once('data', () => socket.destroy());
    });
    await new Promise<void>((resolve) => dropper.listen(0, '127.0.0.1', resolve));
    const { port } = dropper.address() as { port: number };
    try {
      const { code, stderr } = await runAgainst(port);
      expect(stderr.replace(/npm warn.*\n?/g, '')).toBe(hint(port));
      expect(code).toBe(1);
      expect(connections).toBe(1);
    } finally {
      dropper.close();
    }
  }, 40_000);
});

describe('paging through GitHub issues', () => {
  it('follows the cursor to the end, each issue once, and filters', async () => {
    const all = await pageThroughIssues(mock.url, { workspace: 'paging-test', perPage: 10, log: () => {} });
    const issues = githubIssues();
    expect(all).toMatchObject({ pages: Math.ceil(issues.length / 10), issues: issues.length });
    const open = await pageThroughIssues(mock.url, {
      workspace: 'paging-test',
      perPage: 100,
      state: 'OPEN',
      log: () => {},
    });
    expect(open.pages).toBe(1);
    expect(open.issues).toBe(issues.filter((i) => i.state === 'OPEN').length);
    expect(open.issues).toBeGreaterThan(0);
    expect(open.issues).toBeLessThan(issues.length);
    // The second run found the workspace's connector instead of making another.
    expect(open.connectorId).toBe(all.connectorId);
  });
});

describe('every Stripe customer through a typed connector', () => {
  it('pages with starting_after to the end, each customer once, and reads one back', async () => {
    const lines: string[] = [];
    const result = await everyStripeCustomer(mock.url, {
      workspace: 'stripe-test',
      pageSize: 7,
      log: (line) => lines.push(line),
    });
    const customers = stripeCustomers();
    expect(result).toEqual({ customers: customers.length, firstId: customers[0]!.id });
    expect(lines[0]).toBe(`${customers.length} customers, 7 a page`);
    // The second run finds the workspace's connector instead of making another.
    await everyStripeCustomer(mock.url, { workspace: 'stripe-test', log: () => {} });
    const stripeConnectors = [...mock.service.store.connectors.values()].filter(
      (c) => c.definitionId === 'e094cb9a-26de-4645-8761-65c0c425d1de',
    );
    expect(
      stripeConnectors.filter((c) => mock.service.store.workspaces.get(c.workspaceId)?.name === 'stripe-test'),
    ).toHaveLength(1);
  });
});

describe('the widget token backend', () => {
  const appOrigin = 'http://localhost:5173';

  it('mints a widget token for the signed-in user only, usable from the app origin only', async () => {
    const backend = await startWidgetBackend({ client: demoClient(), appOrigin, port: 0 });
    try {
      const endpoint = `${backend.url}/api/airbyte/widget-token`;
      expect((await fetch(endpoint, { method: 'POST' })).status).toBe(401);
      expect((await fetch(endpoint)).status).toBe(405);
      const preflight = await fetch(endpoint, {
        method: 'OPTIONS',
        headers: { origin: appOrigin, 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(appOrigin);

      const answer = await fetch(endpoint, { method: 'POST', headers: { 'x-demo-user': 'acme', origin: appOrigin } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBe(appOrigin);
      const { token } = (await answer.json()) as { token: string };
      const { widgetUrl, token: bearer } = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as {
        widgetUrl: string;
        token: string;
      };

      // The browser's view: the token works from the app's origin, in the user's workspace, and nowhere else.
      const info = await fetch(`${mock.url}/api/v1/account/applications/scoped-token/info`, {
        headers: { authorization: `Bearer ${bearer}`, origin: appOrigin },
      });
      expect(info.status).toBe(200);
      expect(info.headers.get('access-control-allow-origin')).toBe(appOrigin);
      const body = (await info.json()) as { workspace_name: string; workspace_id: string };
      expect(body.workspace_name).toBe('customer-acme');
      expect(new URL(widgetUrl).searchParams.get('workspaceId')).toBe(body.workspace_id);
      const elsewhere = await fetch(`${mock.url}/api/v1/account/applications/scoped-token/info`, {
        headers: { authorization: `Bearer ${bearer}`, origin: 'https://evil.example.com' },
      });
      expect(elsewhere.status).toBe(403);
      const organization = await fetch(`${mock.url}/api/v1/workspaces`, {
        headers: { authorization: `Bearer ${bearer}`, origin: appOrigin },
      });
      expect(organization.status).toBe(403);
      const preflightAtApi = await fetch(`${mock.url}/api/v1/account/applications/scoped-token/info`, {
        method: 'OPTIONS',
        headers: { origin: appOrigin, 'access-control-request-method': 'GET' },
      });
      expect(preflightAtApi.headers.get('access-control-allow-origin')).toBe(appOrigin);
    } finally {
      await backend.close();
    }
  });

  it('answers 502 without leaking anything when its own credentials are refused', async () => {
    const secret = 'backend-secret-that-must-not-leak';
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    const backend = await startWidgetBackend({
      client: createAgentEngineClient({
        baseUrl: mock.url,
        clientId: 'demo-client-id',
        clientSecret: secret,
        maxRetries: 0,
      }),
      appOrigin,
      port: 0,
    });
    try {
      const answer = await fetch(`${backend.url}/api/airbyte/widget-token`, {
        method: 'POST',
        headers: { 'x-demo-user': 'acme' },
      });
      expect(answer.status).toBe(502);
      expect(await answer.text()).not.toContain(secret);
      expect(errors.join('\n')).toMatch(/credentials were refused/);
      expect(errors.join('\n')).not.toContain(secret);
    } finally {
      console.error = original;
      await backend.close();
    }
  });
});

describe('the agent tools of a workspace', () => {
  it('give a tool per action, page with next_page, refuse a malformed call, and cover any number of connectors in three', async () => {
    const { definitions, results } = await agentTurn(mock.url, () => {});
    expect(definitions.find((d) => d.name === 'github_issues_list')?.input_schema).toMatchObject({
      type: 'object',
      properties: { per_page: { maximum: 100 }, select_fields: { type: 'array' } },
    });
    const [first, second, malformed, get, listed, described, executed, searched] = results.map((r) => r.output);
    const page = (output: typeof first) => JSON.parse(output!.text) as { data: { number: number; title: string }[] };
    expect(page(first).data).toHaveLength(3);
    expect(Object.keys(page(first).data[0]!).sort()).toEqual(['number', 'title']);
    const numbers = (output: typeof first) => page(output).data.map((r) => r.number);
    expect(numbers(second)).toHaveLength(3);
    for (const n of numbers(second)) expect(numbers(first)).not.toContain(n);
    expect(malformed).toEqual({
      isError: true,
      text: expect.stringMatching(
        /`state` is not a param of this action; .*`per_page` must be <= 100\. Nothing was sent/,
      ),
    });
    expect(JSON.parse(get!.text).data).toMatchObject({ number: numbers(first)[0], title: page(first).data[0]!.title });
    expect(JSON.parse(listed!.text).connectors).toEqual([
      expect.objectContaining({ connector: 'github', name: 'GitHub for the agent' }),
    ]);
    expect(JSON.parse(described!.text).params.properties).toHaveProperty('per_page');
    expect(page(executed).data).toHaveLength(2);
    const found = page(searched).data as unknown as { number: number; state: string }[];
    expect(found).toHaveLength(5);
    for (const issue of found) expect(issue.state).toBe('OPEN');
    expect(found.map((r) => r.number)).toEqual([...found.map((r) => r.number)].sort((a, b) => b - a));
    for (const { output } of results.filter((r) => r.output !== malformed)) expect(output.isError).toBe(false);
  });
});

describe('the agent loop (AI SDK, scripted model)', () => {
  it('runs the tool calls the model makes: a refused one, a list, a create, then the answer', async () => {
    const lines: string[] = [];
    const { text, calls, listed } = await agentLoop(mock.url, {
      workspace: 'agent-loop-test',
      log: (line) => lines.push(line),
    });
    expect(calls.map((c) => c.tool)).toEqual(['github_issues_list', 'github_issues_list', 'github_issues_create']);
    expect(calls[0]).toMatchObject({
      isError: true,
      text: 'Invalid arguments: `per_page` must be of type integer. Nothing was sent; fix these and call again.',
    });
    const open = githubIssues().filter((i) => i.state === 'OPEN');
    expect(listed).toEqual(open.slice(0, 10).map(({ number, title }) => ({ number, title })));
    // The issue it filed is in the workspace, read back through the client.
    const created = JSON.parse(calls[2]!.text) as { data: { number: number } };
    expect(text).toBe(`Filed #${created.data.number}, listing 10 open issues.`);
    const github = demoClient().forWorkspace('agent-loop-test').connector('github');
    const { data: issue } = await github.issues.get({
      owner: 'airbytehq',
      repo: 'airbyte',
      number: created.data.number,
    });
    expect(issue.title).toBe('Triage: 10 open issues');
    expect(issue.body!.split('\n')).toEqual(listed.map((i) => `- #${i.number} ${i.title}`));
    expect(lines.at(-1)).toBe(text);
  });
});
