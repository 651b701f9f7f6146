import type { paths } from '../../generated/agent-engine.js';
import { call, type ResourceContext } from '../core/context.js';
import type { CallOptions } from '../core/transport.js';
import type {
  ApplicationTokenResponse,
  ScopedTokenInfoResponse,
  TokenResponse,
  WidgetTokenRequest,
} from '../schemas.js';

/** The second argument of `tokens.scoped`: the request's other fields, named as the API names them. */
export interface ScopedTokenOptions {
  /** The region to create the workspace in when it is new. */
  region_id?: string | null;
}

/**
 * `client.tokens`: tokens to hand on (to a browser, another service, an agent). The client mints, caches and refreshes
 * the tokens it uses itself; you need these only to give one away.
 */
export interface TokensResource {
  /** A fresh application token (organization-wide, 15 minutes). The client manages its own; this is for handing one on. */
  application(options?: CallOptions): Promise<ApplicationTokenResponse>;
  /**
   * A scoped token confined to one workspace (20 minutes); the workspace is created if it does not exist. For code
   * of your own that must stay in one workspace, `client.forWorkspace(name)` uses such tokens for you.
   * @param workspaceName The workspace (one of your customers), by its name.
   */
  scoped(workspaceName: string, scopedOptions?: ScopedTokenOptions, options?: CallOptions): Promise<TokenResponse>;
  /** A widget token for the authentication module, accepted only from `allowed_origin`. Hand it to the browser. */
  widget(body: WidgetTokenRequest, options?: CallOptions): Promise<TokenResponse>;
  /** The workspace and organization of the scoped token in use (on a client from `forWorkspace`). */
  scopedInfo(options?: CallOptions): Promise<ScopedTokenInfoResponse>;
}

export function tokensResource(
  context: ResourceContext<paths>,
  mintApplicationToken: TokensResource['application'],
): TokensResource {
  const { raw } = context;
  // Tokens the client hands out are secrets too: from now on they are scrubbed from errors and logs.
  const remember = async (pending: Promise<TokenResponse>) => {
    const minted = await pending;
    context.redactor.add(minted.token);
    return minted;
  };
  return {
    application: (options) => mintApplicationToken(options),

    scoped: (workspaceName, scopedOptions = {}, options) =>
      remember(
        call(
          context,
          'POST',
          raw.POST('/api/v1/account/applications/scoped-token', {
            body: { ...scopedOptions, workspace_name: workspaceName },
            ...context.init({ idempotent: true, ...options }),
          }),
          'token',
        ),
      ),

    widget: (body, options) =>
      remember(
        call(
          context,
          'POST',
          raw.POST('/api/v1/account/applications/widget-token', {
            body,
            ...context.init({ idempotent: true, ...options }),
          }),
          'token',
        ),
      ),

    scopedInfo: (options) =>
      call(context, 'GET', raw.GET('/api/v1/account/applications/scoped-token/info', { ...context.init(options) })),
  };
}
