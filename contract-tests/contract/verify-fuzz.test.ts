// `verify --fuzz`: against the mock every named check passes; against mocks with one defect each, the defect fails its
// named check, with a reproduction that, sent again, fails again, shrunk to what the failure needs.
import { describe, expect, it } from 'vitest';
import { createMockFetch } from '../../mocks/fetch.js';
import agentEngineSpec from '../../openapi/agent-engine.yaml';
import { SpecSchemas, listOperations } from '../../src/validation/spec-document.js';
import { STATELESS_CHECKS, runChecks } from '../../src/verify/checks.js';
import { fuzz, type FuzzFailure, type FuzzReport, type SentRequest } from '../../src/verify/fuzz.js';

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
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

/** A fetch that answers requests `matches` picks with `answer`, and passes the rest to the mock. */
function defective(fetch: Fetch, matches: (request: Request) => boolean, answer: () => Response): Fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    return matches(request) ? answer() : fetch(request);
  };
}

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
    const mock = createMockFetch({ seed: 4 });
    mock.service.override({
      'agent-engine': {
        list_workspaces: ({ query }) =>
          (query as { limit?: number }).limit === 100
            ? { status: 500, body: { message: 'boom', errors: [] } }
            : { status: 200, body: { next: null, data: [] } },
      },
    });
    const report = await run(mock.fetch);
    const [failure] = failuresOf(report, 'not_a_server_error', 'list_workspaces');
    expect(failure, 'the defect was found').toBeDefined();
    expect(failure!.reproduction).toContain("curl -X GET 'http://mock.test/api/v1/workspaces?limit=100'");
    expect(failure!.reproduction).toContain('-H "Authorization: Bearer $TOKEN"');
    expect(failure!.response.status).toBe(500);
    expect((await replay(mock.fetch, failure!.request)).status).toBe(500);
    expect(report.ok).toBe(false);
  }, 60_000);

  it('a wrong-typed field fails response_schema_conformance; an undocumented status status_code_conformance', async () => {
    const mock = createMockFetch({ seed: 4, validateResponses: false });
    mock.service.override({
      'agent-engine': {
        get_workspaces_stats: () => ({
          status: 200,
          body: { active_count: 1, inactive_count: 0, total_count: '1' } as never,
        }),
        list_skills: () => ({ status: 418 as never, body: { message: 'teapot', errors: [] } as never }),
      },
    });
    const report = await run(mock.fetch);
    const [schema] = failuresOf(report, 'response_schema_conformance', 'get_workspaces_stats');
    expect(schema!.message).toBe('/body/total_count expected integer, got a string of 1 characters');
    const [status] = failuresOf(report, 'status_code_conformance', 'list_skills');
    expect(status!.message).toMatch(/^\/status expected one of the documented statuses .*, got 418$/);
    for (const [check, operation, failure] of [
      ['response_schema_conformance', 'get_workspaces_stats', schema!],
      ['status_code_conformance', 'list_skills', status!],
    ] as const) {
      const again = await replay(mock.fetch, failure.request);
      const outcome = runChecks(schemas, { ...operationOf(operation), public: false }, 'valid', again);
      expect(outcome[check], `${check} on ${operation} replayed`).toBeDefined();
    }
  }, 60_000);

  it('a 2xx for a body missing a required field fails negative_data_rejection', async () => {
    const mock = createMockFetch({ seed: 4 });
    const fetch = defective(
      mock.fetch,
      (request) =>
        request.method === 'POST' && request.url.endsWith('/integrations/templates/connections/cron/describe'),
      () => Response.json({ description: 'every minute', is_valid: true }),
    );
    const report = await run(fetch);
    const failures = failuresOf(
      report,
      'negative_data_rejection',
      'create_integrations_templates_connections_cron_describe',
    );
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
    const lenient: Fetch = async (input, init) => {
      const request = new Request(input, init);
      const body = request.url.endsWith('/execute')
        ? ((await request
            .clone()
            .json()
            .catch(() => undefined)) as { params?: Record<string, unknown> } | undefined)
        : undefined;
      if (!body) return mock.fetch(request);
      const { not_a_param_of_this_action: _dropped, ...params } = body.params ?? {};
      return mock.fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: JSON.stringify({ ...body, params }),
      });
    };
    const report = await run(lenient, { maxExamples: 5 });
    const [failure] = failuresOf(report, 'negative_data_rejection', 'execute github issues list');
    expect(failure!.message).toBe('answered 200 to a request that breaks the spec (expected a 4xx)');
    expect(failure!.reproduction).toContain('"not_a_param_of_this_action":1');
    expect((await replay(lenient, failure!.request)).status).toBe(200);
  }, 60_000);

  it('a route that ignores auth fails ignored_auth', async () => {
    const mock = createMockFetch({ seed: 4 });
    const fetch = defective(
      mock.fetch,
      (request) =>
        request.url.endsWith('/api/v1/workspaces/stats') &&
        request.headers.get('authorization') !== null &&
        !/^Bearer ey/.test(request.headers.get('authorization')!),
      () => Response.json({ active_count: 1, inactive_count: 0, total_count: 1 }),
    );
    const report = await run(fetch);
    const [failure] = failuresOf(report, 'ignored_auth', 'get_workspaces_stats');
    expect(failure!.message).toBe('answered 200 to a malformed token (expected 401 or 403)');
    expect(failure!.reproduction).toContain("-H 'Authorization: Bearer not-a-token'");
    expect((await replay(fetch, failure!.request)).status).toBe(200);
  }, 60_000);
});

/** The operation as the checks need it: method, path, documented statuses. */
function operationOf(operationId: string) {
  const op = listOperations(agentEngineSpec).find((o) => o.operationId === operationId)!;
  return { method: op.method, path: op.path, statuses: Object.keys(op.operation.responses) };
}
