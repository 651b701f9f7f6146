// npm run bench:mock: the figures of the mock's core, side by side in one run, each the min / median / max of three
// rounds: requests/s of the standalone mock (what `npm start` runs), Prism on the same spec and bare node:http (the
// ceiling) for three requests; the server's own CPU time per request (from /proc: steadier than requests/s on a
// shared machine); in-process µs per call through MSW's setupServer and through createMockFetch(); start-up.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createMockFetch, setupMockServer } from '../mocks/node.js';
import { spread, type Spread } from './spread.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 3);
const ROUNDS = 3;
const CLIENT = { client_id: 'demo-client-id', client_secret: 'demo-client-secret' };
const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';

/** A GitHub connector of the default workspace, made through `fetchOf` (a server's URL, or an in-process mock). */
async function createGitHubConnector(
  fetchOf: (url: string, init: RequestInit) => Promise<Response>,
  origin: string,
  token: string,
): Promise<{ id: string }> {
  const response = await fetchOf(`${origin}/api/v1/integrations/connectors`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      workspace_name: 'default',
      definition_id: GITHUB,
      credentials: { token: 'x' },
      replication_config: { repositories: ['airbytehq/airbyte'] },
    }),
  });
  return (await response.json()) as { id: string };
}

interface Load {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** utime + stime of a process, in µs (clock ticks of 10 ms on Linux). */
const cpuMicros = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
};

const fmt = (s: Spread, digits = 0) =>
  [s.min, s.median, s.max].map((n) => n.toLocaleString('en-US', { maximumFractionDigits: digits })).join(' / ');

// @ts-expect-error: plain .mjs modules without type declarations
const { BARE_SERVER, CONNECTIONS, freePort, load: autocannonRun, mintToken, start } = await import('./mock.mjs');

async function rounds(url: string, load: Load, headers: Record<string, string>, pid: number) {
  const rps: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const before = cpuMicros(pid);
    const result = await autocannonRun(
      url + load.path,
      { ...headers, ...(load.body ? { 'content-type': 'application/json' } : {}) },
      { method: load.method, body: load.body, duration: DURATION_S },
    );
    rps.push(result.rps);
    cpu.push((cpuMicros(pid) - before) / result.total);
  }
  return { rps: spread(rps), cpu: spread(cpu) };
}

/** Every load against one server started by `start`, in order, then the server stopped. */
async function measure(
  server: { child: { pid?: number; kill(signal: string): unknown } },
  base: string,
  loads: Load[],
  headers: Record<string, string>,
) {
  try {
    const rows: Awaited<ReturnType<typeof rounds>>[] = [];
    for (const load of loads) rows.push(await rounds(base, load, headers, server.child.pid!));
    return rows;
  } finally {
    server.child.kill('SIGTERM');
  }
}

async function inProcess(
  fetchOf: (url: string, init: RequestInit) => Promise<Response>,
  origin: string,
  token: string,
  load: Load,
  calls = 2_000,
) {
  const init = {
    method: load.method,
    headers: { authorization: `Bearer ${token}`, ...(load.body ? { 'content-type': 'application/json' } : {}) },
    ...(load.body ? { body: load.body } : {}),
  };
  for (let i = 0; i < 200; i++) await (await fetchOf(origin + load.path, init)).arrayBuffer();
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const started = performance.now();
    for (let i = 0; i < calls; i++) await (await fetchOf(origin + load.path, init)).arrayBuffer();
    samples.push(((performance.now() - started) * 1000) / calls);
  }
  return spread(samples);
}

