// Property-based fuzzing of every operation of both specs on the in-process mock (createMockFetch: the same pipeline
// and operations as every adapter, whose answers adapters-parity.test.ts shows are byte for byte alike, without the
// cost of intercepting), with requests generated from the spec's
// own schemas by the generator `verify --fuzz` uses (src/verify/requests.ts; fast-check, seeded and reproducible): valid requests get only documented statuses, never a 5xx, never
// an answer outside the spec; requests the spec refuses (bodies, path ids, typed query parameters) get a 400 or 422.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMockFetch } from '../../mocks/node.js';
import {
  SPEC_NAMES,
  listOperations,
  loadSpec,
  tokenKinds,
  type SpecName,
  type SpecOperation,
} from '../../mocks/spec.js';
import { bodyBreaks, parameterBreaks, requestArbitrary, type GeneratedRequest } from '../../src/verify/requests.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const ORIGIN = 'http://127.0.0.1:4010';
const { fetch, service } = createMockFetch({ seed: 9, tokenTtlSeconds: 24 * 3600 });
const tokens: Partial<Record<SpecName, string>> = {};
/** For the operations that take no application token (scoped info): a scoped token of the default workspace. */
let scopedToken = '';

beforeAll(async () => {
  for (const api of SPEC_NAMES) {
    const path = api === 'agent-engine' ? '/api/v1/account/applications/token' : '/v1/applications/token';
    const response = await fetch(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: 'demo-client-id', client_secret: 'demo-client-secret' }),
    });
    tokens[api] = ((await response.json()) as { access_token: string }).access_token;
  }
  const scoped = await fetch(`${ORIGIN}/api/v1/account/applications/scoped-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens['agent-engine']}` },
    body: JSON.stringify({ workspace_name: 'default' }),
  });
  scopedToken = ((await scoped.json()) as { token: string }).token;
});

async function send(
  api: SpecName,
  op: SpecOperation,
  request: GeneratedRequest,
  body: string | undefined,
): Promise<number> {
  const prefix = api === 'agent-engine' ? '' : '/v1';
  const url = new URL(
    `${ORIGIN}${prefix}${op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(request.path[name]!))}`,
  );
  for (const [name, value] of Object.entries(request.query)) {
    for (const item of Array.isArray(value) ? value : [value])
      if (item !== null && item !== undefined) url.searchParams.append(name, String(item));
  }
  const response = await fetch(url, {
    method: op.method.toUpperCase(),
    headers: {
      ...request.headers,
      authorization: `Bearer ${api === 'agent-engine' && !tokenKinds(loadSpec(api), op.operation).has('application') ? scopedToken : tokens[api]}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body } : {}),
  });
  await response.arrayBuffer();
  return response.status;
}

for (const api of SPEC_NAMES) {
  describe(`fuzzing ${api} (seed ${SEED}, ${RUNS} runs per operation)`, () => {
    for (const op of listOperations(loadSpec(api))) {
      const documented = Object.keys(op.operation.responses);
      const arbitrary = requestArbitrary(loadSpec(api), op);

      it(`${op.operationId}: valid requests get documented statuses, no 5xx, answers within the spec`, async () => {
        await fc.assert(
          fc.asyncProperty(arbitrary, async (request) => {
            const status = await send(
              api,
              op,
              request,
              request.body === undefined ? undefined : JSON.stringify(request.body),
            );
            return documented.includes(String(status)) && status < 500 && service.specViolations.length === 0;
          }),
          { numRuns: RUNS, seed: SEED },
        );
        expect(service.specViolations).toEqual([]);
      }, 60_000);

      const parameterMutations = parameterBreaks(loadSpec(api), op);
      if (parameterMutations.length > 0) {
        it(`${op.operationId}: parameters the spec refuses get a 400 or 422`, async () => {
          await fc.assert(
            fc.asyncProperty(arbitrary, fc.constantFrom(...parameterMutations), async (request, mutate) => {
              const { request: broken } = mutate(request);
              const status = await send(
                api,
                op,
                broken,
                broken.body === undefined ? undefined : JSON.stringify(broken.body),
              );
              return status === 400 || status === 422;
            }),
            { numRuns: Math.ceil(RUNS / 2), seed: SEED },
          );
        }, 60_000);
      }

      const bodyMutations = bodyBreaks(loadSpec(api), op);
      if (bodyMutations.length > 0) {
        it(`${op.operationId}: bodies the spec refuses get a 400 or 422`, async () => {
          await fc.assert(
            fc.asyncProperty(arbitrary, fc.constantFrom(...bodyMutations), async (request, mutate) => {
              const broken = mutate(request);
              const status = await send(api, op, broken.request, broken.bodyText);
              return status === 400 || status === 422;
            }),
            { numRuns: Math.ceil(RUNS / 2), seed: SEED },
          );
        }, 60_000);
      }
    }
  });
}
