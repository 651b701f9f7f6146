// What an execute answer must hold beyond the HTTP spec's envelope, from the connector's definition: every record of
// `result` of its entity's record schema (the same schema and compiled validator the mock checks its own records
// with), and the `connector_metadata` keys the action pages with, each of its type. Used by the proxy on the real
// API's answers; each problem is a JSON pointer into the answer's body and a line without the record's values.
import type { ActionDefinition, JsonSchema } from '../connectors/definitions.js';
import type { ResponseViolation } from '../pipeline/validate-response.js';
import { describeValue, expectation, valueAtPointer } from '../../src/validation/violation-wording.js';
import { escapePointer } from '../spec.js';
import { entityRecordSchema, isWriteEnvelope } from './dataset.js';
import type { Row } from './query.js';
import type { CheckedExecute } from './request-check.js';
import { validatorOf } from './schemas.js';

/** The most problems one answer reports one by one; the rest are counted in one more line. */
export const MAX_VIOLATIONS_PER_ANSWER = 20;

/** The schema a record of this action's answer has: the write's own envelope, else the entity's records'. */
function answerRecordSchema(request: CheckedExecute, action: ActionDefinition): JsonSchema | null {
  if (isWriteEnvelope(action, request.entity)) return action.record;
  return entityRecordSchema(request.entity) ?? action.record;
}

/** Every way an execute answer's body breaks the connector's definition (none when it holds to it). */
export function executeAnswerViolations(request: CheckedExecute, body: unknown): ResponseViolation[] {
  const { action } = request;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  const answer = body as Row;
  const violations: ResponseViolation[] = [];
  if (!action) {
    // context_store_search: `{data, meta}`, data holding the fields the store keeps (its own envelope is the API's).
    const result = answer.result as Row | null;
    if (!result || typeof result !== 'object' || !Array.isArray(result.data))
      return [
        { pointer: '/body/result/data', message: `expected an array of records, got ${describeValue(result?.data)}` },
      ];
    for (const key of ['has_more', 'cursor'])
      if (!Object.hasOwn(result.meta ?? {}, key))
        violations.push({ pointer: `/body/result/meta/${key}`, message: 'expected a paging key, got none' });
    return violations;
  }
  // A shaped answer (select_fields, exclude_fields, params.fields) leaves fields out on purpose.
  const shaped =
    (request.select?.length ?? 0) > 0 || (request.exclude?.length ?? 0) > 0 || Array.isArray(request.params.fields);
  const schema = answerRecordSchema(request, action);
  const check = (record: unknown, at: string) => {
    if (!schema) return;
    const validate = validatorOf(schema);
    if (validate(record)) return;
    const seen = new Set<string>();
    for (const error of validate.errors ?? []) {
      if (shaped && error.keyword === 'required') continue;
      if (error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
      const missing = error.keyword === 'required' ? `/${escapePointer(String(error.params.missingProperty))}` : '';
      const pointer = `${at}${error.instancePath}${missing}`;
      if (seen.has(pointer)) continue;
      seen.add(pointer);
      violations.push({
        pointer,
        message:
          error.keyword === 'required'
            ? `expected a required field of ${action.entity} records, got none`
            : `expected ${expectation(error as never)}, got ${describeValue(valueAtPointer(record, error.instancePath), error.keyword)}`,
      });
    }
  };
  const result = answer.result;
  switch (action.action) {
    case 'list':
    case 'api_search':
      if (Array.isArray(result)) for (const [i, record] of result.entries()) check(record, `/body/result/${i}`);
      else
        violations.push({
          pointer: '/body/result',
          message: `expected a list of records, got ${describeValue(result)}`,
        });
      violations.push(...metadataViolations(action, answer.connector_metadata));
      break;
    case 'get':
    case 'create':
    case 'update':
      check(result, '/body/result');
      break;
    default:
      break; // delete answers a receipt, download bytes
  }
  if (violations.length <= MAX_VIOLATIONS_PER_ANSWER) return violations;
  const more = violations.length - MAX_VIOLATIONS_PER_ANSWER;
  return [
    ...violations.slice(0, MAX_VIOLATIONS_PER_ANSWER),
    { pointer: '/body/result', message: `${more} more problems of this answer, not listed one by one` },
  ];
}

/** The paging keys a list answers: each the definition names is there, of its type. */
function metadataViolations(action: ActionDefinition, metadata: unknown): ResponseViolation[] {
  const properties: Record<string, JsonSchema> | undefined = action.meta?.properties;
  if (!properties || Object.keys(properties).length === 0) return [];
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata))
    return [
      {
        pointer: '/body/connector_metadata',
        message: `expected the paging keys ${Object.keys(properties).join(', ')}, got ${describeValue(metadata)}`,
      },
    ];
  const violations: ResponseViolation[] = [];
  for (const [key, schema] of Object.entries(properties)) {
    const pointer = `/body/connector_metadata/${escapePointer(key)}`;
    if (!Object.hasOwn(metadata, key)) {
      violations.push({ pointer, message: `expected the paging key ${key}, got none` });
      continue;
    }
    const value = (metadata as Row)[key];
    const validate = validatorOf(schema);
    if (!validate(value)) {
      const error = validate.errors![0]!;
      violations.push({
        pointer: `${pointer}${error.instancePath}`,
        message: `expected ${expectation(error as never)}, got ${describeValue(valueAtPointer(value, error.instancePath), error.keyword)}`,
      });
    }
  }
  return violations;
}
