// The framework adapters (`agent-engine-kit/ai-sdk`, `agent-engine-kit/openai-agents`) in each framework's own agent
// loop, with a scripted model instead of a real one, against the in-process mock. What is checked is what the model
// receives as the tool's result in its next call (the prompt or the run's input items), besides the mock's state and
// the requests sent.
import {
  Agent,
  Runner,
  Usage,
  type AgentInputItem,
  type AgentOutputItem,
  type Model,
  type ModelRequest,
  type StreamEvent,
} from '@openai/agents-core';
import { convertToModelMessages, generateText, stepCountIs } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectorDefinition } from '../../mocks/connectors/definitions.js';
import { buildDataset } from '../../mocks/execute/dataset.js';
import { createMockFetch, DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET } from '../../mocks/node.js';
import { aiSdkTools, workspaceAiSdkTools } from '../../src/agent/ai-sdk.js';
import { workspaceTools, type AgentTool } from '../../src/agent/index.js';
import { openaiAgentsTools, workspaceOpenaiAgentsTools } from '../../src/agent/openai-agents.js';
import { createAgentEngineClient, type WorkspaceClient } from '../../src/index.js';

const SEED = 1;
const MAX_BYTES = 6_000; // two or three whole GitHub issues
const issues = buildDataset(connectorDefinition('github')!, SEED).get('issues')! as { number: number; title: string }[];

let mock: ReturnType<typeof createMockFetch>;
let workspace: WorkspaceClient;
/** The requests the client sent, in order (the counting fetch in front of the mock). */
const sent: Request[] = [];
/** When set, an execute request is held (never answered) until its signal aborts, and this is called. */
let holdExecute: (() => void) | undefined;
let tools: AgentTool[];

beforeAll(async () => {
  mock = createMockFetch({ seed: SEED });
  const client = createAgentEngineClient({
    baseUrl: 'https://api.airbyte.ai',
    clientId: DEFAULT_MOCK_CLIENT_ID,
    clientSecret: DEFAULT_MOCK_CLIENT_SECRET,
    maxRetries: 0,
    fetch: (input, init) => {
      const request = new Request(input, init);
      sent.push(request);
      if (holdExecute && request.url.endsWith('/execute')) {
        const held = new Promise<Response>((_, reject) =>
          request.signal.addEventListener('abort', () => reject(request.signal.reason)),
        );
        holdExecute();
        return held;
      }
      return mock.fetch(request);
    },
  });
  workspace = client.forWorkspace('acme');
  await workspace.connectors.create({
    workspace_name: 'acme',
    connector_type: 'GitHub',
    name: 'GitHub',
    credentials: { token: 'ghp_example' },
    replication_config: { repositories: ['airbytehq/airbyte'] },
  } as never);
  tools = await workspaceTools(workspace, { maxResultBytes: MAX_BYTES });
});
beforeEach(() => {
  sent.length = 0;
  holdExecute = undefined;
});

const executeRequests = () => sent.filter((r) => r.url.endsWith('/execute'));
const bytes = (text: string) => new TextEncoder().encode(text).length;

/** Reads back issue `number` through the client, outside any agent loop. */
const readIssue = async (number: number) =>
  (await workspace.connector('github').issues.get({ owner: 'airbytehq', repo: 'airbyte', number })).data;

