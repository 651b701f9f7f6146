// The contract suite's recorder: the package's response validator (src/validation) over one spec, recording
// violations instead of throwing, plus the coverage it keeps.
import type { Middleware } from 'openapi-fetch';
import { loadSpec, type SpecName } from '../../mocks/spec.js';
import { createResponseValidatorFor, type SpecViolation } from '../../src/validation/response-validator.js';

export type { SpecViolation } from '../../src/validation/response-validator.js';

export interface SpecRecorder {
  middleware: Middleware;
  /** operationId -> statuses seen. */
  coverage: Map<string, Set<string>>;
  violations: SpecViolation[];
}

export function createSpecRecorder(api: SpecName): SpecRecorder {
  const violations: SpecViolation[] = [];
  const validator = createResponseValidatorFor([{ name: api, doc: loadSpec(api) }], {
    onViolation: (violation) => violations.push(violation),
  });
  return { middleware: validator, coverage: validator.coverage, violations };
}
