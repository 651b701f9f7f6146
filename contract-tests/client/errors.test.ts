// Typed errors in the API's own words, and secrets never in a message, a property, a log line or JSON.stringify.
import { describe, expect, it } from 'vitest';
import {
  AgentEngineError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  UnexpectedResponseError,
  ValidationError,
  ConnectorNotFoundError,
  createAgentEngineClient,
  createAirbyteApiClient,
} from '../../src/index.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  DEFINITIONS,
  TOKEN_PATH,
  applicationToken,
  fakeApi,
  json,
  type Handler,
} from '../support/fake-api.js';

const options = {
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  baseUrl: 'https://api.example.test',
  maxRetries: 0,
};
const CONNECTOR = 'c8d9e0f1-2a3b-4c5d-8e6f-7a8b9c0d1e2f';

/** The error a call fails with; a call that succeeds fails the test. */
function rejection(pending: Promise<unknown>): Promise<AgentEngineError> {
  return pending.then(
    () => expect.fail('the call succeeded'),
    (error: unknown) => error as AgentEngineError,
  );
}

function errorFor(response: () => Response) {
  const api = fakeApi(response);
  return rejection(createAgentEngineClient({ ...options, fetch: api.fetch }).connectors.get(CONNECTOR));
}

describe('error classes by status', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [413, PayloadTooLargeError],
    [422, ValidationError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
  ] as const)('%i is a %s carrying status, body, request id, method and url', async (status, kind) => {
    const body = { message: `status ${status} happened`, errors: [] };
    const error = await errorFor(() => json(body, status, { 'x-request-id': 'req_123' }));
    expect(error).toBeInstanceOf(kind);
    expect(error).toBeInstanceOf(AgentEngineError);
    expect(error.status).toBe(status);
    expect(error.body).toEqual(body);
    expect(error.requestId).toBe('req_123');
    expect(error.method).toBe('GET');
    expect(error.url).toBe(`https://api.example.test/api/v1/integrations/connectors/${CONNECTOR}`);
    expect(error.message).toContain(`status ${status} happened`);
  });
});

describe("the message is the API's own words", () => {
  it('message and errors[] of ApiErrorResponse, with the field errors on a ValidationError', async () => {
    const error = await errorFor(() =>
      json(
        {
          message: 'Validation failed.',
          errors: [{ field: 'workspace_name', message: 'Field required', error_code: 'missing', details: null }],
        },
        422,
      ),
    );
    expect(error.message).toContain('Validation failed. (workspace_name: Field required)');
    expect((error as ValidationError).fieldErrors).toEqual([
      { field: 'workspace_name', message: 'Field required', code: 'missing' },
    ]);
  });

  it('FastAPI detail, as a string and as a list', async () => {
    expect((await errorFor(() => json({ detail: 'Connector not found' }, 404))).message).toContain(
      'Connector not found',
    );
    const listed = await errorFor(() =>
      json({ detail: [{ loc: ['body', 'entity'], msg: 'field required', type: 'missing' }] }, 422),
    );
    expect(listed.message).toContain('entity: field required');
    expect((listed as ValidationError).fieldErrors[0]).toEqual({
      field: 'entity',
      message: 'field required',
      code: 'missing',
    });
  });

  it('problem JSON title and detail', async () => {
    const error = await errorFor(
      () =>
        new Response(
          JSON.stringify({
            status: 403,
            type: 'about:blank',
            title: 'forbidden',
            detail: 'Plan does not include Embedded.',
          }),
          {
            status: 403,
            headers: { 'content-type': 'application/problem+json' },
          },
        ),
    );
    expect(error.message).toContain('forbidden: Plan does not include Embedded.');
  });

  it('an `error` field, and a plain-text body', async () => {
    expect(
      (await errorFor(() => json({ error: 'invalid_grant', error_description: 'expired' }, 400))).message,
    ).toContain('invalid_grant: expired');
    expect((await errorFor(() => new Response('upstream exploded', { status: 502 }))).message).toContain(
      'upstream exploded',
    );
  });

  it('says the method, URL and status when the body says nothing', async () => {
    const error = await errorFor(() => new Response(null, { status: 500 }));
    expect(error.message).toBe(
      `GET https://api.example.test/api/v1/integrations/connectors/${CONNECTOR} failed with 500 (Server error)`,
    );
  });
});

