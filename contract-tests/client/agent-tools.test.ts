// The agent tools (agent-engine-kit/agent) against the in-process mock and the connector facts: a tool per action of
// every connector with its params from the definition, arguments checked before any request, answers within the size
// limit as whole records with the next page's params, API failures as text a model can act on, and the dynamic tools
// finding connectors made after they first listed.
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { catalog as githubCatalog } from '../../generated/connector-tools/github.js';
import { CONNECTOR_TOOLS } from '../../generated/connector-tools/index.js';
import { createMockFetch, DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET } from '../../mocks/node.js';
import {
  actionTools,
  answerText,
  catalogEntry,
  connectorTools,
  dynamicTools,
  inputProblems,
  listToolConnectors,
  MAX_STATIC_TOOLS,
  toolConnector,
  toolErrorText,
  workspaceTools,
  type AgentTool,
} from '../../src/agent/index.js';
import {
  AbortError,
  AuthenticationError,
  RateLimitError,
  ServerError,
  ValidationError,
  createAgentEngineClient,
  type WorkspaceClient,
} from '../../src/index.js';
import { specSchema } from '../../src/validation/index.js';
import facts from '../fixtures/agent-connector-facts.json' with { type: 'json' };

const WORKSPACE = 'agent-tools';
const SECRET_TOKEN = 'ghp_agent_tools_secret_0123456789';

interface Setup {
  workspace: WorkspaceClient;
  mock: ReturnType<typeof createMockFetch>;
  /** Execute requests the mock received. */
  executes: () => number;
}

async function setup(connectors: ('GitHub' | 'Stripe')[] = ['GitHub'], options: { maxRetries?: number } = {}) {
  const mock = createMockFetch();
  let executes = 0;
  const client = createAgentEngineClient({
    baseUrl: 'https://api.airbyte.ai',
    clientId: DEFAULT_MOCK_CLIENT_ID,
    clientSecret: DEFAULT_MOCK_CLIENT_SECRET,
    maxRetries: options.maxRetries ?? 0,
    fetch: (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/execute')) executes += 1;
      return mock.fetch(input, init);
    },
  });
  const workspace = client.forWorkspace(WORKSPACE);
  for (const type of connectors)
    await workspace.connectors.create({
      workspace_name: WORKSPACE,
      connector_type: type,
      name: `${type} of the agent`,
      credentials: type === 'GitHub' ? { token: SECRET_TOKEN } : { api_key: 'sk_test_agent_tools_0123456789' },
      replication_config:
        type === 'GitHub'
          ? { repositories: ['airbytehq/airbyte'], start_date: '2024-01-01T00:00:00Z' }
          : { account_id: 'acct_agent_tools', start_date: '2024-01-01T00:00:00Z' },
    } as never);
  return { workspace, mock, executes: () => executes } satisfies Setup;
}

const byName = (tools: AgentTool[], name: string) => {
  const tool = tools.find((t) => t.name === name);
  if (!tool) throw new Error(`no tool ${name}`);
  return tool;
};

