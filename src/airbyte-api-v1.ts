// createAirbyteApiClient: the Embedded endpoints of the Airbyte API (https://api.airbyte.com/v1) with the same
// conventions as the Agent Engine client: cached access token, retries, typed errors (from problem JSON).
import type { components, operations, paths } from '../generated/airbyte-api-v1.js';
import { createClientBase } from './core/client-base.js';
import { call } from './core/context.js';
import { requireCredentials, resolveOptions, type ClientOptions } from './core/options.js';
import { followNextLinks } from './core/pagination.js';
import { TokenCache } from './core/token-cache.js';
import type { CallOptions } from './core/transport.js';

export const AIRBYTE_API_BASE_URL = 'https://api.airbyte.com/v1';
/** The v1 API's tokens have lasted an hour; used when a token does not say. */
const ACCESS_TOKEN_SECONDS = 60 * 60;

type Schemas = components['schemas'];
type ListQuery = NonNullable<operations['listWorkspaces']['parameters']['query']>;

/** Options of the v1 client. The base URL comes from `baseUrl` only (AIRBYTE_API_HOST names the Agent Engine host). */
export type AirbyteApiClientOptions = Omit<ClientOptions, 'organizationId'>;

export function createAirbyteApiClient(options: AirbyteApiClientOptions = {}) {
  const resolved = resolveOptions(options, AIRBYTE_API_BASE_URL);
  const { redactor, contextFor } = createClientBase<paths>(resolved);
  const tokenEndpoint = contextFor();
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
  const context = contextFor({ token: () => accessTokens.get(), invalidate: (t) => accessTokens.invalidate(t) });
  const { raw } = context;
  const byId = (workspaceId: string) => ({ params: { path: { workspaceId } } });

  const list = (query: ListQuery = {}, callOptions?: CallOptions): Promise<Schemas['WorkspacesResponse']> =>
    call(context, 'GET', raw.GET('/workspaces', { params: { query }, ...context.init(callOptions) }));

  // `next` and `previous` carry limit and offset; the other filters are kept from the first query.
  const pages = (query: ListQuery = {}, callOptions?: CallOptions) =>
    followNextLinks(query, (q) => list(q, callOptions), resolved.baseUrl, (link): ListQuery => ({
      ...query,
      limit: Number(link.limit ?? query.limit ?? 20),
      offset: Number(link.offset ?? 0),
    }));

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
