// agent-engine-kit/validation: response validation against both specs, embedded at build time. Loaded by the
// client only when `validateResponses: true`, so clients without it do not carry the specs.
import agentEngineSpec from '../../openapi/agent-engine.yaml';
import airbyteApiV1Spec from '../../openapi/airbyte-api-v1.yaml';
import { createResponseValidatorFor, type ResponseValidator, type ResponseValidatorOptions } from './response-validator.js';

export { SpecViolationError, type ResponseValidator, type ResponseValidatorOptions, type SpecViolation } from './response-validator.js';

/** An openapi-fetch middleware that checks every response of either API against its spec. */
export function createResponseValidator(options: ResponseValidatorOptions = {}): ResponseValidator {
  return createResponseValidatorFor(
    [
      { name: 'agent-engine', doc: agentEngineSpec },
      { name: 'airbyte-api-v1', doc: airbyteApiV1Spec },
    ],
    options,
  );
}
