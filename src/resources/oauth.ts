import type { paths } from '../../generated/agent-engine.js';
import { call, type ResourceContext } from '../core/context.js';
import type { CallOptions } from '../core/transport.js';
import type {
  OAuthCredentialsRequest,
  OAuthCredentialsResponse,
  OAuthInitiateRequest,
  OAuthInitiateResponse,
} from '../schemas.js';

/** `client.oauth`: connectors created by the user's OAuth consent, and your own OAuth applications for them. */
export interface OAuthResource {
  /** Stores your own OAuth application for a connector (replacing any earlier one). */
  setCredentials(body: OAuthCredentialsRequest, options?: CallOptions): Promise<OAuthCredentialsResponse>;
  /**
   * Removes it again; succeeds whether or not one was stored.
   * @param connectorType The connector's display name, e.g. `HubSpot`.
   */
  deleteCredentials(connectorType: string, options?: CallOptions): Promise<void>;
  /** Starts an OAuth consent flow that ends in a new connector; send the user's browser to `consent_url`. */
  initiate(body: OAuthInitiateRequest, options?: CallOptions): Promise<OAuthInitiateResponse>;
}

export function oauthResource(context: ResourceContext<paths>): OAuthResource {
  const { raw } = context;
  return {
    setCredentials: (body, options) =>
      call(context, 'PUT', raw.PUT('/api/v1/oauth/credentials', { body, ...context.init(options) })),
    deleteCredentials: async (connectorType, options) => {
      await call(
        context,
        'DELETE',
        raw.DELETE('/api/v1/oauth/credentials/connector_type/{connector_type}', {
          params: { path: { connector_type: connectorType } },
          ...context.init(options),
        }),
      );
    },
    initiate: (body, options) =>
      call(
        context,
        'POST',
        raw.POST('/api/v1/integrations/connectors/oauth/initiate', { body, ...context.init(options) }),
      ),
  };
}
