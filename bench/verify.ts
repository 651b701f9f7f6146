// `verify --fuzz --stateful` against the mock as `npm start` runs it (its own process), with the default budget: the command as
// a user runs it (the built dist/cli.js), its wall time and the requests it sent per second, a few runs of other seeds.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Spread, spread } from './spread.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface FuzzBench {
  rounds: number;
  requests: number;
  wallMs: Spread;
  requestsPerSecond: Spread;
  checks: number;
}

export async function benchFuzz(rounds = 3): Promise<FuzzBench> {
  // @ts-expect-error: plain .mjs modules without type declarations
  const { freePort, mintToken, start } = await import('./mock.mjs');
  // @ts-expect-error: plain .mjs modules without type declarations
  const { buildMock } = await import('../scripts/build-mock.mjs');
  const port: number = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const mock = await start('mock', process.execPath, [await buildMock()], { PORT: String(port) }, async () =>
    Boolean(await mintToken(base)),
  );
  try {
    const walls: number[] = [];
    const rates: number[] = [];
    let requests = 0;
    let checks = 0;
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      const run = spawnSync(
        process.execPath,
        [
          `${root}dist/cli.js`,
          'verify',
          base,
          '--fuzz',
          '--stateful',
          '--all',
          '--v1',
          `${base}/v1`,
          '--seed',
          String(100 + round),
        ],
        { cwd: root, encoding: 'utf8' },
      );
      const wall = performance.now() - started;
      const summary = /^(\d+) checks passed, (\d+) failed; (\d+) requests in/m.exec(run.stdout);
      if (!summary || run.status !== 0)
        throw new Error(`verify --fuzz failed:\n${run.stdout.slice(-2000)}${run.stderr}`);
      checks = Number(summary[1]);
      requests = Number(summary[3]);
      walls.push(wall);
      rates.push(requests / (wall / 1000));
    }
    return { rounds, requests, wallMs: spread(walls), requestsPerSecond: spread(rates), checks };
  } finally {
    mock.child.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchFuzz());
