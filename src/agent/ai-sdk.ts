// `agent-engine-kit/ai-sdk`: the agent tools as a Vercel AI SDK tool set (`ai` 6, an optional peer). Each tool keeps
// its own checks: the SDK hands it the model's arguments unvalidated (so the model reads what to fix, and nothing is
// sent), and an answer, error or not, is the tool's text. A failure is returned, not thrown: `toModelOutput` turns it
// into the SDK's `error-text` output, so the model reads the actionable text as an error in this call and in later
// turns (a thrown error reaches a UI message stream as "An error occurred.", and the model would read that next turn).
/**
 * The agent tools as a Vercel AI SDK tool set (`ai` 6, an optional peer): `aiSdkTools(tools)`,
 * `workspaceAiSdkTools(client)`.
 *
 * @module agent-engine-kit/ai-sdk
 */
import { jsonSchema, tool, type Tool } from 'ai';
import {
  workspaceTools,
  type AgentTool,
  type AgentToolsOptions,
  type ToolOutput,
  type ToolsClient,
  type ToolsMode,
} from './tools.js';

/** One agent tool as the AI SDK takes it: arguments as the model sent them, the tool's output (`isError`, `text`). */
export type AiSdkTool = Tool<unknown, ToolOutput>;

/**
 * The tools as an AI SDK `ToolSet`, keyed by tool name: `generateText({ model, tools: aiSdkTools(agentTools), ... })`.
 * A call's `abortSignal` cancels the request. The model reads each answer's text; a failure as an `error-text`
 * output, e.g. what to fix in the arguments or when to retry. `steps[].toolResults[].output.isError` tells the app.
 */
export function aiSdkTools(tools: readonly AgentTool[]): Record<string, AiSdkTool> {
  const set: Record<string, AiSdkTool> = {};
  for (const agentTool of tools) {
    if (Object.hasOwn(set, agentTool.name)) throw new RangeError(`Two tools are named ${agentTool.name}`);
    set[agentTool.name] = tool<unknown, ToolOutput>({
      description: agentTool.description,
      inputSchema: jsonSchema(agentTool.inputSchema),
      execute: (input, { abortSignal }) => agentTool.execute(input, abortSignal ? { signal: abortSignal } : {}),
      toModelOutput: ({ output }) => ({ type: output.isError ? 'error-text' : 'text', value: output.text }),
    });
  }
  return set;
}

/** `aiSdkTools(await workspaceTools(client, options))`: the tools of every connector a (workspace) client sees. */
export async function workspaceAiSdkTools(
  client: ToolsClient,
  options: AgentToolsOptions & { mode?: ToolsMode } = {},
): Promise<Record<string, AiSdkTool>> {
  return aiSdkTools(await workspaceTools(client, options));
}
