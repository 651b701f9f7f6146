// Record schemas derived from the connector facts (fixtures/agent-connector-facts.json): per entity the JSON Schema of
// one record, in the shape the connector definitions give it, so the record generator can be tested against all 51
// connectors before (and beside) the definitions. Facts types read `string|null`, `string(date-time)`,
// `array<object>`, `string|integer(int64)`, `any`; `fields` nest, `enum` and `required` as the definitions have them.
import { readFileSync } from 'node:fs';
import type { JsonSchema } from '../../mocks/execute/record-generator.js';

export interface FactField {
  name: string;
  type: string;
  fields?: FactField[];
  enum?: unknown[];
  required?: boolean;
}
export interface FactRelationship {
  source_entity: string;
  target_entity: string;
  foreign_key: string;
  target_key: string;
}
export interface FactConnector {
  name: string;
  relationships?: FactRelationship[];
  entities: Record<string, { actions: Record<string, { recordFields?: FactField[] }> }>;
}

export const connectorFacts: FactConnector[] = JSON.parse(
  readFileSync(new URL('../fixtures/agent-connector-facts.json', import.meta.url), 'utf8'),
).connectors;

/** Splits `a|array<b|c>|d` at the top level only. */
function alternatives(type: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    if (type[i] === '<') depth++;
    else if (type[i] === '>') depth--;
    else if (type[i] === '|' && depth === 0) {
      parts.push(type.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(type.slice(start));
  return parts;
}

function alternativeSchema(part: string): JsonSchema {
  if (part === 'any') return {};
  const array = /^array<(.+)>$/.exec(part);
  if (array) return { type: 'array', items: typeSchema(array[1]!) };
  const formatted = /^(\w+)\(([\w-]+)\)$/.exec(part);
  if (formatted) return { type: formatted[1] as JsonSchema['type'], format: formatted[2]! };
  return { type: part as JsonSchema['type'] };
}

function typeSchema(type: string): JsonSchema {
  const parts = alternatives(type);
  const nullable = parts.includes('null');
  const present = parts.filter((part) => part !== 'null').map(alternativeSchema);
  if (present.some((schema) => schema.type === undefined)) return {};
  if (present.length === 1) {
    const only = present[0]!;
    return nullable ? { ...only, type: [only.type as string, 'null'] as JsonSchema['type'] } : only;
  }
  // Plain types without formats or items combine into one type list; anything richer becomes anyOf.
  if (present.every((schema) => Object.keys(schema).length === 1)) {
    return {
      type: [...present.map((schema) => schema.type as string), ...(nullable ? ['null'] : [])] as JsonSchema['type'],
    };
  }
  return { anyOf: [...present, ...(nullable ? [{ type: 'null' as const }] : [])] };
}

export function fieldSchema(field: FactField): JsonSchema {
  let schema = typeSchema(field.type);
  if (field.fields) {
    const object = objectSchema(field.fields);
    if (schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array')))
      schema = { ...schema, items: { ...schema.items, ...object, type: 'object' } };
    else schema = { ...schema, ...object, type: schema.type ?? 'object' };
  }
  if (field.enum) {
    const nullable = Array.isArray(schema.type) && schema.type.includes('null');
    schema = { ...schema, enum: nullable && !field.enum.includes(null) ? [...field.enum, null] : field.enum };
  }
  return schema;
}

export function objectSchema(fields: readonly FactField[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const field of fields) {
    properties[field.name] = fieldSchema(field);
    if (field.required) required.push(field.name);
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

const ACTION_PREFERENCE = ['list', 'get', 'api_search', 'search'];

/** Each entity's record schema: that of its `list` action, else `get`, else the first action with record fields. */
export function entityRecordSchemas(connector: FactConnector): { entity: string; schema: JsonSchema }[] {
  const out: { entity: string; schema: JsonSchema }[] = [];
  for (const [entity, { actions }] of Object.entries(connector.entities)) {
    const action =
      ACTION_PREFERENCE.map((name) => actions[name]).find((candidate) => candidate?.recordFields) ??
      Object.values(actions).find((candidate) => candidate.recordFields);
    if (action?.recordFields) out.push({ entity, schema: objectSchema(action.recordFields) });
  }
  return out;
}
