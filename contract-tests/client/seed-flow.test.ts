// The seed documents' end-to-end flow through the client, against MSW in-process handlers that check every request
// body against the spec: authenticate, find GitHub, create a connector, execute issues/list and page through it.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecValidator, describeErrors, operationSchemaPointer } from '../../mocks/spec.js';
import { createAgentEngineClient } from '../../src/index.js';
import { applicationToken } from '../support/fake-api.js';

const BASE = 'http://127.0.0.1:4010';
const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';
const CONNECTOR = 'c8d9e0f1-2a3b-4c5d-8e6f-7a8b9c0d1e2f';
const spec = new SpecValidator('agent-engine');
const bodyErrors: string[] = [];
let created: Record<string, unknown> | undefined;

/** Answers 422 in the API's shape when the body does not match the operation's request schema. */
async function validated(request: Request, method: string, path: string) {
  const body = await request.json();
  const result = spec.check(operationSchemaPointer(spec.doc, method, path, 'request'), body);
  if (!result.valid) bodyErrors.push(`${method} ${path}: ${describeErrors(result.errors)}`);
  return { body, valid: result.valid };
}
const invalid = () => HttpResponse.json({ message: 'Validation failed.', errors: [] }, { status: 422 });
const authorized = (request: Request) => request.headers.get('authorization')?.startsWith('Bearer ey');

const server = setupServer(
  http.post(`${BASE}/api/v1/account/applications/token`, async ({ request }) => {
    const { body, valid } = await validated(request, 'post', '/api/v1/account/applications/token');
    if (!valid) return invalid();
    if (body.client_id !== 'demo-client' || body.client_secret !== 'demo-secret-value')
      return HttpResponse.json({ message: 'Invalid client credentials.', errors: [] }, { status: 401 });
    return HttpResponse.json(applicationToken());
  }),
  http.get(`${BASE}/api/v1/integrations/definitions/sources`, ({ request }) => {
    if (!authorized(request)) return HttpResponse.json({ message: 'Unauthorized', errors: [] }, { status: 401 });
    const name = new URL(request.url).searchParams.get('name')?.toLowerCase() ?? '';
    const all = [
      {
        sourceDefinitionId: GITHUB,
        name: 'GitHub',
        iconUrl: 'https://connectors.airbyte.com/files/metadata/airbyte/source-github/latest/icon.svg',
        supportLevel: 'certified',
      },
      {
        sourceDefinitionId: 'b117307c-14b6-41aa-9571-75e6871e6d44',
        name: 'Salesforce',
        iconUrl: null,
        supportLevel: 'certified',
      },
    ];
    return HttpResponse.json({ definitions: all.filter((d) => d.name.toLowerCase().includes(name)) });
  }),
  http.post(`${BASE}/api/v1/integrations/connectors`, async ({ request }) => {
    if (!authorized(request)) return HttpResponse.json({ message: 'Unauthorized', errors: [] }, { status: 401 });
    const { body, valid } = await validated(request, 'post', '/api/v1/integrations/connectors');
    if (!valid) return invalid();
    created = {
      id: CONNECTOR,
      name: body.name,
      source_template: {
        id: '5d1e7f3a-2b9c-4e6d-8a0f-1c3b5d7e9f21',
        name: 'GitHub',
        source_definition_id: body.definition_id,
        user_config_spec: { connectionSpecification: { type: 'object' } },
        partial_default_config: {},
      },
      replication_config: body.replication_config,
    };
    return HttpResponse.json(created);
  }),
  // executePages reads the connector's definition id here, to page it as GitHub's definition says.
  http.get(`${BASE}/api/v1/integrations/connectors/:id`, ({ request, params }) => {
    if (!authorized(request)) return HttpResponse.json({ message: 'Unauthorized', errors: [] }, { status: 401 });
    return params.id === created?.id
      ? HttpResponse.json(created)
      : HttpResponse.json({ message: 'Not found', errors: [] }, { status: 404 });
  }),
  http.post(`${BASE}/api/v1/integrations/connectors/:id/execute`, async ({ request, params }) => {
    if (!authorized(request)) return HttpResponse.json({ message: 'Unauthorized', errors: [] }, { status: 401 });
    const { body, valid } = await validated(request, 'post', '/api/v1/integrations/connectors/{id}/execute');
    if (!valid) return invalid();
    // GitHub's own paging: `end_cursor` comes back as `after`.
    const page = body.params?.after ? Number(body.params.after) : 0;
    const perPage = body.params?.per_page ?? 10;
    const result = Array.from({ length: perPage }, (_, i) => ({
      number: page * perPage + i + 1,
      title: `Issue ${page * perPage + i + 1}`,
    }));
    return HttpResponse.json({
      status: 'success',
      result,
      connector_metadata: { has_next_page: page < 2, end_cursor: String(page + 1) },
      execution_metadata: { connector_instance_id: String(params.id), execution_time_ms: 12 },
    });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('the seed flow through the client against MSW', () => {
  it('authenticates, finds GitHub, creates a connector and pages through its issues', async () => {
    // Created before and independent of server.listen: the client reads globalThis.fetch per request.
    const client = createAgentEngineClient({
      clientId: 'demo-client',
      clientSecret: 'demo-secret-value',
      baseUrl: BASE,
    });

    const { definitions } = await client.definitions.listSources({ name: 'github' });
    expect(definitions.map((d) => d.name)).toEqual(['GitHub']);

    const connector = await client.connectors.create({
      workspace_name: 'default',
      definition_id: definitions[0]!.sourceDefinitionId!,
      name: 'My GitHub Connector',
      credentials: { option_title: 'PAT Credentials', personal_access_token: 'ghp_example' },
      replication_config: { repositories: ['airbytehq/airbyte'] },
    });
    expect(connector.id).toBe(CONNECTOR);

    const first = await client.connectors.execute(connector.id, {
      entity: 'issues',
      action: 'list',
      params: { per_page: 10 },
    });
    expect(first.result).toHaveLength(10);

    const numbers: number[] = [];
    for await (const page of client.connectors.executePages(connector.id, {
      entity: 'issues',
      action: 'list',
      params: { per_page: 10 },
    })) {
      numbers.push(...(page.result as { number: number }[]).map((issue) => issue.number));
    }
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(bodyErrors).toEqual([]);
  });

  it('a body the spec refuses comes back as the API would answer it', async () => {
    const client = createAgentEngineClient({
      clientId: 'demo-client',
      clientSecret: 'demo-secret-value',
      baseUrl: BASE,
    });
    // Deliberately wrong at run time (a number for the entity): the spec-driven handler refuses it.
    await expect(
      client.connectors.execute(CONNECTOR, { entity: 42 as unknown as string, action: 'list' }),
    ).rejects.toThrow(/422/);
    expect(bodyErrors.pop()).toMatch(/\/entity must be string/);
  });
});
