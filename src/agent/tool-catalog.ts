// What agent tools need of one connector definition, made from the definition document when its tools are first made:
// each entity's actions with their params as plain JSON Schema (refs resolved, the definition's own x- keys left out),
// the params the connector fills from its configuration (`x-scoped-from`), the record's key and top-level field names.
// The package ships the definitions once (dist/connectors/<name>.json), read by the mock, the browser imports and this.
import type { ConnectorDefinitionDocument } from '../../generated/connector-definitions.js';

/** One action of an entity, as an agent's tool takes it. */
export interface ActionToolCatalog {
  /** The params the action takes, as JSON Schema: an object schema, refs resolved. */
  params: { type: 'object'; properties?: Record<string, any>; required?: string[]; [keyword: string]: unknown };
  /** Params the connector fills from its configuration when they are left out (e.g. GitHub's owner and repo). */
  scoped?: string[];
}

/** One entity of a connector: its actions, the field that names a record, a record's top-level fields. */
export interface EntityToolCatalog {
  key: string | null;
  fields: string[];
  actions: Record<string, ActionToolCatalog>;
  /** The fields the context store keeps of the entity, where it keeps it: `context_store_search` queries them. */
  search?: string[];
}

/** What agent tools need of one connector definition. */
export interface ConnectorToolCatalog {
  name: string;
  title: string;
  definitionId: string;
  entities: Record<string, EntityToolCatalog>;
}

type Schema = Record<string, any>;

/** The node a `$ref` (and the one it points at, and so on) ends at. */
function followRef(node: any, doc: Schema, seen = new Set<string>()): any {
  if (typeof node?.$ref !== 'string') return node;
  if (seen.has(node.$ref)) throw new Error(`${node.$ref} refers to itself`);
  seen.add(node.$ref);
  const target = (node.$ref as string)
    .replace(/^#\//, '')
    .split('/')
    .reduce<any>((at, key) => (at && Object.hasOwn(at, key) ? at[key] : undefined), doc);
  if (target === undefined) throw new Error(`Unresolved ${node.$ref}`);
  return followRef(target, doc, seen);
}

/**
 * A copy with `$ref`s followed and `x-` keys left out: a schema any JSON Schema validator and any model reads as it is.
 * A recursive schema is refused (a tool's input cannot refer to itself once its refs are gone).
 */
function plainSchema(node: unknown, doc: Schema, path: readonly string[] = []): any {
  if (Array.isArray(node)) return node.map((item) => plainSchema(item, doc, path));
  if (!node || typeof node !== 'object') return node;
  const ref = (node as Schema).$ref;
  if (typeof ref === 'string') {
    if (path.includes(ref)) throw new Error(`${ref} refers to itself`);
    return plainSchema(followRef(node, doc), doc, [...path, ref]);
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) if (!key.startsWith('x-')) out[key] = plainSchema(value, doc, path);
  return out;
}

/** A default the connector computes when the action runs (`{{ now_utc() ... }}`): no value a caller could send. */
const isTemplate = (value: unknown) => typeof value === 'string' && value.includes('{{');

/** The execute request's own options, which an agent's tool takes beside an action's params. */
const TOOL_OPTIONS = ['select_fields', 'exclude_fields', 'intent'];

interface EntityParts {
  key: string | null;
  fields?: string[];
  actions?: Record<string, ActionToolCatalog>;
}

/** The tool catalog of one connector definition document. Throws on a definition no tool could be made from. */
export function toolCatalogOf(doc: ConnectorDefinitionDocument): ConnectorToolCatalog {
  const head = doc['x-airbyte-connector'];
  const entities: Record<string, EntityParts> = {};
  for (const item of Object.values<Schema>(doc.paths ?? {})) {
    const operation = item.post;
    const where = `${head.name} ${operation.operationId}`;
    const entity = (entities[operation['x-entity']] ??= { key: head.entities?.[operation['x-entity']]?.key ?? null });
    const source = followRef(operation.requestBody.content['application/json'].schema, doc);
    const params = plainSchema(source, doc) as ActionToolCatalog['params'];
    const scoped = Object.entries<unknown>(source.properties ?? {})
      .filter(([, schema]) => followRef(schema, doc)['x-scoped-from'])
      .map(([name]) => name);
    for (const option of TOOL_OPTIONS)
      if (Object.hasOwn(params.properties ?? {}, option))
        throw new Error(`${where}: a param named ${option} would collide with the execute option of that name`);
    // What the connector fills when it is left out is not the caller's to send: params scoped from its configuration,
    // and params with a default (Google Drive's `alt: media`; a date the connector computes).
    const filled = (name: string) => scoped.includes(name) || params.properties?.[name]?.default !== undefined;
    if (params.required) {
      params.required = params.required.filter((name) => !filled(name));
      if (params.required.length === 0) delete params.required;
    }
    for (const schema of Object.values<Schema>(params.properties ?? {}))
      if (isTemplate(schema.default)) {
        delete schema.default;
        schema.description = 'Computed by the connector when left out (e.g. from the current date).';
      }
    const action: ActionToolCatalog = { params };
    if (scoped.length > 0) action.scoped = scoped;
    (entity.actions ??= {})[operation['x-action']] = action;
    if (!entity.fields) {
      const json = operation.responses['200'].content['application/json'];
      const result = json ? plainSchema(json.schema, doc).properties?.result : null;
      const record = operation['x-record']
        ? plainSchema(operation['x-record'], doc)
        : result?.type === 'array'
          ? result.items
          : result;
      if (record?.properties && operation['x-action'] !== 'download') entity.fields = Object.keys(record.properties);
    }
  }
  const catalog: ConnectorToolCatalog = {
    name: head.name,
    title: head.title,
    definitionId: head.definitionId,
    entities: {},
  };
  // Entities as the definition's head lists them; `search`: the fields the context store keeps of an entity, where it
  // keeps any (context_store_search queries them).
  for (const name of Object.keys(head.entities ?? entities)) {
    const stored = Object.keys(head.entities?.[name]?.contextStore?.fields ?? {});
    // An entity with no action of its own can still be searched in the context store (Intercom's conversation parts).
    const entity: EntityParts | undefined =
      entities[name] ?? (stored.length ? { key: head.entities[name].key ?? null, actions: {} } : undefined);
    if (!entity) continue;
    catalog.entities[name] = {
      key: entity.key,
      fields: entity.fields ?? [],
      actions: entity.actions ?? {},
      ...(stored.length ? { search: stored } : {}),
    };
  }
  return catalog;
}
