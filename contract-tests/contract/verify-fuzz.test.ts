// `verify --fuzz`: against the mock every named check passes; against mocks with one defect each, the defect fails its
// named check, with a reproduction that, sent again, fails again, shrunk to what the failure needs.
import { describe, expect, it } from 'vitest';
import { createMockFetch } from '../../mocks/fetch.js';
import agentEngineSpec from '../../openapi/agent-engine.yaml';
import { SpecSchemas, listOperations } from '../../src/validation/spec-document.js';
import { STATELESS_CHECKS, runChecks } from '../../src/verify/checks.js';
import { fuzz, type FuzzFailure, type FuzzReport, type SentRequest } from '../../src/verify/fuzz.js';
import { SEEDED_DEFECTS, defectMock, type Fetch } from '../support/seeded-defects.js';

const BASE = 'http://mock.test';
const credentials = { clientId: 'demo-client-id', clientSecret: 'demo-client-secret' };
const schemas = new SpecSchemas(agentEngineSpec, 'agent-engine');

const run = (fetch: Fetch, extra: Partial<Parameters<typeof fuzz>[0]> = {}) =>
  fuzz({
    baseUrl: BASE,
    v1BaseUrl: `${BASE}/v1`,
    ...credentials,
    readOnly: false,
    organizationSettings: true,
    seed: 11,
    fetch,
    ...extra,
  });

const failuresOf = (report: FuzzReport, check: string, operation: string): FuzzFailure[] =>
  report.checks.find((r) => r.check === check && r.operation === operation)?.failures ?? [];

