// Which names hold secrets: JSON keys, query parameters, form fields and header names alike. A name is read as words
// (`client_secret`, `clientSecret`, `X-Api-Key` → client secret, x api key), so one rule covers every casing.

/** Words that make any name secret: `client_secret`, `server_side_oauth_secret_id`, `password`, `apikey`, ... */
const SECRET_WORDS = new Set([
  'secret',
  'secrets',
  'password',
  'passwd',
  'passphrase',
  'apikey',
  'credential',
  'credentials',
  'authorization',
  'cookie',
]);

/** Word pairs that do the same: `api_key`, `x-api-key`, `private_key`. */
const SECRET_PAIRS = new Set(['api key', 'private key']);

/** A name ending in `token` is one, but not a page's or a sync's token: those are cursors (`next_page_token`). */
const CURSOR_WORDS = new Set(['page', 'next', 'start', 'continuation', 'cursor', 'sync', 'prev', 'previous', 'more']);

function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2') // `AWSSecretKey`: AWS Secret Key
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * What names were found to be, as a recording meets the same keys in every record of every page. Bounded: a body of
 * endless distinct keys empties it now and then instead of growing it.
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 4_096;

/** Whether the value under this name is a secret (every leaf of it, when it is an object). */
export function isSecretName(name: string): boolean {
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdict = readsAsSecret(name);
    verdicts.set(name, verdict);
  }
  return verdict;
}

function readsAsSecret(name: string): boolean {
  const words = wordsOf(name);
  if (words.some((word) => SECRET_WORDS.has(word))) return true;
  if (words.some((word, i) => i > 0 && SECRET_PAIRS.has(`${words[i - 1]} ${word}`))) return true;
  const last = words.at(-1);
  return (last === 'token' || last === 'tokens') && !CURSOR_WORDS.has(words.at(-2) ?? '');
}

/**
 * Names under a credentials object that label its kind rather than hold a secret (`option_title: "PAT Credentials"`):
 * still redacted there, but not remembered, or every connector definition naming the option would be scrubbed too.
 */
export function isCredentialsLabel(name: string): boolean {
  return name === 'option_title';
}
