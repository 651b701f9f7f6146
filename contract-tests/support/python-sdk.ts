// The requests the official Python SDK's cloud client sends when SDK_DEV_ADP_API_HOST points at a local backend
// (airbytehq/airbyte-agent-sdk, airbyte_agent_sdk/cloud_utils/client.py), in the order it sends them: its headers, its
// token request, create_source, get_connector_id (workspace_name + definition_id, exactly one match),
// execute_connector with the connector's own params (a GitHub typed connector pages with `after`), its error reading
// (400/422 -> a validation error built from errors[].message) and delete_connector. Run against the mock, and through
// the proxy in front of it.
import { expect } from 'vitest';
import {
  DEFAULT_MOCK_CLIENT_ID,
  DEFAULT_MOCK_CLIENT_SECRET,
  DEFAULT_MOCK_ORGANIZATION_ID,
} from '../../mocks/service/config.js';

export const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';

/** What the SDK sends on every call: its source header, the organization when configured, the bearer token when it has one. */
function sdkHeaders(token?: string): Record<string, string> {
  return {
    'X-ADP-Agent-SDK': 'airbyte-agent-sdk',
    'X-Organization-Id': DEFAULT_MOCK_ORGANIZATION_ID,
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  };
}

/** One call as the SDK makes it, against `baseUrl`. */
export async function sdkCall(
  baseUrl: string,
  method: string,
  path: string,
  token: string | undefined,
  json?: unknown,
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...sdkHeaders(token), ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The SDK's own error reading: errors[].message joined, else message. */
export const sdkDetail = (body: { message?: string; errors?: { message?: string }[] }) =>
  body.errors?.length ? body.errors.map((e) => e.message).join(', ') : body.message;

/** The SDK's whole sequence: authenticate, create, find, execute and page, get, a malformed call, delete. */
export async function runPythonSdkSequence(baseUrl: string): Promise<void> {
  const sdkCallAt = (method: string, path: string, token: string | undefined, json?: unknown) =>
    sdkCall(baseUrl, method, path, token, json);
  const auth = await sdkCallAt('POST', '/api/v1/account/applications/token', undefined, {
    client_id: DEFAULT_MOCK_CLIENT_ID,
    client_secret: DEFAULT_MOCK_CLIENT_SECRET,
  });
  expect(auth.status).toBe(200);
  const token: string = auth.body.access_token;

  // create_source: the auth option's own keys, as the connector docs show them.
  const created = await sdkCallAt('POST', '/api/v1/integrations/connectors', token, {
    name: 'Python SDK GitHub',
    definition_id: GITHUB,
    workspace_name: 'default',
    credentials: { token: 'ghp_python_sdk' },
    replication_config: { repositories: ['airbytehq/airbyte'] },
  });
  expect(created.status).toBe(200);
  expect(JSON.stringify(created.body)).not.toContain('ghp_python_sdk');

  // get_connector_id: exactly one connector of that definition in the workspace.
  const found = await sdkCallAt(
    'GET',
    `/api/v1/integrations/connectors?workspace_name=default&definition_id=${GITHUB}`,
    token,
  );
  expect(found.status).toBe(200);
  expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
  const connectorId: string = found.body.data[0].id;

  // execute_connector, as the typed GitHub connector calls it: owner/repo come from the connector's repositories.
  const execute = (entity: string, action: string, params: Record<string, unknown>) =>
    sdkCallAt('POST', `/api/v1/integrations/connectors/${connectorId}/execute`, token, { entity, action, params });
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

  const deleted = await sdkCallAt('DELETE', `/api/v1/integrations/connectors/${connectorId}`, token);
  expect(deleted.status).toBe(202);
  const gone = await sdkCallAt(
    'GET',
    `/api/v1/integrations/connectors?workspace_name=default&definition_id=${GITHUB}`,
    token,
  );
  expect(gone.body.data).toEqual([]);
}
