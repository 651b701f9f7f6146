// A record schema (JSON Schema 2020-12, the subset the connector definitions use) turned once into a tree of makers,
// one per field, so generating a record is only calls and draws: `type` (a string or a list with 'null'), `enum`
// (null included), `const`, `anyOf`/`oneOf`, `properties`/`required`, `items`, `format`, bounds, and untyped `{}`.
import { type RecordKind, headline, company, person } from './fake-values.js';
import {
  type FieldName,
  type InferredType,
  compactSingular,
  freeObjectKindOf,
  inferredTypeOf,
  isOwnIdName,
  nameOf,
  objectKindOf,
} from './field-kinds.js';
import { booleanFieldOf, integerFieldOf, numberFieldOf } from './number-fields.js';
import {
  type EntityContext,
  type FieldMaker,
  type FieldPlace,
  type Make,
  type RecordState,
  Scope,
} from './record-state.js';
import { asanaResourceTypeOf, stringIdMaker, stripeObjectOf } from './service-ids.js';
import { stringFieldOf } from './string-fields.js';
import { ADDRESSES } from './vocabulary.js';

export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';
export interface JsonSchema {
  type?: JsonType | readonly JsonType[];
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  items?: JsonSchema;
  enum?: readonly unknown[];
  const?: unknown;
  format?: string;
  anyOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  'x-inferred'?: boolean;
  [keyword: string]: unknown;
}

/** Objects that hold a record's own data (JSON:API attributes, HubSpot properties, Jira fields), rarely null. */
const HOLDS_THE_RECORD = /^(attributes|properties|fields|data|metadata|metaData|details|content|settings)$/i;
const TYPE_ORDER: readonly JsonType[] = ['string', 'integer', 'number', 'boolean', 'object', 'array'];
const ARRAY_MAX_ITEMS = 3;

/** The non-null types a schema allows and whether it allows null (an absent `type` allows everything). */
export function typesOf(schema: JsonSchema): { types: JsonType[]; nullable: boolean } {
  const listed = schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : [...schema.type];
  return { types: listed.filter((type) => type !== 'null'), nullable: listed.includes('null') };
}
const isNullOnly = (schema: JsonSchema) =>
  schema.type === 'null' ||
  (Array.isArray(schema.type) && schema.type.length === 1 && schema.type[0] === 'null') ||
  schema.const === null ||
  (schema.enum?.length === 1 && schema.enum[0] === null);

/** The same schema without its null option: for keys and references, which are always present. */
export function withoutNull(schema: JsonSchema): JsonSchema {
  const { types, nullable } = typesOf(schema);
  let result: JsonSchema = schema;
  if (nullable) result = { ...result, type: types.length === 1 ? types[0] : types };
  if (result.enum?.includes(null)) result = { ...result, enum: result.enum.filter((value) => value !== null) };
  const branches = result.anyOf ?? result.oneOf;
  if (branches?.some(isNullOnly))
    result = { ...result, [result.anyOf ? 'anyOf' : 'oneOf']: branches.filter((branch) => !isNullOnly(branch)) };
  return result;
}

/** Sets a property even when its name is `__proto__`, which plain assignment would turn into a prototype change. */
export function setField(target: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__')
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  else target[name] = value;
}

/** The maker of one value for `schema` at `place`. */
export function compileValue(schema: JsonSchema, place: FieldPlace, entity: EntityContext): Make {
  if ('const' in schema) {
    const value = schema.const;
    return () => value;
  }
  if (schema.enum) return enumMaker(schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches && branches.length > 0) return unionMaker(schema, branches, place, entity);

  const { types, nullable } = typesOf(schema);
  const type = chooseType(types, schema, place);
  const { make, nullChance } = fieldMakerOf(type, schema, place, entity);
  if (!nullable || nullChance === 0) return make;
  return (record, scope) => (record.draw.unit() < nullChance ? null : make(record, scope));
}

/** Enum values spread evenly over the records (null, when listed, now and then). */
function enumMaker(values: readonly unknown[]): Make {
  const present = values.filter((value) => value !== null);
  if (present.length === 0) return () => null;
  const nullChance = present.length < values.length ? 0.15 : 0;
  return ({ draw }) => (nullChance > 0 && draw.unit() < nullChance ? null : draw.pick(present));
}

