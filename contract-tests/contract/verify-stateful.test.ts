// `verify --fuzz --stateful`: against the mock every stateful check passes; against mocks with one defect each, the
// sequences find it under its named check, shrunk to the steps it needs, with curl lines that, sent again, fail again;
// a server that keeps no state (Prism) is skipped with one line, and so is a read-only target.
import { describe, expect, it } from 'vitest';
import { createMockFetch } from '../../mocks/fetch.js';
import type { FuzzFailure } from '../../src/verify/fuzz.js';
import { statefulRun, type StatefulReport } from '../../src/verify/stateful.js';

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
const BASE = 'http://mock.test';
const credentials = { clientId: 'demo-client-id', clientSecret: 'demo-client-secret' };

const run = (fetch: Fetch, extra: Partial<Parameters<typeof statefulRun>[0]> = {}) =>
  statefulRun({ baseUrl: BASE, ...credentials, seed: 11, fetch, ...extra });

const failuresOf = (report: StatefulReport, check: string): FuzzFailure[] =>
  report.checks.filter((r) => r.check === check).flatMap((r) => r.failures);

/** The curl lines of a reproduction sent again in order, `$TOKEN` a fresh token: the last step's status. */
async function replay(fetch: Fetch, reproduction: string): Promise<{ status: number; text: string }> {
  const token = (
    (await (
      await fetch(`${BASE}/api/v1/account/applications/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: credentials.clientId, client_secret: credentials.clientSecret }),
      })
    ).json()) as { access_token: string }
  ).access_token;
  let last = { status: 0, text: '' };
  for (const command of reproduction.split(/\n(?=curl )/)) {
    const [, method, url] = /^curl -X (\w+) '([^']+)'/.exec(command)!;
    const body = /--data-raw '((?:[^']|'\\'')*)'/.exec(command)?.[1]?.replaceAll(`'\\''`, "'");
    const response = await fetch(url!, {
      method: method!,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body }),
    });
    last = { status: response.status, text: await response.text() };
  }
  return last;
}

describe('verify --fuzz --stateful', () => {
  it('passes every stateful check against the mock with the default budget', async () => {
    const mock = createMockFetch({ seed: 4 });
    const report = await run(mock.fetch);
    expect(report.skipped).toBeUndefined();
    // What the sequences made, they deleted again.
    const left = (names: string[]) => names.filter((name) => name.startsWith('aek-stateful-'));
    expect(left([...mock.service.store.workspaces.values()].map((w) => w.name))).toEqual([]);
    expect(left([...mock.service.store.connectors.values()].map((c) => c.name))).toEqual([]);
    expect(left([...mock.service.store.sourceTemplates.values()].map((t) => t.name))).toEqual([]);
    expect(report.checks.filter((r) => r.status === 'failed')).toEqual([]);
    const checks = new Set(report.checks.map((r) => r.check));
    for (const check of [
      'use_after_free',
      'ensure_resource_availability',
      'model_conformance',
      'not_a_server_error',
      'status_code_conformance',
      'content_type_conformance',
      'response_schema_conformance',
    ])
      expect(checks, check).toContain(check);
    const operations = new Set(report.checks.map((r) => r.operation));
    for (const operation of [
      'create_integrations_connectors',
      'delete_integrations_connectors_id',
      'create_integrations_connectors_id_execute',
      'update_integrations_templates_sources_id',
      'delete_integrations_templates_connections_id',
      'get_account_applications_scoped_token_info',
      'create_account_applications_widget_token',
      'update_workspaces_workspace_id',
      'get_workspaces_stats',
    ])
      expect(operations, operation).toContain(operation);
    expect(report.requests).toBeGreaterThan(300);
  }, 30_000);

  it('a connector that still answers after its DELETE fails use_after_free, shrunk to create, delete, get', async () => {
    const mock = createMockFetch({ seed: 4 });
    // The defect: a deleted connector's stored copy still answers GET (it is gone from the list, as it should be).
    const copies = new Map<string, unknown>();
    const { fetch } = mock;
    const remembering: Fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request.clone());
      const id = /\/integrations\/connectors\/([0-9a-f-]{36})$/.exec(new URL(request.url).pathname)?.[1];
      if (request.method === 'POST' && request.url.endsWith('/integrations/connectors') && response.ok) {
        const body = (await response.clone().json()) as { id: string };
        copies.set(body.id, body);
      }
      if (id && request.method === 'GET' && response.status === 404 && copies.has(id))
        return Response.json(copies.get(id));
      return response;
    };
    const report = await run(remembering);
    const [failure] = failuresOf(report, 'use_after_free');
    expect(failure, 'the defect was found').toBeDefined();
    expect(failure!.message).toMatch(/answered 200 to get after its DELETE \(expected 404\)/);
    const curls = failure!.reproduction.match(/^curl -X \w+ '[^']+'/gm)!;
    expect(curls.map((line) => line.replace(/[0-9a-f-]{36}/, '{id}'))).toEqual([
      "curl -X POST 'http://mock.test/api/v1/integrations/connectors'",
      "curl -X DELETE 'http://mock.test/api/v1/integrations/connectors/{id}'",
      "curl -X GET 'http://mock.test/api/v1/integrations/connectors/{id}'",
    ]);
    expect(failure!.reproduction).toContain('-H "Authorization: Bearer $TOKEN"');
    expect(failure!.reproduction).not.toMatch(/Bearer ey/);
    expect(failure!.response.status).toBe(200);
    // Replayed (a new connector each time: the create's answer names the id the later steps use).
    const steps = failure!.reproduction.split(/\n(?=curl )/);
    const created = await replay(remembering, steps[0]!);
    const id = (JSON.parse(created.text) as { id: string }).id;
    const again = await replay(
      remembering,
      steps
        .slice(1)
        .join('\n')
        .replace(/connectors\/[0-9a-f-]{36}/g, `connectors/${id}`),
    );
    expect(again.status).toBe(200);
  }, 30_000);

  it('a created connector missing from the list fails ensure_resource_availability', async () => {
    const mock = createMockFetch({ seed: 4 });
    mock.service.override({
      'agent-engine': {
        list_integrations_connectors: () => {
          const connectors = [...mock.service.store.connectors.values()].sort((a, b) =>
            a.createdAt.localeCompare(b.createdAt),
          );
          const kept = connectors.slice(0, -1);
          return { status: 200, body: { data: kept.map((c) => ({ id: c.id, name: c.name })) as never } };
        },
      },
    });
    const report = await run(mock.fetch, { maxExamples: 10 });
    const [failure] = failuresOf(report, 'ensure_resource_availability');
    expect(failure, 'the defect was found').toBeDefined();
    expect(failure!.message).toMatch(/created in this sequence, is not in the list/);
    const curls = failure!.reproduction.match(/^curl -X \w+ '[^']+'/gm)!;
    expect(curls).toEqual([
      "curl -X POST 'http://mock.test/api/v1/integrations/connectors'",
      "curl -X GET 'http://mock.test/api/v1/integrations/connectors?workspace_name=default'",
    ]);
  }, 30_000);

  it('skips a server that keeps no state (as Prism) with one line, and a read-only target', async () => {
    const { fetch } = createMockFetch({ seed: 4 });
    const stateless: Fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'GET' && /\/integrations\/connectors\/[^/]+$/.test(new URL(request.url).pathname))
        return Response.json({ id: '00000000-0000-4000-8000-000000000000', name: 'Example connector' });
      return fetch(request);
    };
    const report = await run(stateless);
    expect(report.checks).toEqual([]);
    expect(report.skipped).toMatch(/^stateful checks skipped: .*keeps no state/);
    expect(report.skipped).not.toContain('\n');
    const readOnly = await run(fetch, { readOnly: true });
    expect(readOnly.skipped).toMatch(/--all/);
    expect(readOnly.requests).toBe(0);
  });
});