export async function benchMockFigures() {
  // @ts-expect-error: plain .mjs modules without type declarations
  const { buildMock } = await import('../scripts/build-mock.mjs');
  const bundle: string = await buildMock();
  const lines: string[] = [];

  // The standalone mock: start-up, then the connector and execute the loads need.
  const port: number = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let token = '';
  const mock = await start('standalone mock', process.execPath, [bundle], { PORT: String(port) }, async () =>
    Boolean((token = await mintToken(base))),
  );
  const auth = { authorization: `Bearer ${token}` };
  const connector = await createGitHubConnector(fetch, base, token);
  const loads: Load[] = [
    { method: 'GET', path: '/api/v1/integrations/definitions/sources?name=git' },
    { method: 'GET', path: `/api/v1/integrations/connectors/${connector.id}` },
    {
      method: 'POST',
      path: `/api/v1/integrations/connectors/${connector.id}/execute`,
      body: JSON.stringify({ entity: 'issues', action: 'list', params: { per_page: 30 } }),
    },
  ];
  const standalone = await measure(mock, base, loads, auth);

  // Prism, static, on the same spec: any bearer passes; the connector id is any path value.
  const prismPort: number = await freePort();
  const prismBase = `http://127.0.0.1:${prismPort}`;
  const prism = await start(
    'Prism',
    process.execPath,
    [
      `${root}node_modules/@stoplight/prism-cli/dist/index.js`,
      'mock',
      'openapi/agent-engine.yaml',
      '--host',
      '127.0.0.1',
      '--port',
      String(prismPort),
      '--errors',
    ],
    {},
    async () => (await fetch(`${prismBase}${loads[0]!.path}`, { headers: { authorization: 'Bearer x' } })).ok,
  );
  const prismRows = await measure(prism, prismBase, loads, { authorization: 'Bearer x' });

  const barePort: number = await freePort();
  const bareBase = `http://127.0.0.1:${barePort}`;
  const bare = await start(
    'bare node:http',
    process.execPath,
    ['-e', BARE_SERVER],
    { PORT: String(barePort), BARE_BODY: '{"definitions":[]}' },
    async () => (await fetch(`${bareBase}/`)).ok,
  );
  const bareRow = (await measure(bare, bareBase, [{ method: 'GET', path: '/' }], {}))[0]!;

  lines.push(
    `Each figure: min / median / max of ${ROUNDS} rounds of autocannon (${CONNECTIONS} connections, ${DURATION_S} s), one server after the other, each its own process.`,
    '',
    '| request | standalone mock req/s | Prism req/s | mock / Prism (medians) | mock CPU µs/request | Prism CPU µs/request |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...loads.map(
      (load, i) =>
        `| ${load.method} ${load.path.replace(connector.id, '{id}')} | ${fmt(standalone[i]!.rps)} | ${fmt(prismRows[i]!.rps)} | ${(standalone[i]!.rps.median / prismRows[i]!.rps.median).toFixed(1)}x | ${fmt(standalone[i]!.cpu)} | ${fmt(prismRows[i]!.cpu)} |`,
    ),
    `| bare node:http, one small JSON (ceiling) | ${fmt(bareRow.rps)} | | | ${fmt(bareRow.cpu)} | |`,
    '',
    `Start-up, spawn to first answer: standalone mock ${mock.startupMs.toFixed(0)} ms, Prism ${prism.startupMs.toFixed(0)} ms, bare node:http ${bare.startupMs.toFixed(0)} ms.`,
    '',
  );

  // In-process: the same requests through the mock's fetch function, then through MSW's interception (started after,
  // so that its patched globals do not weigh on the first).
  const viaFetch = createMockFetch({ seed: 1 });
  let server: ReturnType<typeof setupMockServer>['server'] | undefined;
  const origin = 'https://api.airbyte.ai';
  const rowsInProcess: string[] = [];
  const intercepted = (url: string, init: RequestInit) => {
    if (!server) {
      server = setupMockServer({ seed: 1 }).server;
      server.listen({ onUnhandledRequest: 'error' });
    }
    return fetch(url, init);
  };
  try {
    for (const [name, fetchOf] of [
      ['createMockFetch()', viaFetch.fetch],
      ['setupServer (MSW interception)', intercepted],
    ] as const) {
      const minted = await (
        await fetchOf(`${origin}/api/v1/account/applications/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(CLIENT),
        })
      ).json();
      const made = await createGitHubConnector(fetchOf, origin, minted.access_token);
      const own = loads.map((load) => ({ ...load, path: load.path.replace(connector.id, made.id) }));
      const cells: string[] = [];
      for (const load of own) cells.push(fmt(await inProcess(fetchOf, origin, minted.access_token, load), 0));
      rowsInProcess.push(`| ${name} | ${cells.join(' | ')} |`);
    }
  } finally {
    server?.close();
  }
  lines.push(
    `In-process, µs per call (min / median / max of ${ROUNDS} rounds of 2,000 calls):`,
    '',
    `| adapter | ${loads.map((l) => `${l.method} ${l.path.replace(connector.id, '{id}').replace(/\?.*/, '')}`).join(' | ')} |`,
    `| --- | ${loads.map(() => '---:').join(' | ')} |`,
    ...rowsInProcess,
  );
  return lines;
}

// `npm run bench:mock` runs this part alone through bench/run.ts (BENCH_ONLY=servers).
