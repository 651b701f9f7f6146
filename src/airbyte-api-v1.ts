// createAirbyteApiClient: the Embedded endpoints of the Airbyte API (https://api.airbyte.com/v1) with the same
// conventions as the Agent Engine client: cached access token, retries, typed errors (from problem JSON).
import type { Client } from 'openapi-fetch';
import type { components, operations, paths } from '../generated/airbyte-api-v1.js';
import { clientTokens, createClientBase } from './core/client-base.js';
import { call } from './core/context.js';
import { requireCredentials, resolveOptions, type ClientOptions } from './core/options.js';
import { followNextLinks } from './core/pagination.js';
import type { CallOptions } from './core/transport.js';

/** Where the v1 client sends requests unless `baseUrl` says otherwise. */
export const AIRBYTE_API_BASE_URL = 'https://api.airbyte.com/v1';
/** The v1 API's tokens have lasted an hour; used when a token does not say. */
const ACCESS_TOKEN_SECONDS = 60 * 60;

type Schemas = components['schemas'];

/** An access token of the v1 API, from `tokens.access`. */
export type AirbyteApiAccessTokenResponse = Schemas['AccessTokenResponse'];
/** The query of `workspaces.list`, `pages` and `all` of the v1 client. */
export type AirbyteApiWorkspaceListQuery = NonNullable<operations['listWorkspaces']['parameters']['query']>;
/** One page of workspaces of the v1 API; `next` and `previous` link to the neighbouring pages. */
export type AirbyteApiWorkspacesResponse = Schemas['WorkspacesResponse'];
/** A workspace of the v1 API. */
export type AirbyteApiWorkspaceResponse = Schemas['WorkspaceResponse'];
/** The body of the v1 client's `workspaces.create`. */
export type AirbyteApiWorkspaceCreateRequest = Schemas['WorkspaceCreateRequest'];
/** The body of the v1 client's `workspaces.update`. */
export type AirbyteApiWorkspaceUpdateRequest = Schemas['WorkspaceUpdateRequest'];

/** Options of the v1 client. The base URL comes from `baseUrl` only (AIRBYTE_API_HOST names the Agent Engine host). */
export interface AirbyteApiClientOptions extends Omit<ClientOptions, 'organizationId'> {}

/** The openapi-fetch client typed from the v1 spec: any operation by path, answering `{data, error, response}`. */
export type AirbyteApiRawClient = Client<paths, 'application/json'>;

/** `tokens` of the v1 client. */
export interface AirbyteApiTokensResource {
  /** A fresh access token. The client manages its own; this is for handing one on. */
  access(options?: CallOptions): Promise<AirbyteApiAccessTokenResponse>;
}

/** `workspaces` of the v1 client: the organization's workspaces, paged by `limit` and `offset`. */
export interface AirbyteApiWorkspacesResource {
  /** One page; `next` is the URL of the following one. */
  list(query?: AirbyteApiWorkspaceListQuery, options?: CallOptions): Promise<AirbyteApiWorkspacesResponse>;
  /** Every page, following `next` while it stays on the API's host; the filters of `query` apply to each. */
  pages(query?: AirbyteApiWorkspaceListQuery, options?: CallOptions): AsyncGenerator<AirbyteApiWorkspacesResponse>;
  /** Every workspace of every page. */
  all(query?: AirbyteApiWorkspaceListQuery, options?: CallOptions): AsyncGenerator<AirbyteApiWorkspaceResponse>;
  /** Creates a workspace. Not retried on 5xx (it could create two). */
  create(body: AirbyteApiWorkspaceCreateRequest, options?: CallOptions): Promise<AirbyteApiWorkspaceResponse>;
  /** One workspace by its id. */
  get(workspaceId: string, options?: CallOptions): Promise<AirbyteApiWorkspaceResponse>;
  /** Changes a workspace; fields left out keep their value. Not retried on 5xx. */
  update(
    workspaceId: string,
    body: AirbyteApiWorkspaceUpdateRequest,
    options?: CallOptions,
  ): Promise<AirbyteApiWorkspaceResponse>;
  /** Deletes a workspace. */
  delete(workspaceId: string, options?: CallOptions): Promise<void>;
}

/** A client of the Embedded endpoints of the Airbyte API (`https://api.airbyte.com/v1`), from `createAirbyteApiClient`. */
export interface AirbyteApiClient {
  /** The openapi-fetch client typed from the v1 spec, for any operation, answering `{data, error, response}`. */
  raw: AirbyteApiRawClient;
  /** Access tokens to hand on. */
  tokens: AirbyteApiTokensResource;
  /** The organization's workspaces. */
  workspaces: AirbyteApiWorkspacesResource;
  /** True while the API answers its health check (which takes no token). */
  health(options?: CallOptions): Promise<boolean>;
}

