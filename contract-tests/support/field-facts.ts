// Flattens the schemas of a spec into field facts — one entry per field as a dotted path, with its type, required and
// nullable flags and enum — in the notation of api-facts.md (`a.b`, `a[].b`, `<0>.b` for the alternatives of a union),
// so that the spec can be compared with the published API field by field.
import { resolveRef, type OpenApiDocument } from '../../mocks/spec.js';

export interface FieldFact {
  path: string;
  type: string;
  required: boolean;
  nullable: boolean;
  enum?: string[];
}

type Schema = Record<string, any>;

interface Described {
  /** The type in facts notation, e.g. `string(uuid)|null`, `array`, `const "user_hosted"`, `any`. */
  type: string;
  nullable: boolean;
  enum?: string[];
  /** The schema whose fields nest below this one (an object, or a union of objects), null for a leaf. */
  nested: Schema | null;
}

const isNullSchema = (schema: Schema) => schema.type === 'null';

function mergeAllOf(doc: OpenApiDocument, schema: Schema): Schema {
  if (!schema.allOf) return schema;
  const merged: Schema = {
    ...schema,
    allOf: undefined,
    properties: { ...schema.properties },
    required: [...(schema.required ?? [])],
  };
  for (const part of schema.allOf as Schema[]) {
    const resolved = mergeAllOf(doc, resolveRef(doc, part));
    Object.assign(merged.properties, resolved.properties);
    merged.required.push(...(resolved.required ?? []));
    merged.type ??= resolved.type;
  }
  return merged;
}

function hasFields(doc: OpenApiDocument, schema: Schema): boolean {
  const s = mergeAllOf(doc, resolveRef(doc, schema));
  return Boolean(s.properties && Object.keys(s.properties).length > 0) || Boolean(s.oneOf ?? s.anyOf);
}

/** The alternatives of a union other than `null`, and whether `null` is one of them. */
function alternatives(doc: OpenApiDocument, schema: Schema): { branches: Schema[]; hasNull: boolean } {
  const union: Schema[] = (schema.oneOf ?? schema.anyOf ?? []).map((s: Schema) => resolveRef(doc, s));
  return { branches: union.filter((s) => !isNullSchema(s)), hasNull: union.some(isNullSchema) };
}

function describe(doc: OpenApiDocument, raw: Schema): Described {
  const schema = mergeAllOf(doc, resolveRef(doc, raw));
  if (schema.oneOf || schema.anyOf) {
    const { branches, hasNull } = alternatives(doc, schema);
    if (branches.length === 1) {
      const inner = describe(doc, branches[0]!);
      return { ...inner, type: hasNull ? `${inner.type}|null` : inner.type, nullable: hasNull || inner.nullable };
    }
    // A union of several shapes: its fields are listed per alternative.
    return { type: 'object', nullable: hasNull, nested: schema };
  }
  if (schema.const !== undefined)
    return { type: `const ${JSON.stringify(schema.const)}`, nullable: false, nested: null };
  if (schema.type === undefined) return { type: 'any', nullable: false, nested: null };

  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  const format = schema.format ? `(${schema.format})` : '';
  const type = types.map((t) => (t === 'null' ? 'null' : `${t}${format}`)).join('|');
  const values = (schema.enum as unknown[] | undefined)?.filter((v) => v !== null).map(String);
  let nested: Schema | null = null;
  if (types.includes('object') && hasFields(doc, schema)) nested = schema;
  if (types.includes('array') && schema.items && hasFields(doc, schema.items)) nested = schema;
  return { type, nullable: types.includes('null'), ...(values ? { enum: values } : {}), nested };
}

/** The fields of an object schema (or of each alternative of a union), recursively. */
export function flattenFields(doc: OpenApiDocument, raw: Schema, prefix = ''): FieldFact[] {
  const schema = mergeAllOf(doc, resolveRef(doc, raw));
  if (schema.oneOf || schema.anyOf) {
    const { branches } = alternatives(doc, schema);
    if (branches.length === 1) return flattenFields(doc, branches[0]!, prefix);
    return branches.flatMap((branch, i) => flattenFields(doc, branch, `${prefix}<${i}>`));
  }
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('array')) return schema.items ? flattenFields(doc, schema.items, `${prefix}[]`) : [];
  const required = new Set<string>(schema.required ?? []);
  const facts: FieldFact[] = [];
  for (const [name, property] of Object.entries<Schema>(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const described = describe(doc, property);
    facts.push({
      path,
      type: described.type,
      required: required.has(name),
      nullable: described.nullable,
      ...(described.enum ? { enum: described.enum } : {}),
    });
    if (described.nested) facts.push(...flattenFields(doc, described.nested, path));
  }
  return facts;
}

/** A parameter's type in facts notation. */
export function parameterType(doc: OpenApiDocument, parameter: Schema): string {
  return describe(doc, parameter.schema ?? {}).type;
}
