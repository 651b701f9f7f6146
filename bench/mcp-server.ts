// The MCP server of `agent-engine-kit mcp` over stdio, its API being the mock in the same process (createMockFetch):
// what the bench measures MCP's own cost with, the network left out. The workspace holds one GitHub connector, or
// (BENCH_MCP_CONNECTORS=all) one connector of every definition; BENCH_MCP_TOOLS picks the tools' mode.
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { mcpServerFactory } from '../bin/mcp/server.js';
import { createBody } from '../contract-tests/support/connector-samples.js';
import { connectorDefinition, connectorIndex } from '../mocks/connectors/definitions.js';
import { createMockFetch, DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET } from '../mocks/node.js';
import { workspaceTools, type ToolsMode } from '../src/agent/index.js';
import { createAgentEngineClient, type WorkspaceClient } from '../src/index.js';

export const BENCH_WORKSPACE = 'bench-agent';

/** A client of a fresh in-process mock whose workspace has a GitHub connector, or one of every definition. */
export async function benchWorkspace(every: boolean): Promise<WorkspaceClient> {
  const mock = createMockFetch({ seed: 1 });
  const client = createAgentEngineClient({
    baseUrl: 'https://api.airbyte.ai',
    clientId: DEFAULT_MOCK_CLIENT_ID,
    clientSecret: DEFAULT_MOCK_CLIENT_SECRET,
    fetch: mock.fetch,
  });
  const workspace = client.forWorkspace(BENCH_WORKSPACE);
  const names = every ? connectorIndex().map((c) => c.name) : ['github'];
  for (const name of names)
    await workspace.connectors.create(createBody(connectorDefinition(name)!, BENCH_WORKSPACE) as never);
  return workspace;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const workspace = await benchWorkspace(process.env.BENCH_MCP_CONNECTORS === 'all');
  const tools = await workspaceTools(workspace, { mode: (process.env.BENCH_MCP_TOOLS ?? 'auto') as ToolsMode });
  serveStdio(mcpServerFactory(tools, { name: 'agent-engine-kit', version: 'bench' }));
  process.stderr.write(`ready: ${tools.length} tools\n`);
}
