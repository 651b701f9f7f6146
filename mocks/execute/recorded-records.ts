// The records a recording's execute answers hold, for one connector (`mock --replay`): per entity, each record once by
// the entity's key (the whole record where the entity has none), in the order first seen, later sightings merged in
// (a get's fuller record, an update); creates, updates and deletes applied in order; each record with the parents its
// request named (a ClickUp team's spaces: `team_id`). A parent never recorded itself is made, one generated record with
// the key named, so that the walk from it to its children still works. Out: a DatasetSnapshot, as a state file keeps.
import type { ActionDefinition, ConnectorDefinition, EntityDefinition, JsonSchema } from '../connectors/definitions.js';
import { type DatasetSnapshot, entityRecordSchema, isSingleton, isWriteEnvelope } from './dataset.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../pipeline/limits.js';
import type { Row } from './query.js';
import { hashText, mixSeeds } from './record-fields/fake-values.js';
import { generateRecords } from './record-generator.js';
import { type ParentLink, relationsOf } from './relations.js';

/**
 * Why a recorded call gave no records (or not all): its entity or action the definition lacks, an answer of some
 * fields only, records nested deeper than a record goes.
 */
export type RecordedSkip = 'unknown' | 'partial' | 'too deep';

interface Kept {
  record: Row;
  /** Parent entity -> the parent the request named (the first request that named one). */
  parents: Map<string, { link: ParentLink; value: string }> | null;
}

const isObject = (value: unknown): value is Row => value !== null && typeof value === 'object' && !Array.isArray(value);
const own = (row: Row, name: string) => (Object.hasOwn(row, name) ? row[name] : undefined);
const isScalar = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
const hasItems = (value: unknown) => Array.isArray(value) && value.length > 0;

export class RecordedRecords {
  private readonly entities = new Map<string, Map<string, Kept>>();
  /** Whether the call being added held a record too deep to keep. */
  private tooDeep = false;

  constructor(
    readonly definition: ConnectorDefinition,
    readonly seed: number,
  ) {}

  /** How many records are kept. */
  get size(): number {
    let size = 0;
    for (const kept of this.entities.values()) size += kept.size;
    return size;
  }

  /**
   * One execute call as recorded (`{entity, action, params, ...}`) and its answer's `result`. Context-store searches
   * answer stored fields only, and answers asked for some fields or cut short are not whole records: none is taken.
   */
  add(call: Row, result: unknown): RecordedSkip | undefined {
    const entity = typeof call.entity === 'string' ? this.definition.entities.get(call.entity) : undefined;
    const actionName = typeof call.action === 'string' ? call.action : '';
    if (entity && (actionName === 'context_store_search' || actionName === 'search') && entity.contextStore)
      return undefined;
    const action = entity?.actions.get(actionName);
    if (!entity || !action) return 'unknown';
    const params = isObject(call.params) ? call.params : {};
    if (action.action === 'delete') {
      this.remove(entity, action.key, params);
      return undefined;
    }
    if (
      hasItems(call.select_fields) ||
      hasItems(call.exclude_fields) ||
      hasItems(own(params, 'fields')) ||
      call.skip_truncation === false
    )
      return 'partial';
    const named = this.parentsNamed(action, params);
    this.tooDeep = false;
    switch (action.action) {
      case 'list':
      case 'api_search': {
        const records = Array.isArray(result) ? result : isObject(result) ? own(result, 'data') : undefined;
        if (Array.isArray(records)) for (const record of records) this.keep(entity, record, named);
        break;
      }
      case 'get':
        this.keep(entity, result, named);
        break;
      case 'create':
      case 'update':
        // Only an answer that is the record itself (Linear's `{success, issue}` envelope is not).
        if (!isWriteEnvelope(action, entity)) this.keep(entity, result, named);
        break;
    }
    return this.tooDeep ? 'too deep' : undefined;
  }

  /** The params of an action that name a parent record, with their values, as the dataset reads them (relations.ts). */
  private parentsNamed(action: ActionDefinition, params: Row) {
    const named: { link: ParentLink; value: string }[] = [];
    for (const link of relationsOf(this.definition).linksOf(action)) {
      const value = own(params, link.param);
      if (!isScalar(value) || value === '') continue;
      const text = String(value);
      // A type rather than a record (HubSpot's `objectType: "contacts"`).
      if (this.definition.entities.has(text) && text !== link.parent) continue;
      named.push({ link, value: text });
    }
    return named;
  }

  private keyOf(entity: EntityDefinition, record: Row): string {
    const key = entity.key === null ? undefined : own(record, entity.key);
    if (isScalar(key)) return `k${String(key)}`;
    return isSingleton(entity) ? 'one' : `j${JSON.stringify(record)}`;
  }

