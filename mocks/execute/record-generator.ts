// Deterministic, realistic records for an entity from its JSON Schema: the same seed and input give the same bytes,
// each connector+entity draws from a stream of its own, keys are unique, foreign keys come from the related entity's
// keys. A schema is compiled once per call into makers (record-fields/compile-schema.ts), so records cost only draws.
// Runtime-neutral: no Node APIs, no clock, no Math.random.
import {
  type JsonSchema,
  type ObjectFinisher,
  compileValue,
  fieldNamesOf,
  flagTimeFinisherOf,
  placesIn,
  setField,
  typesOf,
  withoutNull,
} from './record-fields/compile-schema.js';
import { Draw, creationTime, hashText, mixSeeds } from './record-fields/fake-values.js';
import { entityKindOf, forgetFieldNames, nameOf, numberKindOf, singular } from './record-fields/field-kinds.js';
import { type EntityContext, type Make, type RecordState, Scope } from './record-fields/record-state.js';
import { hostOf } from './record-fields/service-hosts.js';
import { integerIdDigits } from './record-fields/service-ids.js';

export type { JsonSchema } from './record-fields/compile-schema.js';

export interface GenerateRecordsInput {
  /** The connector's name: 'github', 'stripe', 'zendesk-support'. */
  connector: string;
  /** The entity's name: 'issues', 'customers'. */
  entity: string;
  /** One record's schema (an object schema with `properties`). */
  schema: JsonSchema;
  count: number;
  /** A 32-bit integer: the same seed and input give byte-identical records. */
  seed: number;
  /** The record's key: its values are unique within the entity. Without one, a top-level `id`/`Id`/`gid`/`sid` is. */
  key?: { field: string; type: 'string' | 'integer' };
  /** Foreign keys: `field` takes values drawn from `values` (another entity's keys), added when the schema lacks it. */
  references?: { field: string; values: readonly unknown[] }[];
  /**
   * Parent keys: record `i`'s `field` is `valueAt(i)` (the key of the parent it belongs to), in the form the field's
   * schema takes; fields the schema lacks are left out (the mock keeps the record's parent beside it).
   */
  assigned?: { field: string; valueAt: (index: number) => unknown }[];
  /** The service's base URL for URLs in records, e.g. 'https://github.com' (by default the service's own). */
  host?: string;
}

interface CompiledRecord {
  entity: EntityContext;
  names: string[];
  makers: Make[];
  finish: ObjectFinisher | undefined;
  properties: Readonly<Record<string, JsonSchema>>;
}

export function generateRecords(input: GenerateRecordsInput): Record<string, unknown>[] {
  const next = recordStream(input);
  return Array.from({ length: input.count }, next);
}

/**
 * The records of `generateRecords`, one a call, in the same order and the same bytes: for an entity whose records are
 * made as they are first read. Record `i` is the `i`th call's (a string key may be drawn again after a repeat, so
 * records are made in order).
 */
export function recordStream(input: GenerateRecordsInput): () => Record<string, unknown> {
  // Compiled per stream and dropped with it: the mock builds an entity once, and only its records need to stay in memory.
  const compiled = compileRecord(input);
  const entitySeed = mixSeeds(input.seed >>> 0, hashText(`${input.connector}\u0000${input.entity}`));
  const entityDraw = new Draw(mixSeeds(entitySeed, 0x6b657973));
  const keyField = input.key?.field ?? compiled.names.find((name) => /^(id|Id|ID|gid|sid)$/.test(name));

  const overrides = new Map<string, Make>();
  const referenceFields = new Map<string, Make>();
  for (const reference of input.references ?? []) {
    const make = referenceMaker(reference.values, compiled, reference.field, reference.field === keyField, entityDraw);
    if (make) referenceFields.set(reference.field, make);
  }
  for (const assignment of input.assigned ?? []) {
    if (!compiled.names.includes(assignment.field)) continue;
    const make = assignedMaker(assignment.valueAt, compiled, assignment.field);
    if (make) referenceFields.set(assignment.field, make);
  }
  const keyFromReference = keyField !== undefined && referenceFields.has(keyField);
  const makeKey =
    keyField === undefined || keyFromReference ? undefined : keyMaker(input, compiled, keyField, entityDraw);
  if (keyField !== undefined && makeKey) overrides.set(keyField, (record) => record.key);
  for (const [field, make] of referenceFields) overrides.set(field, make);

  const names = [...compiled.names];
  const makers = compiled.names.map((name, i) => overrides.get(name) ?? compiled.makers[i]!);
  for (const [field, make] of overrides) {
    if (!compiled.names.includes(field)) {
      names.push(field);
      makers.push(make);
    }
  }

  forgetFieldNames();

  const { kind, noun } = compiled.entity;
  let index = 0;
  return () => {
    const draw = new Draw(mixSeeds(entitySeed, index));
    const record: RecordState = { draw, index, createdMs: creationTime(draw, index), key: undefined };
    let scope = new Scope(record, kind, noun);
    if (keyFromReference) record.key = referenceFields.get(keyField!)!(record, scope);
    else if (makeKey) ({ key: record.key, scope } = makeKey(record, scope));
    const out: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++)
      setField(out, names[i]!, keyFromReference && names[i] === keyField ? record.key : makers[i]!(record, scope));
    compiled.finish?.(out, record, scope);
    index++;
    return out;
  };
}

