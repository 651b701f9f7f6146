// Tokens given to the client (the `token` option) instead of minted from credentials: a widget token unwrapped to the
// scoped token inside it, a function's answer checked. A chunk of its own: clients that mint their tokens never load it.
import { ConfigurationError } from './errors.js';
import type { MintedToken } from './token-cache.js';

/** How long to use a given token that states no expiry (no JWT `exp`): until a 401, or this long. */
const GIVEN_TOKEN_SECONDS = 60 * 60;

/** The bearer inside a widget token (base64 of `{widgetUrl, token}`), or the token itself. */
export function bearerOf(token: string): string {
  const trimmed = token.trim();
  if (trimmed.includes('.')) return trimmed; // a JWT, not base64 JSON
  try {
    const decoded = JSON.parse(atob(trimmed.replace(/-/g, '+').replace(/_/g, '/'))) as {
      token?: unknown;
      widgetUrl?: unknown;
    };
    if (typeof decoded?.token === 'string' && decoded.token !== '' && typeof decoded.widgetUrl === 'string')
      return decoded.token;
  } catch {
    // Not a widget token: used as it is.
  }
  return trimmed;
}

/** A token given to the client (a string, or a function answering one), as the cache mints it. */
export async function mintGivenToken(
  given: string | (() => string | Promise<string>),
  onToken: (token: string) => void,
): Promise<MintedToken> {
  const answered = typeof given === 'function' ? await given() : given;
  if (typeof answered !== 'string' || answered.trim() === '')
    throw new ConfigurationError('The token function answered no token (an empty value or not a string)');
  onToken(answered);
  const token = bearerOf(answered);
  onToken(token);
  return { token, defaultLifetimeSeconds: GIVEN_TOKEN_SECONDS };
}
