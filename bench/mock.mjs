// What the benches that load servers share: starting a server as its own process (timed from spawn to first answer),
// a free port, an autocannon run, a token from the mock, and a bare node:http server as the ceiling.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

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
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
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
  const result = await autocannon({
    url,
    method,
    connections: CONNECTIONS,
    duration,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${method} ${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
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
