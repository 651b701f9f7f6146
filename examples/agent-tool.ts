// An AI agent's tools over a workspace's connectors, framework-neutral (agent-engine-kit/agent): each tool has a name,
// a description, a JSON Schema input taken from the connector's definition and an `execute` that never throws. Here
// they are handed to a model in the shape tool-calling APIs take (`{name, description, input_schema}`: Anthropic; put
// the same schema under `function.parameters` for OpenAI), and a scripted turn plays the model: a page of issues and
// the next one, a malformed call and what the tool said to fix, one issue read back, the three dynamic tools that
// cover any number of connectors, and a search of the context store's copy of the issues. No model is called.
//
//   npm start                            (the mock, in one terminal)
//   npm run example:agent
import { dynamicTools, workspaceTools, type AgentTool, type ToolOutput } from '../src/agent/index.js';
import { createAgentEngineClient } from '../src/index.js';
import { reachableBaseUrl } from './base-url.js';

const WORKSPACE = 'agent-example';

/** The tools as a tool-calling API takes them. */
export const toolDefinitions = (tools: AgentTool[]) =>
  tools.map((tool) => ({ name: tool.name, description: tool.description, input_schema: tool.inputSchema }));

/** A scripted turn standing in for the model: tool calls, one of them wrong, and what each tool answered. */
export async function agentTurn(baseUrl: string, log: (line: string) => void = console.log) {
  const client = createAgentEngineClient({
    baseUrl,
    clientId: process.env.AIRBYTE_CLIENT_ID ?? 'demo-client-id',
    clientSecret: process.env.AIRBYTE_CLIENT_SECRET ?? 'demo-client-secret',
  });
  const customer = client.forWorkspace(WORKSPACE);
  // The workspace's GitHub connector, made here when it has none.
  await customer
    .connector('github')
    .connectorId()
    .catch(() =>
      customer.connectors.create({
        workspace_name: WORKSPACE,
        connector_type: 'GitHub',
        name: 'GitHub for the agent',
        credentials: { token: process.env.GITHUB_PAT ?? 'ghp_example_token' },
        replication_config: { repositories: ['airbytehq/airbyte'] },
      }),
    );

  // A tool per entity and action of the workspace's connectors (the three dynamic tools once there are many).
  const tools = await workspaceTools(customer, { maxResultBytes: 20_000 });
  const definitions = toolDefinitions(tools);
  log(
    `${definitions.length} tools, e.g. ${definitions
      .slice(10, 14)
      .map((d) => d.name)
      .join(', ')}`,
  );
  const byName = new Map(tools.map((tool) => [tool.name, tool]));

  const results: { call: string; output: ToolOutput }[] = [];
  const call = async (tool: AgentTool | undefined, input: unknown) => {
    const output = await tool!.execute(input);
    results.push({ call: `${tool!.name} ${JSON.stringify(input)}`, output });
    log(`> ${tool!.name} ${JSON.stringify(input)}\n< ${output.isError ? 'error: ' : ''}${output.text}`);
    return output;
  };

  // A page of open issues, then the next one: next_page holds the params to send back.
  const list = byName.get('github_issues_list');
  const first = await call(list, { states: ['OPEN'], per_page: 3, select_fields: ['number', 'title'] });
  const { next_page, data } = JSON.parse(first.text) as { next_page: object; data: { number: number }[] };
  await call(list, { states: ['OPEN'], per_page: 3, select_fields: ['number', 'title'], ...next_page });
  // A model's mistake: refused before any request, with what to fix.
  await call(list, { state: 'open', per_page: 500 });
  await call(byName.get('github_issues_get'), { number: data[0]!.number, select_fields: ['number', 'title', 'state'] });

  // The same connectors as three tools, however many there are.
  const [listConnectors, describeAction, executeAction] = dynamicTools(customer);
  await call(listConnectors, {});
  await call(describeAction, { connector: 'github', entity: 'pull_requests', action: 'list' });
  await call(executeAction, {
    connector: 'github',
    entity: 'pull_requests',
    action: 'list',
    params: { per_page: 2 },
    select_fields: ['number', 'title'],
  });
  // The context store's copy of the issues, searched: a filter and a sort over the fields it keeps.
  await call(byName.get('github_issues_search'), {
    query: { filter: { eq: { state: 'OPEN' } }, sort: [{ number: 'desc' }] },
    limit: 5,
    fields: ['number', 'title', 'state'],
  });
  return { definitions, results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await agentTurn(await reachableBaseUrl());
}
