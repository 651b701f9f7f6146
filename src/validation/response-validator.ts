// Response validation as an openapi-fetch middleware: every answer checked against the spec (a status the operation
// documents, a JSON body of its schema). Violations name the operation, the JSON pointer and the offending value.
import type { Middleware } from 'openapi-fetch';
import { SpecViolationError, type SpecViolation } from '../core/errors.js';
import {
  SpecSchemas,
  derefPointer,
  escapePointer,
  listOperations,
  pointerSegments,
  operationSchemaPointer,
  type OpenApiDocument,
  type SpecOperation,
} from './spec-document.js';

export { SpecViolationError, type SpecViolation };

/** Options of `createResponseValidator`. */
export interface ResponseValidatorOptions {
  /** 'throw' (default): the call fails with a SpecViolationError; a function: told of each violation, the call goes on. */
  onViolation?: 'throw' | ((violation: SpecViolation) => void);
  /** Scrubs secrets from the offending values quoted in messages. */
  redact?: (text: string) => string;
}

/** An openapi-fetch middleware (`raw.use(validator)`) that checks each response, and what it has seen so far. */
export type ResponseValidator = Middleware & {
  /** operationId -> statuses answered. */
  readonly coverage: Map<string, Set<string>>;
};

function valueAtPointer(value: unknown, pointer: string): unknown {
  return pointerSegments(pointer).reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    value,
  );
}

export function createResponseValidatorFor(
  specs: { name: string; doc: OpenApiDocument }[],
  options: ResponseValidatorOptions = {},
): ResponseValidator {
  const operations = new Map<string, { schemas: SpecSchemas; operation: SpecOperation }>();
  for (const { name, doc } of specs) {
    const schemas = new SpecSchemas(doc, name);
    for (const operation of listOperations(doc))
      operations.set(`${operation.method.toUpperCase()} ${operation.path}`, { schemas, operation });
  }
  const coverage = new Map<string, Set<string>>();
  const redact = options.redact ?? ((text: string) => text);

  const report = (violations: SpecViolation[], response: Response, request: Request) => {
    if (violations.length === 0) return;
    if (typeof options.onViolation === 'function') {
      for (const violation of violations) options.onViolation(violation);
      return;
    }
    // The error's own properties must not carry a secret either: quoted values go through the same scrubbing.
    const scrub = (value: unknown): unknown => {
      if (value === undefined) return undefined;
      try {
        return JSON.parse(redact(JSON.stringify(value)));
      } catch {
        return redact(String(value));
      }
    };
    violations = violations.map((v) => ({ ...v, value: scrub(v.value) }));
    const first = violations[0]!;
    const lines = violations.map(
      (v) =>
        `${v.pointer || '(status)'}: ${v.message}${v.value === undefined ? '' : ` (got ${redact(JSON.stringify(v.value) ?? 'undefined').slice(0, 200)})`}`,
    );
    const url = new URL(request.url);
    throw new SpecViolationError(
      `${first.method} ${url.origin}${url.pathname} answered ${response.status} outside the spec of ${first.operationId}: ${lines.join('; ')}`,
      violations,
      {
        status: response.status,
        method: first.method,
        url: `${url.origin}${url.pathname}`,
      },
    );
  };

  const middleware: Middleware = {
    async onResponse({ request, response, schemaPath }) {
      const method = request.method.toUpperCase();
      const found = operations.get(`${method} ${schemaPath}`);
      if (!found) return undefined;
      const { schemas, operation } = found;
      const status = String(response.status);
      if (!coverage.has(operation.operationId)) coverage.set(operation.operationId, new Set());
      coverage.get(operation.operationId)!.add(status);
      const base = { operationId: operation.operationId, method, status: response.status };
      if (!(status in operation.operation.responses)) {
        report(
          [{ ...base, pointer: '', message: `status ${status} is not documented`, value: undefined }],
          response,
          request,
        );
        return undefined;
      }
      // Documented headers: present when required, of their schema when present.
      const documented = derefPointer(schemas.doc, `${operation.pointer}/responses/${status}`);
      const headerViolations: SpecViolation[] = [];
      for (const name of Object.keys(documented.value.headers ?? {})) {
        const header = derefPointer(schemas.doc, `${documented.pointer}/headers/${escapePointer(name)}`);
        const value = response.headers.get(name);
        if (value === null) {
          if (header.value.required)
            headerViolations.push({
              ...base,
              pointer: `header:${name}`,
              message: 'required header missing',
              value: undefined,
            });
          continue;
        }
        const schema = derefPointer(schemas.doc, `${header.pointer}/schema`);
        const numeric =
          (schema.value.type === 'integer' || schema.value.type === 'number') &&
          value.trim() !== '' &&
          Number.isFinite(Number(value));
        const check = schemas.check(schema.pointer, numeric ? Number(value) : value);
        for (const error of check.errors)
          headerViolations.push({ ...base, pointer: `header:${name}`, message: error.message ?? error.keyword, value });
      }
      report(headerViolations, response, request);
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      if (response.status === 204 || !mediaType.endsWith('json')) return undefined;
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => undefined);
      const result = schemas.check(
        operationSchemaPointer(schemas.doc, operation.method, operation.path, status as `${number}`, mediaType),
        body,
      );
      report(
        result.errors.map((error) => ({
          ...base,
          pointer: error.instancePath || '/',
          message: error.message ?? error.keyword,
          value: valueAtPointer(body, error.instancePath),
        })),
        response,
        request,
      );
      return undefined;
    },
  };
  return Object.assign(middleware, { coverage });
}