describe('a tool per action, from the connector definitions', () => {
  type FactParam = { name: string; in: string; required?: boolean };
  type FactConnector = {
    name: string;
    entities: Record<string, { actions: Record<string, { params?: FactParam[] }> }>;
  };
  const connectors = (facts as unknown as { connectors: FactConnector[] }).connectors;

  it('covers every action of every connector, with its params and the required ones the connector does not fill', async () => {
    expect(CONNECTOR_TOOLS.map((c) => c.name).sort()).toEqual(connectors.map((c) => c.name).sort());
    let count = 0;
    const names = new Set<string>();
    for (const fact of connectors) {
      const entry = catalogEntry(fact.name)!;
      const tc = await toolConnector({ connectorName: entry.name as never, execute: async () => ({}) as never });
      const tools = actionTools([tc]);
      for (const [entity, { actions }] of Object.entries(fact.entities)) {
        for (const [action, { params = [] }] of Object.entries(actions)) {
          const tool = byName(tools, `${fact.name}_${entity}_${action}`.replace(/[^A-Za-z0-9_-]/g, '_'));
          const own = params.filter((p) => p.in !== 'header');
          expect(Object.keys(tool.inputSchema.properties).sort(), tool.name).toEqual(
            [...own.map((p) => p.name), 'select_fields', 'exclude_fields', 'intent'].sort(),
          );
          const scoped = tc.catalog.entities[entity]!.actions[action]!.scoped ?? [];
          expect((tool.inputSchema.required ?? []).sort(), tool.name).toEqual(
            own
              .filter((p) => p.required && !scoped.includes(p.name))
              .map((p) => p.name)
              .sort(),
          );
          expect(tool.name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
          expect(names.has(tool.name)).toBe(false);
          names.add(tool.name);
          count += 1;
        }
      }
      expect(tools).toHaveLength(Object.values(fact.entities).reduce((n, e) => n + Object.keys(e.actions).length, 0));
    }
    expect(count).toBe(1053);
  });

  it("takes the execute options as the spec's ExecuteRequest defines them", async () => {
    const spec = specSchema('agent-engine', 'ExecuteRequest').properties;
    const [tool] = await connectorTools({ connectorName: 'github', execute: async () => ({}) as never });
    for (const option of ['select_fields', 'exclude_fields', 'intent'] as const) {
      const ours = tool!.inputSchema.properties[option];
      const theirs = spec[option];
      // The spec allows null for "not set"; a tool leaves the argument out instead.
      expect([theirs.type].flat().filter((t: string) => t !== 'null')).toEqual([ours.type]);
      expect(ours.items).toEqual(theirs.items);
      expect(ours.maxLength).toEqual(theirs.maxLength);
    }
  });

  it('describes each action for a model: what it does, how it pages, which fields a record has', async () => {
    const tools = await connectorTools({ connectorName: 'github', execute: async () => ({}) as never });
    const list = byName(tools, 'github_issues_list');
    expect(list.description).toMatch(/^List issues of GitHub\. One page per call: next_page/);
    expect(list.description).toContain('number, title');
    expect(list.inputSchema.properties.after.description).toContain('next_page');
    expect(list.inputSchema.properties.owner.description).toContain("connector's configured value");
    expect(byName(tools, 'github_issues_get').description).toBe(
      `Get one of the issues of GitHub, by number. Records have ${githubCatalog.entities.issues!.fields.join(', ')}; select_fields keeps answers small.`,
    );
    expect(byName(tools, 'github_issues_update').annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
    });
  });
});

describe('calling the tools against the mock', () => {
  let env: Setup;
  let tools: AgentTool[];
  beforeEach(async () => {
    env = await setup();
    tools = await workspaceTools(env.workspace);
  });

  it('gives a tool per action of the one GitHub connector (static: at most 64)', () => {
    expect(tools.length).toBe(
      Object.values(githubCatalog.entities).reduce((n, e) => n + Object.keys(e.actions).length, 0),
    );
    expect(tools.length).toBeLessThanOrEqual(MAX_STATIC_TOOLS);
  });

  it('lists with the params of the next page, and the next page continues after it', async () => {
    const list = byName(tools, 'github_issues_list');
    const first = JSON.parse((await list.execute({ per_page: 2, select_fields: ['number'] })).text);
    expect(first.data).toHaveLength(2);
    expect(Object.keys(first.next_page)).toEqual(['after']);
    const second = JSON.parse(
      (await list.execute({ per_page: 2, ...first.next_page, select_fields: ['number'] })).text,
    );
    expect(second.data.map((r: { number: number }) => r.number)).not.toContain(first.data[0].number);
  });

  it('refuses what the schema refuses without sending anything', async () => {
    const before = env.executes();
    const list = byName(tools, 'github_issues_list');
    for (const input of [{ per_page: 0 }, { per_page: 1.5 }, { states: 'OPEN' }, { after: 3 }, [], 'list']) {
      const result = await list.execute(input);
      expect(result.isError, JSON.stringify(input)).toBe(true);
      expect(result.text).toMatch(/^Invalid arguments: .+ Nothing was sent; fix these and call again\.$/);
    }
    expect(env.executes()).toBe(before);
  });

  it('creates, then reads back what it created', async () => {
    const created = JSON.parse(
      (await byName(tools, 'github_issues_create').execute({ title: 'Made by a tool', labels: ['agent'] })).text,
    );
    const read = JSON.parse(
      (await byName(tools, 'github_issues_get').execute({ number: created.data.number, select_fields: ['title'] }))
        .text,
    );
    expect(read.data).toEqual({ title: 'Made by a tool' });
  });

  it('cancels with the signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await byName(tools, 'github_issues_list').execute({}, { signal: controller.signal });
    expect(result).toEqual({ isError: true, text: 'The call was cancelled.' });
  });

  it('reports the API refusing a write with the fields to change', async () => {
    env.mock.service.override({
      'agent-engine': {
        create_integrations_connectors_id_execute: () => ({
          status: 422,
          body: { message: 'Validation failed', errors: [{ field: 'params.title', message: 'must not be blank' }] },
        }),
      },
    } as never);
    const result = await byName(tools, 'github_issues_create').execute({ title: ' ' });
    expect(result.isError).toBe(true);
    expect(result.text).toBe(
      'The Agent Engine refused the request (422): params.title: must not be blank. Change the arguments accordingly and call again.',
    );
  });
});

