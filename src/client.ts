// createAgentEngineClient: the typed openapi-fetch client for the Agent Engine API with the token lifecycle, retries
// and typed errors applied, and one helper module per API area on top.
import type { Client } from 'openapi-fetch';
import type { paths } from '../generated/agent-engine.js';
import { cachedTokens, clientTokens, createClientBase } from './core/client-base.js';
import { call, type RawCallOptions, type ResourceContext } from './core/context.js';
import { ConfigurationError } from './core/errors.js';
import { DEFAULT_BASE_URL, requireCredentials, resolveOptions, type ClientOptions } from './core/options.js';
import { TokenCache } from './core/token-cache.js';
import type { CallOptions, TokenSource } from './core/transport.js';
import { connectorsResource, type ConnectorsResource, type DefinitionIdCache } from './resources/connectors.js';
import { definitionsResource, type DefinitionsResource } from './resources/definitions.js';
import { oauthResource, type OAuthResource } from './resources/oauth.js';
import { skillsResource, type SkillsResource } from './resources/skills.js';
import { templatesResource, type TemplatesResource } from './resources/templates.js';
import { tokensResource, type TokensResource } from './resources/tokens.js';
import { workspacesResource, type WorkspacesResource } from './resources/workspaces.js';
import {
  createTypedConnector,
  type ConnectorName,
  type TypedConnector,
  type TypedConnectorDeps,
} from './connectors/typed.js';
import type { FetchResult } from './core/result.js';

/** Lifetimes the API documents, used when a token does not say its own. */
const APPLICATION_TOKEN_SECONDS = 15 * 60;
const SCOPED_TOKEN_SECONDS = 20 * 60;

/**
 * Options of `createAgentEngineClient`. Each falls back to an environment variable where the runtime has one
 * (`AIRBYTE_CLIENT_ID`, `AIRBYTE_CLIENT_SECRET`, `AIRBYTE_ORGANIZATION_ID`, `AIRBYTE_API_HOST`), then to a default.
 */
export interface AgentEngineClientOptions extends ClientOptions {}

/** The openapi-fetch client typed from the Agent Engine spec: any operation by path, answering `{data, error, response}`. */
export type AgentEngineRawClient = Client<paths, 'application/json'>;

/**
 * The Agent Engine API over one way of authenticating: the organization's application token (the client itself) or
 * a workspace's scoped token (from `forWorkspace`). One helper per operation, grouped by API area; each answers the
 * response body or throws a typed error (an `AgentEngineError` subclass).
 */
export interface WorkspaceClient {
  /** The openapi-fetch client typed from the spec, for any operation, answering `{data, error, response}`. */
  raw: AgentEngineRawClient;
  /**
   * openapi-fetch options that apply `maxRetries`, `timeoutMs` or `signal` to one `raw` call.
   * @example
   * ```ts
   * const { data } = await client.raw.GET('/api/v1/workspaces/stats', client.callOptions({ timeoutMs: 5_000 }));
   * ```
   */
  callOptions(callOptions: CallOptions): RawCallOptions;
  /** Tokens to hand on: application, scoped and widget tokens, and what a scoped token is confined to. */
  tokens: TokensResource;
  /** The connector catalog: source and destination definitions. */
  definitions: DefinitionsResource;
  /** Connectors: create, list, read, update, check, delete, and `execute` actions on the connected service. */
  connectors: ConnectorsResource;
  /** Workspaces, one per customer: list, page, read, update, delete, count. */
  workspaces: WorkspacesResource;
  /** Source and connection templates for the authentication module. */
  templates: TemplatesResource;
  /** OAuth consent flows, and your own OAuth applications for connectors. */
  oauth: OAuthResource;
  /** Skills: the docs an agent reads before calling a connector. */
  skills: SkillsResource;
  /**
   * A connector typed from its agent connector definition: each entity with exactly the actions its definition lists,
   * their params, records and paging keys typed. In a workspace client (`forWorkspace`) the id may be left out: the
   * workspace's one connector of that definition is looked up on first use (`ConnectorNotFoundError`,
   * `AmbiguousConnectorError`).
   * @example
   * ```ts
   * const github = client.connector('github', connectorId);
   * const page = await github.issues.list({ owner: 'airbytehq', repo: 'airbyte', per_page: 10 });
   * console.log(page.data[0]?.title, page.meta.end_cursor);
   * for await (const issue of github.issues.all({ owner: 'airbytehq', repo: 'airbyte' }, { limit: 500 })) console.log(issue.number);
   * const stripe = client.forWorkspace('acme').connector('stripe');
   * ```
   */
  connector<N extends ConnectorName>(name: N, id?: string): TypedConnector<N>;
}

/** The typed connectors of one surface: by id, or (in a workspace) the workspace's one connector of a definition. */
function typedConnectors(
  context: ResourceContext<paths>,
  connectors: ConnectorsResource,
  workspaceName?: string,
): WorkspaceClient['connector'] {
  const deps: TypedConnectorDeps = {
    execute: connectors.execute,
    executeRecords: connectors.executeRecords,
    // A download answers the content's bytes, not the JSON envelope.
    download: async (id, body, options) =>
      new Uint8Array(
        await call(
          context,
          'POST',
          context.raw.POST('/api/v1/integrations/connectors/{id}/execute', {
            params: { path: { id } },
            body,
            parseAs: 'arrayBuffer',
            ...context.init({ idempotent: true, ...options }),
          }) as Promise<FetchResult<ArrayBuffer>>,
        ),
      ),
  };
  return <N extends ConnectorName>(name: N, id?: string): TypedConnector<N> => {
    if (id !== undefined) return createTypedConnector(name, () => Promise.resolve(id), deps);
    if (workspaceName === undefined)
      throw new ConfigurationError(
        `connector('${name}') needs the connector's id; or find the workspace's connector with forWorkspace(workspaceName).connector('${name}')`,
      );
    let found: Promise<string> | undefined;
    const lookUp = async () =>
      (await import('./core/execute-paging.js')).typedConnectorId(connectors.find, workspaceName, name);
    // Looked up on first use and kept; a failed lookup is asked again next time.
    return createTypedConnector(
      name,
      () =>
        (found ??= lookUp().catch((error: unknown) => {
          found = undefined;
          throw error;
        })),
      deps,
    );
  };
}

