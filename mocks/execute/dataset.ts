// The records one connector serves: for each readable entity of its definition, 25 to 32 records (or `records` of
// them, when the mock is asked for more) generated from the entity's record schema (one for a singleton such as
// GitHub's `viewer`), deterministic for the seed, each entity built when it is first read. Related entities agree: a
// foreign key takes the values of the key it points to, and a child belongs to a parent that exists (relations.ts),
// every parent having at least one: a ClickUp team's spaces, a space's folders, down to the tasks of a list.
import type { ActionDefinition, ConnectorDefinition, EntityDefinition, JsonSchema } from '../connectors/definitions.js';
import type { Row } from './query.js';
import { hashText, mixSeeds } from './record-fields/fake-values.js';
import { typesOf } from './record-fields/compile-schema.js';
import { recordsMadeWhenRead } from './records-made-when-read.js';
import { recordStream } from './record-generator.js';
import { type ParentLink, READ_ACTIONS, relationsOf } from './relations.js';

/** The service's API origin, for the next-page links connectors answer (record URLs use the service's web host). */
export function upstreamOrigin(definition: ConnectorDefinition): string {
  const known: Record<string, string> = {
    github: 'https://api.github.com',
    stripe: 'https://api.stripe.com',
    hubspot: 'https://api.hubapi.com',
    salesforce: 'https://example.my.salesforce.com',
    'zendesk-support': 'https://example.zendesk.com',
    'zendesk-talk': 'https://example.zendesk.com',
    'zendesk-chat': 'https://www.zopim.com',
    freshdesk: 'https://example.freshdesk.com',
    jira: 'https://example.atlassian.net',
    confluence: 'https://example.atlassian.net',
    gitlab: 'https://gitlab.com',
    shopify: 'https://example.myshopify.com',
    woocommerce: 'https://shop.example.com',
    linear: 'https://api.linear.app',
    notion: 'https://api.notion.com',
  };
  return known[definition.name] ?? `https://api.${definition.name.replace(/-.*$/, '')}.com`;
}

/** One schema for an entity's records: the properties of every read action's record, so a record fits each of them. */
const mergedSchemas = new WeakMap<EntityDefinition, JsonSchema | null>();

export function entityRecordSchema(entity: EntityDefinition): JsonSchema | null {
  if (!mergedSchemas.has(entity)) mergedSchemas.set(entity, mergeRecordSchemas(entity));
  return mergedSchemas.get(entity)!;
}

function mergeRecordSchemas(entity: EntityDefinition): JsonSchema | null {
  // The get's record first (the fullest shape), then the others' fields it lacks.
  const ordered = [...entity.actions.values()].sort((a, b) => Number(b.action === 'get') - Number(a.action === 'get'));
  const schemas = ordered
    .filter((a) => !isWriteEnvelope(a, entity))
    .map((a) => a.record)
    .filter((s): s is JsonSchema => s !== null && typeof s === 'object' && s.properties);
  if (schemas.length === 0) return null;
  const properties: Record<string, JsonSchema> = {};
  const required = new Set<string>();
  for (const schema of schemas) {
    for (const [name, property] of Object.entries<JsonSchema>(schema.properties)) properties[name] ??= property;
    for (const name of schema.required ?? []) required.add(name);
  }
  return { type: 'object', required: [...required], properties };
}

/**
 * Whether a write answers an envelope around the record rather than the record (Linear's `{success, issue}`, Pylon's
 * `{data, request_id}`, Zoho's `{data: [{details: {id}}]}`): its record shares no field with the entity's reads.
 */
export function isWriteEnvelope(action: ActionDefinition, entity: EntityDefinition): boolean {
  if (READ_ACTIONS.includes(action.action) || !action.record?.properties) return false;
  const read = new Set(READ_ACTIONS.flatMap((a) => Object.keys(entity.actions.get(a)?.record?.properties ?? {})));
  return read.size > 0 && Object.keys(action.record.properties).every((field) => !read.has(field));
}

