// createAgentEngineClient: the typed openapi-fetch client for the Agent Engine API with the token lifecycle, retries
// and typed errors applied, and one helper module per API area on top.
import type { paths } from '../generated/agent-engine.js';
import { createClientBase } from './core/client-base.js';
import { call, type ResourceContext } from './core/context.js';
import { ConfigurationError } from './core/errors.js';
import { DEFAULT_BASE_URL, requireCredentials, resolveOptions, type ClientOptions } from './core/options.js';
import { TokenCache } from './core/token-cache.js';
import type { CallOptions, TokenSource } from './core/transport.js';
import { connectorsResource } from './resources/connectors.js';
import { definitionsResource } from './resources/definitions.js';
import { oauthResource } from './resources/oauth.js';
import { skillsResource } from './resources/skills.js';
import { templatesResource } from './resources/templates.js';
import { tokensResource } from './resources/tokens.js';
import { workspacesResource } from './resources/workspaces.js';

/** Lifetimes the API documents, used when a token does not say its own. */
const APPLICATION_TOKEN_SECONDS = 15 * 60;
const SCOPED_TOKEN_SECONDS = 20 * 60;

export type AgentEngineClientOptions = ClientOptions;

/** The helpers and the raw client over one way of authenticating. */
function buildSurface(context: ResourceContext<paths>, mintApplicationToken: Parameters<typeof tokensResource>[1]) {
  return {
    /** The openapi-fetch client typed from the spec, for any operation, answering `{data, error, response}`. */
    raw: context.raw,
    /** openapi-fetch options that apply `maxRetries`, `timeoutMs` or `signal` to one `raw` call. */
    callOptions: (callOptions: CallOptions) => context.init(callOptions),
    tokens: tokensResource(context, mintApplicationToken),
    definitions: definitionsResource(context),
    connectors: connectorsResource(context),
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

  const surface = (tokens: TokenSource) => buildSurface(contextFor(tokens), mintApplicationToken);

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
        client = surface({ token: () => scopedTokens.get(), invalidate: (token) => scopedTokens.invalidate(token) });
        workspaceClients.set(workspaceName, client);
      }
      return client;
    },
  };
}