/** One branch of an anyOf/oneOf: the one the field's name suggests, else the first that is not null. */
function unionMaker(
  schema: JsonSchema,
  branches: readonly JsonSchema[],
  place: FieldPlace,
  entity: EntityContext,
): Make {
  const { anyOf: _anyOf, oneOf: _oneOf, ...outer } = schema;
  const present = branches
    .filter((branch) => !isNullOnly(branch))
    .map((branch) => (branch.type === undefined && outer.type !== undefined ? { ...outer, ...branch } : branch));
  const nullable = present.length < branches.length || typesOf(schema).nullable;
  if (present.length === 0) return () => null;
  const preferred = inferredTypeOf(place.field, entity.connector);
  const chosen = present.find((branch) => typesOf(branch).types.includes(preferred)) ?? present[0]!;
  const make = compileValue(withoutNull(chosen), place, entity);
  return nullable ? (record, scope) => (record.draw.unit() < 0.2 ? null : make(record, scope)) : make;
}

/** The type to generate when several are allowed, from the field's name; undefined for an untyped schema. */
function chooseType(types: JsonType[], schema: JsonSchema, place: FieldPlace): JsonType | undefined {
  if (types.length === 1) return types[0];
  if (types.length === 0) {
    if (schema.properties) return 'object';
    if (schema.items) return 'array';
    if (schema.format) return 'string';
    return undefined;
  }
  const preferred = inferredTypeOf(place.field, place.names.connector);
  if (types.includes(preferred)) return preferred;
  if (preferred === 'integer' && types.includes('number')) return 'number';
  if (preferred === 'number' && types.includes('integer')) return 'integer';
  return TYPE_ORDER.find((type) => types.includes(type))!;
}

function fieldMakerOf(
  type: JsonType | undefined,
  schema: JsonSchema,
  place: FieldPlace,
  entity: EntityContext,
): FieldMaker {
  switch (type ?? untypedAs(place, entity)) {
    case 'string':
      return stringFieldOf(schema.format, place, entity);
    case 'integer':
      return integerFieldOf(schema, place, entity);
    case 'number':
      return numberFieldOf(schema, place, entity);
    case 'boolean':
      return booleanFieldOf(place);
    case 'object':
      return {
        make: schema.properties ? objectMaker(schema, place, entity) : freeObjectMaker(place, entity),
        nullChance: HOLDS_THE_RECORD.test(place.field.compact) ? 0.03 : 0.3,
      };
    case 'array':
      return { make: arrayMaker(schema, place, entity), nullChance: 0.2 };
    case 'null':
      return { make: () => null, nullChance: 0 };
  }
}
/** An untyped field (`{}`) gets a type from its name, so it still holds something sensible. */
const untypedAs = (place: FieldPlace, entity: EntityContext): InferredType =>
  inferredTypeOf(place.field, entity.connector);

// ---- objects --------------------------------------------------------------------------------------------------------

/** The names an object's makers fill, in the schema's order, with the required ones it does not list at the end. */
export function fieldNamesOf(schema: JsonSchema): string[] {
  const names = Object.keys(schema.properties ?? {});
  for (const name of schema.required ?? []) if (!names.includes(name)) names.push(name);
  return names;
}

/**
 * The places of the properties of an object at `parent` (at the top of a record when parent is undefined): what they
 * share (the object's kind, owner, whether it is an address) is worked out once per object.
 */
export function placesIn(
  objectSchema: JsonSchema,
  parent: FieldPlace | undefined,
  kind: RecordKind,
  entity: EntityContext,
): (name: string) => FieldPlace {
  const parentName = parent?.field.raw ?? '';
  const inAddress =
    parent !== undefined &&
    (parent.names.inAddress || kind === 'address' || /address|shipping|billing|location/i.test(parentName));
  const names = { connector: entity.connector, kind, parent: parentName, inAddress };
  const owner = ownerOf(objectSchema, parent, entity);
  return (name) => ({ field: nameOf(name), names, topLevel: parent === undefined, owner });
}