describe('the dynamic tools', () => {
  it('are what workspaceTools gives beyond 64 action tools, and find a connector made after they listed', async () => {
    const env = await setup(['GitHub', 'Stripe']);
    const tools = await workspaceTools(env.workspace);
    expect(tools.map((t) => t.name)).toEqual(['list_connectors', 'describe_action', 'execute_action']);
    const [list, , execute] = tools as [AgentTool, AgentTool, AgentTool];
    const before = JSON.parse((await list.execute({})).text);
    expect(before.connectors.map((c: { connector: string }) => c.connector).sort()).toEqual(['github', 'stripe']);

    // A second GitHub connector: the two are told apart by their ids, and the new one is found by name.
    const second = (await env.workspace.connectors.create({
      workspace_name: WORKSPACE,
      connector_type: 'GitHub',
      name: 'Second GitHub',
      credentials: { token: 'ghp_second_0123456789' },
      replication_config: { repositories: ['airbytehq/airbyte'], start_date: '2024-01-01T00:00:00Z' },
    } as never)) as { id: string };
    const result = await execute.execute({
      connector: 'Second GitHub',
      entity: 'issues',
      action: 'list',
      params: { per_page: 1 },
    });
    expect(result.isError, result.text).toBe(false);
    const { connectors } = await listToolConnectors(env.workspace);
    const keys = connectors.map((c) => c.key);
    expect(new Set(keys).size).toBe(3);
    expect(keys).toEqual(expect.arrayContaining([`github-${second.id.slice(0, 8)}`, 'stripe']));
    expect(keys.filter((key) => /^github-[0-9a-f]{8}$/.test(key))).toHaveLength(2);
  });

  it('name what exists when a call names what does not', async () => {
    const env = await setup();
    const [, describeAction, execute] = dynamicTools(env.workspace) as [AgentTool, AgentTool, AgentTool];
    expect((await execute.execute({ connector: 'jira', entity: 'issues', action: 'list' })).text).toContain(
      'there is no connector `jira`; the connectors are "github"',
    );
    expect((await describeAction.execute({ connector: 'github', entity: 'issues', action: 'delete' })).text).toContain(
      'github issues has no action `delete`; its actions are list, get, api_search, create, update',
    );
    expect((await execute.execute({ entity: 'issues' })).text).toContain('`connector` is required');
    expect(env.executes()).toBe(0);
  });

  it('offer only the actions allowed', async () => {
    const env = await setup();
    const readOnly = (_entity: string, action: string) => ['list', 'get'].includes(action);
    const [list, , execute] = dynamicTools(env.workspace, { actions: readOnly }) as [AgentTool, AgentTool, AgentTool];
    const listed = JSON.parse((await list.execute({ connector: 'github' })).text);
    expect(listed.connectors[0].entities.issues).toEqual(['list', 'get']);
    const refused = await execute.execute({
      connector: 'github',
      entity: 'issues',
      action: 'create',
      params: { title: 'x' },
    });
    expect(refused.isError).toBe(true);
    expect(env.executes()).toBe(0);
  });
});

