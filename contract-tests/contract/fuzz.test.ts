// Property-based fuzzing of every operation of both specs on the in-process mock (createMockFetch: the same pipeline
// and operations as every adapter, whose answers adapters-parity.test.ts shows are byte for byte alike, without the
// cost of intercepting), with requests generated from the spec's
// own schemas (fast-check, seeded and reproducible): valid requests get only documented statuses, never a 5xx, never
// an answer outside the spec; requests the spec refuses (bodies, path ids, typed query parameters) get a 400 or 422.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMockFetch } from '../../mocks/node.js';
import {
  SPEC_NAMES,
  derefPointer,
  listOperations,
  loadSpec,
  resolveRef,
  type SpecName,
  type SpecOperation,
} from '../../mocks/spec.js';
import { arbitraryFor } from '../../src/verify/arbitraries.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const ORIGIN = 'http://127.0.0.1:4010';
const { fetch, service } = createMockFetch({ seed: 9, tokenTtlSeconds: 24 * 3600 });
const tokens: Partial<Record<SpecName, string>> = {};

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
});

interface GeneratedRequest {
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

function requestArbitrary(api: SpecName, op: SpecOperation): fc.Arbitrary<GeneratedRequest> {
  const doc = loadSpec(api);
  const parameters = op.parameters.map((p) => resolveRef(doc, p));
  const path = Object.fromEntries(
    parameters
      .filter((p) => p.in === 'path')
      .map((p) => [
        p.name,
        p.name === 'connector_type'
          ? fc.constantFrom('GitHub', 'HubSpot', 'Facebook Marketing', 'No Such Thing')
          : fc.uuid({ version: 4 }),
      ]),
  );
  const query = Object.fromEntries(
    parameters.filter((p) => p.in === 'query').map((p) => [p.name, arbitraryFor(doc, p.schema)]),
  );
  const bodySchema = op.operation.requestBody
    ? derefPointer(doc, `${op.pointer}/requestBody`).value.content?.['application/json']?.schema
    : undefined;
  return fc.record({
    path: fc.record(path) as fc.Arbitrary<Record<string, string>>,
    query: fc.record(query, { requiredKeys: [] }),
    body: bodySchema ? arbitraryFor(doc, bodySchema) : fc.constant(undefined),
  });
}

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
      authorization: `Bearer ${tokens[api]}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body } : {}),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Ways to break a request's parameters: a path id that is not a UUID, a typed query parameter of the wrong type. */
function invalidParameters(api: SpecName, op: SpecOperation): ((request: GeneratedRequest) => GeneratedRequest)[] {
  const doc = loadSpec(api);
  const mutations: ((request: GeneratedRequest) => GeneratedRequest)[] = [];
  for (const raw of op.parameters) {
    const parameter = resolveRef(doc, raw);
    const schema = resolveRef(doc, parameter.schema ?? {});
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (parameter.in === 'path' && schema.format === 'uuid')
      mutations.push((r) => ({ ...r, path: { ...r.path, [parameter.name]: 'not-a-uuid' } }));
    if (parameter.in === 'query' && (types.includes('integer') || types.includes('boolean')))
      mutations.push((r) => ({ ...r, query: { ...r.query, [parameter.name]: 'not-a-number-or-boolean' } }));
    if (parameter.in === 'query' && schema.enum)
      mutations.push((r) => ({ ...r, query: { ...r.query, [parameter.name]: 'not-one-of-the-values' } }));
  }
  return mutations;
}

/** Ways to break a body the spec describes: not an object, a required field gone, a field of the wrong type. */
function invalidBodies(
  api: SpecName,
  op: SpecOperation,
  valid: fc.Arbitrary<GeneratedRequest>,
): fc.Arbitrary<{ request: GeneratedRequest; body: string }> {
  const doc = loadSpec(api);
  const schema = resolveRef(
    doc,
    derefPointer(doc, `${op.pointer}/requestBody`).value.content['application/json'].schema,
  );
  const required: string[] = schema.oneOf || schema.anyOf ? [] : (schema.required ?? []);
  const typed = Object.entries<any>(schema.properties ?? {}).filter(([, p]) => {
    const t = resolveRef(doc, p).type;
    return typeof t === 'string' && ['string', 'integer', 'boolean', 'array', 'object'].includes(t);
  });
  const mutations: fc.Arbitrary<(body: Record<string, unknown>) => string>[] = [
    fc.constantFrom(
      () => '"not an object"',
      () => '[]',
      () => '{"unterminated": ',
    ),
  ];
  if (required.length > 0)
    mutations.push(
      fc
        .constantFrom(...required)
        .map((field) => (body: Record<string, unknown>) => JSON.stringify({ ...body, [field]: undefined })),
    );
  if (typed.length > 0) {
    mutations.push(
      fc.constantFrom(...typed).map(([field, property]) => (body: Record<string, unknown>) => {
        const type = resolveRef(doc, property).type;
        return JSON.stringify({ ...body, [field]: type === 'string' ? 12345 : 'wrong type' });
      }),
    );
  }
  return fc
    .tuple(valid, fc.oneof(...mutations))
    .map(([request, mutate]) => ({ request, body: mutate((request.body ?? {}) as Record<string, unknown>) }));
}

for (const api of SPEC_NAMES) {
  describe(`fuzzing ${api} (seed ${SEED}, ${RUNS} runs per operation)`, () => {
    for (const op of listOperations(loadSpec(api))) {
      const documented = Object.keys(op.operation.responses);
      const arbitrary = requestArbitrary(api, op);

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

      const parameterMutations = invalidParameters(api, op);
      if (parameterMutations.length > 0) {
        it(`${op.operationId}: parameters the spec refuses get a 400 or 422`, async () => {
          await fc.assert(
            fc.asyncProperty(arbitrary, fc.constantFrom(...parameterMutations), async (request, mutate) => {
              const broken = mutate(request);
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

      if (op.operation.requestBody) {
        it(`${op.operationId}: bodies the spec refuses get a 400 or 422`, async () => {
          await fc.assert(
            fc.asyncProperty(invalidBodies(api, op, arbitrary), async ({ request, body }) => {
              const status = await send(api, op, request, body);
              return status === 400 || status === 422;
            }),
            { numRuns: Math.ceil(RUNS / 2), seed: SEED },
          );
        }, 60_000);
      }
    }
  });
}
