// An MCP server over agent tools (src/agent): `tools/list` answers the tools with their JSON Schema input and
// annotations, `tools/call` runs one. A tool's own failures (malformed arguments, the API's refusals) are tool results
// with `isError`, which the model reads and acts on; a call of a tool that does not exist is a protocol error, as the
// MCP specification has it. The low-level Server is used because the tools' schemas are JSON Schema from the connector
// definitions, which the tools check themselves with messages written for a model.
import { ProtocolError, ProtocolErrorCode, Server } from '@modelcontextprotocol/server';
import type { AgentTool } from '../../src/agent/index.js';

export interface McpServerInfo {
  name: string;
  version: string;
  /** Told to the client on initialize: how to use the tools. */
  instructions?: string;
}

/** A factory of MCP servers over one set of tools: the SDK's stdio and HTTP entry points ask it for each connection. */
export function mcpServerFactory(tools: readonly AgentTool[], info: McpServerInfo): () => Server {
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  if (byName.size !== tools.length)
    throw new RangeError('Two tools have one name: a client could call only one of them');
  const listed = tools.map((tool) => ({
    name: tool.name,
    title: tool.annotations.title,
    description: tool.description,
    inputSchema: tool.inputSchema,
    annotations: tool.annotations,
  }));
  return () => {
    const server = new Server(
      { name: info.name, version: info.version },
      { capabilities: { tools: {} }, ...(info.instructions ? { instructions: info.instructions } : {}) },
    );
    server.setRequestHandler('tools/list', async () => ({ tools: listed }));
    server.setRequestHandler('tools/call', async (request, ctx) => {
      const name = request.params.name;
      const tool = byName.get(name);
      if (!tool)
        throw new ProtocolError(
          ProtocolErrorCode.InvalidParams,
          `Unknown tool ${JSON.stringify(name).slice(0, 80)}; tools/list names the ${byName.size} tools`,
        );
      const output = await tool.execute(request.params.arguments ?? {}, { signal: ctx.mcpReq.signal });
      return server.projectCallToolResult(
        { content: [{ type: 'text', text: output.text }], isError: output.isError },
        undefined,
      );
    });
    return server;
  };
}
