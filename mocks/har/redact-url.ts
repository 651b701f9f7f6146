// A request URL with its secrets redacted: a query parameter named as a secret (`?token=`, `?api_key=`), a password in
// the user info, and seen secrets in the path, the query and the fragment, whether spelled raw or percent-encoded.
import type { HarNameValue } from './format.js';
import { REDACTED } from './format.js';
import { rewriteLooseText } from './redact-text.js';
import type { Rewrite } from './rewrite.js';
import { isSecretName } from './secret-names.js';

const NO_NAMES: ReadonlySet<string> = new Set();

/** Percent-decoding as URLSearchParams does it, which never throws on a malformed escape (`%zz` stays as it is). */
function percentDecode(raw: string, plusIsSpace: boolean): string {
  const escaped = raw.replace(/[&#]/g, encodeURIComponent);
  return new URLSearchParams(`v=${plusIsSpace ? escaped : escaped.replace(/\+/g, '%2B')}`).get('v') ?? raw;
}

/** A path segment, a query name or value: scrubbed in its decoded form, so no encoding of a secret slips through. */
function rewriteComponent(raw: string, rewrite: Rewrite, plusIsSpace: boolean): string {
  const decoded = percentDecode(raw, plusIsSpace);
  const scrubbed = rewrite.text(decoded);
  return scrubbed === decoded ? rewrite.text(raw) : encodeURIComponent(scrubbed);
}

function rewriteQuery(query: string, rewrite: Rewrite): string {
  return query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) return rewriteComponent(pair, rewrite, true);
      const rawName = pair.slice(0, equals);
      const rawValue = pair.slice(equals + 1);
      const value = isSecretName(percentDecode(rawName, true))
        ? rewrite.secret(percentDecode(rawValue, true))
        : rewriteComponent(rawValue, rewrite, true);
      return `${rewriteComponent(rawName, rewrite, true)}=${value}`;
    })
    .join('&');
}

/** The URL redacted, and its query as HAR lists it (decoded, each pair scrubbed once more on its own). */
export function rewriteUrl(raw: string, rewrite: Rewrite): { url: string; queryString: HarNameValue[] } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { url: rewrite.text(rewriteLooseText(raw, rewrite, NO_NAMES) ?? REDACTED), queryString: [] };
  }
  if (url.password) url.password = rewrite.secret(percentDecode(url.password, false));
  if (url.username) url.username = rewriteComponent(url.username, rewrite, false);
  url.pathname = url.pathname
    .split('/')
    .map((segment) => rewriteComponent(segment, rewrite, false))
    .join('/');
  if (url.search) url.search = rewriteQuery(url.search.slice(1), rewrite);
  if (url.hash) url.hash = rewriteComponent(url.hash.slice(1), rewrite, false);
  const queryString = [...url.searchParams].map(([name, value]) => ({
    name: rewrite.text(name),
    value: rewrite.text(value),
  }));
  return { url: rewrite.text(url.href), queryString };
}
