// Stage 4, authentication and authorization, in one place: the bearer token and its kind (application, scoped,
// widget, v1), which API each kind may call, the operations a workspace-bound token may call, a widget token's
// origin, and the workspace a token may reach.
import type { SpecName } from '../spec.js';
import type { IssuedToken, MockStore } from '../service/store.js';
import { checkBearer } from '../service/tokens.js';
import { MockHttpError, forbidden } from './errors.js';
import type { MockRequest } from './request.js';
import type { MockOperation } from './spec-operations.js';

/** Operations a scoped or widget token may call; everything else is the organization's (403). */
export const WORKSPACE_TOKEN_OPERATIONS: ReadonlySet<string> = new Set([
  'get_account_applications_scoped_token_info',
  'list_integrations_definitions_sources',
  'get_integrations_definitions_sources_id',
  'list_integrations_definitions_destinations',
  'get_integrations_definitions_destinations_id',
  'list_integrations_connectors',
  'create_integrations_connectors',
  'create_integrations_connectors_check',
  'create_integrations_connectors_oauth_initiate',
  'get_integrations_connectors_id',
  'update_integrations_connectors_id',
  'delete_integrations_connectors_id',
  'create_integrations_connectors_id_check',
  'create_integrations_connectors_id_execute',
  'get_integrations_connectors_id_inspect',
  'list_skills',
  'list_skills_search',
  'get_skills_docs',
  'list_integrations_templates_sources',
  'get_integrations_templates_sources_id',
  'list_integrations_templates_connections',
  'get_integrations_templates_connections_id',
  'create_integrations_templates_connections_cron_describe',
  'get_workspaces_workspace_id',
]);

/**
 * The token a request is made with, once it may call this operation; undefined for an operation that takes none.
 * `pageOrigin` is the origin of the page the mock runs in (the browser adapter): a service worker never sees an
 * Origin header, so a request without one comes from the page.
 */
export function authenticate(
  store: MockStore,
  api: SpecName,
  operation: MockOperation,
  request: MockRequest,
  pageOrigin: string | undefined,
): IssuedToken | undefined {
  if (operation.public) return undefined;
  const check = checkBearer(store, request.headers.authorization ?? null);
  if (!check.ok) throw new MockHttpError(401, check.reason);
  const principal = check.token;
  if ((principal.kind === 'v1') !== (api === 'airbyte-api-v1')) throw new MockHttpError(401, 'Invalid token.');
  if (principal.kind === 'widget') {
    const origin = request.headers.origin ?? pageOrigin ?? null;
    if (origin !== principal.allowedOrigin)
      throw forbidden(
        `This widget token is only valid from ${principal.allowedOrigin}, not from ${origin ?? 'a request without an Origin'}.`,
      );
  }
  if (
    (principal.kind === 'scoped' || principal.kind === 'widget') &&
    !WORKSPACE_TOKEN_OPERATIONS.has(operation.operationId)
  ) {
    throw forbidden('A scoped token only acts inside its own workspace; this operation needs an application token.');
  }
  return principal;
}

/** Throws a 404 (not a 403: what is outside is not there) when a workspace-bound token reaches outside its workspace. */
export function assertWorkspaceAccess(principal: IssuedToken | undefined, workspaceId: string, what: string): void {
  if (principal?.workspaceId && principal.workspaceId !== workspaceId)
    throw new MockHttpError(404, `${what} not found.`);
}