/** The reproduction sent again, with a fresh token: the same check must fail again. */
async function replay(fetch: Fetch, request: SentRequest) {
  const token = (await (
    await fetch(`${BASE}/api/v1/account/applications/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: credentials.clientId, client_secret: credentials.clientSecret }),
    })
  ).json()) as { access_token: string };
  const response = await fetch(request.url, {
    method: request.method,
    headers: {
      ...(request.auth === 'token' ? { authorization: `Bearer ${token.access_token}` } : {}),
      ...(request.auth === 'malformed' ? { authorization: 'Bearer not-a-token' } : {}),
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('verify --fuzz', () => {
  it('passes every named check against the mock, and says which ran', async () => {
    const report = await run(createMockFetch({ seed: 4 }).fetch);
    expect(report.checks.filter((r) => r.status === 'failed')).toEqual([]);
    expect(report.ok).toBe(true);
    // Every named check ran on some operation.
    expect(new Set(report.checks.map((r) => r.check))).toEqual(new Set(STATELESS_CHECKS));
    expect(report.requests).toBeGreaterThan(1_000);
  }, 60_000);

  it('runs the same requests for the same seed', async () => {
    const urls = async () => {
      const seen: string[] = [];
      const { fetch } = createMockFetch({ seed: 4 });
      await run(
        (input, init) => {
          const request = new Request(input, init);
          seen.push(`${request.method} ${request.url}`);
          return fetch(request);
        },
        { maxExamples: 3 },
      );
      return seen;
    };
    expect(await urls()).toEqual(await urls());
  }, 60_000);

  it('a 500 on a boundary value fails not_a_server_error, shrunk to that value, and fails again replayed', async () => {
    const { check, operation, inject } = SEEDED_DEFECTS.serverErrorOnBoundary;
    const mock = createMockFetch({ seed: 4 });
    inject(mock);
    // The defect's operation only: that every other operation passes is the first test's.
    const report = await run(mock.fetch, { operations: [operation] });
    const [failure] = failuresOf(report, check, operation);
    expect(failure, 'the defect was found').toBeDefined();
    expect(failure!.reproduction).toContain("curl -X GET 'http://mock.test/api/v1/workspaces?limit=100'");
    expect(failure!.reproduction).toContain('-H "Authorization: Bearer $TOKEN"');
    expect(failure!.response.status).toBe(500);
    expect((await replay(mock.fetch, failure!.request)).status).toBe(500);
    expect(report.ok).toBe(false);
  }, 60_000);

  it('a wrong-typed field fails response_schema_conformance; an undocumented status status_code_conformance', async () => {
    const { wrongTypedField, undocumentedStatus } = SEEDED_DEFECTS;
    const mock = defectMock(wrongTypedField);
    wrongTypedField.inject(mock);
    undocumentedStatus.inject(mock);
    const report = await run(mock.fetch, { operations: [wrongTypedField.operation, undocumentedStatus.operation] });
    const [schema] = failuresOf(report, wrongTypedField.check, wrongTypedField.operation);
    expect(schema!.message).toBe('/body/total_count expected integer, got a string of 1 characters');
    const [status] = failuresOf(report, undocumentedStatus.check, undocumentedStatus.operation);
    expect(status!.message).toMatch(/^\/status expected one of the documented statuses .*, got 418$/);
    for (const [{ check, operation }, failure] of [
      [wrongTypedField, schema!],
      [undocumentedStatus, status!],
    ] as const) {
      const again = await replay(mock.fetch, failure.request);
      const outcome = runChecks(schemas, { ...operationOf(operation), public: false }, 'valid', again);
      expect(outcome[check], `${check} on ${operation} replayed`).toBeDefined();
    }
  }, 60_000);

  it('a 2xx for a body missing a required field fails negative_data_rejection', async () => {
    const { check, operation, inject } = SEEDED_DEFECTS.acceptsMissingField;
    const fetch = inject();
    const report = await run(fetch, { operations: [operation] });
    const failures = failuresOf(report, check, operation);
    expect(failures[0]!.message).toBe('answered 200 to a request that breaks the spec (expected a 4xx)');
    expect((await replay(fetch, failures[0]!.request)).status).toBe(200);
  }, 60_000);

  it('fuzzes execute with params from the connector definition, and an execute that takes an unknown param fails', async () => {
    const mock = createMockFetch({ seed: 4 });
    const passed = await run(mock.fetch, { maxExamples: 5 });
    const executes = passed.checks.filter((r) => r.operation.startsWith('execute github '));
    expect(new Set(executes.map((r) => r.operation))).toContain('execute github issues list');
    expect(executes.filter((r) => r.status === 'failed')).toEqual([]);

    // A service that drops params it does not know instead of refusing them.
    const { check, operation, inject } = SEEDED_DEFECTS.executeAcceptsUnknownParam;
    const lenient = inject(mock);
    const report = await run(lenient, { maxExamples: 5 });
    const [failure] = failuresOf(report, check, operation);
    expect(failure!.message).toBe('answered 200 to a request that breaks the spec (expected a 4xx)');
    expect(failure!.reproduction).toContain('"not_a_param_of_this_action":1');
    expect((await replay(lenient, failure!.request)).status).toBe(200);
  }, 60_000);

  it('a route that ignores auth fails ignored_auth', async () => {
    const { check, operation, inject } = SEEDED_DEFECTS.ignoredAuth;
    const fetch = inject();
    const report = await run(fetch);
    const [failure] = failuresOf(report, check, operation);
    expect(failure!.message).toBe('answered 200 to a malformed token (expected 401 or 403)');
    expect(failure!.reproduction).toContain("-H 'Authorization: Bearer not-a-token'");
    expect((await replay(fetch, failure!.request)).status).toBe(200);
  }, 60_000);

  it('runs only the operations asked for (executes by their label), and says how a failure was found', async () => {
    const mock = createMockFetch({ seed: 4 });
    const some = await run(mock.fetch, { operations: ['list_workspaces', 'get_workspaces_stats'], maxExamples: 3 });
    expect(new Set(some.checks.map((r) => r.operation))).toEqual(new Set(['list_workspaces', 'get_workspaces_stats']));
    const execute = await run(mock.fetch, { operations: ['execute github issues list'], maxExamples: 3 });
    expect(new Set(execute.checks.map((r) => r.operation))).toEqual(new Set(['execute github issues list']));

    const { check, operation, inject } = SEEDED_DEFECTS.serverErrorOnBoundary;
    const report = await run(inject(), { operations: [operation] });
    const [failure] = failuresOf(report, check, operation);
    // The valid requests' property failed within its 25 runs, and its counterexample was shrunk to limit=100.
    expect(failure!.found!.runs).toBeGreaterThanOrEqual(1);
    expect(failure!.found!.runs).toBeLessThanOrEqual(25);
    expect(failure!.found!.shrinks).toBeGreaterThan(0);
    expect(new URL(failure!.request.url).search).toBe('?limit=100');
  }, 60_000);
});

/** The operation as the checks need it: method, path, documented statuses. */
function operationOf(operationId: string) {
  const op = listOperations(agentEngineSpec).find((o) => o.operationId === operationId)!;
  return { method: op.method, path: op.path, statuses: Object.keys(op.operation.responses) };
}
