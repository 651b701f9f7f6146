// The agent tools (agent-engine-kit/agent) against the in-process mock and the connector facts: a tool per action of
// every connector with its params from the definition, arguments checked before any request, answers within the size
// limit as whole records with the next page's params, API failures as text a model can act on, and the dynamic tools
// finding connectors made after they first listed.
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONNECTOR_TOOLS } from '../../src/agent/catalog.js';
import { connectorDefinition } from '../../mocks/connectors/definitions.js';
import { createMockFetch, DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET } from '../../mocks/node.js';
import {
  actionTools,
  answerText,
  catalogConnectors,
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
import { createBody } from '../support/connector-samples.js';

/** GitHub's tool catalog, made from its definition as the tools make it. */
const githubCatalog = await catalogEntry('github')!.load();
const WORKSPACE = 'agent-tools';
const SECRET_TOKEN = 'ghp_agent_tools_secret_0123456789';

interface Setup {
  workspace: WorkspaceClient;
  mock: ReturnType<typeof createMockFetch>;
  /** Execute requests the mock received. */
  executes: () => number;
}

/**
 * A workspace of a fresh in-process mock with a connector per item: a definition's name (a sample connector of it), or
 * a create body. The client counts the execute requests it sends.
 */
async function workspaceWith(
  connectors: (string | Record<string, unknown>)[],
  workspaceName = WORKSPACE,
  options: { maxRetries?: number } = {},
) {
  const mock = createMockFetch();
  let executes = 0;
  const client = createAgentEngineClient({
    baseUrl: 'https://api.airbyte.ai',
    clientId: DEFAULT_MOCK_CLIENT_ID,
    clientSecret: DEFAULT_MOCK_CLIENT_SECRET,
    maxRetries: options.maxRetries ?? 0,
    fetch: (input, init) => {
      if ((input instanceof Request ? input.url : String(input)).endsWith('/execute')) executes += 1;
      return mock.fetch(input, init);
    },
  });
  const workspace = client.forWorkspace(workspaceName);
  for (const connector of connectors)
    await workspace.connectors.create(
      (typeof connector === 'string' ? createBody(connectorDefinition(connector)!, workspaceName) : connector) as never,
    );
  return { client, workspace, mock, executes: () => executes } satisfies Setup & Record<string, unknown>;
}

/** The workspace the tests below share the shape of: a GitHub connector holding a known token (and Stripe's). */
const setup = (types: ('GitHub' | 'Stripe')[] = ['GitHub'], options: { maxRetries?: number } = {}) =>
  workspaceWith(
    types.map((type) => ({
      workspace_name: WORKSPACE,
      connector_type: type,
      name: `${type} of the agent`,
      credentials: type === 'GitHub' ? { token: SECRET_TOKEN } : { api_key: 'sk_test_agent_tools_0123456789' },
      replication_config:
        type === 'GitHub'
          ? { repositories: ['airbytehq/airbyte'], start_date: '2024-01-01T00:00:00Z' }
          : { account_id: 'acct_agent_tools', start_date: '2024-01-01T00:00:00Z' },
    })),
    WORKSPACE,
    options,
  );

const byName = (tools: AgentTool[], name: string) => {
  const tool = tools.find((t) => t.name === name);
  if (!tool) throw new Error(`no tool ${name}`);
  return tool;
};

describe('a tool per action, from the connector definitions', () => {
  type FactParam = { name: string; in: string; required?: boolean; default?: unknown };
  type FactConnector = {
    name: string;
    entities: Record<
      string,
      { actions: Record<string, { params?: FactParam[] }>; contextStoreFields?: { name: string }[] }
    >;
  };
  const connectors = (facts as unknown as { connectors: FactConnector[] }).connectors;

  it('covers every action of every connector, with its params and the required ones the connector does not fill', async () => {
    expect(CONNECTOR_TOOLS.map((c) => c.name).sort()).toEqual(connectors.map((c) => c.name).sort());
    let count = 0;
    let searches = 0;
    const names = new Set<string>();
    for (const fact of connectors) {
      const entry = catalogEntry(fact.name)!;
      const tc = await toolConnector({ connectorName: entry.name as never, execute: async () => ({}) as never });
      const tools = actionTools([tc]);
      for (const [entity, { actions }] of Object.entries(fact.entities)) {
        for (const [action, { params = [] }] of Object.entries(actions)) {
          const tool = byName(tools, `${fact.name}_${entity}_${action}`.replace(/[^A-Za-z0-9_-]/g, '_'));
          const own = params.filter((p) => p.in !== 'header');
          // Property keys as Anthropic's API takes them (one bad key refuses the whole request): `page[size]` is
          // `page_size` in the tool's input.
          const safe = (name: string) => name.replace(/\[\]$/, '').replace(/\[([^\]]*)\]/g, '_$1');
          for (const key of Object.keys(tool.inputSchema.properties))
            expect(key, tool.name).toMatch(/^[A-Za-z0-9_.-]{1,64}$/);
          const options = action === 'download' ? ['intent'] : ['select_fields', 'exclude_fields', 'intent'];
          expect(Object.keys(tool.inputSchema.properties).sort(), tool.name).toEqual(
            [...own.map((p) => safe(p.name)), ...options].sort(),
          );
          // Required: what the definition requires and the connector does not fill (from its configuration, or a default).
          const scoped = tc.catalog.entities[entity]!.actions[action]!.scoped ?? [];
          expect((tool.inputSchema.required ?? []).sort(), tool.name).toEqual(
            own
              .filter((p) => p.required && !scoped.includes(p.name) && p.default === undefined)
              .map((p) => safe(p.name))
              .sort(),
          );
          for (const schema of Object.values(tool.inputSchema.properties))
            expect(String((schema as { default?: unknown }).default ?? ''), tool.name).not.toContain('{{');
          expect(tool.name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
          expect(names.has(tool.name)).toBe(false);
          names.add(tool.name);
          count += 1;
        }
      }
      // And a context-store search of each entity the store keeps, over the fields it keeps.
      for (const [entity, { contextStoreFields }] of Object.entries(fact.entities)) {
        const search = tools.find((t) => t.name === `${fact.name}_${entity}_search`.replace(/[^A-Za-z0-9_-]/g, '_'));
        if (!contextStoreFields?.length) {
          expect(search, `${fact.name} ${entity}`).toBeUndefined();
          continue;
        }
        expect(search!.inputSchema.properties.fields.items.enum).toEqual(contextStoreFields.map((f) => f.name));
        expect(search!.annotations.readOnlyHint).toBe(true);
        searches += 1;
      }
      expect(tools).toHaveLength(
        Object.values(fact.entities).reduce(
          (n, e) => n + Object.keys(e.actions).length + (e.contextStoreFields?.length ? 1 : 0),
          0,
        ),
      );
    }
    expect(count).toBe(1053);
    expect(searches).toBeGreaterThan(300);
    // Each of the 51 definitions loaded (from its YAML here) and made into a catalog: about 2 s alone, more beside
    // other suites.
  }, 20_000);

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

  it('gives a tool per action of the one GitHub connector (static: at most 80)', () => {
    expect(tools.length).toBe(
      Object.values(githubCatalog.entities).reduce((n, e) => n + Object.keys(e.actions).length + (e.search ? 1 : 0), 0),
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

  it("searches the context store's copy with filter, sort and limit, and pages with its cursor", async () => {
    const search = byName(tools, 'github_issues_search');
    expect(search.description).toMatch(
      /^Search the context store's copy .* of the issues of GitHub \(GitHub of the agent\)\./,
    );
    const query = { filter: { eq: { state: 'OPEN' } }, sort: [{ number: 'desc' }] };
    const first = JSON.parse((await search.execute({ query, limit: 3, fields: ['number', 'state'] })).text);
    expect(first.data).toHaveLength(3);
    for (const record of first.data) expect(record.state).toBe('OPEN');
    const numbers = first.data.map((r: { number: number }) => r.number);
    expect(numbers).toEqual([...numbers].sort((a: number, b: number) => b - a));
    expect(Object.keys(first.next_page)).toEqual(['cursor']);
    const second = JSON.parse(
      (await search.execute({ query, limit: 3, fields: ['number', 'state'], ...first.next_page })).text,
    );
    expect(second.data[0].number).toBeLessThan(numbers[2]);
    // The bounds the spec gives `limit` are the mock's: 100 answers, 101 is refused there too.
    const { id } = await env.workspace.connectors.find({
      workspace_name: WORKSPACE,
      definition_id: githubCatalog.definitionId,
    });
    const stored = (params: Record<string, unknown>) =>
      env.workspace.connectors.execute(id, { entity: 'issues', action: 'context_store_search', params });
    await expect(stored({ limit: 100 })).resolves.toMatchObject({ status: 'success' });
    await expect(stored({ limit: 101 })).rejects.toBeInstanceOf(ValidationError);
    await expect(stored({ colour: 'red' })).rejects.toBeInstanceOf(ValidationError);
    const before = env.executes();
    const refused = await search.execute({ query: { sort: [{ number: 'up' }] }, limit: 500, fields: ['colour'] });
    expect(refused.text).toContain('`query.sort[0].number` must be one of "asc", "desc"');
    expect(refused.text).toContain('`limit` must be <= 100');
    expect(refused.text).toContain('`fields[0]` must be one of "id"');
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
      'The Agent Engine refused the request (422): title: must not be blank. Change the arguments accordingly and call again.',
    );
  });
});

describe('the dynamic tools', () => {
  it('are what workspaceTools gives beyond 80 action tools, and find a connector made after they listed', async () => {
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

const parse = (output: { text: string }) => JSON.parse(output.text);

describe('params whose names a model API would refuse, or that the connector fills', () => {
  it("renames Klaviyo's page[size] and page[cursor] in the tool's input, and pages with the new names", async () => {
    const { workspace } = await workspaceWith(['klaviyo']);
    const tools = await workspaceTools(workspace);
    const list = byName(tools, 'klaviyo_profiles_list');
    expect(Object.keys(list.inputSchema.properties)).toEqual(expect.arrayContaining(['page_size', 'page_cursor']));
    const first = parse(await list.execute({ page_size: 2, select_fields: ['id'] }));
    expect(first.data).toHaveLength(2);
    expect(Object.keys(first.next_page)).toEqual(['page_cursor']);
    const second = parse(await list.execute({ page_size: 2, select_fields: ['id'], ...first.next_page }));
    expect(second.data.map((r: { id: string }) => r.id)).not.toContain(first.data[0].id);
    // The dynamic tools keep the API's names inside params.
    const [, , execute] = dynamicTools(workspace) as [AgentTool, AgentTool, AgentTool];
    const dynamic = parse(
      await execute.execute({
        connector: 'klaviyo',
        entity: 'profiles',
        action: 'list',
        params: { 'page[size]': 2 },
        select_fields: ['id'],
      }),
    );
    expect(Object.keys(dynamic.next_page)).toEqual(['page[cursor]']);
  });

  it('leaves what the connector fills to it: a default (Google Drive alt) or a date it computes (Amplitude)', async () => {
    const { workspace, executes } = await workspaceWith(['google-drive', 'amplitude']);
    const tools = await workspaceTools(workspace, { mode: 'static' });
    const [file] = parse(await byName(tools, 'google-drive_files_list').execute({ select_fields: ['id'] })).data;
    const download = await byName(tools, 'google-drive_files_download').execute({ fileId: file.id });
    expect(download.isError, download.text).toBe(false);
    expect(parse(download)).toMatchObject({ bytes: expect.any(Number), encoding: expect.any(String) });
    const users = await byName(tools, 'amplitude_active_users_list').execute({});
    expect(users.isError, users.text).toBe(false);
    expect(byName(tools, 'amplitude_active_users_list').inputSchema.properties.start).toEqual({
      type: 'string',
      description: 'Computed by the connector when left out (e.g. from the current date).',
    });
    expect(executes()).toBe(3);
  });

  it('takes null for "not set" where a param does not take null', async () => {
    const { workspace } = await workspaceWith(['github']);
    const list = byName(await workspaceTools(workspace), 'github_issues_list');
    const answer = await list.execute({ per_page: 2, states: null, after: null, select_fields: ['number'] });
    expect(answer.isError, answer.text).toBe(false);
    expect(parse(answer).data).toHaveLength(2);
  });
});

describe('paging that survives a small answer', () => {
  it("keeps the key a last-id page goes on from (Stripe's id) when select_fields leaves it out", async () => {
    const { workspace } = await workspaceWith(['stripe']);
    const list = byName(await workspaceTools(workspace), 'stripe_customers_list');
    const first = parse(await list.execute({ limit: 3, select_fields: ['email'] }));
    expect(first.next_page).toEqual({ starting_after: first.data[2].id });
    const second = parse(await list.execute({ limit: 3, select_fields: ['email'], ...first.next_page }));
    expect(second.data[0].id).not.toBe(first.data[2].id);
    const excluded = parse(await list.execute({ limit: 3, exclude_fields: ['id'] }));
    expect(excluded.next_page).toEqual({ starting_after: expect.any(String) });
  });

  it('resumes a last-id page cut by the size limit right after the last record shown', async () => {
    const { workspace } = await workspaceWith(['stripe']);
    const list = byName(await workspaceTools(workspace, { maxResultBytes: 4_000 }), 'stripe_customers_list');
    const cut = parse(await list.execute({ limit: 30 }));
    expect(cut.truncated.shown).toBeLessThan(30);
    expect(cut.next_page).toEqual({ starting_after: cut.data.at(-1).id });
    expect(cut.note).toContain(`starting_after: ${JSON.stringify(cut.data.at(-1).id)}`);
  });
});

describe('the dynamic tools, at scale and under concurrency', () => {
  it('refuse a name two connectors answer to, and act on the one named by key', async () => {
    const first = await workspaceWith(['github'], 'team-a');
    await first.client
      .forWorkspace('team-b')
      .connectors.create(createBody(connectorDefinition('github')!, 'team-b') as never);
    const [list, , execute] = dynamicTools(first.client) as [AgentTool, AgentTool, AgentTool];
    const { connectors } = parse(await list.execute({}));
    expect(connectors).toHaveLength(2);
    const refused = await execute.execute({ connector: 'GitHub (sample)', entity: 'issues', action: 'list' });
    expect(refused.isError).toBe(true);
    expect(refused.text).toContain('2 connectors are named "GitHub (sample)"');
    expect(refused.text).toContain(connectors[0].connector);
    const ok = await execute.execute({
      connector: connectors[1].connector,
      entity: 'issues',
      action: 'list',
      params: { per_page: 1 },
    });
    expect(ok.isError, ok.text).toBe(false);
  });

  it('list every connector in pages of 50, with only the entities when the actions would not fit', async () => {
    const { workspace } = await workspaceWith(catalogConnectors().map((c) => c.name));
    const [list] = dynamicTools(workspace, { maxResultBytes: 20_000 }) as [AgentTool];
    const first = parse(await list.execute({}));
    expect(first.connectors).toHaveLength(50);
    expect(first.next_page).toEqual({ offset: 50 });
    expect(first.total).toBe(51);
    expect(Array.isArray(first.connectors[0].entities)).toBe(true); // the compact form
    const second = parse(await list.execute({ offset: 50 }));
    expect(second.connectors).toHaveLength(1);
    expect(second.next_page).toBeUndefined();
  });

  it("compile an action's params once, however many calls run it", async () => {
    const { workspace } = await workspaceWith(['github']);
    const [, , execute] = dynamicTools(workspace) as [AgentTool, AgentTool, AgentTool];
    const call = () =>
      execute.execute({ connector: 'github', entity: 'issues', action: 'list', params: { per_page: 1 } });
    await call();
    const compile = vi.spyOn(Ajv2020.prototype, 'compile');
    try {
      for (let i = 0; i < 5; i++) expect((await call()).isError).toBe(false);
      expect(compile).not.toHaveBeenCalled();
    } finally {
      compile.mockRestore();
    }
  });

  it("does not let one caller's cancellation cancel another's call", async () => {
    const { workspace } = await workspaceWith(['github']);
    const [, , execute] = dynamicTools(workspace) as [AgentTool, AgentTool, AgentTool];
    const controller = new AbortController();
    const args = { connector: 'github', entity: 'issues', action: 'list', params: { per_page: 1 } };
    const cancelled = execute.execute(args, { signal: controller.signal });
    const other = execute.execute(args);
    controller.abort();
    expect(await cancelled).toEqual({ isError: true, text: 'The call was cancelled.' });
    expect((await other).isError).toBe(false);
  });
});

describe('answers of any content within the limit', () => {
  it('downloads: UTF-8 text of any characters and binary content, cut to fit', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 20_000 }).map((text) => new TextEncoder().encode(text)),
          fc.uint8Array({ maxLength: 20_000 }),
        ),
        fc.integer({ min: 2_000, max: 12_000 }),
        (content, maxBytes) => {
          const text = answerText(content, { paging: undefined, params: {}, fields: [], maxBytes });
          expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(maxBytes);
          const answer = JSON.parse(text);
          expect(answer.bytes).toBe(content.length);
          const shown =
            answer.encoding === 'base64'
              ? Uint8Array.from(atob(answer.content), (c) => c.charCodeAt(0))
              : new TextEncoder().encode(answer.content);
          expect(shown).toEqual(content.subarray(0, shown.length));
          if (!answer.note) expect(shown.length).toBe(content.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('records with strings of any characters', () => {
    const records = fc.array(fc.record({ id: fc.integer(), text: fc.string({ unit: 'binary', maxLength: 2_000 }) }), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(records, fc.integer({ min: 2_000, max: 20_000 }), (data, maxBytes) => {
        const text = answerText(
          { data, meta: { has_more: true }, warning: null },
          {
            paging: { style: 'last_id', cursor: 'starting_after', more: 'has_more', key: 'id' },
            params: {},
            fields: ['id', 'text'],
            maxBytes,
          },
        );
        expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(maxBytes);
        const answer = JSON.parse(text);
        if (answer.truncated?.shown !== undefined && answer.truncated.strings_cut_to === undefined) {
          expect(answer.data).toEqual(data.slice(0, answer.truncated.shown));
          expect(answer.next_page).toEqual({ starting_after: data[answer.truncated.shown - 1]!.id });
        }
      }),
      { numRuns: 100 },
    );
  });
});
