// Stage 8, response validation: what an operation answers must be a status the spec documents for it and, for JSON, a
// body of that status's schema. Checked on the body as the operation made it, before it is serialized once; a
// response that breaks the spec is recorded and answered as a loud 500, so a drifting mock cannot pass unnoticed.
import { describeErrors, operationSchemaPointer, type SpecValidator } from '../spec.js';
import type { MockOperation } from './spec-operations.js';

/** Schema pointers of documented responses, looked up once per operation, status and media type. */
const pointers = new WeakMap<MockOperation, Map<string, string>>();

function schemaPointer(validator: SpecValidator, operation: MockOperation, status: string, mediaType: string): string {
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

/** What is wrong with an answer of `operation`, or undefined when the spec allows it. */
export function responseProblems(
  validator: SpecValidator,
  operation: MockOperation,
  status: number,
  mediaType: string | undefined,
  body: unknown,
): string | undefined {
  const code = String(status);
  if (!operation.statuses.includes(code)) return `status ${code} is not documented`;
  if (status === 204 || mediaType === undefined || !mediaType.endsWith('json')) return undefined;
  try {
    const result = validator.check(schemaPointer(validator, operation, code, mediaType), body);
    return result.valid ? undefined : describeErrors(result.errors);
  } catch (error) {
    return (error as Error).message;
  }
}
