// Whether an answer conforms to its operation in a spec: a status the operation documents, a media type documented for
// that status and, for JSON, a body of that status's schema, each problem a JSON pointer (`/status`,
// `/headers/content-type`, `/body/data/0/id`) and a line. One check for the mock's own answers (its stage 8), the
// proxy's view of live traffic and verify's named checks. Runtime-neutral.
import { isJsonMediaType } from './media-type.js';
import { derefPointer, escapePointer, operationSchemaPointer, type SpecSchemas } from './spec-document.js';
import { describeValue, expectation, valueAtPointer } from './violation-wording.js';

/** What the check needs of an operation: where it is in the spec, and the statuses it documents. */
export interface DocumentedOperation {
  method: string;
  /** The spec's path, with `{param}`. */
  path: string;
  statuses: string[];
}

/** One way an answer breaks the spec: where (a JSON pointer: `/status`, `/headers/content-type`, `/body/data/0/id`). */
export interface ResponseViolation {
  pointer: string;
  /** What was expected and what came, in a line; never the body's values beyond a short, typed hint. */
  message: string;
}

/** Schema pointers of documented responses, looked up once per operation, status and media type. */
const pointers = new WeakMap<DocumentedOperation, Map<string, string>>();

function schemaPointer(
  validator: SpecSchemas,
  operation: DocumentedOperation,
  status: string,
  mediaType: string,
): string {
  let byStatus = pointers.get(operation);
  if (!byStatus) pointers.set(operation, (byStatus = new Map()));
  const key = `${status} ${mediaType}`;
  let pointer = byStatus.get(key);
  if (pointer === undefined) {
    pointer = operationSchemaPointer(validator.doc, operation.method, operation.path, status as `${number}`, mediaType);
    byStatus.set(key, pointer);
  }
  return pointer;
}

/** The media types documented for one status of an operation. */
const documentedTypes = new WeakMap<DocumentedOperation, Map<string, string[]>>();

function mediaTypesOf(validator: SpecSchemas, operation: DocumentedOperation, status: string): string[] {
  let byStatus = documentedTypes.get(operation);
  if (!byStatus) documentedTypes.set(operation, (byStatus = new Map()));
  let types = byStatus.get(status);
  if (!types) {
    const response = derefPointer(
      validator.doc,
      `#/paths/${escapePointer(operation.path)}/${operation.method.toLowerCase()}/responses/${status}`,
    ).value as { content?: Record<string, unknown> };
    types = Object.keys(response?.content ?? {});
    byStatus.set(status, types);
  }
  return types;
}

/** Whether a media type answered is one documented: exactly, or any bytes where the spec documents octet-stream. */
function documentedMediaType(types: string[], mediaType: string): string | undefined {
  if (types.includes(mediaType)) return mediaType;
  // A download's own type (text/csv, image/png) is what `application/octet-stream` documents: bytes of any kind.
  if (!isJsonMediaType(mediaType) && types.includes('application/octet-stream')) return 'application/octet-stream';
  if (types.includes('*/*')) return '*/*';
  return undefined;
}

/** Every way an answer of `operation` breaks the spec (none when the spec allows it). */
export function responseViolations(
  validator: SpecSchemas,
  operation: DocumentedOperation,
  status: number,
  mediaType: string | undefined,
  body: unknown,
  options: { hasBody?: boolean } = {},
): ResponseViolation[] {
  const code = String(status);
  if (!operation.statuses.includes(code))
    return [
      {
        pointer: '/status',
        message: `expected one of the documented statuses ${operation.statuses.join(', ')}, got ${code}`,
      },
    ];
  const hasBody = options.hasBody ?? body !== undefined;
  if (status === 204 || status === 304 || !hasBody) return [];
  const types = mediaTypesOf(validator, operation, code);
  if (types.length === 0) return [];
  if (mediaType === undefined)
    return [{ pointer: '/headers/content-type', message: `expected ${types.join(' or ')}, got no Content-Type` }];
  const documented = documentedMediaType(types, mediaType);
  if (!documented)
    return [
      { pointer: '/headers/content-type', message: `expected ${types.join(' or ')}, got ${mediaType.slice(0, 80)}` },
    ];
  if (!isJsonMediaType(documented)) return [];
  let pointer: string;
  try {
    pointer = schemaPointer(validator, operation, code, documented);
  } catch {
    return []; // a media type documented without a schema: anything of it is allowed
  }
  const result = validator.check(pointer, body);
  if (result.valid) return [];
  // A failed anyOf/oneOf also reports each branch's failure: the branches say more, when there are any.
  const specific = result.errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  const seen = new Set<string>();
  const violations: ResponseViolation[] = [];
  for (const error of specific.length > 0 ? specific : result.errors) {
    const at =
      error.keyword === 'required'
        ? `${error.instancePath}/${escapePointer(String(error.params.missingProperty))}`
        : error.keyword === 'additionalProperties'
          ? `${error.instancePath}/${escapePointer(String(error.params.additionalProperty))}`
          : error.instancePath;
    const message =
      error.keyword === 'required'
        ? 'expected a required field, got none'
        : error.keyword === 'additionalProperties'
          ? 'expected no field of this name, got one'
          : `expected ${expectation(error)}, got ${describeValue(valueAtPointer(body, error.instancePath), error.keyword)}`;
    const key = `${at} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push({ pointer: `/body${at}`, message });
  }
  return violations;
}
