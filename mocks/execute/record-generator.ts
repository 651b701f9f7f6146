// Placeholder until the realistic generator lands (branch `records`): schema-valid, deterministic records.
import { seededRandom } from '../service/random.js';
import type { JsonSchema } from '../connectors/definitions.js';

export interface GenerateRecordsInput {
  connector: string;
  entity: string;
  schema: JsonSchema;
  count: number;
  seed: number;
  key?: { field: string; type: 'string' | 'integer' };
  references?: { field: string; values: readonly unknown[] }[];
  host?: string;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function generateRecords(input: GenerateRecordsInput): Record<string, unknown>[] {
  const random = seededRandom(input.seed ^ hash(`${input.connector}/${input.entity}`));
  const value = (schema: JsonSchema, name: string, depth: number): unknown => {
    if (schema.enum) return schema.enum[Math.floor(random() * schema.enum.length)];
    if (schema.anyOf) return value(schema.anyOf[0], name, depth);
    const types = [schema.type ?? 'string'].flat().filter((t: string) => t !== 'null');
    const type = types[0] ?? 'null';
    switch (type) {
      case 'integer': return Math.floor(random() * 1000);
      case 'number': return Math.round(random() * 10000) / 100;
      case 'boolean': return random() < 0.5;
      case 'array': return depth > 3 || !schema.items ? [] : [value(schema.items, name, depth + 1)];
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [k, s] of Object.entries<JsonSchema>(schema.properties ?? {})) if (depth < 4) out[k] = value(s, k, depth + 1);
        return out;
      }
      case 'null': return null;
      default:
        if (schema.format === 'date-time') return new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 3e10)).toISOString();
        if (schema.format === 'date') return '2026-01-15';
        if (schema.format === 'uri') return `${input.host ?? 'https://example.com'}/${name}`;
        if (schema.format === 'email') return `user${Math.floor(random() * 1000)}@example.com`;
        if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
        return `${name} ${Math.floor(random() * 1000)}`;
    }
  };
  return Array.from({ length: input.count }, (_, i) => {
    const record = value(input.schema, input.entity, 0) as Record<string, unknown>;
    if (input.key) record[input.key.field] = input.key.type === 'integer' ? 1000 + i : input.schema.properties?.[input.key.field]?.format === 'uuid' ? `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` : `${input.entity}_${i + 1}`;
    for (const ref of input.references ?? []) if (ref.values.length) record[ref.field] = ref.values[i % ref.values.length];
    return record;
  });
}
