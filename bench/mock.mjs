#!/usr/bin/env node
// npm run bench:mock: the standalone mock and Prism, each started as its own process, then loaded with the same
// request by autocannon in this process, one after the other in one run. Prints start-up time (spawn to first answer),
// requests per second and p99 latency side by side, as a markdown table.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PATH = '/api/v1/integrations/definitions/sources?name=git';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Spawns a server and resolves once `ready()` answers, with the milliseconds from spawn to then. */
export async function start(name, command, args, env, ready) {
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`${name} not ready within 60 s: ${stderr}`);
    if (await ready().catch(() => false)) return { child, startupMs: performance.now() - started };
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** One autocannon run against `url` (a GET unless told otherwise); any non-2xx answer or error fails the bench. */
export async function load(url, headers, { method = 'GET', body, duration = DURATION_S } = {}) {
  const result = await autocannon({ url, method, connections: CONNECTIONS, duration, headers, ...(body === undefined ? {} : { body }) });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${method} ${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

/** An application token of the mock at `base` with the demo credentials, or false while it does not answer yet. */
export async function mintToken(base) {
  const response = await fetch(`${base}/api/v1/account/applications/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'demo-client-id', client_secret: 'demo-client-secret' }),
  });
  if (!response.ok) return false;
  return (await response.json()).access_token;
}

/** A node:http server answering `body` to everything: what Node itself can do on this machine, the ceiling. */
export const BARE_SERVER = `
const { createServer } = require('node:http');
const body = Buffer.from(process.env.BARE_BODY);
createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

/**
 * MSW's own request handling behind node:http with one handler answering the same JSON, and nothing else: what any
 * mock built on MSW this way can reach here, the ceiling of the standalone mock's design.
 */
export const MSW_SERVER = `
import { createServer } from 'node:http';
import { getResponse, http } from 'msw';
const body = process.env.BARE_BODY;
const handlers = [http.get('*/api/v1/integrations/definitions/sources', () => new Response(body, { headers: { 'content-type': 'application/json' } }))];
const origin = 'http://127.0.0.1:' + process.env.PORT;
createServer(async (incoming, outgoing) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
  const response = await getResponse(handlers, new Request(new URL(incoming.url, origin), { method: incoming.method, headers }));
  if (!response) return outgoing.writeHead(404).end();
  const out = {};
  response.headers.forEach((value, name) => (out[name] = value));
  outgoing.writeHead(response.status, out);
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

export async function benchMock({ bare = false } = {}) {
  const rows = [];
  let fixedBody;

  const mockPort = await freePort();
  const mockBase = `http://127.0.0.1:${mockPort}`;
  let token;
  const { buildMock } = await import(`${root}scripts/build-mock.mjs`);
  const bundle = await buildMock(); // what `npm start` runs
  const mock = await start('standalone mock', process.execPath, [bundle], { PORT: String(mockPort) }, async () => (token = await mintToken(mockBase)));
  try {
    // Long-lived token: the run must not outlast it.
    fixedBody = await (await fetch(`${mockBase}${PATH}`, { headers: { authorization: `Bearer ${token}` } })).text();
    rows.push({ name: 'standalone mock (MSW behind node:http)', startupMs: mock.startupMs, ...(await load(`${mockBase}${PATH}`, { authorization: `Bearer ${token}` })) });
  } finally {
    mock.child.kill('SIGTERM');
  }

  // The same mock behind @mswjs/http-middleware (express), bundled the same way as `npm start`'s server.
  const { build } = await import('esbuild');
  const middlewareBundle = `${root}mock-dist/http-middleware.mjs`;
  await build({ entryPoints: [`${root}bench/http-middleware-server.ts`], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: middlewareBundle, logLevel: 'warning' });
  const middlewarePort = await freePort();
  const middlewareBase = `http://127.0.0.1:${middlewarePort}`;
  let middlewareToken;
  const middleware = await start('http-middleware mock', process.execPath, [middlewareBundle], { PORT: String(middlewarePort) }, async () => (middlewareToken = await mintToken(middlewareBase)));
  try {
    rows.push({ name: 'the same mock through @mswjs/http-middleware (express)', startupMs: middleware.startupMs, ...(await load(`${middlewareBase}${PATH}`, { authorization: `Bearer ${middlewareToken}` })) });
  } finally {
    middleware.child.kill('SIGTERM');
  }

  const prismPort = await freePort();
  const prismBase = `http://127.0.0.1:${prismPort}`;
  const prism = await start(
    'Prism',
    process.execPath,
    [`${root}node_modules/@stoplight/prism-cli/dist/index.js`, 'mock', 'openapi/agent-engine.yaml', '--host', '127.0.0.1', '--port', String(prismPort), '--errors'],
    {},
    async () => (await fetch(`${prismBase}${PATH}`, { headers: { authorization: 'Bearer x' } })).ok,
  );
  try {
    rows.push({ name: 'Prism 5 (static, validating)', startupMs: prism.startupMs, ...(await load(`${prismBase}${PATH}`, { authorization: 'Bearer x' })) });
  } finally {
    prism.child.kill('SIGTERM');
  }

  if (bare) {
    const mswPort = await freePort();
    const mswBase = `http://127.0.0.1:${mswPort}`;
    const msw = await start('MSW alone', process.execPath, ['--input-type=module', '-e', MSW_SERVER], { PORT: String(mswPort), BARE_BODY: fixedBody }, async () => (await fetch(`${mswBase}${PATH}`)).ok);
    try {
      rows.push({ name: 'MSW behind node:http, one handler answering the same JSON (ceiling of the design)', startupMs: msw.startupMs, ...(await load(`${mswBase}${PATH}`, {})) });
    } finally {
      msw.child.kill('SIGTERM');
    }

    const barePort = await freePort();
    const bareBase = `http://127.0.0.1:${barePort}`;
    const server = await start('bare node:http', process.execPath, ['-e', BARE_SERVER], { PORT: String(barePort), BARE_BODY: fixedBody }, async () => (await fetch(`${bareBase}${PATH}`)).ok);
    try {
      rows.push({ name: 'bare node:http, the same JSON (ceiling)', startupMs: server.startupMs, ...(await load(`${bareBase}${PATH}`, {})) });
    } finally {
      server.child.kill('SIGTERM');
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchMock();
  const [mock, , prism] = rows;
  console.log(`\nGET ${PATH}, ${CONNECTIONS} connections, ${DURATION_S} s each, node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
  console.log('| server | start-up (spawn to first answer) | requests/s | p99 latency |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const row of rows) console.log(`| ${row.name} | ${row.startupMs.toFixed(0)} ms | ${row.rps.toFixed(0)} | ${row.p99} ms |`);
  console.log(`\nstandalone mock / Prism: ${(mock.rps / prism.rps).toFixed(1)}x the requests per second`);
}
