// Client overhead per call on a stubbed fetch, the way openapi-fetch measures itself: no network, the same small
// JSON answer every time, so what is left is the cost of the client. Raw fetch, bare openapi-fetch, and this kit's
// client with its token lifecycle, retries, timeouts and error mapping on. And the token single-flight: N calls
// at once on a fresh client, against a token endpoint that takes a moment, and how many token requests that made.
import { once } from 'node:events';
import createClient from 'openapi-fetch';
import { measure } from 'mitata';
import type { paths } from '../generated/agent-engine.js';
import type * as Kit from '../src/index.js';

// What users run: the built package (npm run bench builds it first), typed from the source it is built from.
const distEntry = new URL('../dist/index.js', import.meta.url).href;
const { createAgentEngineClient } = (await import(distEntry)) as typeof Kit;

const BASE = 'https://api.airbyte.ai';
const PATH = '/api/v1/integrations/definitions/sources';
const LIST_BODY = JSON.stringify({
  definitions: [
    {
      sourceDefinitionId: 'ef69ef6e-aa7f-4af1-a01d-ef775033524e',
      destinationDefinitionId: null,
      name: 'GitHub',
      dockerRepository: 'airbyte/source-github',
      iconUrl: null,
      custom: false,
      supportLevel: 'certified',
      spec: null,
    },
  ],
});
const TOKEN_BODY = JSON.stringify({
  access_token: 'bench.token.value',
  token_type: 'Bearer',
  expires_in: 900,
  organization_id: '4f7c2b1e-8d3a-4c5f-9b6e-2a1d0c9e8f7a',
});
const json = (body: string) => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });

/** A fetch that answers without a network: the token endpoint (after `tokenDelayMs`) and the list, counting both. */
export function stubFetch(tokenDelayMs = 0) {
  const counts = { token: 0, api: 0 };
  const fetchStub = async (input: RequestInfo | URL): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith('/applications/token')) {
      counts.token += 1;
      if (tokenDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, tokenDelayMs));
      return json(TOKEN_BODY);
    }
    counts.api += 1;
    return json(LIST_BODY);
  };
  return { fetch: fetchStub as typeof fetch, counts };
}

export interface OverheadRow {
  name: string;
  opsPerSecond: number;
  meanMicros: number;
  p99Micros: number;
  samples: number;
}

/**
 * Times each task with mitata, in the order given and then in the reverse order (timings drift within a run: the
 * later task pays for the garbage of the earlier), and pools both runs of each.
 */
async function measureTasks(tasks: [string, () => Promise<unknown>][], timeMs: number): Promise<OverheadRow[]> {
  const samples = new Map<string, number[]>(tasks.map(([name]) => [name, []]));
  for (const order of [tasks, [...tasks].reverse()]) {
    for (const [name, fn] of order) {
      const stats = await measure(fn, { min_cpu_time: (timeMs / 2) * 1e6 });
      samples.get(name)!.push(...stats.samples);
    }
  }
  return tasks.map(([name]) => {
    // mitata's samples are nanoseconds per call.
    const all = samples.get(name)!.sort((a, b) => a - b);
    const meanNs = all.reduce((sum, v) => sum + v, 0) / all.length;
    return {
      name,
      opsPerSecond: 1e9 / meanNs,
      meanMicros: meanNs / 1000,
      p99Micros: all[Math.floor(all.length * 0.99)]! / 1000,
      samples: all.length,
    };
  });
}

