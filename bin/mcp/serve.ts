// `agent-engine-kit mcp`: the workspace's connectors as MCP tools, over stdio (what desktop clients start) or over
// Streamable HTTP on 127.0.0.1. stdout belongs to the protocol on stdio: every line of ours goes to stderr.
import { createServer, type Server as HttpServer } from 'node:http';
import { localhostHostValidation, localhostOriginValidation, toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { workspaceTools, type AgentTool, type ToolsMode } from '../../src/agent/index.js';
import { createAgentEngineClient } from '../../src/index.js';
import { mcpServerFactory } from './server.js';

export interface McpCommandOptions {
  baseUrl?: string | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  organizationId?: string | undefined;
  /** Confine the server to this workspace (a scoped token). */
  workspace?: string | undefined;
  tools: ToolsMode;
  maxResultBytes?: number | undefined;
  /** Retries of a failed call before the tool reports it (the client's default when left out). */
  maxRetries?: number | undefined;
  /** Serve Streamable HTTP on 127.0.0.1 at this port (0: a free one) instead of stdio. */
  httpPort?: number | undefined;
  version: string;
  /** Where our own lines go (stderr). */
  log: (line: string) => void;
}

export interface RunningMcp {
  tools: readonly AgentTool[];
  /** The HTTP endpoint, when serving HTTP. */
  url?: string;
  close(): Promise<void>;
}

const INSTRUCTIONS = `Tools over the user's connected services (connectors) through Airbyte's Agent Engine. Lists answer one page: next_page holds the params of the following page. Ask for fewer fields with select_fields when answers are large. A result with isError says what to change, or when to retry.`;

/** The tools of the workspace (or organization), served until the client goes away or close() is called. */
export async function runMcp(options: McpCommandOptions): Promise<RunningMcp> {
  const client = createAgentEngineClient({
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.clientId ? { clientId: options.clientId } : {}),
    ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}),
    ...(options.organizationId ? { organizationId: options.organizationId } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
  });
  const say = (line: string) => options.log(`agent-engine-kit mcp: ${line}`);
  const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
  const scope = options.workspace ? client.forWorkspace(options.workspace) : client;
  const tools = await workspaceTools(scope, {
    mode: options.tools,
    ...(options.maxResultBytes ? { maxResultBytes: options.maxResultBytes } : {}),
    // A bug's message goes to the log, never to the model.
    onUnexpectedError: (error) => say(`tool failed: ${reason(error)}`),
  });
  const factory = mcpServerFactory(tools, {
    name: 'agent-engine-kit',
    version: options.version,
    instructions: INSTRUCTIONS,
  });
  const where = options.workspace ? `workspace ${options.workspace}` : 'the organization';

  if (options.httpPort === undefined) {
    const handle = serveStdio(factory, {
      onerror: (error) => say(error.message),
    });
    say(`${tools.length} tools for ${where} on stdio`);
    return { tools, close: () => handle.close() };
  }

  const handler = toNodeHandler(createMcpHandler(factory, { onerror: (error) => say(error.message) }));
  // DNS rebinding and cross-site pages: only loopback Host names and Origins are served.
  const validHost = localhostHostValidation();
  const validOrigin = localhostOriginValidation();
  const server: HttpServer = createServer((req, res) => {
    if (!validHost(req, res) || !validOrigin(req, res)) return;
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/mcp') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('The MCP endpoint is /mcp\n');
      return;
    }
    handler(req, res).catch((error: unknown) => {
      say(reason(error));
      if (!res.headersSent) res.writeHead(500).end();
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.httpPort, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : options.httpPort}/mcp`;
  say(`${tools.length} tools for ${where} at ${url}`);
  return {
    tools,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
