// createAgentEngineClient: the typed openapi-fetch client for the Agent Engine API with the token lifecycle, retries
// and typed errors applied, and one helper module per API area on top.
import type { paths } from '../generated/agent-engine.js';
import { createClientBase } from './core/client-base.js';
import { call, type ResourceContext } from './core/context.js';
import { ConfigurationError } from './core/errors.js';
import { DEFAULT_BASE_URL, requireCredentials, resolveOptions, type ClientOptions } from './core/options.js';
import { TokenCache } from './core/token-cache.js';
import type { CallOptions, TokenSource } from './core/transport.js';
import { connectorsResource, type DefinitionIdCache } from './resources/connectors.js';
import { definitionsResource } from './resources/definitions.js';
import { oauthResource } from './resources/oauth.js';
import { skillsResource } from './resources/skills.js';
import { templatesResource } from './resources/templates.js';
import { tokensResource } from './resources/tokens.js';
import { workspacesResource } from './resources/workspaces.js';
import { createTypedConnector, type ConnectorName, type TypedConnector, type TypedConnectorDeps } from './connectors/typed.js';
import type { FetchResult } from './core/result.js';

/** Lifetimes the API documents, used when a token does not say its own. */
const APPLICATION_TOKEN_SECONDS = 15 * 60;
const SCOPED_TOKEN_SECONDS = 20 * 60;

export type AgentEngineClientOptions = ClientOptions;

/** The typed connectors of one surface: by id, or (in a workspace) the workspace's one connector of a definition. */
function typedConnectors(context: ResourceContext<paths>, connectors: ReturnType<typeof connectorsResource>, workspaceName?: string) {
  const deps: TypedConnectorDeps = {
    execute: connectors.execute,
    executeRecords: connectors.executeRecords,
    // A download answers the content's bytes, not the JSON envelope.
    download: async (id, body, options) =>
      new Uint8Array(await call(context, 'POST', context.raw.POST('/api/v1/integrations/connectors/{id}/execute', { params: { path: { id } }, body, parseAs: 'arrayBuffer', ...context.init(options) }) as Promise<FetchResult<ArrayBuffer>>)),
  };
  return <N extends ConnectorName>(name: N, id?: string): TypedConnector<N> => {
    if (id !== undefined) return createTypedConnector(name, () => Promise.resolve(id), deps);
    if (workspaceName === undefined) throw new ConfigurationError(`connector('${name}') needs the connector's id; or find the workspace's connector with forWorkspace(workspaceName).connector('${name}')`);
    let found: Promise<string> | undefined;
    const lookUp = async () => {
      const definitionId = (await import('./core/execute-paging.js')).resolveConnector(name);
      if (!definitionId) throw new ConfigurationError(`The kit has no agent connector definition named ${JSON.stringify(name)}`);
      return (await connectors.find({ workspaceName, definitionId })).id;
    };
    // Looked up on first use and kept; a failed lookup is asked again next time.
    return createTypedConnector(name, () => (found ??= lookUp().catch((error: unknown) => { found = undefined; throw error; })), deps);
  };
}

/** The helpers and the raw client over one way of authenticating. */
function buildSurface(context: ResourceContext<paths>, mintApplicationToken: Parameters<typeof tokensResource>[1], definitionIds: DefinitionIdCache, workspaceName?: string) {
  const connectors = connectorsResource(context, definitionIds);
  return {
    /** The openapi-fetch client typed from the spec, for any operation, answering `{data, error, response}`. */
    raw: context.raw,
    /** openapi-fetch options that apply `maxRetries`, `timeoutMs` or `signal` to one `raw` call. */
    callOptions: (callOptions: CallOptions) => context.init(callOptions),
    tokens: tokensResource(context, mintApplicationToken),
    definitions: definitionsResource(context),
    connectors,
    /**
     * A connector typed from its agent connector definition: each entity with exactly its actions, their params and
     * records typed. In a workspace client (`forWorkspace`), the id may be left out: the workspace's one connector of
     * that definition is looked up on first use.
     *
     * @example
     * const github = client.connector('github', connectorId);
     * const page = await github.issues.list({ owner: 'airbytehq', repo: 'airbyte', per_page: 10 });
     * page.data[0]?.title; // a GitHub issue's title
     * for await (const issue of github.issues.all({ owner: 'airbytehq', repo: 'airbyte' }, { limit: 500 })) console.log(issue.number);
     */
    connector: typedConnectors(context, connectors, workspaceName),
    workspaces: workspacesResource(context),
    templates: templatesResource(context),
    oauth: oauthResource(context),
    skills: skillsResource(context),
  };
}

/** A client confined to one workspace, from `forWorkspace`. */
export type WorkspaceClient = ReturnType<typeof buildSurface>;
export type AgentEngineClient = WorkspaceClient & { forWorkspace(workspaceName: string): WorkspaceClient };

export function createAgentEngineClient(options: AgentEngineClientOptions = {}): AgentEngineClient {
  const resolved = resolveOptions(options, DEFAULT_BASE_URL, 'AIRBYTE_API_HOST');
  let organizationId = resolved.organizationId;
  const { redactor, contextFor } = createClientBase<paths>(resolved, (): Record<string, string> =>
    organizationId ? { 'x-organization-id': organizationId } : {},
  );

  const tokenEndpoint = contextFor();
  async function mintApplicationToken(callOptions?: CallOptions) {
    const { clientId, clientSecret } = requireCredentials(resolved);
    const minted = await call(tokenEndpoint, 'POST', tokenEndpoint.raw.POST('/api/v1/account/applications/token', {
      body: { client_id: clientId, client_secret: clientSecret },
      ...tokenEndpoint.init(callOptions),
    }));
    redactor.add(minted.access_token);
    organizationId ??= minted.organization_id ?? undefined;
    return minted;
  }

  const applicationTokens = new TokenCache(async () => {
    const minted = await mintApplicationToken();
    return { token: minted.access_token, expiresInSeconds: minted.expires_in, defaultLifetimeSeconds: APPLICATION_TOKEN_SECONDS };
  });

  // One cache for the client and its workspace clients: a connector's definition does not depend on the token.
  const definitionIds: DefinitionIdCache = new Map();
  const surface = (tokens: TokenSource, workspaceName?: string) => buildSurface(contextFor(tokens), mintApplicationToken, definitionIds, workspaceName);

  const root = surface({ token: () => applicationTokens.get(), invalidate: (token) => applicationTokens.invalidate(token) });
  const workspaceClients = new Map<string, WorkspaceClient>();

  return {
    ...root,
    /**
     * The same surface authenticated with a scoped token for one workspace (minted, cached and refreshed
     * automatically), for code that must be confined to one customer. The workspace is created if it is new.
     */
    forWorkspace(workspaceName: string): WorkspaceClient {
      if (typeof workspaceName !== 'string' || workspaceName.trim() === '') throw new ConfigurationError('forWorkspace needs a workspace name');
      let client = workspaceClients.get(workspaceName);
      if (!client) {
        const scopedTokens = new TokenCache(async () => {
          const { token } = await root.tokens.scoped(workspaceName);
          return { token, defaultLifetimeSeconds: SCOPED_TOKEN_SECONDS };
        });
        client = surface({ token: () => scopedTokens.get(), invalidate: (token) => scopedTokens.invalidate(token) }, workspaceName);
        workspaceClients.set(workspaceName, client);
      }
      return client;
    },
  };
}
