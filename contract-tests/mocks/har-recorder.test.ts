// The validating proxy's HAR recording (`proxy --record`): valid HAR 1.2 after every entry, secrets redacted everywhere
// (not an option: always), a kill at any moment costing at most the entry being written, large bodies kept as their
// size, binary ones as base64, compressed ones decoded, and hostile bodies never throwing nor writing a secret.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { type Har, HAR_CREATOR, type HarEntry, REDACTED } from '../../mocks/har/format.js';
import { HarRecorder, type RecordedExchange } from '../../mocks/har/recorder.js';
import { readHarRecording } from '../../mocks/har/recording-layout.js';
import { bundleForNode, ROOT } from '../support/processes.js';

const work = mkdtempSync(join(tmpdir(), 'agent-engine-kit-har-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const AGENT_ENGINE = 'https://api.airbyte.ai/api/v1';
const V1 = 'https://api.airbyte.com/v1';
const JSON_TYPE: [string, string] = ['content-type', 'application/json'];
const utf8 = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => utf8(JSON.stringify(value));
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const bearer = (token: string): [string, string] => ['authorization', `Bearer ${token}`];
/** Percent-escapes in lower case (`%3d`): as valid as `%3D`, and a spelling no list of encodings foresees. */
const lowerHex = (encoded: string) => encoded.replace(/%[0-9A-F]{2}/g, (percent) => percent.toLowerCase());

interface ExchangeParts {
  headers?: [string, string][];
  body?: Uint8Array;
  status?: number;
  responseHeaders?: [string, string][];
  responseBody?: Uint8Array;
  responseSize?: number;
}

function exchange(method: string, url: string, parts: ExchangeParts = {}): RecordedExchange {
  const responseBody = parts.responseBody;
  return {
    startedAt: Date.UTC(2026, 0, 15, 9, 30, 0, 250),
    timings: { send: 1.5, wait: 40, receive: 2.25 },
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      headers: [...(parts.body ? [JSON_TYPE] : []), ...(parts.headers ?? [])],
      body: parts.body,
    },
    response: {
      status: parts.status ?? 200,
      statusText: parts.status === undefined ? 'OK' : 'Error',
      httpVersion: 'HTTP/1.1',
      headers: parts.responseHeaders ?? [JSON_TYPE],
      body: responseBody,
      size: parts.responseSize ?? responseBody?.byteLength ?? 0,
    },
  };
}

const read = (file: string) => readFileSync(file, 'utf8');
const parse = (file: string) => JSON.parse(read(file)) as Har;
const postJson = (entry: HarEntry) => JSON.parse(entry.request.postData!.text);
const contentJson = (entry: HarEntry) => JSON.parse(entry.response.content.text!);
const header = (headers: { name: string; value: string }[], name: string) =>
  headers.find((h) => h.name.toLowerCase() === name)?.value;

/** The fields HAR 1.2 requires, with the types it gives them, on the log and on every entry. */
function expectHar12(har: Har): void {
  expect(har.log.version).toBe('1.2');
  expect(har.log.creator).toEqual({ name: HAR_CREATOR, version: expect.any(String) });
  expect(Array.isArray(har.log.entries)).toBe(true);
  for (const entry of har.log.entries) {
    expect(new Date(entry.startedDateTime).toISOString()).toBe(entry.startedDateTime);
    expect(entry.time).toBe(entry.timings.send + entry.timings.wait + entry.timings.receive);
    expect(entry.timings).toEqual({ send: expect.any(Number), wait: expect.any(Number), receive: expect.any(Number) });
    expect(entry.cache).toEqual({});
    expect(entry.request).toMatchObject({
      method: expect.any(String),
      url: expect.stringMatching(/^https:\/\//),
      httpVersion: expect.any(String),
      cookies: [],
      headers: expect.any(Array),
      queryString: expect.any(Array),
      headersSize: -1,
      bodySize: expect.any(Number),
    });
    expect(entry.response).toMatchObject({
      status: expect.any(Number),
      statusText: expect.any(String),
      httpVersion: expect.any(String),
      cookies: [],
      headers: expect.any(Array),
      content: { size: expect.any(Number), mimeType: expect.any(String) },
      redirectURL: expect.any(String),
      headersSize: -1,
      bodySize: expect.any(Number),
    });
    for (const pair of [...entry.request.headers, ...entry.request.queryString, ...entry.response.headers]) {
      expect(Object.keys(pair).sort()).toEqual(['name', 'value']);
      expect([typeof pair.name, typeof pair.value]).toEqual(['string', 'string']);
    }
    const postData = entry.request.postData;
    if (postData) expect([typeof postData.mimeType, typeof postData.text]).toEqual(['string', 'string']);
    expect(entry.request.bodySize === 0).toBe(postData === undefined);
  }
}

/** Every body of the file decoded (base64 ones too), to look for secrets in what a reader of the file would see. */
function decodedBodies(har: Har): string {
  return har.log.entries
    .flatMap(({ request, response }) => [
      request.postData?.text ?? '',
      response.content.encoding === 'base64'
        ? Buffer.from(response.content.text ?? '', 'base64').toString('latin1')
        : (response.content.text ?? ''),
    ])
    .join('\n');
}

function expectNoSecret(file: string, secrets: readonly string[]): void {
  const raw = read(file);
  const har = JSON.parse(raw) as Har;
  const urls = har.log.entries.map(({ request }) => {
    try {
      return decodeURIComponent(request.url);
    } catch {
      return request.url;
    }
  });
  const decoded = [decodedBodies(har), ...urls].join('\n');
  for (const secret of secrets) {
    for (const spelling of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])) {
      expect(raw, `the file holds ${secret}`).not.toContain(spelling);
      expect(decoded, `a body or a URL decoded holds ${secret}`).not.toContain(spelling);
    }
  }
}

