// The named checks of `verify --fuzz`, as Schemathesis names them, so that API teams recognise them. Each looks at one
// generated request and what came back, and says nothing (passed) or why it failed. The spec's side is the one
// conformance check of the mock and the proxy (src/validation/response-conformance.ts), split by where it points.
import { isJsonMediaType, mediaTypeOf } from '../validation/media-type.js';
import { responseViolations, type DocumentedOperation } from '../validation/response-conformance.js';
import type { SpecSchemas } from '../validation/spec-document.js';

export const CHECK_NAMES = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'positive_data_acceptance',
  'negative_data_rejection',
  'ignored_auth',
  // The stateful checks (stateful/): along sequences of requests, against a model of what the sequence made.
  'use_after_free',
  'ensure_resource_availability',
  'model_conformance',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** The checks of single requests (`verify --fuzz`); the rest need sequences (`--stateful`). */
export const STATELESS_CHECKS: readonly CheckName[] = CHECK_NAMES.slice(0, CHECK_NAMES.indexOf('use_after_free'));

/** What came back for one request. */
export interface Observed {
  status: number;
  headers: Headers;
  /** The body's text ('' for none). */
  text: string;
}

/**
 * How a request was made: valid by the spec, broken on purpose, sent without a token it may use (none, a malformed
 * one, an expired one, a scoped token where the operation takes an application token, another workspace's scoped
 * token for this workspace's resource), or sent with another workspace's scoped token without naming anything of
 * this workspace (`foreign`: it may be answered, but never with this workspace's data).
 */
export type RequestKind = 'valid' | 'broken' | 'unauthenticated' | 'foreign';

/** For the requests of ignored_auth: what was wrong with the token, and (foreign) what must not come back. */
export interface AuthContext {
  /** As the failure says it: `a malformed token`, `an expired token`, ... */
  sent: string;
  /** foreign: ids of the other workspace (its id, its connectors') that a 2xx must not contain. */
  leaks?: readonly string[];
}

/** Error codes with which an API says a request breaks its schema (not that what it names does not exist). */
const SCHEMA_REFUSALS = new Set(['missing', 'type_error', 'format_error', 'enum', 'const', 'json_invalid']);

/**
 * Why a valid request was refused as invalid, or undefined: a 400 or 422 whose errors (the Agent Engine's `errors`, the
 * v1 API's `data.errors`) say the schema was broken. A refusal that names no schema rule (a name taken, an unknown
 * definition, a rule of the service's own) is the API's to make.
 */
function refusedAsInvalid(observed: Observed): string | undefined {
  if (observed.status !== 400 && observed.status !== 422) return undefined;
  let body: { errors?: unknown; data?: { errors?: unknown } } | undefined;
  try {
    body = JSON.parse(observed.text);
  } catch {
    return undefined;
  }
  const listed = Array.isArray(body?.errors)
    ? body!.errors
    : Array.isArray(body?.data?.errors)
      ? body!.data!.errors
      : [];
  const schemaError = (listed as { field?: unknown; error_code?: unknown }[]).find((e) =>
    SCHEMA_REFUSALS.has(String(e?.error_code)),
  );
  if (!schemaError) return undefined;
  return `answered ${observed.status} to a request the spec allows (${String(schemaError.field).slice(0, 60)}: ${String(schemaError.error_code)})`;
}

/** Each check that applies to this request, and its outcome: undefined when it passed, else why it failed. */
export function runChecks(
  schemas: SpecSchemas,
  operation: DocumentedOperation & { public: boolean },
  kind: RequestKind,
  observed: Observed,
  auth?: AuthContext,
): Partial<Record<CheckName, string | undefined>> {
  const { status } = observed;
  const out: Partial<Record<CheckName, string | undefined>> = {
    not_a_server_error: status >= 500 ? `answered ${status}` : undefined,
  };
  const succeeded = status >= 200 && status < 300;
  if (kind === 'unauthenticated') {
    out.ignored_auth = succeeded
      ? `answered ${status} to ${auth?.sent ?? 'a request without a valid token'} (expected 401 or 403)`
      : undefined;
    return out;
  }
  if (kind === 'foreign') {
    const leaked = succeeded ? auth?.leaks?.find((id) => observed.text.includes(id)) : undefined;
    out.ignored_auth =
      leaked === undefined
        ? undefined
        : `answered ${status} to ${auth?.sent ?? "another workspace's token"} with ${leaked}, which is not its workspace's`;
    return out;
  }
  if (kind === 'broken') {
    out.negative_data_rejection =
      status >= 400 && status < 500
        ? undefined
        : `answered ${status} to a request that breaks the spec (expected a 4xx)`;
    return out;
  }
  const mediaType = mediaTypeOf(observed.headers.get('content-type') ?? undefined);
  let body: unknown;
  let parsed = true;
  if (observed.text !== '' && isJsonMediaType(mediaType)) {
    try {
      body = JSON.parse(observed.text);
    } catch {
      parsed = false;
    }
  }
  const violations = responseViolations(schemas, operation, status, mediaType, body, {
    hasBody: observed.text !== '',
  });
  const first = (pick: (pointer: string) => boolean) => {
    const found = violations.filter((v) => pick(v.pointer));
    return found.length === 0 ? undefined : found.map((v) => `${v.pointer || '/'} ${v.message}`).join('; ');
  };
  out.status_code_conformance = first((p) => p === '/status');
  out.content_type_conformance = first((p) => p.startsWith('/headers/'));
  out.response_schema_conformance = parsed
    ? first((p) => p.startsWith('/body'))
    : `/body expected JSON (${mediaType}), got a body that does not parse`;
  out.response_headers_conformance =
    (status === 429 || status === 503) && !observed.headers.has('retry-after')
      ? `answered ${status} without Retry-After`
      : undefined;
  out.positive_data_acceptance = refusedAsInvalid(observed);
  return out;
}
