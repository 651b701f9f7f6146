// `agent-engine-kit proxy --record FILE.har`: every exchange through the proxy written as HAR 1.2 as it happens, with
// every secret the API's traffic carries redacted. Known secrets go through every place one can be (headers, token
// answers, credentials, OAuth configuration, both APIs, an echo in an intent) and none is in the file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED, type Har } from '../../mocks/har/format.js';
import { HarRecorder } from '../../mocks/har/recorder.js';
import { readHarRecording } from '../../mocks/har/recording-layout.js';
import { startProxy, type RunningProxy } from '../../mocks/proxy/server.js';
import { startStandaloneMock, type StandaloneMock } from '../../mocks/standalone.js';

const CLIENT_SECRET = 'mock-client-secret-4c9d2e7f';
const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';
const PAT = 'ghp_recordedPersonalAccessToken0123456789';
const NEW_PAT = 'ghp_rotatedPersonalAccessToken9876543210';
const CHECK_PAT = 'ghp_checkedPersonalAccessToken5555555555';
const OAUTH_SECRET = 'hubspot-oauth-app-secret-77aa66bb';
const COOKIE = 'session-cookie-value-0f1e2d3c4b5a';

describe('proxy --record', () => {
  let mock: StandaloneMock;
  let proxy: RunningProxy;
  let directory: string;
  let file: string;
  const secrets: string[] = [CLIENT_SECRET, PAT, NEW_PAT, CHECK_PAT, OAUTH_SECRET, COOKIE];

  beforeAll(async () => {
    mock = await startStandaloneMock({ port: 0, log: false, clientSecret: CLIENT_SECRET });
    directory = mkdtempSync(join(tmpdir(), 'proxy-record-'));
    file = join(directory, 'traffic.har');
    proxy = await startProxy({
      port: 0,
      upstream: mock.url,
      upstreamV1: mock.url,
      recorder: HarRecorder.open(file),
      warn: () => {},
    });
  });
  afterAll(async () => {
    await proxy.close();
    await mock.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${proxy.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  it('writes every exchange, and no secret of any kind', async () => {
    const app = await call('POST', '/api/v1/account/applications/token', {
      client_id: 'demo-client-id',
      client_secret: CLIENT_SECRET,
    });
    expect(app.status).toBe(200);
    const bearer = { authorization: `Bearer ${app.body.access_token}`, cookie: `session=${COOKIE}` };
    secrets.push(app.body.access_token);
    const scoped = await call('POST', '/api/v1/account/applications/scoped-token', { workspace_name: 'acme' }, bearer);
    secrets.push(scoped.body.token);
    await call('GET', '/api/v1/account/applications/scoped-token/info', undefined, {
      authorization: `Bearer ${scoped.body.token}`,
    });
    const widget = await call(
      'POST',
      '/api/v1/account/applications/widget-token',
      { workspace_name: 'acme', allowed_origin: 'https://app.example.com' },
      bearer,
    );
    expect(widget.status).toBe(200);
    const inner = (JSON.parse(atob(widget.body.token)) as { token: string }).token;
    secrets.push(widget.body.token, inner);
    // The widget's inner token, used as a widget page would use it.
    await call('GET', '/api/v1/integrations/templates/sources', undefined, {
      authorization: `Bearer ${inner}`,
      origin: 'https://app.example.com',
    });
    const connector = await call(
      'POST',
      '/api/v1/integrations/connectors',
      {
        workspace_name: 'default',
        definition_id: GITHUB,
        name: 'recorded GitHub',
        credentials: { token: PAT },
        replication_config: { repositories: ['airbytehq/airbyte'] },
      },
      bearer,
    );
    expect(connector.status).toBe(200);
    await call(
      'PUT',
      `/api/v1/integrations/connectors/${connector.body.id}`,
      { credentials: { token: NEW_PAT } },
      bearer,
    );
    await call(
      'POST',
      '/api/v1/integrations/connectors/check',
      { definition_id: GITHUB, credentials: { token: CHECK_PAT }, replication_config: { repositories: ['a/b'] } },
      bearer,
    );
    await call(
      'PUT',
      '/api/v1/oauth/credentials',
      { connector_type: 'HubSpot', configuration: { client_id: 'hubspot-app', client_secret: OAUTH_SECRET } },
      bearer,
    );
    // A secret a caller pastes where none belongs: echoed nowhere in the file either.
    const listed = await call(
      'POST',
      `/api/v1/integrations/connectors/${connector.body.id}/execute`,
      { entity: 'issues', action: 'list', params: { per_page: 5 }, intent: `triage with ${PAT}` },
      bearer,
    );
    expect(listed.status).toBe(200);
    const v1 = await call('POST', '/v1/applications/token', {
      client_id: 'demo-client-id',
      client_secret: CLIENT_SECRET,
    });
    expect(v1.status).toBe(200);
    secrets.push(v1.body.access_token);
    await call('GET', '/v1/workspaces', undefined, { authorization: `Bearer ${v1.body.access_token}` });

    // Each exchange is written once its answer has gone out: the last one a moment after the client has it.
    await expect.poll(() => (JSON.parse(readFileSync(file, 'utf8')) as Har).log.entries.length).toBe(12);
    const text = readFileSync(file, 'utf8');
    const har = JSON.parse(text) as Har;
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('agent-engine-kit');
    expect(har.log.entries).toHaveLength(12);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      expect(text.includes(secret), `a secret of ${secret.length} characters is in the file`).toBe(false);
      // Nor in a body kept as base64.
      for (const entry of har.log.entries)
        if (entry.response.content.encoding === 'base64')
          expect(atob(entry.response.content.text ?? '')).not.toContain(secret);
    }
    expect(text).toContain(REDACTED);
    // What is not secret is kept: names, settings, params, the records.
    const create = har.log.entries.find(
      (e) => e.request.method === 'POST' && e.request.url.endsWith('/integrations/connectors'),
    )!;
    expect(JSON.parse(create.request.postData!.text)).toMatchObject({
      workspace_name: 'default',
      replication_config: { repositories: ['airbytehq/airbyte'] },
      credentials: { token: REDACTED },
    });
    const execute = har.log.entries.find((e) => e.request.url.endsWith('/execute'))!;
    expect(JSON.parse(execute.response.content.text!).result).toHaveLength(5);
    expect(execute.request.url).toBe(`${mock.url}/api/v1/integrations/connectors/${connector.body.id}/execute`);
    // The file is whole after every exchange: the recording layout reads it back entry by entry.
    expect(readHarRecording(text).log.entries).toHaveLength(12);
  });
});
