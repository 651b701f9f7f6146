// Stage 8, response validation: what an operation answers must conform to the spec (response-conformance.ts, the
// check the proxy and verify use too). Checked on the body as the operation made it, before it is serialized once; a
// response that breaks the spec is recorded and answered as a loud 500, so a drifting mock cannot pass unnoticed.
import { responseViolations } from '../../src/validation/response-conformance.js';
import type { SpecValidator } from '../spec.js';
import type { MockOperation } from './spec-operations.js';

export { responseViolations, type ResponseViolation } from '../../src/validation/response-conformance.js';

/** What is wrong with an answer of `operation` in one text, or undefined when the spec allows it (the mock's check). */
export function responseProblems(
  validator: SpecValidator,
  operation: MockOperation,
  status: number,
  mediaType: string | undefined,
  body: unknown,
): string | undefined {
  const violations = responseViolations(validator, operation, status, mediaType, body);
  if (violations.length === 0) return undefined;
  return violations.map((v) => `${v.pointer} ${v.message}`).join('\n');
}
