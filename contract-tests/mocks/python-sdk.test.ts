// The standalone mock (what `npm start` serves) driven with the requests the official Python SDK's cloud client sends
// when SDK_DEV_ADP_API_HOST points at it (airbytehq/airbyte-agent-sdk, airbyte_agent_sdk/cloud_utils/client.py):
// its headers, its token request, create_source, get_connector_id (workspace_name + definition_id, exactly one
// match), execute_connector with the connector's own params (a GitHub typed connector pages with `after`), its error
// reading (400/422 -> a validation error built from errors[].message) and delete_connector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_MOCK_CLIENT_ID,
  DEFAULT_MOCK_CLIENT_SECRET,
  DEFAULT_MOCK_ORGANIZATION_ID,
} from '../../mocks/service/config.js';
import { startStandaloneMock } from '../../mocks/standalone.js';

const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';
let mock: Awaited<ReturnType<typeof startStandaloneMock>>;

beforeAll(async () => {
  mock = await startStandaloneMock({ port: 0, seed: 11, log: false });
});
afterAll(() => mock.close());

/** What the SDK sends on every call: its source header, the organization when configured, the bearer token when it has one. */
function sdkHeaders(token?: string): Record<string, string> {
  return {
    'X-ADP-Agent-SDK': 'airbyte-agent-sdk',
    'X-Organization-Id': DEFAULT_MOCK_ORGANIZATION_ID,
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  };
}

async function sdkCall(method: string, path: string, token: string | undefined, json?: unknown) {
  const response = await fetch(`${mock.url}${path}`, {
    method,
    headers: { ...sdkHeaders(token), ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The SDK's own error reading: errors[].message joined, else message. */
const sdkDetail = (body: { message?: string; errors?: { message?: string }[] }) =>
  body.errors?.length ? body.errors.map((e) => e.message).join(', ') : body.message;

describe('the official Python SDK against the mock', () => {
  it('authenticates, creates a connector, finds it by workspace and definition, executes, pages, deletes', async () => {
    const auth = await sdkCall('POST', '/api/v1/account/applications/token', undefined, {
      client_id: DEFAULT_MOCK_CLIENT_ID,
      client_secret: DEFAULT_MOCK_CLIENT_SECRET,
    });
    expect(auth.status).toBe(200);
    const token: string = auth.body.access_token;

    // create_source: the auth option's own keys, as the connector docs show them.
    const created = await sdkCall('POST', '/api/v1/integrations/connectors', token, {
      name: 'Python SDK GitHub',
      definition_id: GITHUB,
      workspace_name: 'default',
      credentials: { token: 'ghp_python_sdk' },
      replication_config: { repositories: ['airbytehq/airbyte'] },
    });
    expect(created.status).toBe(200);
    expect(JSON.stringify(created.body)).not.toContain('ghp_python_sdk');

    // get_connector_id: exactly one connector of that definition in the workspace.
    const found = await sdkCall(
      'GET',
      `/api/v1/integrations/connectors?workspace_name=default&definition_id=${GITHUB}`,
      token,
    );
    expect(found.status).toBe(200);
    expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    const connectorId: string = found.body.data[0].id;

    // execute_connector, as the typed GitHub connector calls it: owner/repo come from the connector's repositories.
    const execute = (entity: string, action: string, params: Record<string, unknown>) =>
      sdkCall('POST', `/api/v1/integrations/connectors/${connectorId}/execute`, token, { entity, action, params });
    const first = await execute('issues', 'list', { per_page: 10 });
    expect(first.status).toBe(200);
    expect(first.body.result).toHaveLength(10);
    expect(first.body.connector_metadata.has_next_page).toBe(true);
    const numbers = new Set<number>(first.body.result.map((i: { number: number }) => i.number));
    let after: string | null = first.body.connector_metadata.end_cursor;
    while (after) {
      const page = await execute('issues', 'list', { per_page: 10, after });
      expect(page.status).toBe(200);
      for (const issue of page.body.result as { number: number }[]) {
        expect(numbers.has(issue.number), `issue ${issue.number} came twice`).toBe(false);
        numbers.add(issue.number);
      }
      after = page.body.connector_metadata.has_next_page ? page.body.connector_metadata.end_cursor : null;
    }
    expect(numbers.size).toBeGreaterThan(10);

    const one = await execute('issues', 'get', { owner: 'airbytehq', repo: 'airbyte', number: [...numbers][3] });
    expect(one.status).toBe(200);
    expect(one.body.result.number).toBe([...numbers][3]);

    // A model's malformed call: the SDK raises a validation error ("retryable by the model") from errors[].message.
    const bad = await execute('issues', 'list', { per_page: 'ten', colour: 'red' });
    expect(bad.status).toBe(422);
    expect(sdkDetail(bad.body)).toMatch(/params\.per_page/);
    expect(sdkDetail(bad.body)).toMatch(/colour/);

    const deleted = await sdkCall('DELETE', `/api/v1/integrations/connectors/${connectorId}`, token);
    expect(deleted.status).toBe(202);
    const gone = await sdkCall(
      'GET',
      `/api/v1/integrations/connectors?workspace_name=default&definition_id=${GITHUB}`,
      token,
    );
    expect(gone.body.data).toEqual([]);
  });

  it('answers the SDK a 401 it maps to an authentication error, with no secret in it', async () => {
    const refused = await sdkCall('POST', '/api/v1/account/applications/token', undefined, {
      client_id: DEFAULT_MOCK_CLIENT_ID,
      client_secret: 'not-the-secret',
    });
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.body)).not.toContain('not-the-secret');
  });
});
