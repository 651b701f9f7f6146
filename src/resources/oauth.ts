import type { components, paths } from '../../generated/agent-engine.js';
import { call, type ResourceContext } from '../core/context.js';
import type { CallOptions } from '../core/transport.js';

type Schemas = components['schemas'];

export function oauthResource(context: ResourceContext<paths>) {
  const { raw } = context;
  return {
    /** Stores your own OAuth application for a connector (replacing any earlier one). */
    setCredentials: (body: Schemas['OAuthCredentialsRequest'], options?: CallOptions): Promise<Schemas['OAuthCredentialsResponse']> =>
      call(context, 'PUT', raw.PUT('/api/v1/oauth/credentials', { body, ...context.init(options) })),
    /** Removes it again; succeeds whether or not one was stored. */
    deleteCredentials: async (connectorType: string, options?: CallOptions): Promise<void> => {
      await call(context, 'DELETE', raw.DELETE('/api/v1/oauth/credentials/connector_type/{connector_type}', {
        params: { path: { connector_type: connectorType } },
        ...context.init(options),
      }));
    },
    /** Starts an OAuth consent flow that ends in a new connector; send the user's browser to `consent_url`. */
    initiate: (body: Schemas['OAuthInitiateRequest'], options?: CallOptions): Promise<Schemas['OAuthInitiateResponse']> =>
      call(context, 'POST', raw.POST('/api/v1/integrations/connectors/oauth/initiate', { body, ...context.init(options) })),
  };
}