/** The helpers and the raw client over one way of authenticating. */
function buildSurface(
  context: ResourceContext<paths>,
  mintApplicationToken: TokensResource['application'],
  definitionIds: DefinitionIdCache,
  workspaceName?: string,
): WorkspaceClient {
  const connectors = connectorsResource(context, definitionIds);
  return {
    raw: context.raw,
    callOptions: (callOptions) => context.rawInit(callOptions),
    tokens: tokensResource(context, mintApplicationToken),
    definitions: definitionsResource(context),
    connectors,
    workspaces: workspacesResource(context),
    templates: templatesResource(context),
    oauth: oauthResource(context),
    skills: skillsResource(context),
    connector: typedConnectors(context, connectors, workspaceName),
  };
}

/** A client of the Agent Engine API, from `createAgentEngineClient`: the organization's helpers, and `forWorkspace`. */
export interface AgentEngineClient extends WorkspaceClient {
  /**
   * The same helpers authenticated with a scoped token for one workspace (minted, cached and refreshed
   * automatically), for code that must be confined to one customer. The workspace is created if it is new. One
   * client per workspace name: calling again answers the same one.
   * @param workspaceName The workspace (one of your customers), by its name.
   * @example
   * ```ts
   * const acme = client.forWorkspace('acme');
   * const { data } = await acme.connectors.list(); // only acme's connectors
   * ```
   */
  forWorkspace(workspaceName: string): WorkspaceClient;
}

/**
 * A client of the Agent Engine API (`https://api.airbyte.ai`): application and scoped tokens minted, cached and
 * refreshed for you, retries with backoff and `Retry-After`, typed errors, and one helper per operation.
 *
 * Credentials come from the options or from `AIRBYTE_CLIENT_ID` and `AIRBYTE_CLIENT_SECRET`; keep them on the server.
 * Nothing is sent until the first call.
 * @example
 * ```ts
 * import { createAgentEngineClient } from 'agent-engine-kit';
 *
 * const client = createAgentEngineClient({ clientId: 'your-client-id', clientSecret: 'your-client-secret' });
 * const acme = client.forWorkspace('acme'); // confined to one customer's workspace
 * const { data: connectors } = await acme.connectors.list();
 * const { result } = await acme.connectors.execute(connectors[0]!.id, {
 *   entity: 'issues',
 *   action: 'list',
 *   params: { owner: 'airbytehq', repo: 'airbyte', per_page: 10 },
 * });
 * ```
 */
export function createAgentEngineClient(options: AgentEngineClientOptions = {}): AgentEngineClient {
  const resolved = resolveOptions(options, DEFAULT_BASE_URL, 'AIRBYTE_API_HOST');
  let organizationId = resolved.organizationId;
  const { redactor, contextFor } = createClientBase<paths>(
    resolved,
    (): Record<string, string> => (organizationId ? { 'x-organization-id': organizationId } : {}),
  );

  const tokenEndpoint = contextFor();
  async function mintApplicationToken(callOptions?: CallOptions) {
    const { clientId, clientSecret } = requireCredentials(resolved);
    const minted = await call(
      tokenEndpoint,
      'POST',
      tokenEndpoint.raw.POST('/api/v1/account/applications/token', {
        body: { client_id: clientId, client_secret: clientSecret },
        ...tokenEndpoint.init({ idempotent: true, ...callOptions }),
      }),
      'access_token',
    );
    redactor.add(minted.access_token);
    organizationId ??= minted.organization_id ?? undefined;
    return minted;
  }

  // The organization's tokens: the `token` option's, or application tokens minted with the client's credentials.
  const ownTokens = clientTokens(resolved, redactor, async () => {
    const minted = await mintApplicationToken();
    return {
      token: minted.access_token,
      expiresInSeconds: minted.expires_in,
      defaultLifetimeSeconds: APPLICATION_TOKEN_SECONDS,
    };
  });

  // One cache for the client and its workspace clients: a connector's definition does not depend on the token.
  const definitionIds: DefinitionIdCache = new Map();
  const surface = (tokens: TokenSource, workspaceName?: string) =>
    buildSurface(contextFor(tokens), mintApplicationToken, definitionIds, workspaceName);

  const root = surface(ownTokens);
  const workspaceClients = new Map<string, WorkspaceClient>();

  return {
    ...root,
    forWorkspace(workspaceName) {
      if (typeof workspaceName !== 'string' || workspaceName.trim() === '')
        throw new ConfigurationError('forWorkspace needs a workspace name');
      let client = workspaceClients.get(workspaceName);
      if (!client) {
        const scopedTokens = new TokenCache(async () => {
          const { token } = await root.tokens.scoped(workspaceName);
          return { token, defaultLifetimeSeconds: SCOPED_TOKEN_SECONDS };
        });
        client = surface(cachedTokens(scopedTokens), workspaceName);
        workspaceClients.set(workspaceName, client);
      }
      return client;
    },
  };
}
