// Tokens as the service issues them: JWT-shaped, self-signed, with a real expiry; looked up on every request.
import { base64url } from '../../src/core/base64url.js';
import { APPLICATION_TOKEN_TTL_SECONDS, SCOPED_TOKEN_TTL_SECONDS, V1_TOKEN_TTL_SECONDS } from './config.js';
import type { IssuedToken, MockStore, TokenKind } from './store.js';

const DEFAULT_TTL_SECONDS: Record<TokenKind, number> = {
  application: APPLICATION_TOKEN_TTL_SECONDS,
  scoped: SCOPED_TOKEN_TTL_SECONDS,
  widget: SCOPED_TOKEN_TTL_SECONDS,
  v1: V1_TOKEN_TTL_SECONDS,
};

/**
 * Random text for a token's signature: never from the seeded source, so that a token says nothing of the next one
 * even when the data is seeded.
 */
const randomText = (bytes: number) => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

export function ttlSeconds(store: MockStore, kind: TokenKind): number {
  return store.config.tokenTtlSeconds ?? DEFAULT_TTL_SECONDS[kind];
}

export function issueToken(
  store: MockStore,
  claims: Omit<IssuedToken, 'expiresAt'>,
): { token: string; expiresIn: number } {
  const expiresIn = ttlSeconds(store, claims.kind);
  const now = store.config.clock.now();
  const expiresAt = now + expiresIn * 1000;
  const payload = {
    iss: 'agent-engine-kit-mock',
    sub: claims.kind,
    org: claims.organizationId,
    ...(claims.workspaceId ? { workspace_id: claims.workspaceId } : {}),
    iat: Math.floor(now / 1000),
    exp: Math.floor(expiresAt / 1000),
    jti: crypto.randomUUID(),
  };
  const token = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}.${randomText(32)}`;
  store.tokens.set(token, { ...claims, expiresAt });
  return { token, expiresIn };
}

export type TokenCheck = { ok: true; token: IssuedToken } | { ok: false; reason: string };

/** The token of an `Authorization: Bearer` header, if it is one the mock issued and it has not expired. */
export function checkBearer(store: MockStore, authorization: string | null): TokenCheck {
  if (!authorization) return { ok: false, reason: 'Missing bearer token: send Authorization: Bearer <token>.' };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) return { ok: false, reason: 'Malformed Authorization header: expected Bearer <token>.' };
  const issued = store.tokens.get(match[1]!);
  if (!issued) return { ok: false, reason: 'Invalid token.' };
  if (store.config.clock.now() >= issued.expiresAt) return { ok: false, reason: 'Token has expired.' };
  return { ok: true, token: issued };
}

/** A widget token's JSON before base64: where the widget loads, with the token it uses. */
export function widgetTokenPayload(origin: string, workspaceId: string, token: string): string {
  return btoa(JSON.stringify({ widgetUrl: `${origin}/widget?workspaceId=${workspaceId}`, token }));
}
