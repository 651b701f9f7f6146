// The redaction of every recorded exchange: always applied, never optional. Secrets never reach the file, anywhere.
//
// Where the specs carry secrets (openapi/agent-engine.yaml, openapi/airbyte-api-v1.yaml), and how each is found:
// - `Authorization: Bearer <token>` on every operation of both APIs but the token requests: the header (scheme kept);
//   also Proxy-Authorization, Cookie, Set-Cookie and any header named as a secret (`x-api-key`).
// - `POST /api/v1/account/applications/token` and the v1 API's `POST /v1/applications/token`: `client_secret`
//   (writeOnly) in the request, `access_token` in the answer.
// - scoped-token and widget-token answers (`/api/v1/account/applications/…` and the `/api/v1/embedded/…` aliases):
//   `token`; a widget token is base64 of JSON `{widgetUrl, token}`, and its inner token is remembered too.
// - connector create, update, check and `{id}/check` (`/api/v1/integrations/connectors…`): `credentials` (writeOnly,
//   any shape: every leaf), `server_side_oauth_secret_id`.
// - `PUT /api/v1/oauth/credentials`: `configuration` (writeOnly: client id and secret; every leaf), by route.
// - anywhere else (execute params and records, a template's `partial_default_config`, query parameters, forms): a
//   name saying token, secret, password, passphrase, API key, private key or credentials (secret-names.ts). JSON
//   Schemas describing such fields (`user_config_spec`, `airbyte_secret: true`) hold no values and are kept.
// Every value redacted at its place (8 characters or more) is then scrubbed from all text of this and later entries:
// a token sent later as a Bearer, a credential echoed in an error message, an execute `intent` or a query string.
import { Buffer } from 'node:buffer';
import { type HarNameValue, REDACTED } from './format.js';
import { type ReadBody, readBody } from './read-body.js';
import { rewriteHeaders } from './redact-headers.js';
import { rewriteJson } from './redact-json.js';
import { rewriteLooseText } from './redact-text.js';
import { rewriteUrl } from './redact-url.js';
import { learning, type Rewrite, writing } from './rewrite.js';
import { SeenSecrets } from './seen-secrets.js';
import { isSecretName } from './secret-names.js';

export interface ExchangeToRedact {
  url: string;
  request: { headers: readonly [string, string][]; body: Uint8Array | undefined };
  response: { headers: readonly [string, string][]; body: Uint8Array | undefined };
}

/** A body as written: text (also for a binary type's content that reads as text), base64 of bytes, or a comment alone. */
export interface RedactedBody {
  text?: string;
  encoding?: 'base64';
  comment?: string;
}

export interface RedactedExchange {
  url: string;
  queryString: HarNameValue[];
  request: { headers: HarNameValue[]; body: RedactedBody | undefined };
  response: { headers: HarNameValue[]; body: RedactedBody | undefined };
}

const OAUTH_CREDENTIALS_PATH = /\/oauth\/credentials\/?$/;
const OAUTH_CONFIGURATION: ReadonlySet<string> = new Set(['configuration']);
const NO_NAMES: ReadonlySet<string> = new Set();

const DROPPED_COMMENT = 'Body dropped: it could not be redacted safely.';
const DROPPED_TEXT: RedactedBody = {
  comment: 'Body dropped: a secret in it holds an object or a list, and the text does not parse as JSON.',
};

function orElse<T>(attempt: () => T, fallback: () => T): T {
  try {
    return attempt();
  } catch {
    return fallback();
  }
}

function contentTypeOf(headers: readonly [string, string][]): string {
  return headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
}

/** The names whose values are secrets on this route only, at the top of its bodies. */
function secretTopKeysOf(url: string): ReadonlySet<string> {
  try {
    return OAUTH_CREDENTIALS_PATH.test(new URL(url).pathname) ? OAUTH_CONFIGURATION : NO_NAMES;
  } catch {
    return NO_NAMES;
  }
}

function asWritten(text: string, read: { comment?: string }): RedactedBody {
  return read.comment === undefined ? { text } : { text, comment: read.comment };
}

