// Tokens: application tokens for the configured client credentials; scoped and widget tokens that create their
// workspace; the scoped token's own description.
import { MockHttpError, forbidden } from '../../pipeline/errors.js';
import type { MockService } from '../../service.js';
import type { IssuedToken } from '../../service/store.js';
import { issueToken, widgetTokenPayload } from '../../service/tokens.js';
import { defineOperations } from '../types.js';

export function authenticationOperations(service: MockService) {
  const { store } = service;

  const workspaceFor = (name: string, regionId: string | null | undefined) => {
    if (name.trim() === '')
      throw new MockHttpError(422, 'Validation failed: workspace_name: must not be empty', [
        { field: 'workspace_name', message: 'must not be empty', error_code: 'value_error' },
      ]);
    const existing = store.workspaceByName(name);
    if (existing?.status === 'inactive') throw forbidden(`Workspace ${name} is inactive.`);
    return existing ?? store.createWorkspace(name, regionId ?? null);
  };

  const mintScoped = (
    body: { workspace_name: string; region_id?: string | null },
    principal: IssuedToken | undefined,
  ) => {
    if (principal!.kind !== 'application') throw forbidden('Only an application token can mint scoped tokens.');
    const workspace = workspaceFor(body.workspace_name, body.region_id);
    return {
      token: issueToken(store, { kind: 'scoped', organizationId: workspace.organizationId, workspaceId: workspace.id })
        .token,
    };
  };

  const mintWidget = (
    body: { workspace_name: string; region_id?: string | null; allowed_origin: string },
    principal: IssuedToken | undefined,
    mockOrigin: string,
  ) => {
    if (principal!.kind !== 'application') throw forbidden('Only an application token can mint widget tokens.');
    let origin: string;
    try {
      const url = new URL(body.allowed_origin);
      if (url.origin === 'null' || url.origin !== body.allowed_origin.replace(/\/$/, ''))
        throw new Error('not an origin');
      origin = url.origin;
    } catch {
      throw new MockHttpError(
        422,
        'Validation failed: allowed_origin: must be an origin such as https://yourapp.com (scheme, host and optional port, no path)',
        [
          {
            field: 'allowed_origin',
            message: 'must be an origin such as https://yourapp.com',
            error_code: 'value_error',
          },
        ],
      );
    }
    const workspace = workspaceFor(body.workspace_name, body.region_id);
    const { token } = issueToken(store, {
      kind: 'widget',
      organizationId: workspace.organizationId,
      workspaceId: workspace.id,
      allowedOrigin: origin,
    });
    return { token: widgetTokenPayload(mockOrigin, workspace.id, token) };
  };

  return defineOperations('agent-engine', {
    create_account_applications_token: ({ body }) => {
      if (body.client_id !== service.config.clientId || body.client_secret !== service.config.clientSecret) {
        throw new MockHttpError(401, 'Invalid client credentials.');
      }
      const { token, expiresIn } = issueToken(store, {
        kind: 'application',
        organizationId: service.config.organizationId,
      });
      return {
        status: 200,
        body: {
          access_token: token,
          token_type: 'bearer',
          expires_in: expiresIn,
          organization_id: service.config.organizationId,
        },
      };
    },
    create_account_applications_scoped_token: ({ body, principal }) => ({
      status: 200,
      body: mintScoped(body, principal),
    }),
    create_embedded_scoped_token: ({ body, principal }) => ({ status: 200, body: mintScoped(body, principal) }),
    create_account_applications_widget_token: ({ body, principal, origin }) => ({
      status: 200,
      body: mintWidget(body, principal, origin),
    }),
    create_embedded_widget_token: ({ body, principal, origin }) => ({
      status: 200,
      body: mintWidget(body, principal, origin),
    }),
    get_account_applications_scoped_token_info: ({ principal }) => {
      const workspace = principal!.workspaceId ? store.workspaces.get(principal!.workspaceId) : undefined;
      if (!workspace)
        throw forbidden('This is not a scoped token: scoped-token/info describes scoped and widget tokens.');
      return {
        status: 200,
        body: { organization_id: workspace.organizationId, workspace_id: workspace.id, workspace_name: workspace.name },
      };
    },
  });
}
