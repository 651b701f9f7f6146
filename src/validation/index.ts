/**
 * Response validation against both specs, which are embedded at build time. The client loads this module only when
 * `validateResponses: true`, so that clients without it do not carry the specs; it also works as a plain
 * openapi-fetch middleware.
 * @module agent-engine-kit/validation
 */
import agentEngineSpec from '../../openapi/agent-engine.yaml';
import airbyteApiV1Spec from '../../openapi/airbyte-api-v1.yaml';
import { escapePointer, inlineSchema } from './spec-document.js';
import {
  createResponseValidatorFor,
  type ResponseValidator,
  type ResponseValidatorOptions,
} from './response-validator.js';

export {
  SpecViolationError,
  type ResponseValidator,
  type ResponseValidatorOptions,
  type SpecViolation,
} from './response-validator.js';

/**
 * An openapi-fetch middleware that checks every response of either API against its spec: a status the operation
 * documents and a body of its schema. The clients' `validateResponses: true` uses it; this is for an openapi-fetch
 * client of your own.
 * @example
 * ```ts
 * import createClient from 'openapi-fetch';
 * import type { AgentEnginePaths } from 'agent-engine-kit';
 * import { createResponseValidator } from 'agent-engine-kit/validation';
 *
 * const raw = createClient<AgentEnginePaths>({ baseUrl: 'https://api.airbyte.ai' });
 * raw.use(createResponseValidator({ onViolation: (violation) => console.warn(violation.pointer, violation.message) }));
 * ```
 */
export function createResponseValidator(options: ResponseValidatorOptions = {}): ResponseValidator {
  return createResponseValidatorFor(
    [
      { name: 'agent-engine', doc: agentEngineSpec },
      { name: 'airbyte-api-v1', doc: airbyteApiV1Spec },
    ],
    options,
  );
}

const SPECS = { 'agent-engine': agentEngineSpec, 'airbyte-api-v1': airbyteApiV1Spec } as const;

/**
 * One named schema of either spec (`components.schemas`), self-contained (references inlined): for handing the API's
 * own shapes to something that only speaks JSON Schema, such as an AI agent's tool definition.
 * @param api Which spec: `agent-engine` or `airbyte-api-v1`.
 * @param name The schema's name, e.g. `ExecuteRequest`; an unknown name throws.
 * @example
 * ```ts
 * const tool = { name: 'execute', description: 'Run a connector action', input_schema: specSchema('agent-engine', 'ExecuteRequest') };
 * ```
 */
export function specSchema(api: keyof typeof SPECS, name: string): Record<string, any> {
  const doc = SPECS[api] as { components?: { schemas?: Record<string, unknown> } };
  if (!doc?.components?.schemas?.[name]) throw new Error(`${api} has no schema ${name}`);
  return inlineSchema(doc, `#/components/schemas/${escapePointer(name)}`);
}