function rewriteForm(text: string, rewrite: Rewrite, secretNames: ReadonlySet<string>): string {
  let changed = false;
  const pairs = [...new URLSearchParams(text)].map(([name, value]) => {
    const secret = isSecretName(name) || secretNames.has(name);
    const written = [rewrite.text(name), secret ? rewrite.secret(value) : rewrite.text(value)] as const;
    if (secret || written[0] !== name || written[1] !== value) changed = true;
    return written;
  });
  return changed ? new URLSearchParams(pairs as [string, string][]).toString() : rewrite.text(text);
}

/** Binary content read as latin1: secrets found by name are remembered as the UTF-8 text their bytes spell. */
function latin1Rewrite(rewrite: Rewrite): Rewrite {
  return {
    secret: (value, remember) => rewrite.secret(Buffer.from(value, 'latin1').toString('utf8'), remember),
    text: rewrite.latin1,
    latin1: rewrite.latin1,
  };
}

function rewriteBody(body: ReadBody, rewrite: Rewrite, secretTopKeys: ReadonlySet<string>): RedactedBody {
  switch (body.kind) {
    case 'dropped':
      return { comment: body.comment };
    case 'bytes': {
      const text = rewriteLooseText(body.latin1, latin1Rewrite(rewrite), secretTopKeys);
      if (text === undefined) return DROPPED_TEXT;
      return { text: Buffer.from(rewrite.latin1(text), 'latin1').toString('base64'), encoding: 'base64' };
    }
    case 'json': {
      const { value, changed } = rewriteJson(body.value, rewrite, secretTopKeys);
      return asWritten(changed ? JSON.stringify(value) : rewrite.text(body.text), body);
    }
    case 'form':
      return asWritten(rewriteForm(body.text, rewrite, secretTopKeys), body);
    case 'text': {
      const text = rewriteLooseText(body.text, rewrite, secretTopKeys);
      return text === undefined ? DROPPED_TEXT : asWritten(rewrite.text(text), body);
    }
  }
}

/** Redacts exchange after exchange, remembering the secret values seen so far to scrub them from every later one. */
export class SecretRedactor {
  readonly #seen = new SeenSecrets();

  /** How many distinct secret values it scrubs by now. */
  get secretsSeen(): number {
    return this.#seen.size;
  }

  /** Free text of an exchange that has no secret's place (a status text): the seen secrets scrubbed from it. */
  scrub(text: string): string {
    return this.#seen.scrub(text);
  }

  redact(exchange: ExchangeToRedact): RedactedExchange {
    const secretTopKeys = secretTopKeysOf(exchange.url);
    const read = (body: Uint8Array | undefined, headers: readonly [string, string][]): ReadBody | undefined =>
      body &&
      orElse<ReadBody>(
        () => readBody(body, contentTypeOf(headers)),
        () => ({ kind: 'dropped', comment: DROPPED_COMMENT }),
      );
    const requestBody = read(exchange.request.body, exchange.request.headers);
    const responseBody = read(exchange.response.body, exchange.response.headers);
    // A failure of this code on some input must cost that part of the entry, never write it raw.
    const rewriteBodySafely = (body: ReadBody | undefined, rewrite: Rewrite) =>
      body &&
      orElse(
        () => rewriteBody(body, rewrite, secretTopKeys),
        () => ({ comment: DROPPED_COMMENT }),
      );
    const headersSafely = (headers: readonly [string, string][], rewrite: Rewrite) =>
      orElse(
        () => rewriteHeaders(headers, rewrite),
        () => headers.map(() => ({ name: REDACTED, value: REDACTED })),
      );
    const rewriteAll = (rewrite: Rewrite): RedactedExchange => ({
      ...orElse(
        () => rewriteUrl(exchange.url, rewrite),
        () => ({ url: REDACTED, queryString: [] }),
      ),
      request: {
        headers: headersSafely(exchange.request.headers, rewrite),
        body: rewriteBodySafely(requestBody, rewrite),
      },
      response: {
        headers: headersSafely(exchange.response.headers, rewrite),
        body: rewriteBodySafely(responseBody, rewrite),
      },
    });
    rewriteAll(learning(this.#seen));
    return rewriteAll(writing(this.#seen));
  }
}
