// The MCP server's cost, measured against the same in-process mock three ways, interleaved in rounds: a direct call of
// the typed client, the same call through the agent tool in-process (argument check, answer as JSON text), and through
// the MCP server over stdio (a process of its own, the official client here). Then tools/list for a workspace with a
// connector of every definition: a tool per action, and the three dynamic tools.
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { fileURLToPath } from 'node:url';
import { workspaceTools } from '../src/agent/index.js';
import { bundleForNode } from '../contract-tests/support/processes.js';
import { benchWorkspace } from './mcp-server.js';
import { spread, type Spread } from './spread.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface McpBench {
  calls: number;
  rounds: number;
  direct: Spread;
  tool: Spread;
  mcp: Spread;
  every: {
    connectors: number;
    staticStartMs: number;
    staticTools: number;
    staticListMs: Spread;
    staticListBytes: number;
    dynamicListMs: Spread;
    listConnectorsMs: Spread;
  };
}

/** The bench server bundled once (node runs it without a TypeScript loader). */
async function serverBundle(): Promise<string> {
  const outfile = `${root}mock-dist/bench-mcp-server.mjs`;
  await bundleForNode('bench/mcp-server.ts', outfile);
  return outfile;
}

async function connect(bundle: string, env: Record<string, string>): Promise<{ client: Client; ms: number }> {
  const started = performance.now();
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [bundle],
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
      stderr: 'ignore',
    }),
  );
  await client.listTools();
  return { client, ms: performance.now() - started };
}

/** Mean µs per call of `call`, over `count` calls one after another. */
async function perCall(count: number, call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) await call();
  return ((performance.now() - started) * 1000) / count;
}

export async function benchMcp(calls = Number(process.env.BENCH_MCP_CALLS ?? 300), rounds = 7): Promise<McpBench> {
  const bundle = await serverBundle();
  const params = { per_page: 10 };
  const select_fields = ['number', 'title', 'state'];

  const workspace = await benchWorkspace(false);
  const github = workspace.connector('github');
  const tools = await workspaceTools(workspace, { mode: 'static' });
  const tool = tools.find((t) => t.name === 'github_issues_list')!;
  const { client } = await connect(bundle, { BENCH_MCP_TOOLS: 'static' });
  const variants = {
    direct: () => github.issues.list({ owner: 'airbytehq', repo: 'airbyte', ...params }, { select_fields }),
    tool: () => tool.execute({ ...params, select_fields }),
    mcp: () => client.callTool({ name: 'github_issues_list', arguments: { ...params, select_fields } }),
  };
  const sample = await variants.mcp();
  if ((sample as { isError?: boolean }).isError) throw new Error(`the MCP call failed: ${JSON.stringify(sample)}`);
  const times: Record<keyof typeof variants, number[]> = { direct: [], tool: [], mcp: [] };
  const order = Object.keys(variants) as (keyof typeof variants)[];
  for (const name of order) await perCall(50, variants[name]); // warm-up
  for (let round = 0; round < rounds; round++) {
    // Each round in another order, so that none always runs first.
    const turn = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
    for (const name of turn) times[name].push(await perCall(calls, variants[name]));
  }
  await client.close();

  const timed = async (count: number, run: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await run();
      ms.push(performance.now() - started);
    }
    return spread(ms);
  };
  const staticServer = await connect(bundle, { BENCH_MCP_CONNECTORS: 'all', BENCH_MCP_TOOLS: 'static' });
  const listed = await staticServer.client.listTools();
  const staticListMs = await timed(15, () => staticServer.client.listTools());
  await staticServer.client.close();
  const dynamicServer = await connect(bundle, { BENCH_MCP_CONNECTORS: 'all', BENCH_MCP_TOOLS: 'dynamic' });
  const dynamicListMs = await timed(15, () => dynamicServer.client.listTools());
  const listConnectorsMs = await timed(15, () =>
    dynamicServer.client.callTool({ name: 'list_connectors', arguments: {} }),
  );
  // list_connectors answers 50 at a time, with the total when there are more.
  const listedConnectors = JSON.parse(
    (
      (await dynamicServer.client.callTool({ name: 'list_connectors', arguments: {} })) as {
        content: { text: string }[];
      }
    ).content[0]!.text,
  ) as { connectors: unknown[]; total?: number };
  const connectors = listedConnectors.total ?? listedConnectors.connectors.length;
  await dynamicServer.client.close();

  return {
    calls,
    rounds,
    direct: spread(times.direct),
    tool: spread(times.tool),
    mcp: spread(times.mcp),
    every: {
      connectors,
      staticStartMs: staticServer.ms,
      staticTools: listed.tools.length,
      staticListMs,
      staticListBytes: Buffer.byteLength(JSON.stringify(listed)),
      dynamicListMs,
      listConnectorsMs,
    },
  };
}