describe('answers within the size limit', () => {
  const records = fc.array(
    fc.record({ id: fc.integer(), title: fc.string({ maxLength: 300 }), body: fc.string({ maxLength: 3000 }) }),
    { maxLength: 60 },
  );

  it('are valid JSON of at most maxBytes, whole records from the start of the page, or the page whole', () => {
    fc.assert(
      fc.property(records, fc.integer({ min: 2_000, max: 40_000 }), (data, maxBytes) => {
        const text = answerText(
          { data, meta: { has_next_page: true, end_cursor: 'abc' }, warning: null },
          {
            paging: { style: 'cursor', cursor: 'after', next: 'end_cursor', size: 'per_page' },
            params: {},
            fields: ['id'],
            maxBytes,
          },
        );
        expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(maxBytes);
        const answer = JSON.parse(text);
        if (!answer.truncated) {
          expect(answer.data).toEqual(data);
          expect(answer.next_page).toEqual({ after: 'abc' });
        } else if (answer.truncated.shown !== undefined) {
          expect(answer.data).toEqual(data.slice(0, answer.truncated.shown));
          expect(answer.next_page).toBeNull();
        } else {
          expect(answer.note).toContain('select_fields');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('cut one record too large by its long strings, and say so', () => {
    const record = { id: 1, body: 'x'.repeat(50_000), title: 'short' };
    const answer = JSON.parse(
      answerText(
        { data: record, meta: null, warning: null },
        { paging: undefined, params: {}, fields: ['id', 'body'], maxBytes: 5_000 },
      ),
    );
    expect(answer.data.title).toBe('short');
    expect(answer.data.body.length).toBeLessThanOrEqual(2_001);
    expect(answer.truncated.strings_cut_to).toBeGreaterThan(0);
    expect(answer.note).toContain("A record's fields: id, body.");
  });
});

describe('failures as tool errors', () => {
  it('say what to change, when to retry, or that other arguments will not help', () => {
    expect(
      toolErrorText(
        new ValidationError('Validation failed', {
          status: 422,
          fieldErrors: [{ field: 'params.number', message: 'must be an integer' }],
        } as never),
      ),
    ).toBe(
      'The Agent Engine refused the request (422): params.number: must be an integer. Change the arguments accordingly and call again.',
    );
    expect(toolErrorText(new RateLimitError('Too many requests', { status: 429, retryAfter: 2.5 }))).toBe(
      'Rate limited by the Agent Engine (429): retry in 3 seconds, with the same arguments.',
    );
    expect(toolErrorText(new RateLimitError('Too many requests', { status: 429 }))).toContain('retry in a few seconds');
    expect(toolErrorText(new AuthenticationError('Invalid token.', { status: 401 }))).toBe(
      "Not allowed (401): Invalid token. Other arguments will not help: the tool's credentials or the workspace's permissions need to change.",
    );
    expect(toolErrorText(new ServerError('Bad gateway', { status: 502 }))).toContain('Try again in a little while');
    expect(toolErrorText(new AbortError('aborted'))).toBe('The call was cancelled.');
  });

  it('never show a bug: its message goes to the host, the model gets one line', () => {
    const seen = vi.fn();
    const text = toolErrorText(new TypeError(`Cannot read properties of undefined (token ${SECRET_TOKEN})`), seen);
    expect(text).toBe('The tool failed with an internal error (it has been logged). Try again, or tell the user.');
    expect(seen).toHaveBeenCalledOnce();
  });

  it('report a 429 after the client gave up retrying, and a tool that throws is caught', async () => {
    const env = await setup(['GitHub'], { maxRetries: 0 });
    const tools = await workspaceTools(env.workspace);
    env.mock.service.failNext(1, { status: 429, retryAfterSeconds: 4 });
    const limited = await byName(tools, 'github_issues_list').execute({});
    expect(limited).toEqual({
      isError: true,
      text: 'Rate limited by the Agent Engine (429): retry in 4 seconds, with the same arguments.',
    });

    const unexpected = vi.fn();
    const [broken] = actionTools(
      [
        {
          ...(await toolConnector({ connectorName: 'github', execute: async () => ({}) as never })),
          connector: {
            connectorName: 'github',
            execute: async () => {
              throw new Error('boom');
            },
          },
        },
      ],
      { onUnexpectedError: unexpected },
    );
    expect((await broken!.execute({})).text).toContain('internal error');
    expect(unexpected).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }));
  });
});

describe('inputProblems', () => {
  it('names the path of what is wrong in nested params and lists allowed values', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      properties: {
        filter: { type: 'object', properties: { state: { enum: ['open', 'closed'] } }, required: ['state'] },
      },
    };
    expect(inputProblems(schema, { filter: {} }, 'params')).toEqual(['`params.filter.state` is required']);
    expect(inputProblems(schema, { filter: { state: 'x' } })).toEqual([
      '`filter.state` must be one of "open", "closed"',
    ]);
    expect(inputProblems(schema, { filter: { state: 'open' } })).toEqual([]);
  });
});