/** What the `id` of an object names: its Stripe `object` enum, else its field's name, else the entity. */
function ownerOf(objectSchema: JsonSchema, parent: FieldPlace | undefined, entity: EntityContext): FieldPlace['owner'] {
  const objectEnum = objectSchema.properties?.object?.enum;
  const spelledObject = objectEnum?.length === 1 && typeof objectEnum[0] === 'string' ? objectEnum[0] : undefined;
  if (spelledObject) return { target: compactSingular(spelledObject), spelled: spelledObject };
  if (!parent)
    return {
      target: entity.target,
      spelled:
        entity.connector === 'asana' ? asanaResourceTypeOf(entity.noun, entity.kind) : entity.noun.replace(/ /g, '_'),
    };
  if (objectKindOf(parent.field) === 'person') return { target: 'user', spelled: 'user' };
  const spelled = parent.field.raw.replace(/ies$/, 'y').replace(/([^s])s$/, '$1');
  return { target: compactSingular(parent.field.raw), spelled };
}

/** Fixes an object's fields that depend on each other once all are made. */
export type ObjectFinisher = (out: Record<string, unknown>, record: RecordState, scope: Scope) => void;

/**
 * Flags and the times they stand for (archived/archivedAt, closed/closed_at, is_deleted/deleted_at): the time is there
 * exactly when the flag is true, so a record is never "not archived, archived yesterday".
 */
export function flagTimeFinisherOf(
  schema: JsonSchema,
  parent: FieldPlace | undefined,
  kind: RecordKind,
  entity: EntityContext,
): ObjectFinisher | undefined {
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  const byCompact = new Map(names.map((name) => [nameOf(name).compact, name]));
  const pairs: { flag: string; time: string; makeTime: Make }[] = [];
  let placeOf: ((name: string) => FieldPlace) | undefined;
  for (const flag of names) {
    if (!typesOf(properties[flag]!).types.includes('boolean')) continue;
    const stem = nameOf(flag).compact.replace(/^is/, '');
    const time = [`${stem}at`, `${stem}time`, `${stem}date`, `date${stem}`]
      .map((candidate) => byCompact.get(candidate))
      .find((name) => name !== undefined);
    if (!time || !typesOf(properties[time]!).nullable) continue;
    placeOf ??= placesIn(schema, parent, kind, entity);
    pairs.push({ flag, time, makeTime: compileValue(withoutNull(properties[time]!), placeOf(time), entity) });
  }
  if (pairs.length === 0) return undefined;
  return (out, record, scope) => {
    for (const { flag, time, makeTime } of pairs) {
      if (out[flag] !== true) out[time] = null;
      else if (out[time] === null) out[time] = makeTime(record, scope);
    }
  };
}

function objectMaker(schema: JsonSchema, place: FieldPlace, entity: EntityContext): Make {
  const properties = schema.properties ?? {};
  const ownKind = objectKindOf(place.field);
  const parentKind = place.names.kind;
  const kind = ownKind ?? parentKind;
  // An object of its own kind (an author, an address) describes someone or something else than its parent does.
  const ownScope = ownKind !== undefined && ownKind !== parentKind;
  const noun = place.field.words.join(' ');
  const names = fieldNamesOf(schema);
  const placeOf = placesIn(schema, place, kind, entity);
  const makers = names.map((name) => compileValue(properties[name] ?? {}, placeOf(name), entity));
  const finish = flagTimeFinisherOf(schema, place, kind, entity);
  return (record, scope) => {
    const objectScope = ownScope ? new Scope(record, kind, noun) : scope;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) setField(out, names[i]!, makers[i]!(record, objectScope));
    finish?.(out, record, objectScope);
    return out;
  };
}

/** An object whose schema lists no properties, filled by what its name suggests: a person, an address, a reference. */
function freeObjectMaker(place: FieldPlace, entity: EntityContext): Make {
  const { field } = place;
  const { connector, host } = entity;
  switch (freeObjectKindOf(field, connector)) {
    case 'person':
      return personObjectMaker(connector, entity);
    case 'address':
      return ({ draw }) => {
        const [line1, city, state, postal] = draw.pick(ADDRESSES);
        return { line1, city, state, postal_code: postal, country: 'US' };
      };
    case 'links':
      return ({ key, draw }) => ({
        self: `${host}/${entity.entity.replace(/_/g, '-')}/${encodeURIComponent(String(key ?? draw.digits(8)))}`,
      });
    case 'avatarUrls':
      return ({ draw }) => {
        const avatar = `${host}/avatars/${draw.digits(6)}`;
        return {
          '48x48': `${avatar}?s=48`,
          '24x24': `${avatar}?s=24`,
          '16x16': `${avatar}?s=16`,
          '32x32': `${avatar}?s=32`,
        };
      };
    case 'connection':
      return ({ draw }) => ({ totalCount: Math.floor(draw.unit() * draw.unit() * 12) });
    case 'reference':
      return referenceObjectMaker(field, entity);
    case 'empty':
      return () => ({});
  }
}