function compileRecord(input: GenerateRecordsInput): CompiledRecord {
  const host = hostOf(input.connector, input.host);
  const entityName = nameOf(input.entity);
  const singularWords = [...entityName.words.slice(0, -1), singular(entityName.last)];
  const entity: EntityContext = {
    connector: input.connector,
    entity: input.entity,
    host,
    kind: entityKindOf(input.entity, input.connector),
    noun: singularWords.join(' '),
    target: singularWords.join(''),
  };
  const properties = input.schema.properties ?? {};
  const names = fieldNamesOf(input.schema);
  const placeOf = placesIn(input.schema, undefined, entity.kind, entity);
  const makers = names.map((name) => compileValue(properties[name] ?? {}, placeOf(name), entity));
  const finish = flagTimeFinisherOf(input.schema, undefined, entity.kind, entity);
  return { entity, names, makers, finish, properties };
}

/** Draws a record's key; a key drawn again after a repeat comes with the fresh scope it was drawn in. */
type KeyMaker = (record: RecordState, scope: Scope) => { key: unknown; scope: Scope };

/**
 * The key's maker. Integer keys climb from an entity-wide base in strides with a seeded gap (unique and ordered like
 * real ids); string keys come from the field's own maker (a Stripe `cus_…`, a Salesforce Id) and are drawn again on
 * the rare repeat, then suffixed.
 */
function keyMaker(input: GenerateRecordsInput, compiled: CompiledRecord, keyField: string, entityDraw: Draw): KeyMaker {
  const declared = compiled.properties[keyField];
  const schema = withoutNull(declared ?? { type: input.key?.type ?? 'string' });
  const { types } = typesOf(schema);
  const integer =
    schema.enum === undefined &&
    schema.const === undefined &&
    (types.length > 0
      ? !types.includes('string') && (types.includes('integer') || types.includes('number'))
      : input.key?.type === 'integer');
  if (integer) {
    const sequenceLike = numberKindOf(nameOf(keyField));
    const small = sequenceLike === 'sequence' || sequenceLike === 'position';
    const digits =
      schema.format === 'int32' ? Math.min(9, integerIdDigits(input.connector)) : integerIdDigits(input.connector);
    const stride = small ? 3 : Math.max(2, Math.floor(10 ** (digits - 4)));
    const base = small ? entityDraw.int(1, 400) : entityDraw.int(10 ** (digits - 1), 2 * 10 ** (digits - 1));
    return (record, scope) => ({ key: base + record.index * stride + record.draw.int(0, stride - 1), scope });
  }
  const { kind, noun } = compiled.entity;
  const make = compileValue(
    schema,
    placesIn(input.schema, undefined, kind, compiled.entity)(keyField),
    compiled.entity,
  );
  if (schema.enum !== undefined || schema.const !== undefined)
    return (record, scope) => ({ key: make(record, scope), scope });
  const seen = new Set<string>();
  return (record, firstScope) => {
    // A key drawn from the record's headline (a name, a slug) is drawn again with a fresh scope, which the record keeps.
    let scope = firstScope;
    let key = make(record, scope);
    for (let attempt = 0; attempt < 8 && seen.has(String(key)); attempt++)
      key = make(record, (scope = new Scope(record, kind, noun)));
    if (seen.has(String(key))) key = suffixed(key, record.index);
    seen.add(String(key));
    return { key, scope };
  };
}