describe('a recording of an application that mints tokens and creates connectors', () => {
  const widgetInnerToken = 'eyJhbGciOiJIUzI1NiJ9.widget-inner.Pq9Ws4Ye6L';
  const workspaceId = '7e3f9a2c-5b1d-4e8f-a6c0-3d2b1e9f8a7c';
  const secrets = {
    clientSecret: 'cs-agent-engine-Q7vN2kR9pXw4',
    applicationToken: 'eyJhbGciOiJIUzI1NiJ9.application.Zr8Kq3Lm5Tn',
    v1ClientSecret: 'cs-v1-api-Mw3Hb8Rt1Yq6',
    v1AccessToken: 'eyJ0eXAiOiJKV1QifQ.v1-access.Jc4Vx7Np0Sd',
    scopedToken: 'eyJhbGciOiJIUzI1NiJ9.scoped.Hx5Tn7Vb2Kq',
    widgetToken: base64(
      JSON.stringify({
        widgetUrl: `https://app.airbyte.ai/widget?workspaceId=${workspaceId}`,
        token: widgetInnerToken,
      }),
    ),
    widgetInnerToken,
    cookie: 'session-cookie-Jd3Fk8LpRw',
    setCookie: 'load-balancer-Tb6Gm1Xc',
    apiKeyHeader: 'x-api-key-value-Vn2Qz7Ls',
    proxyPassword: 'proxy-pass-Ue5Kw9Hy',
    githubPat: 'ghp_createPat9Xb7Qm2LpRtVw3',
    credentialLogin: 'credential-login-Ya3Qe7Ud',
    serverSideSecretId: 'ssos-id-Ra8Lw2Xe4Pm',
    updatedPat: 'ghp_updatedPat4Ls8Dk1Fj',
    checkPassword: 'check-nested-pw-Zu4Hy8Ci',
    checkPin: '98765432109',
    connectorCheckPat: 'ghp_checkById6Re3Wq2Sa',
    oauthClientId: 'oauth-client-id-Kw2Nf5Ba',
    oauthClientSecret: 'oauth-client-secret-Gy7Mc3Pt',
    queryToken: 'query-token-Bk5Ns9Ow1Zi',
  };
  const connector = `${AGENT_ENGINE}/integrations/connectors/c8d9e0f1-2a3b-4c5d-8e6f-7a8b9c0d1e2f`;
  const replicationConfig = { repositories: ['airbytehq/airbyte'], start_date: '2025-01-01T00:00:00Z' };
  const userConfigSpec = {
    connectionSpecification: {
      required: ['credentials', 'repositories'],
      properties: {
        credentials: {
          title: 'Authentication',
          type: 'object',
          oneOf: [
            {
              title: 'Personal Access Token',
              properties: {
                option_title: { type: 'string', const: 'PAT Credentials' },
                personal_access_token: { type: 'string', airbyte_secret: true },
              },
            },
          ],
        },
        repositories: { type: 'array', items: { type: 'string' } },
      },
    },
    advanced_auth: {
      predicate_key: ['credentials', 'option_title'],
      oauth_config_specification: {
        complete_oauth_server_output_specification: {
          properties: { client_secret: { type: 'string', path_in_connector_config: ['credentials', 'client_secret'] } },
        },
      },
    },
  };
  const executeParams = { owner: 'airbytehq', repo: 'airbyte', state: 'open', per_page: 2 };
  const records = [
    { id: 101, number: 7, title: 'Recorded issue', labels: [{ name: 'bug' }], user: { login: 'octocat' } },
    { id: 102, number: 8, title: 'Another one', labels: [], user: { login: 'hubot' } },
  ];
  // The application's session, step by step: each name is how the tests below find its entry.
  const steps: [string, RecordedExchange][] = [
    [
      'application token',
      exchange('POST', `${AGENT_ENGINE}/account/applications/token`, {
        body: json({ client_id: 'a1b2c3d4-public-client-id', client_secret: secrets.clientSecret }),
        responseBody: json({
          access_token: secrets.applicationToken,
          token_type: 'bearer',
          expires_in: 900,
          organization_id: '4f7c2b1e-8d3a-4c5f-9b6e-2a1d0c9e8f7a',
        }),
      }),
    ],
    [
      'v1 token',
      exchange('POST', `${V1}/applications/token`, {
        body: json({
          client_id: 'v1-public-client-id',
          client_secret: secrets.v1ClientSecret,
          'grant-type': 'client_credentials',
        }),
        responseBody: json({ access_token: secrets.v1AccessToken, token_type: 'Bearer', expires_in: 3600 }),
      }),
    ],
    [
      'scoped token',
      exchange('POST', `${AGENT_ENGINE}/account/applications/scoped-token`, {
        headers: [bearer(secrets.applicationToken), ['cookie', `session=${secrets.cookie}; theme=dark`]],
        body: json({ workspace_name: 'acme-recorded' }),
        responseHeaders: [JSON_TYPE, ['set-cookie', `AWSALB=${secrets.setCookie}; Path=/; HttpOnly`]],
        responseBody: json({ token: secrets.scopedToken }),
      }),
    ],
    [
      'widget token',
      exchange('POST', `${AGENT_ENGINE}/account/applications/widget-token`, {
        headers: [bearer(secrets.applicationToken)],
        body: json({ workspace_name: 'acme-recorded', allowed_origin: 'https://yourapp.example' }),
        responseBody: json({ token: secrets.widgetToken }),
      }),
    ],
    // The widget token's inner token, never seen on its own, quoted in an answer: only the widget token tells it.
    [
      'inner token quoted',
      exchange('GET', `${AGENT_ENGINE}/workspaces`, {
        headers: [bearer(secrets.widgetToken), ['origin', 'https://elsewhere.example']],
        status: 403,
        responseBody: json({ message: `Token ${secrets.widgetInnerToken} is not valid from this origin.`, errors: [] }),
      }),
    ],
    // ... then sent on its own as a Bearer token.
    [
      'token info',
      exchange('GET', `${AGENT_ENGINE}/account/applications/scoped-token/info`, {
        headers: [
          bearer(secrets.widgetInnerToken),
          ['X-Api-Key', secrets.apiKeyHeader],
          ['proxy-authorization', `Basic ${base64(`recorder:${secrets.proxyPassword}`)}`],
          ['x-organization-id', '4f7c2b1e-8d3a-4c5f-9b6e-2a1d0c9e8f7a'],
        ],
        responseBody: json({ organization_id: '4f7c2b1e', workspace_id: workspaceId, workspace_name: 'acme-recorded' }),
      }),
    ],
    [
      'create connector',
      exchange('POST', `${AGENT_ENGINE}/integrations/connectors`, {
        headers: [bearer(secrets.scopedToken)],
        body: json({
          workspace_name: 'acme-recorded',
          connector_type: 'GitHub',
          name: 'Recorded GitHub',
          credentials: {
            option_title: 'PAT Credentials',
            personal_access_token: secrets.githubPat,
            account: { login: secrets.credentialLogin },
          },
          replication_config: replicationConfig,
          server_side_oauth_secret_id: secrets.serverSideSecretId,
        }),
        responseBody: json({
          id: 'c8d9e0f1-2a3b-4c5d-8e6f-7a8b9c0d1e2f',
          name: 'Recorded GitHub',
          replication_config: replicationConfig,
        }),
      }),
    ],
    [
      'update connector',
      exchange('PUT', connector, {
        headers: [bearer(secrets.scopedToken)],
        body: json({
          name: 'Renamed',
          replication_config: replicationConfig,
          credentials: { personal_access_token: secrets.updatedPat },
        }),
        responseBody: json({
          id: 'c8d9e0f1-2a3b-4c5d-8e6f-7a8b9c0d1e2f',
          name: 'Renamed',
          replication_config: replicationConfig,
        }),
      }),
    ],
    // A connector's answer describes its secret fields (a JSON Schema): names, not values, and kept.
    [
      'get connector',
      exchange('GET', connector, {
        headers: [bearer(secrets.scopedToken)],
        responseBody: json({
          id: 'c8d9e0f1-2a3b-4c5d-8e6f-7a8b9c0d1e2f',
          name: 'Renamed',
          source_template: { user_config_spec: userConfigSpec },
          replication_config: replicationConfig,
        }),
      }),
    ],
    [
      'check configuration',
      exchange('POST', `${AGENT_ENGINE}/integrations/connectors/check`, {
        headers: [bearer(secrets.scopedToken)],
        body: json({
          workspace_name: 'acme-recorded',
          connector_type: 'GitHub',
          credentials: {
            option_title: 'Basic',
            nested: { deep: { password: secrets.checkPassword, pin: Number(secrets.checkPin) } },
          },
        }),
        // The service quoting a credential of an earlier request back in its error message.
        responseBody: json({
          status: 'failed',
          error_message: `Bad credentials: the token ${secrets.githubPat} was rejected by GitHub (401).`,
          entity_check_results: [],
        }),
      }),
    ],
    [
      'check connector',
      exchange('POST', `${connector}/check`, {
        headers: [bearer(secrets.scopedToken)],
        body: json({ credentials: { personal_access_token: secrets.connectorCheckPat } }),
        status: 422,
        // ... and one of the same request.
        responseBody: json({ message: `Invalid credentials ${secrets.connectorCheckPat}`, errors: [] }),
      }),
    ],
    [
      'oauth credentials',
      exchange('PUT', `${AGENT_ENGINE}/oauth/credentials`, {
        headers: [bearer(secrets.applicationToken)],
        body: json({
          connector_type: 'HubSpot',
          configuration: { client_id: secrets.oauthClientId, client_secret: secrets.oauthClientSecret },
        }),
        responseBody: json({
          id: '9a8b7c6d-0000-4000-8000-000000000001',
          scope_type: 'organization',
          connector_type: 'source',
        }),
      }),
    ],
    [
      'execute',
      exchange('POST', `${connector}/execute`, {
        headers: [bearer(secrets.scopedToken)],
        body: json({
          entity: 'issues',
          action: 'list',
          params: executeParams,
          intent: `list the issues that mention ${secrets.updatedPat} or ${secrets.oauthClientSecret}`,
        }),
        responseBody: json({
          status: 'success',
          result: records,
          connector_metadata: { has_next_page: true, end_cursor: 'Y3Vyc29yOjI=' },
          execution_metadata: { connector_instance_id: 'c8d9e0f1', execution_time_ms: 42 },
        }),
      }),
    ],
    // Secrets in a query string: one seen before (percent-encoded, in lower case), one named as a token, one echoed in
    // the answer.
    [
      'workspaces query',
      exchange(
        'GET',
        `${AGENT_ENGINE}/workspaces?name_contains=${lowerHex(encodeURIComponent(secrets.widgetToken))}&token=${secrets.queryToken}&limit=20`,
        {
          headers: [bearer(secrets.applicationToken)],
          responseBody: json({ next: `${AGENT_ENGINE}/workspaces?cursor=abc&token=${secrets.queryToken}`, data: [] }),
        },
      ),
    ],
    [
      'v1 expired',
      exchange('GET', `${V1}/workspaces?limit=5`, {
        headers: [bearer(secrets.v1AccessToken)],
        status: 403,
        responseHeaders: [['content-type', 'application/problem+json']],
        responseBody: json({
          status: 403,
          title: 'forbidden',
          detail: `The access token ${secrets.v1AccessToken} has expired.`,
        }),
      }),
    ],
  ];

  const exchanges = steps.map(([, recorded]) => recorded);
  const step = (name: string) => steps.find(([stepName]) => stepName === name)![1];
  const file = join(work, 'tokens-and-connectors.har');
  let har: Har;
  const entry = (name: string) => har.log.entries[steps.findIndex(([stepName]) => stepName === name)]!;

  it('is valid HAR 1.2 after every entry, each appended as it happens', () => {
    writeFileSync(file, 'an older recording, replaced');
    const recorder = HarRecorder.open(file);
    expect(parse(file).log.entries).toEqual([]);
    for (const [index, recorded] of exchanges.entries()) {
      recorder.record(recorded);
      expect(recorder.entries).toBe(index + 1);
      const now = parse(file);
      expectHar12(now);
      expect(now.log.entries.map((entry) => entry.request.method)).toEqual(
        exchanges.slice(0, index + 1).map((e) => e.request.method),
      );
    }
    recorder.close();
    har = parse(file);
    expect(har.log.entries).toHaveLength(exchanges.length);
    expect(har.log.creator.version).toBe(JSON.parse(read(join(ROOT, 'package.json'))).version);
    expect(read(file).endsWith(']}}\n')).toBe(true);
    // The widget token's base64 has characters a query string percent-encodes: a spelling of its own to scrub.
    expect(encodeURIComponent(secrets.widgetToken)).not.toBe(secrets.widgetToken);
  });

  it('holds none of the secrets, in any spelling, anywhere in the file', () => {
    expectNoSecret(file, Object.values(secrets));
  });

  it('marks where each secret was: headers (schemes and cookie names kept), token answers, credentials', () => {
    const [token, v1Token, scoped, widget, info, quoted, create, update, check, checkById, oauth] = [
      'application token',
      'v1 token',
      'scoped token',
      'widget token',
      'token info',
      'inner token quoted',
      'create connector',
      'update connector',
      'check configuration',
      'check connector',
      'oauth credentials',
    ].map(entry);
    expect(postJson(token!)).toEqual({ client_id: 'a1b2c3d4-public-client-id', client_secret: REDACTED });
    expect(contentJson(token!)).toEqual({
      access_token: REDACTED,
      token_type: 'bearer',
      expires_in: 900,
      organization_id: '4f7c2b1e-8d3a-4c5f-9b6e-2a1d0c9e8f7a',
    });
    expect(postJson(v1Token!)).toMatchObject({ client_secret: REDACTED, 'grant-type': 'client_credentials' });
    expect(contentJson(v1Token!)).toEqual({ access_token: REDACTED, token_type: 'Bearer', expires_in: 3600 });
    expect(header(scoped!.request.headers, 'authorization')).toBe(`Bearer ${REDACTED}`);
    expect(header(scoped!.request.headers, 'cookie')).toBe(`session=${REDACTED}; theme=${REDACTED}`);
    expect(header(scoped!.response.headers, 'set-cookie')).toBe(`AWSALB=${REDACTED}; Path=/; HttpOnly`);
    expect(contentJson(scoped!)).toEqual({ token: REDACTED });
    expect(contentJson(widget!)).toEqual({ token: REDACTED });
    expect(header(info!.request.headers, 'authorization')).toBe(`Bearer ${REDACTED}`);
    expect(header(info!.request.headers, 'x-api-key')).toBe(REDACTED);
    expect(header(info!.request.headers, 'proxy-authorization')).toBe(`Basic ${REDACTED}`);
    expect(header(info!.request.headers, 'x-organization-id')).toBe('4f7c2b1e-8d3a-4c5f-9b6e-2a1d0c9e8f7a');
    expect(contentJson(quoted!).message).toBe(`Token ${REDACTED} is not valid from this origin.`);
    expect(postJson(create!)).toEqual({
      workspace_name: 'acme-recorded',
      connector_type: 'GitHub',
      name: 'Recorded GitHub',
      credentials: { option_title: REDACTED, personal_access_token: REDACTED, account: { login: REDACTED } },
      replication_config: replicationConfig,
      server_side_oauth_secret_id: REDACTED,
    });
    expect(postJson(update!)).toEqual({
      name: 'Renamed',
      replication_config: replicationConfig,
      credentials: { personal_access_token: REDACTED },
    });
    expect(postJson(check!).credentials).toEqual({
      option_title: REDACTED,
      nested: { deep: { password: REDACTED, pin: REDACTED } },
    });
    expect(contentJson(check!).error_message).toBe(
      `Bad credentials: the token ${REDACTED} was rejected by GitHub (401).`,
    );
    expect(contentJson(checkById!).message).toBe(`Invalid credentials ${REDACTED}`);
    expect(postJson(oauth!)).toEqual({
      connector_type: 'HubSpot',
      configuration: { client_id: REDACTED, client_secret: REDACTED },
    });
  });

  it('keeps what is not secret as it was: workspace names, replication config, execute params and records', () => {
    const execute = entry('execute');
    const body = postJson(execute);
    expect(body).toMatchObject({ entity: 'issues', action: 'list', params: executeParams });
    expect(body.intent).toBe(`list the issues that mention ${REDACTED} or ${REDACTED}`);
    expect(contentJson(execute)).toEqual({
      status: 'success',
      result: records,
      connector_metadata: { has_next_page: true, end_cursor: 'Y3Vyc29yOjI=' },
      execution_metadata: { connector_instance_id: 'c8d9e0f1', execution_time_ms: 42 },
    });
    expect(entry('token info').response.content.text).toBe(
      JSON.stringify({ organization_id: '4f7c2b1e', workspace_id: workspaceId, workspace_name: 'acme-recorded' }),
    );
    const list = entry('workspaces query');
    expect(list.request.queryString).toEqual([
      { name: 'name_contains', value: REDACTED },
      { name: 'token', value: REDACTED },
      { name: 'limit', value: '20' },
    ]);
    expect(new URL(list.request.url).searchParams.get('limit')).toBe('20');
    expect(contentJson(list).next).toBe(`${AGENT_ENGINE}/workspaces?cursor=abc&token=${REDACTED}`);
    // The schema of the secret fields, and the labels of credentials options ("PAT Credentials"), are kept.
    expect(contentJson(entry('get connector')).source_template.user_config_spec).toEqual(userConfigSpec);
    expect(contentJson(entry('v1 expired')).detail).toBe(`The access token ${REDACTED} has expired.`);
  });

  it('writes the entry fields HAR readers use: times, sizes, bodies, their media types', () => {
    const create = entry('create connector');
    expect(create.startedDateTime).toBe('2026-01-15T09:30:00.250Z');
    expect(create.time).toBe(43.75);
    expect(create.request.bodySize).toBe(step('create connector').request.body!.byteLength);
    expect(create.request.postData!.mimeType).toBe('application/json');
    expect(create.response.content.size).toBe(step('create connector').response.size);
    expect(create.response.content.mimeType).toBe('application/json');
    expect(entry('token info').request.postData).toBeUndefined();
    expect(entry('token info').request.bodySize).toBe(0);
  });
});

