// The execute engine in the standalone mock, as `npm start` runs it (its own process): start-up with the 51
// connector definitions, requests/s and p99 of a GitHub `list` of 30 issues and of a Stripe `get`, and the process's
// memory once every connector's records have been built (one connector of each definition, each entity read once).
import { connectorDefinition, connectorIndex } from '../mocks/connectors/definitions.js';
import { createBody } from '../contract-tests/support/connector-samples.js';
import { rssMb } from './spread.js';

export interface ExecuteBench {
  startupMs: number;
  rows: { name: string; rps: number; p99: number; total: number }[];
  rssBeforeMb: number;
  rssAfterMb: number;
  connectors: number;
  buildAllMs: number;
}

export async function benchExecute(): Promise<ExecuteBench> {
  // @ts-expect-error: plain .mjs modules without type declarations
  const { freePort, load, mintToken, start } = await import('./mock.mjs');
  // @ts-expect-error: plain .mjs modules without type declarations
  const { buildMock } = await import('../scripts/build-mock.mjs');
  const bundle: string = await buildMock();
  const port: number = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let token = '';
  const mock = await start('standalone mock', process.execPath, [bundle], { PORT: String(port) }, async () =>
    Boolean((token = await mintToken(base))),
  );
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
    return json;
  };
  try {
    const rssBeforeMb = rssMb(mock.child.pid);
    // First, in the fresh process: every connector's records built (one connector of each definition, executed once:
    // that builds all of its entities), and the memory then.
    const started = performance.now();
    const created = new Map<string, { id: string }>();
    for (const { name } of connectorIndex()) {
      const connector = await call('POST', '/api/v1/integrations/connectors', createBody(connectorDefinition(name)!));
      created.set(name, connector);
      // Entities are built when first read: one execute of each builds every entity of the connector. Each is refused
      // (an unknown param, checked once the entity's records are there), so the figure is the records' memory alone,
      // without the answers' kept JSON or the record validators a read compiles.
      for (const [entity, { actions }] of connectorDefinition(name)!.entities) {
        const refused = await fetch(`${base}/api/v1/integrations/connectors/${connector.id}/execute`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ entity, action: [...actions.keys()][0], params: { bench_builds_the_records: 1 } }),
        });
        if (refused.status !== 422) throw new Error(`${name} ${entity}: ${refused.status}, not the 422 expected`);
      }
    }
    const buildAllMs = performance.now() - started;
    const rssAfterMb = rssMb(mock.child.pid);
    const github = created.get('github')!;
    const stripe = created.get('stripe')!;
    const customers = await call('POST', `/api/v1/integrations/connectors/${stripe.id}/execute`, {
      entity: 'customers',
      action: 'list',
      params: { limit: 5 },
    });
    const customerId = customers.result[2].id;
    const githubList = { entity: 'issues', action: 'list', params: { per_page: 30 } };
    const firstPage = await call('POST', `/api/v1/integrations/connectors/${github.id}/execute`, githubList);
    if (firstPage.result.length !== 30)
      throw new Error(`GitHub list answered ${firstPage.result.length} issues, not 30`);
    const post = (path: string, body: unknown) =>
      load(
        `${base}${path}`,
        { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        { method: 'POST', body: JSON.stringify(body) },
      );
    const rows = [
      {
        name: 'GitHub issues `list`, 30 records',
        ...(await post(`/api/v1/integrations/connectors/${github.id}/execute`, githubList)),
      },
      {
        name: 'Stripe customers `get`',
        ...(await post(`/api/v1/integrations/connectors/${stripe.id}/execute`, {
          entity: 'customers',
          action: 'get',
          params: { id: customerId },
        })),
      },
    ];
    const connectors = created.size;
    return { startupMs: mock.startupMs, rows, rssBeforeMb, rssAfterMb, connectors, buildAllMs };
  } finally {
    mock.child.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchExecute());