  private keep(entity: EntityDefinition, record: unknown, named: { link: ParentLink; value: string }[]): void {
    if (!isObject(record)) return;
    // Served, cloned and validated by code that recurses: a record nests no deeper than a request body may.
    if (nestsDeeperThan(record, MAX_JSON_DEPTH)) {
      this.tooDeep = true;
      return;
    }
    let kept = this.entities.get(entity.name);
    if (!kept) this.entities.set(entity.name, (kept = new Map()));
    const key = this.keyOf(entity, record);
    const seen = kept.get(key);
    // Spread, not assignment: a `__proto__` key of the recording stays a plain field.
    if (seen) seen.record = { ...seen.record, ...record };
    else kept.set(key, { record, parents: null });
    const entry = seen ?? kept.get(key)!;
    for (const parent of named) {
      entry.parents ??= new Map();
      if (!entry.parents.has(parent.link.parent)) entry.parents.set(parent.link.parent, parent);
    }
  }

  private remove(entity: EntityDefinition, key: { param: string; field: string } | null, params: Row): void {
    const value = key ? own(params, key.param) : undefined;
    const kept = this.entities.get(entity.name);
    if (!kept || !key || !isScalar(value)) return;
    const fields = [key.field];
    if (/(OrKey|_or_key)$/.test(key.param)) fields.push('key');
    if (/(OrName|_or_name)$/.test(key.param)) fields.push('name');
    const text = String(value);
    for (const [at, { record }] of kept)
      if (fields.some((f) => isScalar(own(record, f)) && String(own(record, f)) === text)) {
        kept.delete(at);
        return;
      }
  }

  /** The records as a dataset restores them: each entity's records, their parents by index, all of them as seeded. */
  snapshot(): DatasetSnapshot {
    const rows = new Map<string, Row[]>();
    for (const [name, kept] of this.entities)
      rows.set(
        name,
        Array.from(kept.values(), (k) => k.record),
      );
    const recorded = [...rows.keys()].filter((name) => rows.get(name)!.length > 0);
    // Per entity and field, the first record holding each value: parents are looked up by the key their child named.
    const indexes = new Map<string, Map<string, Map<string, number>>>();
    const indexOf = (entity: string, field: string) => {
      let byField = indexes.get(entity);
      if (!byField) indexes.set(entity, (byField = new Map()));
      let index = byField.get(field);
      if (!index) {
        byField.set(field, (index = new Map()));
        (rows.get(entity) ?? []).forEach((record, i) => {
          const value = own(record, field);
          if (isScalar(value) && !index!.has(String(value))) index!.set(String(value), i);
        });
      }
      return index;
    };
    const find = (entity: string, fields: string[], value: string) => {
      for (const field of fields) {
        const at = indexOf(entity, field).get(value);
        if (at !== undefined) return at;
      }
      return undefined;
    };
    const links = new Map<Row, Record<string, number>>();
    for (const kept of this.entities.values())
      for (const { record, parents } of kept.values()) {
        if (!parents) continue;
        const link: Record<string, number> = {};
        for (const { link: named, value } of parents.values()) {
          let entity = named.parent;
          let at = find(entity, named.parentFields, value);
          if (at === undefined && named.alsoParent) {
            at = find(named.alsoParent, ['id', 'key'], value);
            if (at !== undefined) entity = named.alsoParent;
          }
          if (at === undefined) at = this.makeParent(entity, named.parentFields, value, rows, indexes);
          link[entity] = at;
        }
        links.set(record, link);
      }
    const entities = [...rows.entries()];
    return {
      entities,
      parents: entities.map(([name, records]) => [name, records.map((record) => links.get(record) ?? null)]),
      seeded: entities.map(([name, records]) => [name, records.map((_, i) => i)]),
      recorded,
    };
  }

  /**
   * A parent the recording named but never showed (a team whose spaces were listed, teams never): one generated
   * record of its entity with the named key, added to the entity's records; its index.
   */
  private makeParent(
    name: string,
    fields: string[],
    value: string,
    rows: Map<string, Row[]>,
    indexes: Map<string, Map<string, Map<string, number>>>,
  ): number {
    const entity = this.definition.entities.get(name)!;
    const schema: JsonSchema = entityRecordSchema(entity) ?? { type: 'object', properties: {} };
    const [record] = generateRecords({
      connector: this.definition.name,
      entity: name,
      schema,
      count: 1,
      seed: mixSeeds(this.seed >>> 0, hashText(`${name}\u0000${value}`)),
    });
    const typesOf = (field: string) => [schema.properties?.[field]?.type].flat().filter(Boolean);
    const numeric = /^-?\d+(\.\d+)?$/.test(value);
    const accepts = (field: string) => {
      const types = typesOf(field);
      return types.length === 0 || types.includes('string') || (numeric && types.some((t) => /integer|number/.test(t)));
    };
    const field = fields.find(accepts) ?? fields[0] ?? 'id';
    const types = typesOf(field);
    record![field] = types.length === 0 || types.includes('string') ? value : Number(value);
    let list = rows.get(name);
    if (!list) rows.set(name, (list = []));
    const at = list.push(record!) - 1;
    for (const [indexed, index] of indexes.get(name) ?? []) {
      const held = own(record!, indexed);
      if (isScalar(held) && !index.has(String(held))) index.set(String(held), at);
    }
    return at;
  }
}
