// `agent-engine-kit/openai-agents`: the agent tools as function tools of the OpenAI Agents SDK for JavaScript. The peer
// is `@openai/agents-core` (optional), where `tool()`, `Agent` and `run()` live; `@openai/agents` re-exports them and
// brings it along, and the adapter loads neither the OpenAI provider nor the realtime client. The tools are not
// strict (strict mode wants every param required and no open objects; connectors' params are neither) and keep their
// own checks: the model reads what to fix in its arguments, and nothing is sent. An answer, error or not, is returned
// as the tool's text, as the SDK does with an MCP tool's result (a function call's output has no error flag, and a
// thrown error would reach the model as the SDK's fixed message); whether it was an error is the output item's
// `customData.isError`.
/**
 * The agent tools as function tools of the OpenAI Agents SDK for JavaScript (`@openai/agents-core`, an optional peer):
 * `openaiAgentsTools(tools)`, `workspaceOpenaiAgentsTools(client)`.
 *
 * @module agent-engine-kit/openai-agents
 */
import { tool, type FunctionTool, type RunContext } from '@openai/agents-core';
import type { JsonObjectSchemaNonStrict } from '@openai/agents-core/types';
import { workspaceTools, type AgentTool, type AgentToolsOptions, type ToolsClient, type ToolsMode } from './tools.js';

/** One agent tool as the Agents SDK takes it: it answers the model with the tool's text. */
export type OpenAIAgentsTool = FunctionTool<unknown, any, string>;

/**
 * The tools as function tools: `new Agent({ name, instructions, tools: openaiAgentsTools(agentTools) })`. The run's
 * signal cancels the request. In the run's items, each `tool_call_output_item` has `customData: { isError }`.
 */
export function openaiAgentsTools(tools: readonly AgentTool[]): OpenAIAgentsTool[] {
  const names = new Set<string>();
  return tools.map((agentTool) => {
    if (names.has(agentTool.name)) throw new RangeError(`Two tools are named ${agentTool.name}`);
    names.add(agentTool.name);
    // Whether each call failed, by run and call id, until the SDK asks for the output item's custom data.
    const failed = new WeakMap<RunContext<unknown>, Map<string, boolean>>();
    return tool({
      name: agentTool.name,
      description: agentTool.description,
      // Not strict, the schema goes to the model as it is (the SDK's type wants `additionalProperties: true`).
      parameters: agentTool.inputSchema as unknown as JsonObjectSchemaNonStrict<any>,
      strict: false,
      async execute(input, runContext, details) {
        const output = await agentTool.execute(input, details?.signal ? { signal: details.signal } : {});
        const callId = details?.toolCall?.callId;
        if (runContext && callId) {
          let calls = failed.get(runContext);
          if (!calls) failed.set(runContext, (calls = new Map()));
          calls.set(callId, output.isError);
        }
        return output.text;
      },
      customDataExtractor({ runContext, toolCall }) {
        const calls = failed.get(runContext);
        const isError = calls?.get(toolCall.callId);
        calls?.delete(toolCall.callId);
        return isError === undefined ? undefined : { isError };
      },
    }) as OpenAIAgentsTool;
  });
}

/** `openaiAgentsTools(await workspaceTools(client, options))`: the tools of every connector a (workspace) client sees. */
export async function workspaceOpenaiAgentsTools(
  client: ToolsClient,
  options: AgentToolsOptions & { mode?: ToolsMode } = {},
): Promise<OpenAIAgentsTool[]> {
  return openaiAgentsTools(await workspaceTools(client, options));
}