/**
 * A client of the Embedded endpoints of the Airbyte API (`https://api.airbyte.com/v1`) with the conventions of the
 * Agent Engine client: an access token minted, cached and refreshed for you, retries, typed errors (read from the
 * API's problem JSON). Credentials come from the options or from `AIRBYTE_CLIENT_ID` and `AIRBYTE_CLIENT_SECRET`.
 * @example
 * ```ts
 * import { createAirbyteApiClient } from 'agent-engine-kit';
 *
 * const v1 = createAirbyteApiClient({ clientId: 'your-client-id', clientSecret: 'your-client-secret' });
 * const workspace = await v1.workspaces.create({ name: 'acme' });
 * for await (const each of v1.workspaces.all()) console.log(each.workspaceId, each.name);
 * ```
 */
export function createAirbyteApiClient(options: AirbyteApiClientOptions = {}): AirbyteApiClient {
  const resolved = resolveOptions(options, AIRBYTE_API_BASE_URL);
  const { redactor, contextFor } = createClientBase<paths>(resolved);
  const tokenEndpoint = contextFor();
  async function mintAccessToken(callOptions?: CallOptions): Promise<AirbyteApiAccessTokenResponse> {
    const { clientId, clientSecret } = requireCredentials(resolved);
    const minted = await call(
      tokenEndpoint,
      'POST',
      tokenEndpoint.raw.POST('/applications/token', {
        body: { client_id: clientId, client_secret: clientSecret, 'grant-type': 'client_credentials' },
        ...tokenEndpoint.init({ idempotent: true, ...callOptions }),
      }),
      'access_token',
    );
    redactor.add(minted.access_token);
    return minted;
  }
  const context = contextFor(
    clientTokens(resolved, redactor, async () => {
      const minted = await mintAccessToken();
      return {
        token: minted.access_token,
        expiresInSeconds: minted.expires_in,
        defaultLifetimeSeconds: ACCESS_TOKEN_SECONDS,
      };
    }),
  );
  const { raw } = context;
  const byId = (workspaceId: string) => ({ params: { path: { workspaceId } } });

  // `need`: what the caller reads of the page (`data[]` when paging), checked before it reads it.
  const list = (
    query: AirbyteApiWorkspaceListQuery = {},
    callOptions?: CallOptions,
    need?: string,
  ): Promise<AirbyteApiWorkspacesResponse> =>
    call(context, 'GET', raw.GET('/workspaces', { params: { query }, ...context.init(callOptions) }), need);

  // `next` and `previous` carry limit and offset; the other filters are kept from the first query.
  const pages = (query: AirbyteApiWorkspaceListQuery = {}, callOptions?: CallOptions) =>
    followNextLinks(
      query,
      (q) => list(q, callOptions, 'data'),
      resolved.baseUrl,
      (link): AirbyteApiWorkspaceListQuery => ({
        ...query,
        limit: Number(link.limit ?? query.limit ?? 20),
        offset: Number(link.offset ?? 0),
      }),
    );

  return {
    raw,
    tokens: {
      access: (callOptions) => mintAccessToken(callOptions),
    },
    workspaces: {
      list,
      pages,
      async *all(query = {}, callOptions) {
        for await (const page of pages(query, callOptions)) yield* page.data;
      },
      create: (body, callOptions) =>
        call(context, 'POST', raw.POST('/workspaces', { body, ...context.init(callOptions) })),
      get: (workspaceId, callOptions) =>
        call(
          context,
          'GET',
          raw.GET('/workspaces/{workspaceId}', { ...byId(workspaceId), ...context.init(callOptions) }),
        ),
      update: (workspaceId, body, callOptions) =>
        call(
          context,
          'PATCH',
          raw.PATCH('/workspaces/{workspaceId}', { ...byId(workspaceId), body, ...context.init(callOptions) }),
        ),
      delete: async (workspaceId, callOptions) => {
        await call(
          context,
          'DELETE',
          raw.DELETE('/workspaces/{workspaceId}', { ...byId(workspaceId), ...context.init(callOptions) }),
        );
      },
    },
    health: async (callOptions) => {
      const { response } = await tokenEndpoint.raw.GET('/health', { ...tokenEndpoint.init(callOptions) });
      return response.ok;
    },
  };
}