/** An entity with records to serve: a list, a get or a search, or a download of something its records describe. */
export const isReadable = (entity: EntityDefinition) =>
  READ_ACTIONS.some((a) => entity.actions.has(a)) ||
  (entity.actions.has('download') && entityRecordSchema(entity) !== null);

/** An entity that is one record (GitHub `viewer`, Stripe `balance`): a get without a key and no list. */
export const isSingleton = (entity: EntityDefinition) =>
  !entity.actions.has('list') && !entity.actions.has('api_search') && entity.actions.get('get')?.key === null;

/** How many records a listable entity holds when nothing says otherwise: 25 to 32, by connector and entity. */
const defaultCount = (definition: ConnectorDefinition, entity: EntityDefinition) =>
  25 + (hashText(`${definition.name}/${entity.name}`) % 8);

export interface DatasetOptions {
  /** Records each listable entity holds (at least one per parent record). Default 25 to 32. */
  records?: number;
}

/** A parent an action's param names: the record, its entity, and the field and value it was named by. */
export interface NamedParent {
  link: ParentLink;
  entity: string;
  parent: Row;
  field: string;
  value: string;
}

/** A dataset as a state file keeps it: each built entity's records, and each record's parents by their index. */
export interface DatasetSnapshot {
  entities: [string, Row[]][];
  /** Per entity, per record (same order), its parents: parent entity -> index of the parent record. */
  parents: [string, (Record<string, number> | null)[]][];
  /**
   * Per entity, its records as built, by index (-1: deleted since): children built after a restart are spread over
   * these, as they would have been without it.
   */
  seeded?: [string, number[]][];
  /**
   * Entities whose records came from a recording (`mock --replay`): the service's own answers, served as they are and
   * not checked against the definition's record schema.
   */
  recorded?: string[];
}

/** A seeded record deleted before a snapshot: children spread over it after a restart belong to no listed parent. */
const GONE: Row = Object.freeze({});

/**
 * The records of one connector, entity by entity, each built when first read (its parents first), and each record's
 * parents. `get` is a Map's: the engine and the tests read an entity's records, push and splice them.
 */
export class Dataset {
  private readonly rows = new Map<string, Row[]>();
  /** Per parent entity, each child record's parent record: a table per entity, not a map per record (memory). */
  private readonly parents = new Map<string, WeakMap<Row, Row>>();
  private readonly building = new Set<string>();
  /** Each entity's records as built, before any write: children are spread over these, whenever they are built. */
  private readonly seeded = new Map<string, Row[]>();
  /** Entities whose records a recording holds (DatasetSnapshot.recorded). */
  private readonly recorded = new Set<string>();

  constructor(
    readonly definition: ConnectorDefinition,
    readonly seed: number,
    readonly options: DatasetOptions = {},
  ) {}

  /** A dataset as a snapshot left it; entities it never built are built as they are read. */
  static restore(
    definition: ConnectorDefinition,
    seed: number,
    snapshot: DatasetSnapshot,
    options?: DatasetOptions,
  ): Dataset {
    const dataset = new Dataset(definition, seed, options);
    for (const [name, records] of snapshot.entities) if (definition.entities.has(name)) dataset.rows.set(name, records);
    for (const [name, links] of snapshot.parents) {
      const records = dataset.rows.get(name) ?? [];
      links.forEach((link, i) => {
        if (!link || !records[i]) return;
        for (const [parent, index] of Object.entries(link)) {
          // A state file is read as data: only a whole index of a record that is there names a parent.
          const parentRecord = Number.isInteger(index) ? dataset.rows.get(parent)?.[index] : undefined;
          if (parentRecord) dataset.link(records[i], parent, parentRecord);
        }
      });
    }
    for (const [name, indexes] of snapshot.seeded ?? []) {
      const records = dataset.rows.get(name);
      if (records && Array.isArray(indexes))
        dataset.seeded.set(
          name,
          indexes.map((i) => (Number.isInteger(i) && i >= 0 && records[i] ? records[i]! : GONE)),
        );
    }
    for (const name of snapshot.recorded ?? []) if (dataset.rows.has(name)) dataset.recorded.add(name);
    return dataset;
  }

