// The validating proxy (`agent-engine-kit proxy`), as a process of its own in front of the mock as `npm start` runs it:
// the time it adds to a call over a direct call to the same upstream, for a small answer (catalog `?name=git`) and for
// an execute of 100 GitHub issues with every record checked against the definition; and its memory while a 100 MB
// download streams through. Direct and proxied calls alternate, one at a time, so that drift hits both alike; each
// round's medians give one added figure, reported as min / median / max over the rounds.
import { startLargeDownloadServer } from '../contract-tests/support/large-download.js';
import { bundleForNode } from '../contract-tests/support/processes.js';
import { type Spread, rssMb, spread } from './spread.js';

export interface OverheadRow {
  name: string;
  directMs: number;
  proxiedMs: number;
  addedMs: Spread;
  calls: number;
}

export interface ProxyBench {
  rows: OverheadRow[];
  violations: number;
  stream: { megabytes: number; rssBeforeMb: number; rssPeakMb: number; rssAfterMb: number; seconds: number };
}

const median = (values: number[]) => spread(values).median;

async function timed(call: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const response = await call();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
  return performance.now() - started;
}

/** Alternating direct and proxied calls: `rounds` rounds of `calls` each, the added median of each round. */
async function overhead(
  name: string,
  direct: () => Promise<Response>,
  proxied: () => Promise<Response>,
  rounds: number,
  calls: number,
): Promise<OverheadRow> {
  for (let i = 0; i < 20; i++) await Promise.all([timed(direct), timed(proxied)]); // warm both paths and the JITs
  const added: number[] = [];
  const allDirect: number[] = [];
  const allProxied: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const d: number[] = [];
    const p: number[] = [];
    for (let i = 0; i < calls; i++) {
      if (i % 2 === 0) {
        d.push(await timed(direct));
        p.push(await timed(proxied));
      } else {
        p.push(await timed(proxied));
        d.push(await timed(direct));
      }
    }
    added.push(median(p) - median(d));
    allDirect.push(...d);
    allProxied.push(...p);
  }
  return {
    name,
    directMs: median(allDirect),
    proxiedMs: median(allProxied),
    addedMs: spread(added),
    calls: rounds * calls,
  };
}

export async function benchProxy({ rounds = 7, calls = 100 } = {}): Promise<ProxyBench> {
  // @ts-expect-error: plain .mjs modules without type declarations
  const { freePort, mintToken, start } = await import('./mock.mjs');
  // @ts-expect-error: plain .mjs modules without type declarations
  const { buildMock } = await import('../scripts/build-mock.mjs');
  const cli = new URL('../mock-dist/cli-bench-proxy.mjs', import.meta.url).pathname;
  await bundleForNode('bin/agent-engine-kit.ts', cli);
  const mockPort: number = await freePort();
  const base = `http://127.0.0.1:${mockPort}`;
  let token = '';
  const mock = await start(
    'mock',
    process.execPath,
    [await buildMock(), '--records', '200'],
    { PORT: String(mockPort) },
    async () => Boolean((token = await mintToken(base))),
  );
  const proxyPort: number = await freePort();
  const via = `http://127.0.0.1:${proxyPort}`;
  const report = new URL('../mock-dist/bench-proxy-report.json', import.meta.url).pathname;
  const proxy = await start(
    'proxy',
    process.execPath,
    [
      cli,
      'proxy',
      '--upstream',
      base,
      '--upstream-v1',
      base,
      '--port',
      String(proxyPort),
      '--quiet',
      '--report',
      report,
    ],
    {},
    async () => (await fetch(`${via}/v1/health`)).ok,
  );
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  try {
    const created = await fetch(`${base}/api/v1/integrations/connectors`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        workspace_name: 'default',
        connector_type: 'GitHub',
        credentials: { token: 'ghp_bench' },
        replication_config: { repositories: ['airbytehq/airbyte'] },
      }),
    });
    const connector = (await created.json()) as { id: string };
    const catalog = (origin: string) => () =>
      fetch(`${origin}/api/v1/integrations/definitions/sources?name=git`, { headers });
    const issues = (origin: string) => () =>
      fetch(`${origin}/api/v1/integrations/connectors/${connector.id}/execute`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ entity: 'issues', action: 'list', params: { per_page: 100 } }),
      });
    const check = (await (await issues(via)()).json()) as { result: unknown[] };
    if (check.result.length !== 100) throw new Error(`execute answered ${check.result.length} issues, not 100`);
    const rows = [
      await overhead('catalog `?name=git` (small answer)', catalog(base), catalog(via), rounds, calls),
      await overhead(
        'execute: 100 GitHub issues, every record checked',
        issues(base),
        issues(via),
        rounds,
        Math.ceil(calls / 2),
      ),
    ];
    const stream = await streamBench(cli, freePort, start);
    proxy.child.kill('SIGTERM');
    await new Promise((resolve) => proxy.child.once('exit', resolve));
    const { readFileSync } = await import('node:fs');
    const violations = (JSON.parse(readFileSync(report, 'utf8')) as { violations: unknown[] }).violations.length;
    return { rows, violations, stream };
  } finally {
    proxy.child.kill('SIGTERM');
    mock.child.kill('SIGTERM');
  }
}

