import type { components, paths } from '../../generated/agent-engine.js';
import { call, type ResourceContext } from '../core/context.js';
import type { CallOptions } from '../core/transport.js';

type Schemas = components['schemas'];

export interface ScopedTokenOptions {
  /** The region to create the workspace in when it is new. */
  regionId?: string;
}

export function tokensResource(context: ResourceContext<paths>, mintApplicationToken: (options?: CallOptions) => Promise<Schemas['ApplicationTokenResponse']>) {
  const { raw } = context;
  // Tokens the client hands out are secrets too: from now on they are scrubbed from errors and logs.
  const remember = async (pending: Promise<Schemas['TokenResponse']>) => {
    const minted = await pending;
    context.redactor.add(minted.token);
    return minted;
  };
  return {
    /** A fresh application token (organization-wide, 15 minutes). The client manages its own; this is for handing one on. */
    application: (options?: CallOptions) => mintApplicationToken(options),

    /** A scoped token confined to one workspace (20 minutes); the workspace is created if it does not exist. */
    scoped: (workspaceName: string, scopedOptions: ScopedTokenOptions = {}, options?: CallOptions): Promise<Schemas['TokenResponse']> =>
      remember(call(context, 'POST', raw.POST('/api/v1/account/applications/scoped-token', {
        body: { workspace_name: workspaceName, ...(scopedOptions.regionId ? { region_id: scopedOptions.regionId } : {}) },
        ...context.init(options),
      }))),

    /** A widget token for the authentication module, accepted only from `allowed_origin`. Hand it to the browser. */
    widget: (body: Schemas['WidgetTokenRequest'], options?: CallOptions): Promise<Schemas['TokenResponse']> =>
      remember(call(context, 'POST', raw.POST('/api/v1/account/applications/widget-token', { body, ...context.init(options) }))),

    /** The workspace and organization of the scoped token in use (on a client from `forWorkspace`). */
    scopedInfo: (options?: CallOptions): Promise<Schemas['ScopedTokenInfoResponse']> =>
      call(context, 'GET', raw.GET('/api/v1/account/applications/scoped-token/info', { ...context.init(options) })),
  };
}
