// The records one connector serves: for each readable entity of its definition, 25 to 32 records generated from the
// entity's record schema (one for a singleton such as GitHub's `viewer`), deterministic for the seed, built when the
// connector is first executed. Related entities agree: a foreign key takes the values of the key it points to, so
// GitHub comments belong to issues that exist.
import type { ConnectorDefinition, EntityDefinition, JsonSchema } from '../connectors/definitions.js';
import type { Row } from './query.js';
import { hashText } from './record-fields/fake-values.js';
import { generateRecords } from './record-generator.js';

export type Dataset = Map<string, Row[]>;

const READ_ACTIONS = ['list', 'get', 'api_search'];

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

/** An entity with records to serve: a list, a get or a search, or a download of something its records describe. */
export const isReadable = (entity: EntityDefinition) =>
  READ_ACTIONS.some((a) => entity.actions.has(a)) ||
  (entity.actions.has('download') && entityRecordSchema(entity) !== null);

/** An entity that is one record (GitHub `viewer`, Stripe `balance`): a get without a key and no list. */
export const isSingleton = (entity: EntityDefinition) =>
  !entity.actions.has('list') && !entity.actions.has('api_search') && entity.actions.get('get')?.key === null;

export function buildDataset(definition: ConnectorDefinition, seed: number): Dataset {
  const dataset: Dataset = new Map();
  const building = new Set<string>();
  const build = (entity: EntityDefinition): Row[] => {
    const done = dataset.get(entity.name);
    if (done) return done;
    building.add(entity.name);
    const references = definition.relationships
      .filter(
        (r) =>
          r.source_entity === entity.name && !building.has(r.target_entity) && definition.entities.has(r.target_entity),
      )
      .map((r) => {
        const values = build(definition.entities.get(r.target_entity)!)
          .map((row) => row[r.target_key])
          .filter((v) => v !== undefined && v !== null);
        // The key as this entity types it (ClickUp's workspace_id is a number here, a string there).
        const integer = [entityRecordSchema(entity)?.properties?.[r.foreign_key]?.type].flat().includes('integer');
        return { field: r.foreign_key, values: integer ? values.map(Number).filter(Number.isFinite) : values };
      });
    const schema = entityRecordSchema(entity) ?? { type: 'object', properties: {} };
    // The key takes the type callers look it up with (the get's param), else the record field's.
    const lookup = entity.actions.get('get')?.key;
    const paramType = lookup
      ? [entity.actions.get('get')!.params.properties?.[lookup.param]?.type].flat().find((t) => t && t !== 'null')
      : undefined;
    const fieldType = entity.key ? [schema.properties?.[entity.key]?.type].flat().filter((t) => t && t !== 'null') : [];
    const keyType = entity.key ? (fieldType.length === 1 ? fieldType[0] : (paramType ?? 'string')) : undefined;
    const count = isSingleton(entity) ? 1 : 25 + (hashText(`${definition.name}/${entity.name}`) % 8);
    const records = generateRecords({
      connector: definition.name,
      entity: entity.name,
      schema,
      count,
      seed,
      ...(entity.key ? { key: { field: entity.key, type: keyType === 'integer' ? 'integer' : 'string' } } : {}),
      references,
    });
    // A foreign key held inside an object (Asana `workspace: {gid, name}`) points by the target's key inside it.
    for (const relation of definition.relationships.filter((r) => r.source_entity === entity.name)) {
      const property = schema.properties?.[relation.foreign_key];
      const types = [property?.type].flat();
      if (!property || !types.includes('object')) continue;
      for (const record of records) {
        const value = record[relation.foreign_key];
        if (value !== null && typeof value !== 'object')
          record[relation.foreign_key] = { ...(property.properties ? {} : {}), [relation.target_key]: value };
      }
    }
    // A text key looked up by a number (Zendesk Chat `shortcut_id`): numeric text, so both forms find it.
    if (entity.key && keyType === 'string' && paramType === 'integer')
      records.forEach((record, i) => {
        record[entity.key!] = String(1001 + i);
      });
    dataset.set(entity.name, records);
    building.delete(entity.name);
    return records;
  };
  for (const entity of definition.entities.values()) if (isReadable(entity)) build(entity);
  // Write-only entities (Stripe `invoice_sends`) start empty; their creates are kept.
  for (const entity of definition.entities.values()) if (!dataset.has(entity.name)) dataset.set(entity.name, []);
  return dataset;
}