export async function benchClientOverhead(timeMs = 2_000): Promise<OverheadRow[]> {
  const { fetch: stub } = stubFetch();
  const bare = createClient<paths>({ baseUrl: BASE, fetch: stub });
  const kit = createAgentEngineClient({ baseUrl: BASE, clientId: 'bench', clientSecret: 'bench-secret', fetch: stub });
  const kitNoTimeout = createAgentEngineClient({
    baseUrl: BASE,
    clientId: 'bench',
    clientSecret: 'bench-secret',
    fetch: stub,
    timeoutMs: 0,
  });
  // The tokens are minted once, before timing.
  await kit.definitions.listSources({ name: 'git' });
  await kitNoTimeout.definitions.listSources({ name: 'git' });

  return measureTasks(
    [
      [
        'raw fetch + JSON.parse',
        async () => {
          const response = await stub(`${BASE}${PATH}?name=git`, {
            headers: { authorization: 'Bearer bench.token.value' },
          });
          if (!response.ok) throw new Error('not ok');
          await response.json();
        },
      ],
      [
        'bare openapi-fetch',
        async () => {
          const { data } = await bare.GET(PATH, {
            params: { query: { name: 'git' } },
            headers: { authorization: 'Bearer bench.token.value' },
          });
          if (!data) throw new Error('no data');
        },
      ],
      [
        'agent-engine-kit client: auth, retries, error mapping (timeoutMs: 0)',
        () => kitNoTimeout.definitions.listSources({ name: 'git' }),
      ],
      [
        'agent-engine-kit client, defaults: the same and a 60 s timeout',
        () => kit.definitions.listSources({ name: 'git' }),
      ],
      // Not a client: what the one thing a timeout needs costs by itself, to read the row above against.
      [
        'bare openapi-fetch + an abortable signal per call (what a timeout needs)',
        async () => {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), 30_000);
          try {
            const { data } = await bare.GET(PATH, {
              params: { query: { name: 'git' } },
              headers: { authorization: 'Bearer bench.token.value' },
              signal: controller.signal,
            });
            if (!data) throw new Error('no data');
          } finally {
            clearTimeout(timer);
          }
        },
      ],
    ],
    timeMs,
  );
}

/**
 * The same comparison with the real fetch (undici) against a loopback server in a process of its own, answering the
 * same JSON to everything: what a call costs as users see it, network stack included.
 */
export async function benchClientOverHttp(timeMs = 2_000): Promise<OverheadRow[]> {
  // @ts-expect-error: a plain .mjs module without type declarations
  const { BARE_SERVER, freePort, start } = await import('./mock.mjs');
  const port: number = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { child: server } = await start(
    'loopback server',
    process.execPath,
    ['-e', BARE_SERVER],
    { PORT: String(port), BARE_BODY: `${TOKEN_BODY.slice(0, -1)},"definitions":[]}` },
    async () => (await fetch(base)).ok,
  );
  try {
    const bare = createClient<paths>({ baseUrl: base });
    const kit = createAgentEngineClient({ baseUrl: base, clientId: 'bench', clientSecret: 'bench-secret' });
    await kit.definitions.listSources({ name: 'git' });
    return await measureTasks(
      [
        [
          'bare openapi-fetch, real fetch',
          async () => {
            const { data } = await bare.GET(PATH, {
              params: { query: { name: 'git' } },
              headers: { authorization: 'Bearer bench.token.value' },
            });
            if (!data) throw new Error('no data');
          },
        ],
        ['agent-engine-kit client, defaults, real fetch', () => kit.definitions.listSources({ name: 'git' })],
      ],
      timeMs,
    );
  } finally {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
}

export interface SingleFlightRow {
  concurrent: number;
  apiRequests: number;
  tokenRequests: number;
  ms: number;
}

/** N calls at once on a fresh client whose token endpoint answers after 20 ms. */
export async function benchSingleFlight(levels = [1, 10, 100, 1000]): Promise<SingleFlightRow[]> {
  const rows: SingleFlightRow[] = [];
  for (const concurrent of levels) {
    const { fetch: stub, counts } = stubFetch(20);
    const kit = createAgentEngineClient({
      baseUrl: BASE,
      clientId: 'bench',
      clientSecret: 'bench-secret',
      fetch: stub,
    });
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrent }, () => kit.definitions.listSources({ name: 'git' })));
    rows.push({ concurrent, apiRequests: counts.api, tokenRequests: counts.token, ms: performance.now() - started });
  }
  return rows;
}