/** A repeated string key made unique in a way that keeps its shape (a URL stays a URL, an email an email). */
function suffixed(value: unknown, index: number): unknown {
  if (typeof value !== 'string') return value;
  if (/^https?:\/\//.test(value)) return `${value.replace(/\/+$/, '')}/${index + 1}`;
  const at = value.indexOf('@');
  if (at > 0) return `${value.slice(0, at)}+${index + 1}${value.slice(at)}`;
  return `${value}-${index + 1}`;
}

/**
 * A foreign key's maker: values the field's schema accepts (converted between numbers and numeric strings when needed,
 * set as the `id` of an object field, wrapped for an array field). When the field is also the key, each value is used
 * once in a seeded order so keys stay unique while there are values enough.
 */
function referenceMaker(
  values: readonly unknown[],
  compiled: CompiledRecord,
  field: string,
  isKey: boolean,
  entityDraw: Draw,
): Make | undefined {
  const declared = compiled.properties[field];
  const index = compiled.names.indexOf(field);
  const generated = index >= 0 ? compiled.makers[index]! : undefined;
  const schema = declared ? withoutNull(declared) : undefined;
  const candidates = values
    .map((value) => acceptedValue(value, schema))
    .filter((value): value is NonNullable<typeof value> => value !== undefined);
  if (candidates.length === 0) return undefined;
  const wrap = (value: Accepted): Make => {
    if (value.as === 'objectId') {
      const property = value.property;
      return (record, scope) => {
        // The object as the field's maker makes it (its other required properties included), naming the related record.
        const made = generated?.(record, scope);
        const object =
          made && typeof made === 'object' && !Array.isArray(made) ? (made as Record<string, unknown>) : {};
        setField(object, property, value.value);
        return object;
      };
    }
    return value.as === 'array' ? () => [value.value] : () => value.value;
  };
  const makers = candidates.map(wrap);
  if (isKey) {
    const order = makers.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = entityDraw.int(0, i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return (record, scope) => makers[order[record.index % order.length]!]!(record, scope);
  }
  return (record, scope) => makers[record.draw.int(0, makers.length - 1)]!(record, scope);
}

/** A parent key's maker: record `i` takes `valueAt(i)`, as the field's schema accepts it (else the field's own value). */
function assignedMaker(valueAt: (index: number) => unknown, compiled: CompiledRecord, field: string): Make | undefined {
  const declared = compiled.properties[field];
  const generated = compiled.makers[compiled.names.indexOf(field)];
  const schema = declared ? withoutNull(declared) : undefined;
  return (record, scope) => {
    const accepted = acceptedValue(valueAt(record.index), schema);
    if (!accepted) return generated?.(record, scope);
    if (accepted.as === 'objectId') {
      const made = generated?.(record, scope);
      const object = made && typeof made === 'object' && !Array.isArray(made) ? (made as Record<string, unknown>) : {};
      setField(object, accepted.property, accepted.value);
      return object;
    }
    return accepted.as === 'array' ? [accepted.value] : accepted.value;
  };
}

type Accepted = { as: 'value' | 'array'; value: unknown } | { as: 'objectId'; property: string; value: unknown };

/** `value` in a form `schema` accepts, or undefined when there is none. */
function acceptedValue(value: unknown, schema: JsonSchema | undefined): Accepted | undefined {
  if (!schema || value === null || value === undefined) return value === undefined ? undefined : { as: 'value', value };
  if (schema.enum) return schema.enum.includes(value) ? { as: 'value', value } : undefined;
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    for (const branch of branches) {
      const accepted = acceptedValue(value, branch);
      if (accepted) return accepted;
    }
    return undefined;
  }
  const { types } = typesOf(schema);
  if (types.length === 0) return { as: 'value', value };
  if (typeof value === 'string') {
    if (types.includes('string')) return { as: 'value', value };
    const asNumber = /^-?\d+$/.test(value) ? Number(value) : NaN;
    if (Number.isSafeInteger(asNumber) && (types.includes('integer') || types.includes('number')))
      return { as: 'value', value: asNumber };
  } else if (typeof value === 'number') {
    if (types.includes('number') || (types.includes('integer') && Number.isInteger(value)))
      return { as: 'value', value };
    if (types.includes('string')) return { as: 'value', value: String(value) };
  } else if (typeof value === 'boolean' && types.includes('boolean')) {
    return { as: 'value', value };
  }
  if (types.includes('object') && typeof value !== 'object') {
    const properties = schema.properties ?? {};
    const property = Object.keys(properties).find((name) => /^(id|gid|Id|key|sid|uuid)$/.test(name)) ?? 'id';
    const inner = acceptedValue(value, properties[property]);
    return inner?.as === 'value' ? { as: 'objectId', property, value: inner.value } : undefined;
  }
  if (types.includes('array')) {
    const inner = acceptedValue(value, schema.items);
    return inner?.as === 'value' ? { as: 'array', value: inner.value } : undefined;
  }
  return undefined;
}
