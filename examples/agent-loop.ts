// An agent loop of the Vercel AI SDK over a workspace's connectors: `workspaceAiSdkTools` (agent-engine-kit/ai-sdk)
// gives `generateText` one tool per GitHub entity and action, and the SDK runs the tool calls the model makes until it
// answers in text. No model is called here: a scripted one reads each tool result the SDK hands it and decides the
// next step, as a real model would. It sends a malformed call first, reads what to fix, lists the open issues, files
// a triage issue listing them, and answers. With a real model, pass e.g. `openai('gpt-4.1')` as `model` instead.
//
//   npm start                          (the mock, in one terminal)
//   npm run example:agent-loop
import { generateText, stepCountIs } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { workspaceAiSdkTools } from '../src/agent/ai-sdk.js';
import { createAgentEngineClient } from '../src/index.js';
import { reachableBaseUrl } from './base-url.js';

type Prompt = Parameters<MockLanguageModelV3['doGenerate']>[0]['prompt'];
type Content = Awaited<ReturnType<MockLanguageModelV3['doGenerate']>>['content'][number];

/** What the model last read from a tool: the SDK's `text` or `error-text` output. */
interface SeenResult {
  toolName: string;
  error: boolean;
  text: string;
}

function lastToolResult(prompt: Prompt): SeenResult | undefined {
  const message = prompt.at(-1);
  const part = message?.role === 'tool' ? message.content.at(-1) : undefined;
  if (part?.type !== 'tool-result') return undefined;
  const { output } = part;
  if (output.type !== 'text' && output.type !== 'error-text') return undefined;
  return { toolName: part.toolName, error: output.type === 'error-text', text: output.value };
}

/** A stand-in for a model: each step gets the last tool result it was given and answers with tool calls or text. */
function scriptedModel(steps: ((seen: SeenResult | undefined) => Content[])[]) {
  let step = 0;
  return new MockLanguageModelV3({
    doGenerate: async ({ prompt }) => {
      const next = steps[step++];
      if (!next) throw new Error('the scripted model has no more steps');
      const content = next(lastToolResult(prompt));
      return {
        content,
        finishReason: { unified: content[0]?.type === 'tool-call' ? 'tool-calls' : 'stop', raw: undefined },
        usage: {
          inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: undefined, text: undefined, reasoning: undefined },
        },
        warnings: [],
      };
    },
  });
}

let calls = 0;
const toolCall = (toolName: string, input: unknown): Content => ({
  type: 'tool-call',
  toolCallId: `call-${++calls}`,
  toolName,
  input: JSON.stringify(input),
});

export async function agentLoop(baseUrl: string, options: { workspace?: string; log?: (line: string) => void } = {}) {
  const { workspace = 'agent-loop-example', log = console.log } = options;
  const client = createAgentEngineClient({
    baseUrl,
    clientId: process.env.AIRBYTE_CLIENT_ID ?? 'demo-client-id',
    clientSecret: process.env.AIRBYTE_CLIENT_SECRET ?? 'demo-client-secret',
  });
  const customer = client.forWorkspace(workspace);
  // The workspace's GitHub connector, made on the first run.
  await customer
    .connector('github')
    .connectorId()
    .catch(() =>
      customer.connectors.create({
        workspace_name: workspace,
        connector_type: 'GitHub',
        name: 'GitHub for the agent loop',
        credentials: {
          option_title: 'PAT Credentials',
          personal_access_token: process.env.GITHUB_PAT ?? 'ghp_example_token',
        },
        replication_config: { repositories: ['airbytehq/airbyte'] },
      }),
    );

  // Only what this agent needs: reading issues and filing one (the tools of every entity and action otherwise).
  const tools = await workspaceAiSdkTools(customer, {
    actions: (entity, action) => entity === 'issues' && (action === 'list' || action === 'create'),
  });
  log(`tools: ${Object.keys(tools).join(', ')}`);

  let listed: { number: number; title: string }[] = [];
  const model = scriptedModel([
    // A first call with an argument of the wrong type, as models sometimes send.
    () => [toolCall('github_issues_list', { states: ['OPEN'], per_page: 'all' })],
    // It reads what to fix, and asks again.
    (seen) => {
      if (!seen?.error) throw new Error('expected the malformed call to be refused');
      return [toolCall('github_issues_list', { states: ['OPEN'], per_page: 10, select_fields: ['number', 'title'] })];
    },
    // It files one issue listing the open ones it read.
    (seen) => {
      listed = (JSON.parse(seen!.text) as { data: { number: number; title: string }[] }).data;
      return [
        toolCall('github_issues_create', {
          title: `Triage: ${listed.length} open issues`,
          body: listed.map((issue) => `- #${issue.number} ${issue.title}`).join('\n'),
          intent: 'File a triage issue listing the open issues',
          select_fields: ['number', 'title'],
        }),
      ];
    },
    // And answers.
    (seen) => {
      const { data } = JSON.parse(seen!.text) as { data: { number: number } };
      return [{ type: 'text', text: `Filed #${data.number}, listing ${listed.length} open issues.` }];
    },
  ]);

  const result = await generateText({
    model,
    tools,
    system: "You triage the user's GitHub issues.",
    prompt: 'File an issue listing the open issues.',
    stopWhen: stepCountIs(6),
  });
  // Each call the SDK ran, and what the tool answered the model (`isError`: it read it as an error).
  const calls = result.steps.flatMap((step) =>
    step.toolResults.flatMap((r) => (r.dynamic ? [] : [{ tool: r.toolName, input: r.input, ...r.output }])),
  );
  for (const call of calls) {
    log(`> ${call.tool} ${JSON.stringify(call.input)}`);
    log(`< ${call.isError ? 'error: ' : ''}${call.text.length > 300 ? `${call.text.slice(0, 300)}…` : call.text}`);
  }
  log(result.text);
  return { text: result.text, calls, listed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await agentLoop(await reachableBaseUrl());
}
