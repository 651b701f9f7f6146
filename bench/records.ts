// The navigable data: the user's walk over all 51 connectors (support/connector-walk.ts: every listable entity from the
// roots, every child list, every listed record's get) timed in process, and a mock as `npm start -- --records 100000`
// runs it: the time to GitHub's first page of issues (made as they are read), the time to walk every page (which
// makes all 100,000), and the process's memory then. Each repeated figure is min / median / max.
import { connectorIndex } from '../mocks/connectors/definitions.js';
import { walkConnector } from '../contract-tests/support/connector-walk.js';
import { type Spread, rssMb, spread } from './spread.js';

export interface WalkBench {
  connectors: number;
  lists: number;
  gets: number;
  ms: Spread;
  rounds: number;
}

/** The walk over every connector, `rounds` times (each on fresh datasets: the first read builds every entity). */
export function benchWalk(rounds = 5): WalkBench {
  const times: number[] = [];
  let lists = 0;
  let gets = 0;
  for (let round = 0; round < rounds; round++) {
    lists = 0;
    gets = 0;
    const started = performance.now();
    for (const { name } of connectorIndex()) {
      const figures = walkConnector(name, { seed: 11 + round });
      lists += figures.lists;
      gets += figures.gets;
    }
    times.push(performance.now() - started);
  }
  return { connectors: connectorIndex().length, lists, gets, ms: spread(times), rounds };
}

export interface LargeBench {
  records: number;
  startupMs: number;
  firstPageMs: number;
  secondPageMs: number;
  walkMs: number;
  pages: number;
  rssStartMb: number;
  rssAfterMb: number;
}

/** GitHub issues in a mock process holding `records` of each listable entity: first page, every page, memory. */
export async function benchLargeRecords(records = 100_000): Promise<LargeBench> {
  // @ts-expect-error: plain .mjs modules without type declarations
  const { freePort, mintToken, start } = await import('./mock.mjs');
  // @ts-expect-error: plain .mjs modules without type declarations
  const { buildMock } = await import('../scripts/build-mock.mjs');
  const bundle: string = await buildMock();
  const port: number = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let token = '';
  const mock = await start(
    'mock --records',
    process.execPath,
    [bundle, '--records', String(records)],
    { PORT: String(port) },
    async () => Boolean((token = await mintToken(base))),
  );
  const call = async (path: string, body: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
    return json;
  };
  try {
    const rssStartMb = rssMb(mock.child.pid);
    const connector = await call('/api/v1/integrations/connectors', {
      workspace_name: 'default',
      connector_type: 'GitHub',
      credentials: { token: 'ghp_bench' },
      replication_config: { repositories: ['airbytehq/airbyte'] },
    });
    const execute = `/api/v1/integrations/connectors/${connector.id}/execute`;
    const list = (after?: string) =>
      call(execute, { entity: 'issues', action: 'list', params: { per_page: 100, ...(after ? { after } : {}) } });
    let started = performance.now();
    let page = await list();
    const firstPageMs = performance.now() - started;
    started = performance.now();
    const second = await list(page.connector_metadata.end_cursor);
    const secondPageMs = performance.now() - started;
    let seen = page.result.length + second.result.length;
    let pages = 2;
    page = second;
    started = performance.now();
    while (page.connector_metadata.has_next_page) {
      page = await list(page.connector_metadata.end_cursor);
      seen += page.result.length;
      pages++;
    }
    const walkMs = performance.now() - started + secondPageMs;
    if (seen !== records) throw new Error(`walked ${seen} issues, not ${records}`);
    return {
      records,
      startupMs: mock.startupMs,
      firstPageMs,
      secondPageMs,
      walkMs,
      pages,
      rssStartMb,
      rssAfterMb: rssMb(mock.child.pid),
    };
  } finally {
    mock.child.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(benchWalk(3));
  console.log(await benchLargeRecords(Number(process.env.BENCH_RECORDS ?? 100_000)));
}