describe('a proxy killed at any moment', () => {
  const CHILD_SECRET = 'child-bearer-token-Wq4Zr8Ty';
  const recorderBundle = join(work, 'recorder.mjs');
  const child = join(work, 'record-forever.mjs');
  writeFileSync(
    child,
    `import { HarRecorder } from './recorder.mjs';
const recorder = HarRecorder.open(process.argv[2]);
const encoder = new TextEncoder();
// Killed long before; a deadline all the same, so that a failed test leaves no process spinning.
const deadline = Date.now() + 10_000;
for (let n = 0; Date.now() < deadline; n++) {
  const body = encoder.encode(JSON.stringify({ n, padding: 'x'.repeat((n * 977) % 6000) }));
  recorder.record({
    startedAt: Date.now(),
    timings: { send: 0, wait: 1, receive: 0 },
    request: { method: 'GET', url: 'https://api.airbyte.ai/api/v1/workspaces?n=' + n, httpVersion: 'HTTP/1.1',
      headers: [['authorization', 'Bearer ${CHILD_SECRET}']], body: undefined },
    response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [['content-type', 'application/json']],
      body, size: body.byteLength },
  });
  if (n === 0) process.stdout.write('recording\\n');
}
`,
  );

  /** Starts a recording process and kills it with SIGKILL a random moment after its first entry. */
  async function recordUntilKilled(file: string): Promise<void> {
    const recording = spawn(process.execPath, [child, file], { stdio: 'pipe' });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      recording.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('recording')) resolve();
      });
      recording.stderr.on('data', (chunk) => (output += chunk));
      recording.once('exit', (code) => reject(new Error(`the recording exited (${code}) before it began:\n${output}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 100));
    const exited = new Promise((resolve) => recording.once('exit', resolve));
    recording.kill('SIGKILL');
    await exited;
  }

  it('leaves every entry whose write completed, whole and in order, and no secret', async () => {
    // Bundled for plain node: a TypeScript loader per process would cost most of the test's time.
    await bundleForNode('mocks/har/recorder.ts', recorderBundle);
    const files = [1, 2, 3, 4].map((n) => join(work, `killed-${n}.har`));
    await Promise.all(files.map(recordUntilKilled));
    for (const file of files) {
      const text = read(file);
      const har = readHarRecording(text);
      expectHar12(har);
      expect(har.log.entries.length).toBeGreaterThan(0);
      har.log.entries.forEach((entry, n) => {
        expect(entry.request.url).toBe(`https://api.airbyte.ai/api/v1/workspaces?n=${n}`);
        expect(contentJson(entry).n).toBe(n);
        expect(header(entry.request.headers, 'authorization')).toBe(`Bearer ${REDACTED}`);
      });
      expect(text).not.toContain(CHILD_SECRET);
    }
  }, 20_000);

  it('a write cut anywhere (SIGKILL stops a write at a page boundary) costs that entry alone', () => {
    const file = join(work, 'torn.har');
    const recorder = HarRecorder.open(file);
    const entryOf = (n: number) =>
      exchange('GET', `${AGENT_ENGINE}/workspaces?n=${n}`, { responseBody: json({ n, padding: 'p'.repeat(300) }) });
    recorder.record(entryOf(0));
    recorder.record(entryOf(1));
    const before = read(file);
    recorder.record(entryOf(2));
    recorder.close();
    const after = read(file);
    const writtenAt = before.length - ']}}\n'.length;
    const written = after.length - writtenAt;
    const entryEnd = written - ']}}\n'.length;
    const parsedAsIs: number[] = [];
    // Every prefix of the third entry's write over the file as it was: what a kill after that many bytes leaves.
    for (let cut = 0; cut <= written; cut++) {
      const torn = after.slice(0, writtenAt + cut) + before.slice(writtenAt + cut);
      const urls = readHarRecording(torn).log.entries.map((entry) => new URL(entry.request.url).search);
      expect(urls, `cut after ${cut} bytes`).toEqual(['?n=0', '?n=1', ...(cut >= entryEnd ? ['?n=2'] : [])]);
      try {
        JSON.parse(torn);
        parsedAsIs.push(cut);
      } catch {}
    }
    // Only the file before the write, and after it (with or without its last newline), parse as they are: no layout
    // written in place does better.
    expect(parsedAsIs).toEqual([0, written - 1, written]);
    expect(() => readHarRecording('{"not": "a recording"')).toThrow(SyntaxError);
  });
});