function personObjectMaker(connector: string, entity: EntityContext): Make {
  const idOf = stringIdMaker(connector, 'user', entity.target);
  return ({ draw, createdMs }) => {
    const someone = person(draw, company(draw));
    switch (connector) {
      case 'github':
        return { login: someone.login };
      case 'jira':
      case 'confluence':
        return {
          accountId: `5b10ac8d82e05b22cc${draw.chars('0123456789abcdef', 6)}`,
          displayName: someone.full,
          emailAddress: someone.email,
          active: true,
        };
      case 'asana':
        return { gid: idOf(draw, createdMs), name: someone.full, resource_type: 'user' };
      default:
        return { id: idOf(draw, createdMs), name: someone.full, email: someone.email };
    }
  };
}

function referenceObjectMaker(field: FieldName, entity: EntityContext): Make {
  const target = compactSingular(field.raw);
  const idOf = stringIdMaker(entity.connector, stripeObjectOf(target) ?? target, entity.target);
  const kind =
    objectKindOf(field) ?? (/status|state|priority|type|resolution/.test(field.compact) ? 'label' : 'general');
  const noun = field.words.join(' ');
  const nameOfReference: Make<string> = ({ draw }) =>
    headline(
      draw,
      kind,
      noun,
      () => company(draw),
      () => person(draw, company(draw)),
    );
  if (entity.connector === 'asana')
    return (record, scope) => ({
      gid: idOf(record.draw, record.createdMs),
      name: nameOfReference(record, scope),
      resource_type: target,
    });
  return (record, scope) => ({ id: idOf(record.draw, record.createdMs), name: nameOfReference(record, scope) });
}

// ---- arrays ---------------------------------------------------------------------------------------------------------

/** 'collaborator_ids' → 'collaborator_id', 'labels' → 'label': each item is named as one of the list. */
const singularName = (name: string) =>
  name
    .replace(/ies$/i, 'y')
    .replace(/(ss|x|ch|sh)es$/i, '$1')
    .replace(/([^s])s$/i, '$1');
/** Lists that hold their parent's things (GitHub's labels.nodes, Jira's groups.items): items named after the parent. */
const CONTAINER_LISTS = /^(nodes|edges|items|results|entries|records|data|values|elements)$/;

function arrayMaker(schema: JsonSchema, place: FieldPlace, entity: EntityContext): Make {
  const named = CONTAINER_LISTS.test(place.field.raw) && place.names.parent ? place.names.parent : place.field.raw;
  const itemPlace: FieldPlace = { ...place, field: nameOf(singularName(named)) };
  const items = schema.items ?? untypedItemsOf(place, entity);
  if (!items) return () => [];
  const makeItem = compileValue(items, itemPlace, entity);
  const min = schema.minItems ?? 0;
  const max = Math.max(min, Math.min(schema.maxItems ?? ARRAY_MAX_ITEMS, ARRAY_MAX_ITEMS));
  return (record, scope) => {
    const length = record.draw.int(min, max);
    const list: unknown[] = [];
    for (let i = 0; i < length; i++) list.push(makeItem(record, scope));
    return list;
  };
}

/** Items for an array the schema leaves without `items`: strings when the name says what they are, else none. */
function untypedItemsOf(place: FieldPlace, entity: EntityContext): JsonSchema | undefined {
  const compact = place.field.compact;
  if (
    /tags|labels|topics|keywords|categories|scopes|ids|emails|locales|types|names|domains|urls|phones|languages/.test(
      compact,
    )
  )
    return { type: 'string' };
  if (entity.connector === 'github' && /assignees|reviewers/.test(compact)) return { type: 'object' };
  return isOwnIdName(place.field) ? { type: 'string' } : undefined;
}
