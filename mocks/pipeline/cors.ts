// Stage 7, CORS: a browser may call the Agent Engine from an origin some live widget token was minted for. Its
// preflight is answered for such an origin and refused for any other; its answers carry the origin back.
import type { MockStore } from '../service/store.js';
import type { MockAnswer, MockRequest } from './request.js';

/** True when some live widget token was issued for `origin`. */
export function isAllowedOrigin(store: MockStore, origin: string): boolean {
  const now = store.config.clock.now();
  for (const token of store.tokens.values())
    if (token.kind === 'widget' && token.allowedOrigin === origin && token.expiresAt > now) return true;
  return false;
}

/** The answer to an OPTIONS preflight. */
export function preflight(store: MockStore, request: MockRequest): MockAnswer {
  const origin = request.headers.origin;
  if (!origin || !isAllowedOrigin(store, origin)) return { status: 403, headers: {}, body: null };
  return {
    status: 204,
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers':
        request.headers['access-control-request-headers'] ?? 'authorization, content-type',
      'access-control-max-age': '600',
      vary: 'Origin',
    },
    body: null,
  };
}

/** Lets the page read the answer when it came from an allowed origin. */
export function allowOrigin(store: MockStore, request: MockRequest, answer: MockAnswer): void {
  const origin = request.headers.origin;
  if (origin && isAllowedOrigin(store, origin)) {
    answer.headers['access-control-allow-origin'] = origin;
    answer.headers.vary = 'Origin';
  }
}