describe('large and binary bodies', () => {
  it('keeps a body larger than maxBodyBytes (1 MiB by default) as its size and a comment, without text', () => {
    const file = join(work, 'large.har');
    const recorder = HarRecorder.open(file);
    const fiveMegabytes = json({ data: 'r'.repeat(5 * 1024 * 1024) });
    recorder.record(exchange('GET', `${AGENT_ENGINE}/workspaces`, { responseBody: fiveMegabytes }));
    // A body the proxy did not keep: its size alone.
    recorder.record(exchange('GET', `${AGENT_ENGINE}/workspaces`, { responseSize: 7_000_000 }));
    recorder.record(exchange('POST', `${AGENT_ENGINE}/workspaces`, { body: json({ big: 'q'.repeat(1024 * 1024) }) }));
    recorder.close();
    const [large, notKept, largeRequest] = parse(file).log.entries;
    expect(large!.response.content).toEqual({
      size: fiveMegabytes.byteLength,
      mimeType: 'application/json',
      comment: `Body not kept: ${fiveMegabytes.byteLength} bytes, more than the 1048576 bytes a recording keeps.`,
    });
    expect(large!.response.bodySize).toBe(fiveMegabytes.byteLength);
    expect(notKept!.response.content).toEqual({
      size: 7_000_000,
      mimeType: 'application/json',
      comment: expect.stringMatching(/^Body not kept: 7000000 bytes/),
    });
    expect(largeRequest!.request.postData).toEqual({
      mimeType: 'application/json',
      text: '',
      comment: expect.stringMatching(/^Body not kept/),
    });
    expect(largeRequest!.request.bodySize).toBe(1024 * 1024 + 10);
    expect(read(file).length).toBeLessThan(10_000);
  });

  it('writes binary bodies base64, decoding back to the very bytes; maxBodyBytes is an option', () => {
    const file = join(work, 'binary.har');
    const recorder = HarRecorder.open(file, { maxBodyBytes: 2048 });
    const bytes = Uint8Array.from({ length: 2048 }, (_, i) => (i * 131 + 7) % 256); // not UTF-8
    const plain = utf8('plain bytes that happen to read as text');
    recorder.record(
      exchange('GET', `${AGENT_ENGINE}/integrations/connectors/c8d9/execute`, {
        responseHeaders: [['content-type', 'image/png']],
        responseBody: bytes,
      }),
    );
    recorder.record(
      exchange('GET', `${AGENT_ENGINE}/x`, {
        responseHeaders: [['content-type', 'application/octet-stream']],
        responseBody: plain,
      }),
    );
    recorder.record(exchange('GET', `${AGENT_ENGINE}/x`, { responseBody: new Uint8Array(2049) }));
    recorder.close();
    const [png, octets, tooLarge] = parse(file).log.entries;
    expect(png!.response.content).toMatchObject({ size: 2048, mimeType: 'image/png', encoding: 'base64' });
    expect(new Uint8Array(Buffer.from(png!.response.content.text!, 'base64'))).toEqual(bytes);
    expect(octets!.response.content.encoding).toBe('base64');
    expect(Buffer.from(octets!.response.content.text!, 'base64').toString('utf8')).toBe(
      'plain bytes that happen to read as text',
    );
    expect(tooLarge!.response.content.text).toBeUndefined();
  });
});

