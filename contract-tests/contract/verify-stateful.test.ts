// `verify --fuzz --stateful`: against the mock every stateful check passes; against mocks with one defect each, the
// sequences find it under its named check, shrunk to the steps it needs, with curl lines that, sent again, fail again;
// a server that keeps no state (Prism) is skipped with one line, and so is a read-only target.
import { describe, expect, it } from 'vitest';
import { createMockFetch } from '../../mocks/fetch.js';
import type { FuzzFailure } from '../../src/verify/fuzz.js';
import { statefulRun, type StatefulReport } from '../../src/verify/stateful.js';
import { replayCurl } from '../support/replay-curl.js';
import { SEEDED_DEFECTS, type Fetch } from '../support/seeded-defects.js';

const BASE = 'http://mock.test';
const credentials = { clientId: 'demo-client-id', clientSecret: 'demo-client-secret' };

const run = (fetch: Fetch, extra: Partial<Parameters<typeof statefulRun>[0]> = {}) =>
  statefulRun({ baseUrl: BASE, ...credentials, seed: 11, fetch, ...extra });

const failuresOf = (report: StatefulReport, check: string): FuzzFailure[] =>
  report.checks.filter((r) => r.check === check).flatMap((r) => r.failures);

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
    // The defect: a deleted connector's stored copy still answers GET (it is gone from the list, as it should be).
    const { check, operation, inject } = SEEDED_DEFECTS.useAfterFree;
    const remembering = inject();
    const report = await run(remembering);
    const [failure] = failuresOf(report, check);
    expect(failure, 'the defect was found').toBeDefined();
    expect(report.checks.find((r) => r.status === 'failed')?.operation).toBe(operation);
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
    const created = await replayCurl(remembering, steps[0]!, BASE);
    const id = (JSON.parse(created.text) as { id: string }).id;
    const again = await replayCurl(
      remembering,
      steps
        .slice(1)
        .join('\n')
        .replace(/connectors\/[0-9a-f-]{36}/g, `connectors/${id}`),
      BASE,
    );
    expect(again.status).toBe(200);
  }, 30_000);

  it('a created connector missing from the list fails ensure_resource_availability', async () => {
    const { check, operation, inject } = SEEDED_DEFECTS.createdButNotListed;
    const defective = inject();
    const report = await run(defective, { maxExamples: 10 });
    const [failure] = failuresOf(report, check);
    expect(failure, 'the defect was found').toBeDefined();
    expect(report.checks.find((r) => r.status === 'failed')?.operation).toBe(operation);
    expect(failure!.message).toMatch(/created in this sequence, is not in the list/);
    const curls = failure!.reproduction.match(/^curl -X \w+ '[^']+'/gm)!;
    expect(curls).toEqual([
      "curl -X POST 'http://mock.test/api/v1/integrations/connectors'",
      "curl -X GET 'http://mock.test/api/v1/integrations/connectors?workspace_name=default'",
    ]);
    // Replayed: the connector its create answers is again missing from the list.
    const [create, list] = failure!.reproduction.split(/\n(?=curl )/);
    const { id } = JSON.parse((await replayCurl(defective, create!, BASE)).text) as { id: string };
    const listed = await replayCurl(defective, list!, BASE);
    expect(listed.status).toBe(200);
    expect(listed.text).not.toContain(id);
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

  it('sets and removes OAuth apps against the mock when organization settings may change, and leaves none stored', async () => {
    const mock = createMockFetch({ seed: 4 });
    const sent: { method: string; url: string; body?: { connector_type?: string; configuration?: any } }[] = [];
    const recording: Fetch = async (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname.startsWith('/api/v1/oauth/'))
        sent.push({
          method: request.method,
          url: request.url,
          ...(request.method === 'PUT' ? { body: await request.clone().json() } : {}),
        });
      return mock.fetch(request);
    };
    const lines: string[] = [];
    const report = await run(recording, { organizationSettings: true, onProgress: (line) => lines.push(line) });
    expect(lines).toContain('✓ stateful OAuth credentials: 100 sequences');
    expect(report.checks.filter((r) => r.status === 'failed')).toEqual([]);
    for (const [check, operation] of [
      ['model_conformance', 'update_oauth_credentials'],
      ['use_after_free', 'update_oauth_credentials'],
      ['response_schema_conformance', 'update_oauth_credentials'],
      ['model_conformance', 'delete_oauth_credentials_connector_type_connector_type'],
      ['status_code_conformance', 'delete_oauth_credentials_connector_type_connector_type'],
    ])
      expect(report.checks, `${check} on ${operation}`).toContainEqual(
        expect.objectContaining({ check, operation, status: 'passed' }),
      );
    // Named both ways, a display name with a space escaped in the DELETE's path; every secret an obvious placeholder.
    const puts = sent.filter((s) => s.method === 'PUT');
    expect(puts.some((s) => s.body?.connector_type === 'Facebook Marketing')).toBe(true);
    expect(puts.some((s) => s.body?.connector_type === undefined)).toBe(true);
    expect(sent.some((s) => s.method === 'DELETE' && s.url.endsWith('/connector_type/Facebook%20Marketing'))).toBe(
      true,
    );
    expect(puts.every((s) => /-fake-client-secret-\d+$/.test(s.body?.configuration?.client_secret))).toBe(true);
    // What the sequences stored, they removed again.
    expect(mock.service.store.oauthCredentials.size).toBe(0);
  }, 30_000);

  it('a PUT that stores a second OAuth configuration instead of replacing fails model_conformance, shrunk to two PUTs', async () => {
    const mock = createMockFetch({ seed: 4 });
    const update = mock.service.implementation('agent-engine', 'update_oauth_credentials');
    let made = 0;
    mock.service.override({
      'agent-engine': {
        // The defect: each PUT answers (and keeps) a configuration of its own, a new id every time.
        update_oauth_credentials: async (context) => {
          const answer = (await update(context)) as {
            status: 200;
            body: { id: string; connector_definition_id: string };
          };
          const stored = mock.service.store.oauthCredentials.get(answer.body.connector_definition_id)!;
          stored.id = `00000000-0000-4000-8000-${String(++made).padStart(12, '0')}`;
          return { ...answer, body: { ...answer.body, id: stored.id } } as never;
        },
      },
    });
    const lines: string[] = [];
    const report = await run(mock.fetch, {
      organizationSettings: true,
      maxExamples: 30,
      onProgress: (line) => lines.push(line),
    });
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^✗ stateful OAuth credentials: model_conformance on update_oauth_credentials .*shrunk in \d+ steps to 2 requests\)$/,
      ),
    );
    const failed = report.checks.filter((r) => r.status === 'failed');
    expect(failed.map((r) => `${r.check} ${r.operation}`)).toEqual(['model_conformance update_oauth_credentials']);
    const [failure] = failed[0]!.failures;
    expect(failure!.message).toMatch(/a second configuration, not a replacement/);
    const curls = failure!.reproduction.match(/^curl -X \w+ '[^']+'/gm)!;
    expect(curls).toEqual([
      "curl -X PUT 'http://mock.test/api/v1/oauth/credentials'",
      "curl -X PUT 'http://mock.test/api/v1/oauth/credentials'",
    ]);
    // Both PUTs name one connector (by definition id or by display name); the secrets printed are placeholders.
    const ids: Record<string, string> = {
      HubSpot: '36c891d9-4bd9-43ac-bad2-10e12756272c',
      'Facebook Marketing': 'e7778cfc-e97c-4458-9ecb-b4f2bba8946c',
      Notion: '6e00b415-b02e-4160-bf02-58176a0ae687',
    };
    const named = [...failure!.reproduction.matchAll(/--data-raw '([^']+)'/g)].map((m) => {
      const body = JSON.parse(m[1]!) as { connector_definition_id?: string; connector_type?: string };
      return body.connector_definition_id ?? ids[body.connector_type!];
    });
    expect(named).toHaveLength(2);
    expect(Object.values(ids)).toContain(named[0]);
    expect(named[1]).toBe(named[0]);
    expect(failure!.reproduction).toMatch(/"client_secret":"aek-stateful-[\w-]+-fake-client-secret-\d+"/);
    // Sent again, the second PUT answers another configuration than the first.
    const steps = failure!.reproduction.split(/\n(?=curl )/);
    const first = JSON.parse((await replayCurl(mock.fetch, steps[0]!, BASE)).text) as { id: string };
    const second = JSON.parse((await replayCurl(mock.fetch, steps[1]!, BASE)).text) as { id: string };
    expect(second.id).not.toBe(first.id);
  }, 30_000);

  it('an OAuth answer that echoes the configuration, or a DELETE that removes nothing, fails under its check', async () => {
    const echoing = createMockFetch({ seed: 4 });
    const update = echoing.service.implementation('agent-engine', 'update_oauth_credentials');
    echoing.service.override({
      'agent-engine': {
        // The defect: the write-only configuration comes back in the answer, secret and all.
        update_oauth_credentials: async (context) => {
          const answer = (await update(context)) as { status: 200; body: object };
          return { ...answer, body: { ...answer.body, configuration: context.body.configuration } } as never;
        },
      },
    });
    const echoed = await run(echoing.fetch, { organizationSettings: true, maxExamples: 10 });
    const [echo] = failuresOf(echoed, 'model_conformance');
    expect(echo, 'the echo was found').toBeDefined();
    expect(echo!.message).toMatch(/^the answer echoes the client_secret sent \(the configuration is write-only\)/);
    expect(echo!.reproduction.match(/^curl -X \w+ '[^']+'/gm)).toEqual([
      "curl -X PUT 'http://mock.test/api/v1/oauth/credentials'",
    ]);

    const keeping = createMockFetch({ seed: 4 });
    keeping.service.override({
      // The defect: the DELETE answers 204 and removes nothing.
      'agent-engine': { delete_oauth_credentials_connector_type_connector_type: () => ({ status: 204 }) },
    });
    const kept = await run(keeping.fetch, { organizationSettings: true, maxExamples: 30 });
    const [stillThere] = failuresOf(kept, 'use_after_free');
    expect(stillThere, 'the DELETE that removes nothing was found').toBeDefined();
    expect(stillThere!.message).toMatch(/a configuration removed by a DELETE earlier in this sequence/);
    expect(
      stillThere!.reproduction
        .match(/^curl -X \w+ '[^']+'/gm)!
        .map((line) => line.replace(/\/connector_type\/.+'$/, "/connector_type/{name}'")),
    ).toEqual([
      "curl -X PUT 'http://mock.test/api/v1/oauth/credentials'",
      "curl -X DELETE 'http://mock.test/api/v1/oauth/credentials/connector_type/{name}'",
      "curl -X PUT 'http://mock.test/api/v1/oauth/credentials'",
    ]);
  }, 30_000);

  it('skips the OAuth-credentials group with one line unless organization settings may change', async () => {
    const mock = createMockFetch({ seed: 4 });
    let oauthRequests = 0;
    const counting: Fetch = async (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname.startsWith('/api/v1/oauth/')) oauthRequests++;
      return mock.fetch(request);
    };
    const lines: string[] = [];
    const report = await run(counting, { maxExamples: 5, onProgress: (line) => lines.push(line) });
    const skipped = lines.filter((line) => line.includes('OAuth'));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatch(/^· stateful OAuth credentials skipped: .*loopback target/);
    expect(skipped[0]).not.toContain('\n');
    expect(oauthRequests).toBe(0);
    expect(report.checks.some((r) => r.operation.includes('oauth'))).toBe(false);
    // The other groups ran as before.
    expect(lines.filter((line) => line.startsWith('✓ stateful '))).toHaveLength(4);
    expect(report.skipped).toBeUndefined();
  });
});