describe('agent-engine-kit/ai-sdk in generateText', () => {
  type CallOptions = Parameters<MockLanguageModelV3['doGenerate']>[0];
  type Content = Awaited<ReturnType<MockLanguageModelV3['doGenerate']>>['content'][number];
  type Prompt = CallOptions['prompt'];

  /** The tool results a prompt holds: what the model reads, as the SDK gives it to a provider. */
  const toolResults = (prompt: Prompt) =>
    prompt.flatMap((message) =>
      message.role === 'tool'
        ? message.content.flatMap((part) =>
            part.type === 'tool-result' ? [{ toolName: part.toolName, output: part.output }] : [],
          )
        : [],
    );
  /** The text of the last tool result of a prompt, and whether the model reads it as an error. */
  const lastResult = (prompt: Prompt) => {
    const { output } = toolResults(prompt).at(-1)!;
    if (output.type !== 'text' && output.type !== 'error-text') throw new Error(`unexpected output ${output.type}`);
    return { error: output.type === 'error-text', text: output.value };
  };

  const call = (toolName: string, input: unknown, id = toolName): Content => ({
    type: 'tool-call',
    toolCallId: id,
    toolName,
    input: JSON.stringify(input),
  });

  /** A model that answers each call with the next turn (which sees the prompt), recording every prompt. */
  function scriptedModel(turns: ((prompt: Prompt) => Content[])[]) {
    const prompts: Prompt[] = [];
    const model = new MockLanguageModelV3({
      doGenerate: async (options) => {
        prompts.push(options.prompt);
        const turn = turns[prompts.length - 1];
        if (!turn) throw new Error(`the model was called ${prompts.length} times; ${turns.length} turns are scripted`);
        const content = turn(options.prompt);
        return {
          content,
          finishReason: {
            unified: content.some((c) => c.type === 'tool-call') ? 'tool-calls' : 'stop',
            raw: undefined,
          },
          usage: {
            inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
            outputTokens: { total: 5, text: 5, reasoning: 0 },
          },
          warnings: [],
        };
      },
    });
    return { model, prompts };
  }
  const done = (text = 'Done.'): Content[] => [{ type: 'text', text }];

  it('gives the model the tools with their JSON Schema, and the listed records in its next step', async () => {
    let firstNumber: number | undefined;
    const { model, prompts } = scriptedModel([
      () => [call('github_issues_list', { per_page: 3, select_fields: ['number', 'title'] })],
      (prompt) => {
        // The model picks the first issue it was shown and asks for it.
        firstNumber = (JSON.parse(lastResult(prompt).text) as { data: { number: number }[] }).data[0]!.number;
        return [call('github_issues_get', { number: firstNumber, select_fields: ['number', 'title'] })];
      },
      () => done(),
    ]);
    const result = await generateText({
      model,
      tools: await workspaceAiSdkTools(workspace, { maxResultBytes: MAX_BYTES }),
      prompt: 'What are the newest issues?',
      stopWhen: stepCountIs(5),
    });
    expect(result.text).toBe('Done.');
    expect(prompts).toHaveLength(3);

    const listed = lastResult(prompts[1]!);
    expect(listed.error).toBe(false);
    const page = JSON.parse(listed.text) as { data: unknown[]; next_page: unknown };
    expect(page.data).toEqual(issues.slice(0, 3).map(({ number, title }) => ({ number, title })));
    expect(page.next_page).toEqual({ after: expect.any(String) });
    expect(JSON.parse(lastResult(prompts[2]!).text)).toEqual({
      data: { number: firstNumber, title: issues[0]!.title },
    });
    expect(executeRequests()).toHaveLength(2);
    // The app sees the same output, with isError.
    expect(result.steps[0]!.toolResults[0]!.output).toEqual({ isError: false, text: listed.text });
  });

  it("declares each tool's own input schema to the model, unchanged", async () => {
    const { model } = scriptedModel([() => done()]);
    await generateText({ model, tools: aiSdkTools(tools), prompt: 'Hello' });
    const declared = model.doGenerateCalls[0]!.tools!;
    expect(declared.map((t) => t.name)).toEqual(tools.map((t) => t.name));
    const list = declared.find((t) => t.name === 'github_issues_list')!;
    expect(list).toMatchObject({
      type: 'function',
      description: tools.find((t) => t.name === 'github_issues_list')!.description,
      inputSchema: tools.find((t) => t.name === 'github_issues_list')!.inputSchema,
    });
  });

  it("creates a record the model's next call and the client read back", async () => {
    let created: number | undefined;
    const { model, prompts } = scriptedModel([
      () => [
        call('github_issues_create', { title: 'Filed by the scripted model', select_fields: ['number', 'title'] }),
      ],
      (prompt) => {
        created = (JSON.parse(lastResult(prompt).text) as { data: { number: number } }).data.number;
        return [call('github_issues_get', { number: created, select_fields: ['title'] })];
      },
      () => done(),
    ]);
    await generateText({ model, tools: aiSdkTools(tools), prompt: 'File an issue', stopWhen: stepCountIs(5) });
    expect(created).toEqual(expect.any(Number));
    expect(issues.map((i) => i.number)).not.toContain(created);
    expect(JSON.parse(lastResult(prompts[2]!).text)).toEqual({ data: { title: 'Filed by the scripted model' } });
    expect(await readIssue(created!)).toMatchObject({ number: created, title: 'Filed by the scripted model' });
  });

  it('refuses malformed arguments with what to fix, as an error the model reads, sending nothing', async () => {
    const { model, prompts } = scriptedModel([
      () => [call('github_issues_list', { per_page: 'ten', labels: 'bug' })],
      () => done('I will fix the arguments.'),
    ]);
    const result = await generateText({ model, tools: aiSdkTools(tools), prompt: 'x', stopWhen: stepCountIs(5) });
    const refused = lastResult(prompts[1]!);
    expect(refused.error).toBe(true);
    expect(refused.text).toMatch(/^Invalid arguments: /);
    expect(refused.text).toContain('`per_page` must be of type integer');
    expect(refused.text).toContain('`labels` is not a param of this action; it takes ');
    expect(refused.text).toMatch(/Nothing was sent; fix these and call again\.$/);
    expect(sent).toEqual([]);
    // It is the tool's answer, not an SDK error: the app sees isError in the step's results.
    expect(result.steps[0]!.toolResults[0]!.output).toMatchObject({ isError: true });
    expect(result.steps[0]!.content.some((part) => part.type === 'tool-error')).toBe(false);
  });

  it('keeps the error text for the next turn, from the response messages and from UI messages', async () => {
    const aiTools = aiSdkTools(tools);
    const { model } = scriptedModel([() => [call('github_issues_get', { number: 'twelve' }, 'c1')], () => done()]);
    const result = await generateText({ model, tools: aiTools, prompt: 'x', stopWhen: stepCountIs(5) });
    const output = result.steps[0]!.toolResults[0]!.output as { isError: boolean; text: string };
    const expected = { type: 'error-text', value: output.text };
    const toolResultOutputs = (messages: Awaited<ReturnType<typeof convertToModelMessages>>) =>
      messages.flatMap((m) =>
        m.role === 'tool' ? m.content.flatMap((p) => (p.type === 'tool-result' ? [p.output] : [])) : [],
      );
    expect(toolResultOutputs(result.response.messages)).toEqual([expected]);
    // A chat UI stores the tool's output in its message; the next request converts it back with the same tools.
    const ui = await convertToModelMessages(
      [
        { role: 'user', parts: [{ type: 'text', text: 'x' }] },
        {
          role: 'assistant',
          parts: [{ type: 'tool-github_issues_get', toolCallId: 'c1', state: 'output-available', input: {}, output }],
        },
      ],
      { tools: aiTools },
    );
    expect(toolResultOutputs(ui)).toEqual([expected]);
    expect(output.text).toContain('`number` must be of type integer');
  });

  it('trims an answer over maxResultBytes to whole records, with a note on asking for less', async () => {
    const { model, prompts } = scriptedModel([() => [call('github_issues_list', { per_page: 20 })], () => done()]);
    await generateText({ model, tools: aiSdkTools(tools), prompt: 'x', stopWhen: stepCountIs(5) });
    const answer = lastResult(prompts[1]!);
    expect(answer.error).toBe(false);
    expect(bytes(answer.text)).toBeLessThanOrEqual(MAX_BYTES);
    const page = JSON.parse(answer.text) as {
      data: { number: number }[];
      truncated: { shown: number; of: number };
      note: string;
    };
    expect(page.truncated.of).toBe(20);
    expect(page.truncated.shown).toBe(page.data.length);
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.length).toBeLessThan(20);
    expect(page.data.map((i) => i.number)).toEqual(issues.slice(0, page.data.length).map((i) => i.number));
    expect(page.note).toMatch(/over the limit of 6000/);
    expect(page.note).toMatch(new RegExp(`call again with per_page: ${page.data.length}`));
    expect(page.note).toMatch(/select_fields/);
  });

  it('reports a 429 as an error saying when to retry', async () => {
    mock.service.failNext(1, { status: 429, retryAfterSeconds: 30 });
    const { model, prompts } = scriptedModel([() => [call('github_issues_list', { per_page: 1 })], () => done()]);
    await generateText({ model, tools: aiSdkTools(tools), prompt: 'x', stopWhen: stepCountIs(5) });
    expect(lastResult(prompts[1]!)).toEqual({
      error: true,
      text: 'Rate limited by the Agent Engine (429): retry in 30 seconds, with the same arguments.',
    });
    expect(executeRequests()).toHaveLength(1);
  });

  it("cancels the request when the call's abort signal fires", async () => {
    const controller = new AbortController();
    holdExecute = () => controller.abort();
    const { model, prompts } = scriptedModel([() => [call('github_issues_list', { per_page: 1 })], () => done()]);
    const run = generateText({
      model,
      tools: aiSdkTools(tools),
      prompt: 'x',
      stopWhen: stepCountIs(5),
      abortSignal: controller.signal,
    });
    await expect(run).rejects.toThrow();
    const [request] = executeRequests();
    expect(request!.signal.aborted).toBe(true);
    expect(prompts).toHaveLength(1);
  });

  it('refuses two tools of one name', () => {
    expect(() => aiSdkTools([tools[0]!, tools[0]!])).toThrow(`Two tools are named ${tools[0]!.name}`);
  });
});

