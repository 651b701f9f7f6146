// createAirbyteApiClient: the Embedded endpoints of the Airbyte API (https://api.airbyte.com/v1) with the same
// conventions as the Agent Engine client: cached access token, retries, typed errors (from problem JSON).
import { createOpenapiClient } from './core/openapi-client.js';
import type { components, operations, paths } from '../generated/airbyte-api-v1.js';
import { call, hasCallOptions, type ResourceContext } from './core/context.js';
import { requireCredentials, resolveOptions, type ClientOptions } from './core/options.js';
import { nextPageQuery } from './core/pagination.js';
import { Redactor } from './core/redact.js';
import { TokenCache } from './core/token-cache.js';
import { createTransport, type CallOptions, type TransportSettings } from './core/transport.js';

export const AIRBYTE_API_BASE_URL = 'https://api.airbyte.com/v1';
/** The v1 API's tokens have lasted an hour; used when a token does not say. */
const ACCESS_TOKEN_SECONDS = 60 * 60;

type Schemas = components['schemas'];
type ListQuery = NonNullable<operations['listWorkspaces']['parameters']['query']>;

/** Options of the v1 client. The base URL comes from `baseUrl` only (AIRBYTE_API_HOST names the Agent Engine host). */
export type AirbyteApiClientOptions = Omit<ClientOptions, 'organizationId'>;

export function createAirbyteApiClient(options: AirbyteApiClientOptions = {}) {
  const resolved = resolveOptions(options, AIRBYTE_API_BASE_URL);
  const redactor = new Redactor();
  redactor.add(resolved.clientSecret);
  const baseSettings: TransportSettings = {
    fetch: resolved.fetch,
    maxRetries: resolved.maxRetries,
    timeoutMs: resolved.timeoutMs,
    redactor,
    logger: resolved.logger,
  };
  const contextFor = (settings: TransportSettings): ResourceContext<paths> => ({
    raw: createOpenapiClient<paths, 'application/json'>({ baseUrl: resolved.baseUrl, headers: resolved.headers, fetch: createTransport(settings) }),
    baseUrl: resolved.baseUrl,
    redactor,
    init: (callOptions) => (hasCallOptions(callOptions) ? { fetch: createTransport(settings, callOptions) } : {}),
  });

  const tokenEndpoint = contextFor(baseSettings);
  async function mintAccessToken(callOptions?: CallOptions): Promise<Schemas['AccessTokenResponse']> {
    const { clientId, clientSecret } = requireCredentials(resolved);
    const minted = await call(tokenEndpoint, 'POST', tokenEndpoint.raw.POST('/applications/token', {
      body: { client_id: clientId, client_secret: clientSecret, 'grant-type': 'client_credentials' },
      ...tokenEndpoint.init(callOptions),
    }));
    redactor.add(minted.access_token);
    return minted;
  }
  const accessTokens = new TokenCache(async () => {
    const minted = await mintAccessToken();
    return { token: minted.access_token, expiresInSeconds: minted.expires_in, defaultLifetimeSeconds: ACCESS_TOKEN_SECONDS };
  });
  const context = contextFor({ ...baseSettings, tokens: { token: () => accessTokens.get(), invalidate: (t) => accessTokens.invalidate(t) } });
  const { raw } = context;
  const byId = (workspaceId: string) => ({ params: { path: { workspaceId } } });

  const list = (query: ListQuery = {}, callOptions?: CallOptions): Promise<Schemas['WorkspacesResponse']> =>
    call(context, 'GET', raw.GET('/workspaces', { params: { query }, ...context.init(callOptions) }));

  async function* pages(query: ListQuery = {}, callOptions?: CallOptions): AsyncGenerator<Schemas['WorkspacesResponse']> {
    let page = await list(query, callOptions);
    yield page;
    while (page.next) {
      const next = nextPageQuery(page.next, resolved.baseUrl);
      page = await list({ ...query, ...next, limit: Number(next.limit ?? query.limit ?? 20), offset: Number(next.offset ?? 0) } as ListQuery, callOptions);
      yield page;
    }
  }

  return {
    raw,
    tokens: {
      /** A fresh access token. The client manages its own; this is for handing one on. */
      access: (callOptions?: CallOptions) => mintAccessToken(callOptions),
    },
    workspaces: {
      list,
      pages,
      async *all(query: ListQuery = {}, callOptions?: CallOptions): AsyncGenerator<Schemas['WorkspaceResponse']> {
        for await (const page of pages(query, callOptions)) yield* page.data;
      },
      /** Not retried on 5xx. */
      create: (body: Schemas['WorkspaceCreateRequest'], callOptions?: CallOptions): Promise<Schemas['WorkspaceResponse']> =>
        call(context, 'POST', raw.POST('/workspaces', { body, ...context.init(callOptions) })),
      get: (workspaceId: string, callOptions?: CallOptions): Promise<Schemas['WorkspaceResponse']> =>
        call(context, 'GET', raw.GET('/workspaces/{workspaceId}', { ...byId(workspaceId), ...context.init(callOptions) })),
      update: (workspaceId: string, body: Schemas['WorkspaceUpdateRequest'], callOptions?: CallOptions): Promise<Schemas['WorkspaceResponse']> =>
        call(context, 'PATCH', raw.PATCH('/workspaces/{workspaceId}', { ...byId(workspaceId), body, ...context.init(callOptions) })),
      delete: async (workspaceId: string, callOptions?: CallOptions): Promise<void> => {
        await call(context, 'DELETE', raw.DELETE('/workspaces/{workspaceId}', { ...byId(workspaceId), ...context.init(callOptions) }));
      },
    },
    /** True while the API answers its health check. */
    health: async (callOptions?: CallOptions): Promise<boolean> => {
      const { response } = await tokenEndpoint.raw.GET('/health', { ...tokenEndpoint.init(callOptions) });
      return response.ok;
    },
  };
}

export type AirbyteApiClient = ReturnType<typeof createAirbyteApiClient>;
