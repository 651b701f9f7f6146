// Where the contract cases run: the MSW mock in-process, the mock's fetch function handed to the clients, the standalone
// mock over HTTP, Prism (both specs), and the real API when credentials are given. CONTRACT_TARGETS picks them
// (default: msw,fetch,standalone,prism).
import { ManualClock, createMockFetch, setupMockServer, type MockService } from '../../mocks/node.js';
import { startStandaloneMock } from '../../mocks/standalone.js';
import { startPrism } from './processes.js';

export type { Target } from '../../src/verify/cases.js';
import type { Target } from '../../src/verify/cases.js';

const DEMO = { clientId: 'demo-client-id', clientSecret: 'demo-client-secret' };

export const TARGET_NAMES = ['msw', 'fetch', 'standalone', 'prism', 'live'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export function selectedTargets(): TargetName[] {
  const wanted = (process.env.CONTRACT_TARGETS ?? 'msw,fetch,standalone,prism')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  for (const name of wanted)
    if (!TARGET_NAMES.includes(name as TargetName))
      throw new Error(`CONTRACT_TARGETS: unknown target ${name} (known: ${TARGET_NAMES.join(', ')})`);
  return wanted as TargetName[];
}

/** The live target needs credentials; without them it is skipped, and says so. */
export function liveCredentials(): { clientId: string; clientSecret: string } | undefined {
  const clientId = process.env.AIRBYTE_CLIENT_ID;
  const clientSecret = process.env.AIRBYTE_CLIENT_SECRET;
  return clientId && clientSecret ? { clientId, clientSecret } : undefined;
}

/** A target of the kit's own mock (MSW, its fetch function, or its HTTP server): stateful, its clock and faults in reach. */
function mockTarget(
  name: TargetName,
  origin: string,
  service: MockService,
  clock: ManualClock,
  rest: Pick<Target, 'stop'> & Partial<Pick<Target, 'fetch'>>,
): Target {
  return {
    name,
    agentEngine: origin,
    v1: `${origin}/v1`,
    ...DEMO,
    stateful: true,
    live: false,
    advanceClock: (ms: number) => clock.advance(ms),
    failNext: (count: number, status = 503) => service.failNext(count, { status, retryAfterSeconds: 0 }),
    ...rest,
  };
}

export async function startTarget(name: TargetName): Promise<Target> {
  switch (name) {
    case 'msw': {
      // The mock's clock starts at the real time: clients judge expiry by the JWT's exp on their own clock.
      const clock = new ManualClock(Date.now());
      const { server, service } = setupMockServer({ seed: 11, clock });
      server.listen({ onUnhandledRequest: 'error' });
      return mockTarget(name, 'http://127.0.0.1:4010', service, clock, { stop: async () => server.close() });
    }
    case 'fetch': {
      // No server and no interception: the clients call the mock's fetch function.
      const clock = new ManualClock(Date.now());
      const mock = createMockFetch({ seed: 11, clock });
      return mockTarget(name, 'https://api.airbyte.ai', mock.service, clock, {
        fetch: mock.fetch,
        stop: async () => {},
      });
    }
    case 'standalone': {
      const clock = new ManualClock(Date.now());
      const mock = await startStandaloneMock({ port: 0, log: false, seed: 11, clock });
      return mockTarget(name, mock.url, mock.service, clock, { stop: mock.close });
    }
    case 'prism': {
      const [agentEngine, v1] = await Promise.all([
        startPrism('openapi/agent-engine.yaml'),
        startPrism('openapi/airbyte-api-v1.yaml'),
      ]);
      return {
        name,
        agentEngine: agentEngine.url,
        v1: v1.url,
        clientId: 'prism-client',
        clientSecret: 'prism-secret',
        stateful: false,
        live: false,
        stop: async () => {
          agentEngine.child.kill('SIGTERM');
          v1.child.kill('SIGTERM');
        },
      };
    }
    case 'live': {
      const credentials = liveCredentials();
      if (!credentials) throw new Error('live target needs AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET');
      return {
        name,
        agentEngine: process.env.AIRBYTE_API_HOST ?? 'https://api.airbyte.ai',
        v1: undefined,
        ...credentials,
        stateful: true,
        live: true,
        stop: async () => {},
      };
    }
  }
}