describe('compressed bodies', () => {
  it('are decoded before redaction (a token in gzip bytes is a token), and bombs are not inflated', () => {
    const file = join(work, 'compressed.har');
    const recorder = HarRecorder.open(file);
    const answer = json({ access_token: 'gzipped-token-Vb3Nm7Qw', token_type: 'bearer', expires_in: 900 });
    const gzip: [string, string] = ['content-encoding', 'gzip'];
    const gzipped = gzipSync(answer);
    recorder.record(
      exchange('POST', `${AGENT_ENGINE}/account/applications/token`, {
        responseHeaders: [JSON_TYPE, gzip],
        responseBody: gzipped,
      }),
    );
    recorder.record(
      exchange('POST', `${AGENT_ENGINE}/account/applications/scoped-token`, {
        responseHeaders: [JSON_TYPE, ['content-encoding', 'br']],
        responseBody: brotliCompressSync(json({ token: 'brotli-token-Lk8Jh2Gf' })),
      }),
    );
    // fetch decodes and leaves the header: such a body is taken as it is.
    recorder.record(
      exchange('GET', `${AGENT_ENGINE}/workspaces`, {
        responseHeaders: [JSON_TYPE, gzip],
        responseBody: json({ data: [] }),
      }),
    );
    const bomb = gzipSync(new Uint8Array(8 * 1024 * 1024));
    recorder.record(
      exchange('GET', `${AGENT_ENGINE}/workspaces`, { responseHeaders: [JSON_TYPE, gzip], responseBody: bomb }),
    );
    recorder.close();
    expectNoSecret(file, ['gzipped-token-Vb3Nm7Qw', 'brotli-token-Lk8Jh2Gf']);
    const [gzipEntry, brotliEntry, fetched, bombEntry] = parse(file).log.entries;
    expect(contentJson(gzipEntry!)).toEqual({ access_token: REDACTED, token_type: 'bearer', expires_in: 900 });
    expect(gzipEntry!.response.content.size).toBe(answer.byteLength);
    expect(gzipEntry!.response.bodySize).toBe(gzipped.byteLength);
    expect(contentJson(brotliEntry!)).toEqual({ token: REDACTED });
    expect(contentJson(fetched!)).toEqual({ data: [] });
    expect(bombEntry!.response.content).toEqual({
      size: bomb.byteLength,
      mimeType: 'application/json',
      comment: 'Body not kept: it decodes to more than the 1048576 bytes a recording keeps.',
    });
  });
});