describe('secrets never leak', () => {
  it('an error body that echoes the client secret and a token is redacted everywhere', async () => {
    const lines: string[] = [];
    const logger = { debug: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
    let token = '';
    const api = fakeApi(
      (request) => {
        const bearer = request.headers.get('authorization')!;
        return json(
          {
            message: `Bad request from ${bearer} with secret ${CLIENT_SECRET}`,
            errors: [],
            input: { client_secret: CLIENT_SECRET, nested: { access_token: token } },
          },
          422,
        );
      },
      () => {
        const minted = applicationToken();
        token = minted.access_token;
        return json(minted);
      },
    );
    const client = createAgentEngineClient({ ...options, fetch: api.fetch, logger });
    const error = await rejection(client.connectors.get(CONNECTOR));
    expect(error).toBeInstanceOf(ValidationError);
    const everything = [
      error.message,
      String(error),
      JSON.stringify(error),
      JSON.stringify(error.body),
      error.stack ?? '',
      ...lines,
    ].join('\n');
    expect(token.length).toBeGreaterThan(20);
    expect(everything).not.toContain(CLIENT_SECRET);
    expect(everything).not.toContain(token);
    expect(everything).toContain('[redacted]');
  });

  it('a token request refused with the secret echoed back does not leak it', async () => {
    const api = fakeApi(
      () => json(DEFINITIONS),
      (request) =>
        json(
          { message: `Invalid client credentials for ${request.body.client_id}:${request.body.client_secret}` },
          401,
        ),
    );
    const error = await rejection(createAgentEngineClient({ ...options, fetch: api.fetch }).definitions.listSources());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(CLIENT_SECRET);
  });

  it('retry log lines say what happened without secrets', async () => {
    const lines: string[] = [];
    const api = fakeApi((_r, i) => (i === 0 ? json({}, 503, { 'retry-after': '0' }) : json(DEFINITIONS)));
    await createAgentEngineClient({
      ...options,
      maxRetries: 1,
      fetch: api.fetch,
      logger: { debug: (m: string) => lines.push(m) },
    }).definitions.listSources();
    expect(lines.join('\n')).toMatch(
      /retrying GET https:\/\/api\.example\.test\/api\/v1\/integrations\/definitions\/sources in 0 ms \(status 503\)/,
    );
    expect(lines.join('\n')).not.toContain(CLIENT_SECRET);
    expect(lines.join('\n')).not.toMatch(/Bearer ey/);
  });
});

describe('a 2xx answer without what the helper reads of it', () => {
  const MALFORMED = { 'x-request-id': 'req_malformed' };
  const malformed = (body: unknown) => json(body, 200, MALFORMED);
  const drain = async (pages: AsyncIterable<unknown>) => {
    for await (const _page of pages);
  };
  const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';
  const page = {
    status: 'success',
    result: [{ id: 1 }],
    connector_metadata: { has_next_page: true, end_cursor: 'c1' },
    execution_metadata: {},
  };
  type Client = ReturnType<typeof createAgentEngineClient>;
  type Row = {
    handler: Handler;
    tokens?: Handler;
    v1?: boolean;
    run: (client: any) => Promise<unknown>;
    method: string;
    path: string;
    need: string;
  };

  // Each of these failed with a TypeError (reading a field of undefined, or iterating what is not a list) before.
  const ROWS: Record<string, Row> = {
    'an application token answer without access_token': {
      handler: () => json(DEFINITIONS),
      tokens: () => malformed({ token_type: 'bearer', expires_in: 900 }),
      run: (c: Client) => c.definitions.listSources(),
      method: 'POST',
      path: TOKEN_PATH,
      need: 'access_token',
    },
    'a v1 access token answer without access_token': {
      handler: (r) => (r.path === '/v1/applications/token' ? malformed({ token_type: 'Bearer' }) : json({ data: [] })),
      v1: true,
      run: (c: ReturnType<typeof createAirbyteApiClient>) => c.workspaces.list(),
      method: 'POST',
      path: '/v1/applications/token',
      need: 'access_token',
    },
    "a scoped token answer without token (a workspace client's first call)": {
      handler: (r) => (r.path.endsWith('/scoped-token') ? malformed({}) : json({ data: [] })),
      run: (c: Client) => c.forWorkspace('acme').connectors.list(),
      method: 'POST',
      path: '/api/v1/account/applications/scoped-token',
      need: 'token',
    },
    'a widget token answer whose token is not a string': {
      handler: () => malformed({ token: 42 }),
      run: (c: Client) => c.tokens.widget({ workspace_name: 'acme', allowed_origin: 'https://app.example.com' }),
      method: 'POST',
      path: '/api/v1/account/applications/widget-token',
      need: 'token',
    },
    'a workspace page without data, in workspaces.all': {
      handler: () => malformed({ next: null }),
      run: (c: Client) => drain(c.workspaces.all()),
      method: 'GET',
      path: '/api/v1/workspaces',
      need: 'data',
    },
    'a skills page whose data is not a list, in skills.all': {
      handler: () => malformed({ data: 'abc', next_cursor: null }),
      run: (c: Client) => drain(c.skills.all()),
      method: 'GET',
      path: '/api/v1/skills',
      need: 'data',
    },
    'a v1 workspace page without data, in workspaces.all': {
      handler: (r) => (r.path === '/v1/applications/token' ? json(applicationToken()) : malformed({ next: null })),
      v1: true,
      run: (c: ReturnType<typeof createAirbyteApiClient>) => drain(c.workspaces.all()),
      method: 'GET',
      path: '/v1/workspaces',
      need: 'data',
    },
    'a connector list without data, in connectors.find': {
      handler: () => malformed({}),
      run: (c: Client) => c.connectors.find({ workspace_name: 'acme', definition_id: GITHUB }),
      method: 'GET',
      path: '/api/v1/integrations/connectors',
      need: 'data',
    },
    "an execute answer with no body, in a typed connector's call": {
      handler: () => new Response(null, { status: 200, headers: MALFORMED }),
      run: (c: Client) => c.connector('github', CONNECTOR).issues.list({ owner: 'airbytehq', repo: 'airbyte' }),
      method: 'POST',
      path: `/api/v1/integrations/connectors/${CONNECTOR}/execute`,
      need: 'status',
    },
    "a connector read without its definition id, when executePages looks up the connector's paging": {
      handler: (r) => (r.method === 'POST' ? json(page) : malformed({ id: CONNECTOR, name: 'GitHub' })),
      run: (c: Client) => drain(c.connectors.executePages(CONNECTOR, { entity: 'issues', action: 'list', params: {} })),
      method: 'GET',
      path: `/api/v1/integrations/connectors/${CONNECTOR}`,
      need: 'source_template.source_definition_id',
    },
  };

  it.each(Object.entries(ROWS))(
    '%s: an UnexpectedResponseError naming the field, with status, method, url and request id',
    async (_name, row) => {
      const api = fakeApi(row.handler, row.tokens);
      const client = row.v1
        ? createAirbyteApiClient({ ...options, baseUrl: 'https://api.example.test/v1', fetch: api.fetch })
        : createAgentEngineClient({ ...options, fetch: api.fetch });
      const error = await rejection(row.run(client));
      expect(error).not.toBeInstanceOf(TypeError);
      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect(error).toBeInstanceOf(AgentEngineError);
      expect(error.name).toBe('UnexpectedResponseError');
      expect(error.message).toBe(
        `${row.method} https://api.example.test${row.path} answered 200 without \`${row.need}\``,
      );
      expect(error).toMatchObject({
        status: 200,
        method: row.method,
        url: `https://api.example.test${row.path}`,
        requestId: 'req_malformed',
      });
    },
  );

  it('a token answer is redacted in the error body', async () => {
    const api = fakeApi(
      () => json(DEFINITIONS),
      () => json({ access_token: 42, refresh_token: 'rt_should_not_show_1234' }),
    );
    const error = await rejection(createAgentEngineClient({ ...options, fetch: api.fetch }).definitions.listSources());
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.body).toEqual({ access_token: 42, refresh_token: '[redacted]' });
  });

  it('connectors.find passes over a summary without its template instead of failing on it', async () => {
    const api = fakeApi(() => json({ data: [{ id: 'a', name: 'no template' }, null] }));
    const error = await rejection(
      createAgentEngineClient({ ...options, fetch: api.fetch }).connectors.find({
        workspace_name: 'acme',
        definition_id: GITHUB,
      }),
    );
    expect(error).toBeInstanceOf(ConnectorNotFoundError);
  });

  it('a body with what the helper needs passes: the check refuses only what it names', async () => {
    const api = fakeApi(() => json({ data: [], next: null, extra: true }));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch });
    await expect(drain(client.workspaces.all())).resolves.toBeUndefined();
    // A plain list is not checked: it hands the body over as it is.
    const plain = fakeApi(() => json({}));
    await expect(createAgentEngineClient({ ...options, fetch: plain.fetch }).workspaces.list()).resolves.toEqual({});
  });
});