  snapshot(): DatasetSnapshot {
    const entities = [...this.rows.entries()];
    const positions = new Map(entities.map(([name, records]) => [name, new Map(records.map((r, i) => [r, i]))]));
    return {
      entities,
      parents: entities.map(([name, records]) => [
        name,
        records.map((record) => {
          let link: Record<string, number> | null = null;
          for (const [parent, byChild] of this.parents) {
            const parentRecord = byChild.get(record);
            const index = parentRecord && positions.get(parent)?.get(parentRecord);
            if (index !== undefined) (link ??= {})[parent] = index;
          }
          return link;
        }),
      ]),
      seeded: [...this.seeded.entries()].map(([name, records]) => [
        name,
        Array.from(records, (record) => positions.get(name)?.get(record) ?? -1),
      ]),
      ...(this.recorded.size > 0 ? { recorded: [...this.recorded] } : {}),
    };
  }

  /** Whether an entity's records came from a recording: the service's own, not checked against the record schema. */
  isRecorded(name: string): boolean {
    return this.recorded.has(name);
  }

  /** The records of an entity of the connector, built on first read; undefined for an entity it does not have. */
  get(name: string): Row[] | undefined {
    const built = this.rows.get(name);
    if (built) return built;
    const entity = this.definition.entities.get(name);
    if (!entity) return undefined;
    return this.build(entity);
  }

  has(name: string): boolean {
    return this.definition.entities.has(name);
  }

  /** The entities built so far. */
  entries(): IterableIterator<[string, Row[]]> {
    return this.rows.entries();
  }

  [Symbol.iterator](): IterableIterator<[string, Row[]]> {
    return this.rows.entries();
  }

  /** Builds every entity (what a walk over all of them or a comparison of two datasets needs). */
  buildAll(): this {
    for (const name of this.definition.entities.keys()) this.get(name);
    return this;
  }