describe('agent-engine-kit/openai-agents in a Runner', () => {
  /** A Model whose responses are scripted, each seeing the input of its call; every request recorded. */
  class ScriptedModel implements Model {
    readonly requests: ModelRequest[] = [];
    constructor(private readonly turns: ((input: AgentInputItem[]) => AgentOutputItem[])[]) {}
    async getResponse(request: ModelRequest) {
      this.requests.push(request);
      const turn = this.turns[this.requests.length - 1];
      if (!turn) throw new Error(`the model was called ${this.requests.length} times`);
      const input = typeof request.input === 'string' ? [] : request.input;
      return { usage: new Usage(), output: turn(input), responseId: `response-${this.requests.length}` };
    }
    // biome-ignore lint/correctness/useYield: the runner is never asked to stream here
    async *getStreamedResponse(): AsyncIterable<StreamEvent> {
      throw new Error('not scripted');
    }
  }
  const runner = new Runner({ tracingDisabled: true });

  const call = (name: string, input: unknown, callId = name): AgentOutputItem => ({
    type: 'function_call',
    callId,
    name,
    arguments: JSON.stringify(input),
    status: 'completed',
  });
  const done = (text = 'Done.'): AgentOutputItem[] => [
    {
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text }],
    },
  ];
  /** The text of the last function call result the model was given. */
  const lastResult = (input: AgentInputItem[]) => {
    const item = input.filter((i) => i.type === 'function_call_result').at(-1);
    if (item?.type !== 'function_call_result') throw new Error('no function call result');
    const output = item.output;
    if (typeof output === 'string') return output;
    if (!Array.isArray(output) && output.type === 'text') return output.text;
    throw new Error(`unexpected output ${JSON.stringify(output)}`);
  };
  const agentOf = (model: Model, agentTools = openaiAgentsTools(tools)) =>
    new Agent({ name: 'support', instructions: 'Answer from the connectors.', model, tools: agentTools });
  /** The custom data of each tool output item of a run. */
  const customData = (items: { type: string }[]) =>
    items.filter((i) => i.type === 'tool_call_output_item').map((i) => (i as { customData?: unknown }).customData);

  it('declares the tools as non-strict function tools with their JSON Schema', async () => {
    const model = new ScriptedModel([() => done()]);
    await runner.run(agentOf(model), 'Hello');
    const declared = model.requests[0]!.tools;
    expect(declared.map((t) => t.name)).toEqual(tools.map((t) => t.name));
    expect(declared.find((t) => t.name === 'github_issues_list')).toMatchObject({
      type: 'function',
      strict: false,
      parameters: tools.find((t) => t.name === 'github_issues_list')!.inputSchema,
    });
  });

  it('gives the model the listed records in its next call', async () => {
    let firstNumber: number | undefined;
    const model = new ScriptedModel([
      () => [call('github_issues_list', { per_page: 3, select_fields: ['number', 'title'] })],
      (input) => {
        firstNumber = (JSON.parse(lastResult(input)) as { data: { number: number }[] }).data[0]!.number;
        return [call('github_issues_get', { number: firstNumber, select_fields: ['number', 'title'] })];
      },
      () => done('The first issue is about billing.'),
    ]);
    const result = await runner.run(
      agentOf(model, await workspaceOpenaiAgentsTools(workspace, { maxResultBytes: MAX_BYTES })),
      'What are the newest issues?',
    );
    expect(result.finalOutput).toBe('The first issue is about billing.');
    const page = JSON.parse(lastResult(model.requests[1]!.input as AgentInputItem[])) as { data: unknown[] };
    expect(page.data).toEqual(issues.slice(0, 3).map(({ number, title }) => ({ number, title })));
    expect(JSON.parse(lastResult(model.requests[2]!.input as AgentInputItem[]))).toEqual({
      data: { number: issues[0]!.number, title: issues[0]!.title },
    });
    expect(customData(result.newItems)).toEqual([{ isError: false }, { isError: false }]);
  });

  it("creates a record the model's next call and the client read back", async () => {
    let created: number | undefined;
    const model = new ScriptedModel([
      () => [call('github_issues_create', { title: 'Filed through the Agents SDK', select_fields: ['number'] })],
      (input) => {
        created = (JSON.parse(lastResult(input)) as { data: { number: number } }).data.number;
        return [call('github_issues_get', { number: created, select_fields: ['title'] })];
      },
      () => done(),
    ]);
    await runner.run(agentOf(model), 'File an issue');
    expect(issues.map((i) => i.number)).not.toContain(created);
    expect(JSON.parse(lastResult(model.requests[2]!.input as AgentInputItem[]))).toEqual({
      data: { title: 'Filed through the Agents SDK' },
    });
    expect(await readIssue(created!)).toMatchObject({ title: 'Filed through the Agents SDK' });
  });

  it('refuses malformed arguments with what to fix, sending nothing; the output item says isError', async () => {
    const model = new ScriptedModel([
      () => [call('github_issues_get', { number: '12', owner: 7 })],
      () => done('I will fix the arguments.'),
    ]);
    const result = await runner.run(agentOf(model), 'x');
    const refused = lastResult(model.requests[1]!.input as AgentInputItem[]);
    expect(refused).toMatch(/^Invalid arguments: /);
    expect(refused).toContain('`number` must be of type integer');
    expect(refused).toContain('`owner` must be of type string');
    expect(refused).toMatch(/Nothing was sent; fix these and call again\.$/);
    expect(sent).toEqual([]);
    expect(customData(result.newItems)).toEqual([{ isError: true }]);
  });

  it('trims an answer over maxResultBytes to whole records, with a note on asking for less', async () => {
    const model = new ScriptedModel([() => [call('github_issues_list', { per_page: 20 })], () => done()]);
    await runner.run(agentOf(model), 'x');
    const answer = lastResult(model.requests[1]!.input as AgentInputItem[]);
    expect(bytes(answer)).toBeLessThanOrEqual(MAX_BYTES);
    const page = JSON.parse(answer) as { data: unknown[]; truncated: { shown: number; of: number }; note: string };
    expect(page.truncated).toEqual({ shown: page.data.length, of: 20 });
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.note).toMatch(/Only the first \d+ of the 20 records of this page are shown/);
  });

  it('reports a 429 saying when to retry', async () => {
    mock.service.failNext(1, { status: 429, retryAfterSeconds: 12 });
    const model = new ScriptedModel([() => [call('github_issues_list', { per_page: 1 })], () => done()]);
    const result = await runner.run(agentOf(model), 'x');
    expect(lastResult(model.requests[1]!.input as AgentInputItem[])).toBe(
      'Rate limited by the Agent Engine (429): retry in 12 seconds, with the same arguments.',
    );
    expect(customData(result.newItems)).toEqual([{ isError: true }]);
    expect(executeRequests()).toHaveLength(1);
  });

  it("cancels the request when the run's signal fires", async () => {
    const controller = new AbortController();
    holdExecute = () => controller.abort();
    const model = new ScriptedModel([() => [call('github_issues_list', { per_page: 1 })], () => done()]);
    await expect(runner.run(agentOf(model), 'x', { signal: controller.signal })).rejects.toThrow();
    const [request] = executeRequests();
    expect(request!.signal.aborted).toBe(true);
    expect(model.requests).toHaveLength(1);
  });
});