/** A 100 MB download through a proxy process of its own: its resident memory sampled while the bytes stream. */
async function streamBench(
  cli: string,
  freePort: () => Promise<number>,
  start: (...args: unknown[]) => Promise<{ child: import('node:child_process').ChildProcess }>,
): Promise<ProxyBench['stream']> {
  const SIZE = 100 * 1024 * 1024;
  const upstream = await startLargeDownloadServer(SIZE, 1);
  const upstreamUrl = upstream.url;
  const port = await freePort();
  const via = `http://127.0.0.1:${port}`;
  const proxy = await start(
    'proxy (stream)',
    process.execPath,
    [cli, 'proxy', '--upstream', upstreamUrl, '--upstream-v1', upstreamUrl, '--port', String(port), '--quiet'],
    {},
    async () => (await fetch(`${via}/api/v1/health`)).status > 0,
  );
  try {
    const pid = proxy.child.pid!;
    const download = async () => {
      const response = await fetch(
        `${via}/api/v1/integrations/connectors/00000000-0000-4000-8000-000000000000/execute`,
        {
          method: 'POST',
          headers: { authorization: 'Bearer bench', 'content-type': 'application/json' },
          body: JSON.stringify({ entity: 'files', action: 'download', params: { fileId: 'big' } }),
        },
      );
      let size = 0;
      for await (const chunk of response.body! as unknown as AsyncIterable<Uint8Array>) size += chunk.byteLength;
      if (size !== SIZE) throw new Error(`streamed ${size} bytes, not ${SIZE}`);
    };
    // One download first: the proxy's start (its answer worker loading) is not what is measured.
    await download();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rssBeforeMb = rssMb(pid);
    let rssPeakMb = rssBeforeMb;
    const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb(pid))), 20);
    const started = performance.now();
    await download();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    return { megabytes: SIZE / 2 ** 20, rssBeforeMb, rssPeakMb, rssAfterMb: rssMb(pid), seconds };
  } finally {
    proxy.child.kill('SIGTERM');
    await upstream.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchProxy(), null, 2));

export interface ReplayBench {
  records: number;
  megabytes: number;
  /** The replay alone: `new MockService({ replay: FILE })` in this process, reading the file included. */
  inProcessMs: Spread;
  plainMs: Spread;
  replayMs: Spread;
  rounds: number;
}

/**
 * Replay start-up: a recording of 10,000 GitHub issues (100 pages of 100, recorded as the proxy records them), and the
 * mock as `npm start -- --replay FILE` runs it, spawn to first answer, against the same start without a recording.
 */
export async function benchReplayStartup(rounds = 5): Promise<ReplayBench> {
  const { createMockFetch } = await import('../mocks/fetch.js');
  const { harRecorder } = await import('../contract-tests/support/har-recording.js');
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  // @ts-expect-error: plain .mjs modules without type declarations
  const { freePort, mintToken, start } = await import('./mock.mjs');
  // @ts-expect-error: plain .mjs modules without type declarations
  const { buildMock } = await import('../scripts/build-mock.mjs');
  const upstream = createMockFetch({ seed: 3, records: 10_000 });
  const recorder = harRecorder(upstream.fetch);
  const call = async (path: string, body: unknown, token?: string) =>
    (await (
      await recorder.fetch(`https://api.airbyte.ai${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
    ).json()) as any;
  const { access_token: token } = await call('/api/v1/account/applications/token', {
    client_id: 'demo-client-id',
    client_secret: 'demo-client-secret',
  });
  const connector = await call(
    '/api/v1/integrations/connectors',
    {
      workspace_name: 'default',
      connector_type: 'GitHub',
      credentials: { token: 'ghp_bench' },
      replication_config: { repositories: ['airbytehq/airbyte'] },
    },
    token,
  );
  let after: string | undefined;
  let records = 0;
  do {
    const page = await call(
      `/api/v1/integrations/connectors/${connector.id}/execute`,
      { entity: 'issues', action: 'list', params: { per_page: 100, ...(after ? { after } : {}) } },
      token,
    );
    records += page.result.length;
    after = page.connector_metadata.has_next_page ? page.connector_metadata.end_cursor : undefined;
  } while (after);
  const directory = mkdtempSync(join(tmpdir(), 'bench-replay-'));
  const file = join(directory, 'github-10k.har');
  const text = JSON.stringify(recorder.har());
  writeFileSync(file, text);
  const bundle: string = await buildMock();
  const startOnce = async (args: string[]) => {
    const port: number = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const mock = await start('mock', process.execPath, [bundle, ...args], { PORT: String(port) }, async () =>
      Boolean(await mintToken(base)),
    );
    mock.child.kill('SIGTERM');
    await new Promise((resolve) => mock.child.once('exit', resolve));
    return mock.startupMs as number;
  };
  try {
    const { MockService } = await import('../mocks/service.js');
    const inProcess: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      const service = new MockService({ seed: 5, replay: file });
      inProcess.push(performance.now() - started);
      if (service.replayed?.records !== records) throw new Error(`replayed ${service.replayed?.records} records`);
    }
    const plain: number[] = [];
    const replay: number[] = [];
    for (let round = 0; round < rounds; round++) {
      plain.push(await startOnce([]));
      replay.push(await startOnce(['--replay', file]));
    }
    return {
      records,
      megabytes: text.length / 2 ** 20,
      inProcessMs: spread(inProcess),
      plainMs: spread(plain),
      replayMs: spread(replay),
      rounds,
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