describe('hostile bodies', () => {
  const deep = (inner: string, depth: number) => `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;
  /** `learned`: the value as the recorder finds it, to scrub later (none where the body is dropped unread). */
  const hostile: { name: string; secret: string; learned?: string; parts: ExchangeParts; url?: string }[] = [
    {
      name: 'JSON cut off in the middle',
      secret: 'hostile-cut-Aa11Bb22',
      learned: 'hostile-cut-Aa11Bb22',
      parts: { body: utf8('{"client_secret": "hostile-cut-Aa11Bb22", "workspace_name": "acme", "credentials": ') },
    },
    {
      name: 'broken JSON whose credentials are an object',
      secret: 'hostile-object-Cc33Dd44',
      parts: { body: utf8('{"credentials": {"login": "hostile-object-Cc33Dd44"}, oops}') },
    },
    {
      name: '10,000 levels of nesting with a password at the bottom',
      secret: 'hostile-deep-Ee55Ff66',
      parts: { responseBody: utf8(deep('{"password": "hostile-deep-Ee55Ff66"}', 10_000)) },
    },
    {
      name: '10,000 nested arrays, unclosed',
      secret: 'hostile-arrays-Oo12Pp34',
      parts: { body: utf8(`${'['.repeat(10_000)}"hostile-arrays-Oo12Pp34"`), responseHeaders: [] },
    },
    {
      name: 'prototype keys',
      secret: 'hostile-proto-Gg77Hh88',
      learned: 'hostile-proto-Gg77Hh88',
      parts: {
        body: utf8(
          '{"__proto__": {"password": "hostile-proto-Gg77Hh88", "polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
        ),
      },
    },
    {
      name: 'invalid UTF-8 in a JSON body',
      secret: 'hostile-utf8-Ii99Jj00',
      learned: 'hostile-utf8-Ii99Jj00',
      parts: {
        body: Uint8Array.from([
          ...utf8('{"api_key": "hostile-utf8-Ii99Jj00", "x": "'),
          0xff,
          0xfe,
          0xc3,
          ...utf8('"}'),
        ]),
      },
    },
    {
      name: 'invalid UTF-8 in a binary body that names a password',
      secret: 'hostile-binary-Kk12Ll34',
      learned: 'hostile-binary-Kk12Ll34',
      parts: {
        responseHeaders: [['content-type', 'application/octet-stream']],
        responseBody: Uint8Array.from([0xff, 0x00, ...utf8('password=hostile-binary-Kk12Ll34&x=1'), 0xc0, 0x80]),
      },
    },
    {
      name: 'a lone surrogate in a credential',
      secret: 'hostile-surrogate-Mm56Nn78',
      learned: '\ud800hostile-surrogate-Mm56Nn78',
      parts: { body: utf8('{"credentials": {"token": "\\ud800hostile-surrogate-Mm56Nn78"}}') },
    },
    {
      name: 'a text body with a bearer token and a named secret',
      secret: 'hostile-text-Qq90Rr12',
      learned: 'hostile-text-Qq90Rr12',
      parts: {
        responseHeaders: [['content-type', 'text/plain']],
        responseBody: utf8(
          'upstream said: Authorization: Bearer hostile-text-Qq90Rr12; secret_key=hostile-text-Qq90Rr12',
        ),
      },
    },
    {
      name: 'a URL that does not parse, and headers without a scheme',
      secret: 'hostile-url-Ss34Tt56',
      learned: 'hostile-url-Ss34Tt56',
      url: 'not a url ?token=hostile-url-Ss34Tt56',
      parts: {
        headers: [
          ['authorization', 'hostile-url-Ss34Tt56'],
          ['cookie', ''],
        ],
      },
    },
  ];

  it('never throw, never write the secret, and drop what cannot be redacted with a comment saying so', () => {
    const file = join(work, 'hostile.har');
    const recorder = HarRecorder.open(file);
    const started = performance.now();
    for (const { url, parts } of hostile) {
      expect(() =>
        recorder.record(exchange('POST', url ?? `${AGENT_ENGINE}/integrations/connectors`, parts)),
      ).not.toThrow();
    }
    // A later exchange quoting the secrets found above has them scrubbed too.
    const echoes = hostile.flatMap(({ learned }) => (learned === undefined ? [] : [learned]));
    expect(echoes).toHaveLength(7);
    recorder.record(
      exchange('GET', `${AGENT_ENGINE}/workspaces`, { responseBody: json({ message: echoes.join(' ') }) }),
    );
    recorder.close();
    expect(performance.now() - started).toBeLessThan(1000);
    const har = parse(file);
    expect(har.log.entries).toHaveLength(hostile.length + 1);
    expectNoSecret(
      file,
      hostile.map(({ secret }) => secret),
    );
    const [cut, object, deepBody, arrays, proto, invalidUtf8] = har.log.entries;
    expect(cut!.request.postData!.text).toContain(`"client_secret": "${REDACTED}"`);
    expect(object!.request.postData).toMatchObject({ text: '', comment: expect.stringMatching(/^Body dropped/) });
    expect(deepBody!.response.content).toMatchObject({ comment: 'Body dropped: it nests deeper than 128 levels.' });
    expect(deepBody!.response.content.text).toBeUndefined();
    expect(arrays!.request.postData!.comment).toMatch(/^Body dropped/);
    expect(Object.keys(postJson(proto!))).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(postJson(proto!), '__proto__')?.value).toEqual({
      password: REDACTED,
      polluted: true,
    });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(postJson(invalidUtf8!)).toEqual({ api_key: REDACTED, x: '\ufffd\ufffd\ufffd' });
    expect(invalidUtf8!.request.postData!.comment).toMatch(/not valid UTF-8/i);
    expect(contentJson(har.log.entries.at(-1)!).message).toBe(echoes.map(() => REDACTED).join(' '));
  });
});