  /** The record of `ancestor` a record belongs to, directly or through its parents (a task's team, via its list). */
  ancestorOf(record: Row, ancestor: string, depth = 0): Row | undefined {
    if (depth > 8) return undefined;
    const direct = this.parents.get(ancestor)?.get(record);
    if (direct) return direct;
    for (const byChild of this.parents.values()) {
      const parent = byChild.get(record);
      const found = parent && this.ancestorOf(parent, ancestor, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  private link(record: Row, parentEntity: string, parent: Row): void {
    let byChild = this.parents.get(parentEntity);
    if (!byChild) this.parents.set(parentEntity, (byChild = new WeakMap()));
    byChild.set(record, parent);
  }

  /**
   * The parent records an action's params name (a Jira issue by `issueIdOrKey`, by its id or its key), or the first
   * param whose value names none: the service answers that with a not-found, never with an empty list. Parents named
   * together must agree (an Airtable table of the base named, a Facebook campaign of the account named): a deeper one
   * that does not is not found there either.
   */
  parentsNamed(
    action: ActionDefinition,
    params: Row,
  ): { found: NamedParent[]; missing?: undefined } | { missing: { link: ParentLink; value: unknown } } {
    const found: NamedParent[] = [];
    for (const link of relationsOf(this.definition).linksOf(action)) {
      const value = params[link.param];
      if (value === undefined || value === null || value === '') continue;
      const text = String(value);
      // A type rather than a record (HubSpot's `objectType: "contacts"`, one of the connector's own entities).
      if (this.definition.entities.has(text) && text !== link.parent) continue;
      const named = this.recordNamed(link.parent, link.parentFields, text);
      const other = !named && link.alsoParent ? this.recordNamed(link.alsoParent, ['id', 'key'], text) : undefined;
      const hit = named ?? other;
      if (!hit) return { missing: { link, value } };
      found.push({
        link,
        entity: named ? link.parent : link.alsoParent!,
        parent: hit.record,
        field: hit.field,
        value: text,
      });
    }
    for (const deeper of found)
      for (const above of found)
        if (
          above !== deeper &&
          relationsOf(this.definition).isAncestor(above.entity, deeper.entity) &&
          !this.holds(deeper.parent, above)
        )
          return { missing: { link: deeper.link, value: params[deeper.link.param] } };
    return { found };
  }

  /** The record of an entity whose field (the first that matches) holds `text`. */
  private recordNamed(entity: string, fields: string[], text: string): { record: Row; field: string } | undefined {
    for (const record of this.get(entity) ?? []) {
      if (!record || typeof record !== 'object') continue;
      const field = fields.find((f) => record[f] !== undefined && record[f] !== null && String(record[f]) === text);
      if (field) return { record, field };
    }
    return undefined;
  }

  /** Whether a record is one of a named parent's: its ancestor of that entity holds the value named. */
  private holds(record: Row, named: NamedParent): boolean {
    const ancestor = this.ancestorOf(record, named.entity);
    return ancestor !== undefined && String(ancestor[named.field]) === named.value;
  }

  /** Whether a record belongs to every parent named (directly or through its own parents). */
  belongsTo(record: Row, parents: NamedParent[]): boolean {
    return parents.every((named) => this.holds(record, named));
  }

  /** Makes `parent` (a record of entity `parentEntity`) a parent of `record`, and sets the record's own parent fields. */
  attach(entity: EntityDefinition, record: Row, parentEntity: string, parent: Row): void {
    this.link(record, parentEntity, parent);
    for (const link of relationsOf(this.definition).entityLinks(entity.name)) {
      if (!link.childField || (link.parent !== parentEntity && !this.ancestorOf(parent, link.parent))) continue;
      const holder = link.parent === parentEntity ? parent : this.ancestorOf(parent, link.parent)!;
      setParentField(record, link, keyOfParent(holder, link), entityRecordSchema(entity));
    }
  }

  private build(entity: EntityDefinition): Row[] {
    const { definition } = this;
    if (!isReadable(entity) || this.building.has(entity.name)) {
      // Write-only entities (Stripe `invoice_sends`) start empty; their creates are kept.
      const empty: Row[] = [];
      if (!this.building.has(entity.name)) this.rows.set(entity.name, empty);
      return empty;
    }
    this.building.add(entity.name);
    const relations = relationsOf(definition);
    const links = relations.entityLinks(entity.name);
    const linkParams = new Set(links.map((l) => l.param));
    const references = definition.relationships
      .filter(
        (r) =>
          r.source_entity === entity.name &&
          !linkParams.has(r.foreign_key) &&
          !this.building.has(r.target_entity) &&
          definition.entities.has(r.target_entity),
      )
      .map((r) => {
        const values = this.get(r.target_entity)!
          .map((row) => row[r.target_key])
          .filter((v) => v !== undefined && v !== null);
        // The key as this entity types it (ClickUp's workspace_id is a number here, a string there).
        const integer = [entityRecordSchema(entity)?.properties?.[r.foreign_key]?.type].flat().includes('integer');
        return { field: r.foreign_key, values: integer ? values.map(Number).filter(Number.isFinite) : values };
      });
    // The parents each record belongs to: every parent record has a child (the first ones go one to each), the rest
    // are spread by the seed; beside a second parent of its own (Gong coaching: a workspace and a manager) the records
    // go round both, so the first pairs a walk takes have children.
    const parentRows = relations
      .parentsOf(entity.name)
      .filter((p) => !this.building.has(p))
      .map((p) => {
        const current = this.get(p)!;
        return [p, this.seeded.get(p) ?? current] as const;
      })
      .filter(([, rows]) => rows.length > 0);
    const schema = withParamEnums(entity, entityRecordSchema(entity) ?? { type: 'object', properties: {} });
    // The key takes the type callers look it up with (the get's param), else the record field's.
    const lookup = entity.actions.get('get')?.key;
    const paramType = lookup
      ? [entity.actions.get('get')!.params.properties?.[lookup.param]?.type].flat().find((t) => t && t !== 'null')
      : undefined;
    const fieldType = entity.key ? [schema.properties?.[entity.key]?.type].flat().filter((t) => t && t !== 'null') : [];
    const keyType = entity.key ? (fieldType.length === 1 ? fieldType[0] : (paramType ?? 'string')) : undefined;
    const wanted = isSingleton(entity) ? 1 : (this.options.records ?? defaultCount(definition, entity));
    const count = Math.max(wanted, ...parentRows.map(([, rows]) => rows.length));
    const spread = mixSeeds(this.seed >>> 0, hashText(`${definition.name}\u0000${entity.name}\u0000parents`));
    const round = parentRows.length > 1;
    const assignment = parentRows.map(([parent, rows]) => ({
      parent,
      at: (i: number) => rows[i < rows.length || round ? i % rows.length : mixSeeds(spread, i) % rows.length]!,
    }));
    // The parent fields a record has (Zendesk audits' `ticket_id`), from the parent it belongs to or that one's own.
    const holderOf = (link: ParentLink, i: number): Row | undefined => {
      for (const { parent, at } of assignment) {
        if (parent === link.parent) return at(i);
        const above = this.ancestorOf(at(i), link.parent);
        if (above) return above;
      }
      return undefined;
    };
    const fieldLinks = links.filter((l) => l.childField && assignment.length > 0);
    const nestedFieldLinks = fieldLinks.filter((l) => l.childField!.includes('.'));
    const assigned = fieldLinks
      .filter((l) => !l.childField!.includes('.'))
      .map((link) => ({
        field: link.childField!,
        valueAt: (i: number) => {
          const holder = holderOf(link, i);
          return holder ? keyOfParent(holder, link) : undefined;
        },
      }));
    // The values a list's enumerated param reads by go round the records, the default first, so each finds some.
    for (const [field, values] of enumeratedFields(entity, schema))
      assigned.push({ field, valueAt: (i: number) => values[i % values.length] });
    const next = recordStream({
      connector: definition.name,
      entity: entity.name,
      schema,
      count,
      seed: this.seed,
      ...(entity.key ? { key: { field: entity.key, type: keyType === 'integer' ? 'integer' : 'string' } } : {}),
      references,
      assigned,
    });
    // A foreign key held inside an object (Asana `workspace: {gid, name}`) points by the target's key inside it.
    const objectKeys = definition.relationships.filter(
      (r) => r.source_entity === entity.name && [schema.properties?.[r.foreign_key]?.type].flat().includes('object'),
    );
    // A text key looked up by a number (Zendesk Chat `shortcut_id`): numeric text, so both forms find it.
    const numericTextKey = entity.key && keyType === 'string' && paramType === 'integer' ? entity.key : null;
    /** Record `i`, made in order (the stream's next), with what the generator leaves to the dataset. */
    const make = (i: number): Row => {
      const record = next();
      for (const relation of objectKeys) {
        const value = record[relation.foreign_key];
        if (value !== null && typeof value !== 'object')
          record[relation.foreign_key] = { [relation.target_key]: value };
      }
      if (numericTextKey) record[numericTextKey] = String(1001 + i);
      for (const { parent, at } of assignment) this.link(record, parent, at(i));
      // Parent fields inside an object (ClickUp lists' `folder.id`).
      for (const link of nestedFieldLinks) {
        const holder = holderOf(link, i);
        if (holder) setParentField(record, link, keyOfParent(holder, link), schema);
      }
      return record;
    };
    // Many records (`records`) are made as they are first read: a first page costs a page, not the whole entity.
    const { records, seeded } =
      count < MADE_WHEN_READ_FROM
        ? (() => {
            const all = Array.from({ length: count }, (_, i) => make(i));
            return { records: all, seeded: all.slice() };
          })()
        : recordsMadeWhenRead(count, make);
    this.rows.set(entity.name, records);
    this.seeded.set(entity.name, seeded);
    this.building.delete(entity.name);
    return records;
  }
}

/** From how many records an entity's records are made as they are first read rather than all at once. */
const MADE_WHEN_READ_FROM = 2_000;
/** The text fields a list's enumerated param filters (Pylon's `object_type`), with the param's values, default first. */
function enumeratedFields(entity: EntityDefinition, schema: JsonSchema): [string, unknown[]][] {
  const fields: [string, unknown[]][] = [];
  for (const action of entity.actions.values()) {
    if (action.action !== 'list' && action.action !== 'api_search') continue;
    for (const [name, param] of Object.entries<JsonSchema>(action.params.properties ?? {})) {
      if (!param.enum || param.default === undefined) continue;
      const enumerated: unknown[] | undefined = schema.properties?.[name]?.enum;
      if (!enumerated?.includes(param.default) || fields.some(([f]) => f === name)) continue;
      fields.push([name, [param.default, ...enumerated.filter((v) => v !== param.default && v !== null)]]);
    }
  }
  return fields;
}

/**
 * The record schema with the values a list's enumerated param filters a text field by (Pylon's custom fields by
 * `object_type: issue|account|contact`): records hold those values, so that each choice, the default first, finds some.
 */
function withParamEnums(entity: EntityDefinition, schema: JsonSchema): JsonSchema {
  let properties: Record<string, JsonSchema> | null = null;
  for (const action of entity.actions.values()) {
    if (action.action !== 'list' && action.action !== 'api_search') continue;
    for (const [name, param] of Object.entries<JsonSchema>(action.params.properties ?? {})) {
      const values = (param.enum ?? param.items?.enum)?.filter((v: unknown) => typeof v === 'string');
      const field = param.enum ? name : name.replace(/s$/, '');
      const property = (properties ?? schema.properties)?.[field] as JsonSchema | undefined;
      if (!values?.length || !property || property.enum || !typesOf(property).types.every((t) => t === 'string'))
        continue;
      const changed: Record<string, JsonSchema> = properties ?? { ...schema.properties };
      changed[field] = { ...property, type: 'string', enum: values };
      properties = changed;
    }
  }
  return properties ? { ...schema, properties } : schema;
}

/** The value of a parent record a child keeps and a caller names it by: the link's first field the record has. */
function keyOfParent(parent: Row, link: ParentLink): unknown {
  for (const field of link.parentFields)
    if (parent[field] !== undefined && parent[field] !== null) return parent[field];
  return undefined;
}

/** Sets a child's own parent field (`ticket_id`, `folder.id`) to the parent's key, as the field's schema types it. */
function setParentField(record: Row, link: ParentLink, value: unknown, schema: JsonSchema | null): void {
  if (value === undefined || !link.childField) return;
  const [outer, inner] = link.childField.split('.') as [string, string | undefined];
  const property = schema?.properties?.[outer] as JsonSchema | undefined;
  if (inner) {
    const current = record[outer];
    const object = current && typeof current === 'object' && !Array.isArray(current) ? (current as Row) : {};
    const innerTypes = [property?.properties?.[inner]?.type].flat();
    object[inner] = innerTypes.includes('integer') && !innerTypes.includes('string') ? Number(value) : String(value);
    record[outer] = object;
    return;
  }
  const types = [property?.type].flat();
  if (types.includes('object') && typeof value !== 'object') {
    const current = record[outer];
    const object = current && typeof current === 'object' && !Array.isArray(current) ? (current as Row) : {};
    const idField = Object.keys(property?.properties ?? {}).find((k) => /^(id|gid|Id|key|sid)$/.test(k)) ?? 'id';
    object[idField] = value;
    record[outer] = object;
  } else if (types.includes('integer') && !types.includes('string')) record[outer] = Number(value);
  else if (types.includes('string') && !types.includes('integer')) record[outer] = String(value);
  else record[outer] = value;
}

/** The connector's records, each entity built when first read. */
export function buildDataset(definition: ConnectorDefinition, seed: number, options?: DatasetOptions): Dataset {
  return new Dataset(definition, seed, options);
}
