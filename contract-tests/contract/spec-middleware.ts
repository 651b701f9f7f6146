// An openapi-fetch middleware that checks every response against the spec: a status the operation documents, and a
// JSON body of the documented schema. It records which operation answered which status (coverage) and every
// violation with the operation, the JSON pointer and the offending value.
import type { Middleware } from 'openapi-fetch';
import { SpecValidator, listOperations, operationSchemaPointer, type SpecName } from '../../mocks/spec.js';

export interface SpecViolation {
  operationId: string;
  status: number;
  pointer: string;
  message: string;
  value: unknown;
}

export interface SpecRecorder {
  middleware: Middleware;
  /** operationId -> statuses seen. */
  coverage: Map<string, Set<string>>;
  violations: SpecViolation[];
}

function valueAtPointer(value: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);
}

export function createSpecRecorder(api: SpecName, validator = new SpecValidator(api)): SpecRecorder {
  const operations = new Map(listOperations(validator.doc).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op]));
  const coverage = new Map<string, Set<string>>();
  const violations: SpecViolation[] = [];

  const middleware: Middleware = {
    async onResponse({ request, response, schemaPath }) {
      const operation = operations.get(`${request.method} ${schemaPath}`);
      if (!operation) {
        violations.push({ operationId: `${request.method} ${schemaPath}`, status: response.status, pointer: '', message: 'no such operation in the spec', value: undefined });
        return undefined;
      }
      const status = String(response.status);
      if (!coverage.has(operation.operationId)) coverage.set(operation.operationId, new Set());
      coverage.get(operation.operationId)!.add(status);
      if (!(status in operation.operation.responses)) {
        violations.push({ operationId: operation.operationId, status: response.status, pointer: '', message: `status ${status} is not documented`, value: undefined });
        return undefined;
      }
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      if (response.status === 204 || !mediaType.endsWith('json')) return undefined;
      const body = await response.clone().json().catch(() => undefined);
      const result = validator.check(operationSchemaPointer(validator.doc, operation.method, operation.path, status as `${number}`, mediaType), body);
      for (const error of result.errors) {
        violations.push({ operationId: operation.operationId, status: response.status, pointer: error.instancePath || '/', message: error.message ?? error.keyword, value: valueAtPointer(body, error.instancePath) });
      }
      return undefined;
    },
  };
  return { middleware, coverage, violations };
}
