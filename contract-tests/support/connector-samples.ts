// Requests a caller of any agent connector would make, built from the connector's definition: a connector's create
// body (its first credentials option, every replication-config key), an action's required params (from a record where
// the record has the field) and a small page size. Shared by the engine suite, the client suite and the bench.
import type { ActionDefinition, ConnectorDefinition, JsonSchema } from '../../mocks/connectors/definitions.js';
import type { Dataset } from '../../mocks/execute/dataset.js';
import { SEARCH_TEXT_PARAMS } from '../../mocks/execute/engine.js';
import { relationsOf } from '../../mocks/execute/relations.js';
import { validatorOf } from '../../mocks/execute/schemas.js';

type Row = Record<string, unknown>;

/** A value a schema accepts: its enum's first, its default, else one of its type. */
export function sampleValue(schema: JsonSchema, name: string): unknown {
  if (schema.enum) return schema.enum.find((v: unknown) => v !== null);
  if (schema.default !== undefined) return schema.default;
  if (schema.anyOf) return sampleValue(schema.anyOf[0], name);
  const type = [schema.type ?? 'string'].flat().find((t: string) => t !== 'null');
  switch (type) {
    case 'integer':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    case 'array':
      return schema.items?.enum ? [schema.items.enum[0]] : [sampleValue(schema.items ?? { type: 'string' }, name)];
    case 'object':
      return {};
    default:
      if (schema.format === 'date-time') return '2026-01-01T00:00:00Z';
      if (schema.format === 'date') return '2026-01-01';
      if (schema.format === 'email') return 'ada@example.com';
      return `${name}-value`;
  }
}

/** A replication config with every key the definition names (GitHub's repositories as `owner/repo`). */
export function replicationConfigOf(definition: ConnectorDefinition): Row {
  const config: Row = {};
  for (const [key, schema] of Object.entries<JsonSchema>(definition.replicationConfig?.properties ?? {}))
    config[key] = sampleValue(schema, key);
  if (definition.name === 'github') config.repositories = ['airbytehq/airbyte'];
  return config;
}

/** A create body for one connector of the definition, with credentials in the auth option's own keys. */
export function createBody(definition: ConnectorDefinition, workspace = 'default') {
  const option = definition.credentials[0]!;
  return {
    workspace_name: workspace,
    definition_id: definition.definitionId,
    name: `${definition.title} (sample)`,
    credentials: Object.fromEntries(option.fields.required.map((key) => [key, `${key}-sample`])),
    replication_config: replicationConfigOf(definition),
  };
}

/**
 * The params an action requires: the record's value where the record has the field (as the param types it), a parent's
 * key where the param names a parent (the record's own parent, from the dataset), else a sample.
 */
export function requiredParams(
  definition: ConnectorDefinition,
  action: ActionDefinition,
  record: Row | undefined,
  dataset?: Dataset,
): Row {
  const params: Row = {};
  const links = new Map(
    relationsOf(definition)
      .linksOf(action)
      .map((l) => [l.param, l]),
  );
  const config = replicationConfigOf(definition);
  const scoped = new Set(definition.scoping.filter((s) => Object.hasOwn(config, s.config_key)).map((s) => s.param));
  const key = action.key ?? definition.entities.get(action.entity)!.actions.get('get')?.key ?? null;
  for (const name of action.params.required ?? []) {
    if (scoped.has(name)) continue;
    const schema = action.params.properties[name] as JsonSchema;
    const link = links.get(name);
    const parent =
      link && dataset ? (record ? dataset.ancestorOf(record, link.parent) : dataset.get(link.parent)?.[0]) : undefined;
    const fromRecord = parent
      ? link!.parentFields.map((f) => parent[f]).find((v) => v !== undefined && v !== null)
      : key && key.param === name
        ? record?.[key.field]
        : record?.[name];
    // An integer id looked up by a string param, and back.
    const candidates =
      fromRecord === undefined || fromRecord === null || typeof fromRecord === 'object'
        ? []
        : [fromRecord, String(fromRecord), Number(fromRecord)];
    const fitting = candidates.find((value) => validatorOf(schema)(value));
    params[name] = fitting !== undefined ? fitting : sampleValue(schema, name);
  }
  return params;
}

/** A small page size (7 unless said) where the list takes one, so that walking it takes several pages. */
export function smallPage(action: ActionDefinition, wanted = 7): Row {
  const size = action.paging?.size;
  if (!size || action.paging?.style === 'none') return {};
  const schema = action.params.properties[size] as JsonSchema;
  return {
    [size]: Math.max(
      typeof schema.minimum === 'number' ? schema.minimum : 1,
      Math.min(wanted, typeof schema.maximum === 'number' ? schema.maximum : wanted),
    ),
  };
}

/** Whether an action's params narrow its records (a param naming a record field or a parent, or a search text). */
export function narrows(
  params: Row,
  record: Row | undefined,
  definition?: ConnectorDefinition,
  action?: ActionDefinition,
): boolean {
  const parents = new Set(
    definition && action
      ? relationsOf(definition)
          .linksOf(action)
          .map((l) => l.param)
      : [],
  );
  return Object.keys(params).some(
    (p) =>
      parents.has(p) ||
      (record && Object.hasOwn(record, p) && params[p] !== '') ||
      (SEARCH_TEXT_PARAMS.includes(p) && typeof params[p] === 'string'),
  );
}
