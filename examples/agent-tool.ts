// An AI agent's tool that wraps `execute`: the reason the Agent Engine API exists. The tool's input schema is the
// spec's own ExecuteRequest (from `agent-engine-kit/validation`, not written again here) plus the choice of
// connector; the tool checks what the model sends against it, runs it, and answers the model with either the
// records or an error it can act on (the API names the allowed entities and actions), never with a secret.
//
// The definition has the shape tool-calling APIs take: `{name, description, input_schema}` (Anthropic), or put the
// same schema under `function.parameters` (OpenAI). No model is called here: a scripted turn plays the model.
//
//   npm start                            (the mock, in one terminal)
//   npx tsx --import ./scripts/yaml-register.mjs examples/agent-tool.ts
import { Ajv } from 'ajv';
import {
  AgentEngineError,
  ValidationError,
  createAgentEngineClient,
  type AgentEngineSchemas,
  type ConnectorName,
  type TypedConnectorBase,
  type WorkspaceClient,
} from '../src/index.js';
import { specSchema } from '../src/validation/index.js';
import { reachableBaseUrl } from './base-url.js';

export interface ToolConnector {
  /** The name the model picks the connector by. */
  name: string;
  /** The connector: a typed connector (`client.connector('github', id)`, or a workspace's `connector('github')`). */
  connector: Pick<TypedConnectorBase<ConnectorName>, 'connectorId'>;
  /** What it holds, for the model: e.g. "GitHub issues and pull requests of airbytehq/airbyte". */
  description: string;
}

export interface ToolDefinition {
  name: string;
  description: string;
  input_schema: Record<string, any>;
}

export interface ToolResult {
  is_error: boolean;
  /** What goes back to the model, as text. */
  content: string;
}

export function createExecuteTool(
  client: Pick<WorkspaceClient, 'connectors'>,
  connectors: ToolConnector[],
  options: { maxChars?: number } = {},
) {
  if (connectors.length === 0) throw new Error('createExecuteTool needs at least one connector');
  const maxChars = options.maxChars ?? 8_000;
  const execute = specSchema('agent-engine', 'ExecuteRequest');
  const definition: ToolDefinition = {
    name: 'airbyte_execute',
    description: [
      "Reads or writes records of the user's connected services through Airbyte's Agent Engine.",
      'Connectors:',
      ...connectors.map((c) => `- ${c.name}: ${c.description}`),
      "list pages with the service's own paging parameters (the cursor of the previous answer's next_page); search takes params.query.filter.",
      'Ask for fewer fields with select_fields when answers are truncated.',
    ].join('\n'),
    input_schema: {
      ...execute,
      properties: {
        connector: { type: 'string', enum: connectors.map((c) => c.name), description: 'Which connected service.' },
        ...execute.properties,
      },
      required: ['connector', ...(execute.required ?? [])],
      additionalProperties: false,
    },
  };
  const validate = new Ajv({ strict: false, allErrors: true }).compile(definition.input_schema);
  const byName = new Map(connectors.map((c) => [c.name, c]));

  async function run(input: unknown): Promise<ToolResult> {
    // Models get arguments wrong; tell it what to fix instead of sending the API a request it will refuse.
    if (!validate(input)) {
      const problems = (validate.errors ?? []).map(
        (e) =>
          `${e.instancePath || '(input)'} ${e.message}${e.params && 'allowedValues' in e.params ? `: ${(e.params.allowedValues as string[]).join(', ')}` : ''}`,
      );
      return { is_error: true, content: `Invalid arguments: ${problems.join('; ')}` };
    }
    const { connector, ...request } = input as AgentEngineSchemas['ExecuteRequest'] & { connector: string };
    try {
      const answer = await client.connectors.execute(await byName.get(connector)!.connector.connectorId(), request);
      const text = JSON.stringify({
        status: answer.status,
        records: answer.result,
        next_page: answer.connector_metadata ?? null,
      });
      return {
        is_error: false,
        content:
          text.length <= maxChars
            ? text
            : `${text.slice(0, maxChars)}… (truncated at ${maxChars} characters; use select_fields or a smaller page)`,
      };
    } catch (error) {
      if (!(error instanceof AgentEngineError)) throw error;
      // The kit's error messages are the API's own words with secrets scrubbed: safe to show the model.
      // Field errors name what to change (and, for an unknown entity or action, the allowed ones); else the message.
      const fields = error instanceof ValidationError ? error.fieldErrors.filter((f) => f.message) : [];
      const detail =
        fields.length > 0
          ? fields.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join('; ')
          : error.message;
      return { is_error: true, content: `${error.name}${error.status ? ` ${error.status}` : ''}: ${detail}` };
    }
  }

  return { definition, run };
}

/** A scripted turn standing in for the model: three tool calls, one of them wrong, and what the tool answered. */
export async function agentTurn(baseUrl: string, log: (line: string) => void = console.log) {
  const client = createAgentEngineClient({
    baseUrl,
    clientId: process.env.AIRBYTE_CLIENT_ID ?? 'demo-client-id',
    clientSecret: process.env.AIRBYTE_CLIENT_SECRET ?? 'demo-client-secret',
  });
  const customer = client.forWorkspace('agent-example');
  // The workspace's GitHub connector, typed from GitHub's definition; made here when the workspace has none.
  const github = customer.connector('github');
  await github.connectorId().catch(() =>
    customer.connectors.create({
      workspace_name: 'agent-example',
      connector_type: 'GitHub',
      name: 'GitHub for the agent',
      credentials: {
        option_title: 'PAT Credentials',
        personal_access_token: process.env.GITHUB_PAT ?? 'ghp_example_token',
      },
      replication_config: { repositories: ['airbytehq/airbyte'] },
    }),
  );
  const tool = createExecuteTool(customer, [
    {
      name: 'github',
      connector: github,
      description: 'GitHub issues, pull requests, repositories and commits of airbytehq/airbyte',
    },
  ]);
  log(`tool ${tool.definition.name}: input ${JSON.stringify(Object.keys(tool.definition.input_schema.properties))}`);

  const calls = [
    {
      connector: 'github',
      entity: 'issues',
      action: 'list',
      params: { per_page: 3, states: ['OPEN'] },
      select_fields: ['number', 'title'],
    },
    {
      connector: 'github',
      entity: 'issues',
      action: 'context_store_search',
      params: { query: { filter: { eq: { state: 'OPEN' } }, sort: [{ number: 'desc' }] }, limit: 5 },
      select_fields: ['number', 'title', 'state'],
    },
    { connector: 'github', entity: 'tickets', action: 'list' },
    { connector: 'jira', entity: 'issues', action: 'list' },
  ];
  const results: ToolResult[] = [];
  for (const call of calls) {
    const result = await tool.run(call);
    results.push(result);
    log(`> ${JSON.stringify(call)}\n< ${result.is_error ? 'error: ' : ''}${result.content}`);
  }
  return { definition: tool.definition, results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await agentTurn(await reachableBaseUrl());
}
