// Stage 4, authentication and authorization, in one place: the bearer token and its kind (application, scoped,
// widget, v1), which API each kind may call, the operations each kind may call (the spec's security roles), a widget
// token's origin, and the workspace a token may reach.
import type { SpecName } from '../spec.js';
import type { IssuedToken, MockStore } from '../service/store.js';
import { checkBearer } from '../service/tokens.js';
import { MockHttpError, forbidden } from './errors.js';
import type { MockRequest } from './request.js';
import type { MockOperation } from './spec-operations.js';

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
  // Which kinds of token the operation takes is the spec's (the roles of its security requirements).
  if (principal.kind !== 'v1' && !operation.tokenKinds.has(principal.kind) && !operation.tokenKinds.has('*')) {
    throw forbidden(
      principal.kind === 'application'
        ? 'This operation takes a scoped or widget token, not an application token.'
        : 'A scoped token only acts inside its own workspace; this operation needs an application token.',
    );
  }
  return principal;
}

/**
 * Throws a 403 when a workspace-bound token reaches outside its workspace: the spec's Forbidden answer ("a scoped
 * token outside its workspace"), never the other workspace's data.
 */
export function assertWorkspaceAccess(principal: IssuedToken | undefined, workspaceId: string): void {
  if (principal?.workspaceId && principal.workspaceId !== workspaceId)
    throw forbidden('This token does not grant access to the requested workspace.');
}
