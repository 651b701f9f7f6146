// Stage 5, request validation: path, query and header parameters (read from text into the types the spec gives them)
// and the JSON body, checked with ajv against the spec. What fails is a 400 (unreadable) or 422 (invalid) naming each
// field. Parsed values land in null-prototype objects: no parameter name reaches a prototype.
import { escapePointer, pointerSegments } from '../../src/validation/spec-document.js';
import type { SchemaError, SpecValidator } from '../spec.js';
import { MockHttpError, type FieldProblem } from './errors.js';
import type { MockRequest } from './request.js';
import type { MockOperation, ParameterCheck } from './spec-operations.js';
import { describeValue, expectation, valueAtPointer } from '../../src/validation/violation-wording.js';

function readScalar(text: string, type: string | undefined): unknown {
  if ((type === 'integer' || type === 'number') && text.trim() !== '' && Number.isFinite(Number(text)))
    return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

const CODES: Record<string, string> = {
  required: 'missing',
  type: 'type_error',
  format: 'format_error',
  enum: 'enum',
  const: 'const',
};

/** ajv's errors as the API names them: the field as a dotted path, a message, a stable code. */
export function fieldProblems(errors: readonly SchemaError[], prefix: string | null, value?: unknown): FieldProblem[] {
  // A failed anyOf/oneOf also reports every branch's own failure; those are the useful ones when there are any.
  const specific = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  const chosen = specific.length > 0 ? specific : errors;
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const error of chosen) {
    const parts = pointerSegments(error.instancePath).filter(Boolean);
    if (error.keyword === 'required') parts.push(String(error.params.missingProperty));
    if (error.keyword === 'additionalProperties') parts.push(String(error.params.additionalProperty));
    const path = parts.join('.');
    const field = prefix ? (path ? `${prefix}.${path}` : prefix) : path || null;
    const where = prefix ? prefix.split('.') : ['body'];
    if (where[0] === 'header') where[0] = 'headers';
    const pointer = `/${[...where, ...parts].map(escapePointer).join('/')}`;
    const message =
      error.keyword === 'required'
        ? 'Field required'
        : `${error.message ?? error.keyword}${error.keyword === 'enum' ? `: ${(error.params.allowedValues as unknown[]).join(', ')}` : ''}`;
    // For reports (the proxy's lines): what was expected and what came, the value only as a typed hint.
    const report =
      error.keyword === 'required'
        ? 'expected a required field, got none'
        : error.keyword === 'additionalProperties'
          ? 'expected no field of this name, got one'
          : `expected ${expectation(error)}, got ${describeValue(valueAtPointer(value, error.instancePath), error.keyword)}`;
    const key = `${field}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({
      field,
      message,
      error_code: CODES[error.keyword] ?? error.keyword,
      details: null,
      pointer,
      report,
    });
  }
  return problems;
}

export interface ValidatedRequest {
  query: Record<string, unknown>;
  path: Record<string, unknown>;
  body: unknown;
}

function readParameter(
  check: ParameterCheck,
  request: MockRequest,
  search: () => URLSearchParams,
  pathParams: Record<string, string>,
): unknown {
  if (check.in === 'query') {
    const values = search().getAll(check.name);
    if (values.length === 0) return undefined;
    return check.type === 'array'
      ? values.map((v) => readScalar(v, check.itemType))
      : readScalar(values[0]!, check.type);
  }
  if (check.in === 'header') {
    const value = request.headers[check.name.toLowerCase()];
    return value === undefined ? undefined : readScalar(value, check.type);
  }
  const raw = pathParams[check.name];
  return raw === undefined ? undefined : readScalar(raw, check.type);
}

/** The request's parameters and body as the spec types them; throws the 400 or 422 that names what is wrong. */
export function validateRequest(
  validator: SpecValidator,
  operation: MockOperation,
  request: MockRequest,
  pathParams: Record<string, string>,
  bodyText: string,
): ValidatedRequest {
  const { problems, ...validated } = readValidatedRequest(validator, operation, request, pathParams, bodyText);
  if (problems.length > 0) {
    const summary = problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; ');
    throw new MockHttpError(422, `Validation failed: ${summary}`, problems);
  }
  return validated;
}

/**
 * The request's parameters and body as the spec types them, and every problem found (each with its JSON pointer,
 * `/query/limit`, `/body/workspace_name`); throws only the 400 of a body that is not JSON. The mock refuses a request
 * with problems; the proxy reports them and passes it on.
 */
export function readValidatedRequest(
  validator: SpecValidator,
  operation: MockOperation,
  request: MockRequest,
  pathParams: Record<string, string>,
  bodyText: string,
): ValidatedRequest & { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const query: Record<string, unknown> = Object.create(null);
  const path: Record<string, unknown> = Object.create(null);
  let parsed: URLSearchParams | undefined;
  const search = () => (parsed ??= new URLSearchParams(request.query));
  for (const check of operation.parameters) {
    const value = readParameter(check, request, search, pathParams);
    if (value === undefined) {
      if (check.required)
        problems.push({
          field: `${check.in}.${check.name}`,
          message: 'Field required',
          error_code: 'missing',
          report: 'expected a required parameter, got none',
          pointer: `/${check.in === 'header' ? 'headers' : check.in}/${escapePointer(check.name)}`,
        });
      continue;
    }
    const result = validator.check(check.schemaPointer, value);
    if (!result.valid) problems.push(...fieldProblems(result.errors, `${check.in}.${check.name}`, value));
    if (check.in === 'query') query[check.name] = value;
    if (check.in === 'path') path[check.name] = value;
  }

  let body: unknown;
  if (operation.bodyPointer) {
    if (bodyText === '') {
      if (operation.bodyRequired)
        problems.push({
          field: 'body',
          message: 'Request body required',
          error_code: 'missing',
          pointer: '/body',
          report: 'expected a request body, got none',
        });
    } else {
      try {
        body = JSON.parse(bodyText);
      } catch (error) {
        // Where, never what: the body may hold a secret.
        const at = /position (\d+)/.exec((error as Error).message)?.[1];
        throw new MockHttpError(400, `Request body is not valid JSON${at ? ` (at character ${at})` : ''}.`, [
          { field: 'body', message: 'Invalid JSON', error_code: 'json_invalid' },
        ]);
      }
      const result = validator.check(operation.bodyPointer, body);
      if (!result.valid) problems.push(...fieldProblems(result.errors, null, body));
    }
  }
  return { query, path, body, problems };
}
