// Headers with their secrets redacted: Authorization and Proxy-Authorization (the scheme kept: `Bearer [REDACTED]`),
// cookies (their names kept), any header named as a secret (`x-api-key`, `x-auth-token`), and seen secrets elsewhere.
import { Buffer } from 'node:buffer';
import { type HarNameValue, REDACTED } from './format.js';
import { rewriteLooseText } from './redact-text.js';
import type { Rewrite } from './rewrite.js';
import { isSecretName } from './secret-names.js';

const NO_NAMES: ReadonlySet<string> = new Set();

const SCHEME_AND_CREDENTIALS = /^\s*([A-Za-z][\w.+-]*)\s+(\S[\s\S]*?)\s*$/;

function rewriteAuthorization(value: string, rewrite: Rewrite): string {
  const match = SCHEME_AND_CREDENTIALS.exec(value);
  if (!match) return rewrite.secret(value.trim());
  const scheme = match[1]!;
  const credentials = match[2]!;
  if (scheme.toLowerCase() === 'basic') {
    // The password alone may be sent elsewhere; the user name is not a secret.
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon !== -1) rewrite.secret(decoded.slice(colon + 1));
  }
  return `${scheme} ${rewrite.secret(credentials)}`;
}

/** `a=1; b=2` (Cookie) or the first pair of `a=1; Path=/; HttpOnly` (Set-Cookie): names and attributes kept. */
function rewriteCookiePairs(value: string, rewrite: Rewrite, onlyFirst: boolean): string {
  return value
    .split(';')
    .map((part, index) => {
      if (onlyFirst && index > 0) return rewrite.text(part);
      const equals = part.indexOf('=');
      if (equals === -1) return part.trim() === '' ? part : rewrite.secret(part.trim());
      return `${rewrite.text(part.slice(0, equals))}=${rewrite.secret(part.slice(equals + 1).trim())}`;
    })
    .join(';');
}

function rewriteHeader(name: string, value: string, rewrite: Rewrite): string {
  const lower = name.toLowerCase();
  if (lower === 'authorization' || lower === 'proxy-authorization') return rewriteAuthorization(value, rewrite);
  if (lower === 'cookie') return rewriteCookiePairs(value, rewrite, false);
  if (lower === 'set-cookie') return rewriteCookiePairs(value, rewrite, true);
  // `Access-Control-Allow-Credentials: true` names credentials but holds none.
  if (!lower.startsWith('access-control-') && isSecretName(lower)) return rewrite.secret(value);
  return rewrite.text(rewriteLooseText(value, rewrite, NO_NAMES) ?? REDACTED);
}

export function rewriteHeaders(headers: readonly [string, string][], rewrite: Rewrite): HarNameValue[] {
  return headers.map(([name, value]) => ({ name: rewrite.text(name), value: rewriteHeader(name, value, rewrite) }));
}
