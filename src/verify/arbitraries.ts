// fast-check arbitraries derived from the spec's own schemas: values that validate against a schema, for fuzzing the
// operations with requests the spec allows. The one generator of requests: the kit's own fuzz tests and `verify` use
// it alike. Runtime-neutral (the spec documents are handed in).
import fc from 'fast-check';
import { resolveRef, type OpenApiDocument } from '../validation/spec-document.js';

type Schema = Record<string, any>;

const SAFE_TEXT = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.'),
  minLength: 1,
  maxLength: 16,
});
const DATE = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
/**
 * Web URLs (`format: uri`): a scheme, a domain and a path of unreserved characters. Not fast-check's `webUrl`, whose
 * first use builds a table of every character it may percent-encode: 1.3 s of every `verify --fuzz` run on a 2-core
 * machine, for values no check here needs.
 */
const WEB_URL = fc
  .tuple(
    fc.constantFrom('https', 'http'),
    fc.domain(),
    fc.array(
      fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-._~'), minLength: 1, maxLength: 12 }),
      { maxLength: 3 },
    ),
  )
  .map(([scheme, domain, path]) => `${scheme}://${domain}${path.map((segment) => `/${segment}`).join('')}`);

function merged(doc: OpenApiDocument, raw: Schema): Schema {
  const schema = resolveRef<Schema>(doc, raw);
  if (!schema.allOf) return schema;
  const out: Schema = {
    ...schema,
    allOf: undefined,
    properties: { ...schema.properties },
    required: [...(schema.required ?? [])],
  };
  for (const part of schema.allOf) {
    const resolved = merged(doc, part);
    Object.assign(out.properties, resolved.properties);
    out.required.push(...(resolved.required ?? []));
    out.type ??= resolved.type;
  }
  return out;
}

function forType(doc: OpenApiDocument, schema: Schema, type: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      // The bounds themselves as often as anything between: where off-by-one defects live.
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? 1000;
      return fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }));
    }
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1000,
        max: schema.maximum ?? 1000,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'string':
      if (schema.format === 'uuid') return fc.uuid({ version: 4 });
      if (schema.format === 'date-time') return DATE;
      if (schema.format === 'uri') return WEB_URL;
      return SAFE_TEXT;
    case 'array':
      return fc.array(schema.items ? arbitraryFor(doc, schema.items, depth + 1) : SAFE_TEXT, { maxLength: 3 });
    case 'object': {
      const properties = Object.entries<Schema>(schema.properties ?? {});
      // No properties: a free-form object, unless it takes none at all.
      if (properties.length === 0)
        return depth > 2 || schema.additionalProperties === false
          ? fc.constant({})
          : fc.dictionary(fc.constantFrom('a', 'b', 'key', 'value'), fc.oneof(SAFE_TEXT, fc.integer(), fc.boolean()), {
              maxKeys: 3,
            });
      const model = Object.fromEntries(
        properties.map(([name, property]) => [name, arbitraryFor(doc, property, depth + 1)]),
      );
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((name: string) => name in model) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values that validate against `raw` (within this generator's subset of JSON Schema: what the specs use). */
export function arbitraryFor(doc: OpenApiDocument, raw: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = merged(doc, raw);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.oneOf ?? schema.anyOf;
  if (union) return fc.oneof(...union.map((branch: Schema) => arbitraryFor(doc, branch, depth)));
  if (schema.type === undefined)
    return schema.properties ? forType(doc, schema, 'object', depth) : fc.jsonValue({ maxDepth: 2 });
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  return fc.oneof(...types.map((type) => forType(doc, schema, type, depth)));
}
