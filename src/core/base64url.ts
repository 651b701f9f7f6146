// base64url (RFC 4648 section 5, no padding) of bytes or of a JSON value's UTF-8: what a JWT's parts are made of. The
// mock's tokens and the expired token `verify --fuzz` makes both use it.

export function base64url(value: unknown): string {
  const bytes = value instanceof Uint8Array ? value : new TextEncoder().encode(JSON.stringify(value));
  return btoa(String.fromCharCode(...bytes))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}
