// The relation resolver: which params of an action name a parent record (a Jira issue's comments are listed by
// `issueIdOrKey`, ClickUp spaces by `team_id`), built once per connector from its definition. A param names a parent
// when a relationship of the definition says so, else when its name does (`team_id` → `teams`, `AccountSid` →
// `accounts`, `fileId` → `files`), else when the upstream path puts it after the parent's segment
// (`/issues/{id}/messages` → `issues`). The dataset gives each record its parents from this; the engine scopes lists,
// gets and writes by it. Nothing here is per connector.
import type { ActionDefinition, ConnectorDefinition, EntityDefinition, JsonSchema } from '../connectors/definitions.js';
import { typesOf as schemaTypes } from './record-fields/compile-schema.js';
import { nameOf, singular } from './record-fields/field-kinds.js';

export interface ParentLink {
  /** The action's param that names the parent. */
  param: string;
  /** The parent entity. */
  parent: string;
  /** The parent record's fields a value of the param may name it by, the usual one first (`id`, then `key`). */
  parentFields: string[];
  /** The child record's own field that holds the parent's key (`ticket_id`, `folder.id`), where it has one. */
  childField: string | null;
  /** Why this param names that parent: a relationship of the definition, the param's name, or the upstream path. */
  from: 'relationship' | 'name' | 'path';
  /**
   * Another entity whose records the param may name too, the one its own name speaks of (Notion's `block_id` names a
   * page, or a block: its children are listed by it as well).
   */
  alsoParent?: string;
}

export interface Relations {
  /** The params of an action that name a parent record. */
  linksOf(action: ActionDefinition): ParentLink[];
  /**
   * The entities an entity's records belong to directly: every parent its actions name, less those that are an
   * ancestor of another (Airtable records belong to a table, and through it to a base).
   */
  parentsOf(entity: string): string[];
  /** Every parent link an entity's actions name, one per param (what the records' own parent fields are set from). */
  entityLinks(entity: string): ParentLink[];
  /** Whether `ancestor` is reached from `entity` by its parents (the entity itself is not its own ancestor). */
  isAncestor(ancestor: string, entity: string): boolean;
}

/** The actions that read an entity's records. */
export const READ_ACTIONS = ['list', 'get', 'api_search'];

const cache = new WeakMap<ConnectorDefinition, Relations>();

export function relationsOf(definition: ConnectorDefinition): Relations {
  let relations = cache.get(definition);
  if (!relations) cache.set(definition, (relations = buildRelations(definition)));
  return relations;
}

/** Suffixes that make a param a reference to something: `_id`, `Id`, `IdOrKey`, `_gid`, Twilio's `Sid`. */
const REFERENCE_SUFFIX =
  /(_id_or_name|_id_or_key|IdOrKey|IdOrName|_gid|_iid|_id|Id|ID|Gid|Sid|_sid|_slug|_number|_key|_hash|_urn)$/;

const compact = (text: string) => text.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
/** The non-null types a schema allows (none for an absent schema). */
const typesOf = (schema: JsonSchema | undefined): string[] => (schema ? schemaTypes(schema).types : []);
const isScalar = (schema: JsonSchema | undefined) =>
  typesOf(schema).length > 0 && typesOf(schema).every((t) => t === 'string' || t === 'integer');

/** The entity a name speaks of (`team` → `teams`, `account` → `ad_accounts`, `variant` → `product_variants`). */
function entityNamed(stem: string, entities: Map<string, EntityDefinition>, child: string): string | undefined {
  const wanted = singular(compact(stem));
  if (wanted.length < 2) return undefined;
  const names = [...entities.keys()].filter((name) => name !== child);
  const exact = names.find((name) => singular(compact(name)) === wanted);
  if (exact) return exact;
  // An entity whose last words are the name (`ad_accounts` for `account`); where several are, the one the child's own
  // name holds (`metafield_smart_collections` speaks of `smart_collections`).
  const ending = names.filter((name) => {
    const words = nameOf(name).words;
    return words.length > 1 && singular(words.at(-1)!) === wanted;
  });
  if (ending.length === 1) return ending[0];
  return ending.find((name) => compact(child).includes(compact(name)));
}

/** The segment an upstream path puts before `{param}`: `/tickets/{ticket_id}/comments.json` → `tickets`. */
function pathSegmentBefore(path: string, param: string): string | undefined {
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  if (at < 1) return undefined;
  const before = segments[at - 1]!;
  return /^[A-Za-z][\w-]*$/.test(before) ? before : undefined;
}

function buildRelations(definition: ConnectorDefinition): Relations {
  const { entities } = definition;
  const scoped = new Set(definition.scoping.map((s) => s.param));
  const byAction = new Map<ActionDefinition, ParentLink[]>();
  // Only an entity whose records the mock serves can be a parent: a key of a write-only one (Pylon `projects`) is the
  // caller's to know, never an unknown id.
  const readable = (name: string) => READ_ACTIONS.some((a) => entities.get(name)?.actions.has(a) === true);

  /** The record field of that name, or of the same words in another case (Twilio's `account_sid` for `AccountSid`). */
  const recordField = (entity: EntityDefinition, name: string): string | undefined => {
    for (const action of entity.actions.values()) {
      const fields = Object.keys(action.record?.properties ?? {});
      const found = fields.find((f) => f === name) ?? fields.find((f) => compact(f) === compact(name));
      if (found) return found;
    }
    return undefined;
  };

  /** The child's field that holds the parent's key: the param's own name, else an object named after the parent. */
  function childFieldOf(
    entity: EntityDefinition,
    param: string,
    foreignKey: string,
    parent: string,
    targetKey: string | null,
  ): string | null {
    for (const wanted of [foreignKey, param]) {
      const name = recordField(entity, wanted);
      // The record's own key (Pylon's messages listed by their issue's `id`; a Slack reply's own `ts`, which shares the
      // parent message's key name) is never its parent's.
      if (!name || name === entity.key || /^(id|Id|ID|gid|sid)$/.test(name)) continue;
      if (name === targetKey && entity.key === null) continue;
      // An object field (Asana `parent: {gid, resource_type}`) holds the key inside it.
      const property = [...entity.actions.values()]
        .map((a) => a.record?.properties?.[name])
        .find(Boolean) as JsonSchema;
      const inner = typesOf(property).includes('object')
        ? Object.keys(property.properties ?? {}).find((k) => /^(id|gid)$/.test(k))
        : undefined;
      return inner ? `${name}.${inner}` : name;
    }
    const word = singular(compact(parent.split('_').at(-1)!));
    for (const action of entity.actions.values()) {
      const property = action.record?.properties?.[word] as JsonSchema | undefined;
      if (!property || !typesOf(property).includes('object')) continue;
      const inner = Object.keys(property.properties ?? {}).find((k) => /^(id|gid)$/.test(k));
      if (inner) return `${word}.${inner}`;
    }
    return null;
  }

  function parentFieldsOf(parent: string, targetKey: string | null, param: string): string[] {
    const fields = [targetKey, entities.get(parent)?.key ?? null];
    if (/(OrKey|_or_key)$/.test(param)) fields.push('key');
    if (/(OrName|_or_name)$/.test(param)) fields.push('name');
    fields.push('id');
    return [...new Set(fields.filter((f): f is string => typeof f === 'string'))];
  }

  function linksOfAction(action: ActionDefinition): ParentLink[] {
    const entity = entities.get(action.entity)!;
    const links: ParentLink[] = [];
    const paging = action.paging;
    for (const [param, schema] of Object.entries<JsonSchema>(action.params.properties ?? {})) {
      // The record's own key, scoped params (the connector's configuration), paging and modes name no parent.
      if (param === action.key?.param || scoped.has(param) || param === paging?.size || param === paging?.cursor)
        continue;
      if (!isScalar(schema) || schema.enum !== undefined || schema.const !== undefined) continue;
      const relationship = definition.relationships.find(
        (r) =>
          r.source_entity === entity.name &&
          r.foreign_key === param &&
          r.target_entity !== entity.name &&
          readable(r.target_entity),
      );
      if (relationship) {
        // A get keyed by another entity's key (Asana `teams` by a workspace team's gid) is the same record, no parent.
        if (action.action === 'get' && !action.key) continue;
        const stem = param.replace(REFERENCE_SUFFIX, '');
        const named = stem !== param ? (entityNamed(stem, entities, '') ?? undefined) : undefined;
        links.push({
          param,
          parent: relationship.target_entity,
          parentFields: parentFieldsOf(relationship.target_entity, relationship.target_key, param),
          childField: childFieldOf(
            entity,
            param,
            relationship.foreign_key,
            relationship.target_entity,
            relationship.target_key,
          ),
          from: 'relationship',
          ...(named && named !== relationship.target_entity && readable(named) ? { alsoParent: named } : {}),
        });
        continue;
      }
      // Without a relationship only a param the action cannot do without names a parent: required, or in the path.
      const required = (action.params.required ?? []).includes(param) && schema.default === undefined;
      const inPath = schema['x-in'] === 'path';
      if (!required && !inPath) continue;
      const stem = param.replace(REFERENCE_SUFFIX, '');
      const byName = stem !== param ? entityNamed(stem, entities, entity.name) : undefined;
      const segment = inPath ? pathSegmentBefore(action.upstream.path, param) : undefined;
      const byPath = segment ? entityNamed(segment, entities, entity.name) : undefined;
      const parent = byName ?? byPath;
      if (!parent || !readable(parent)) continue;
      links.push({
        param,
        parent,
        parentFields: parentFieldsOf(parent, null, param),
        childField: childFieldOf(entity, param, param, parent, null),
        from: byName ? 'name' : 'path',
      });
    }
    return links;
  }

  const linksOf = (action: ActionDefinition): ParentLink[] => {
    let links = byAction.get(action);
    if (!links) byAction.set(action, (links = linksOfAction(action)));
    return links;
  };

  const entityLinksCache = new Map<string, ParentLink[]>();
  const entityLinks = (name: string): ParentLink[] => {
    let links = entityLinksCache.get(name);
    if (!links) {
      const byParam = new Map<string, ParentLink>();
      for (const action of entities.get(name)?.actions.values() ?? [])
        for (const link of linksOf(action)) if (!byParam.has(link.param)) byParam.set(link.param, link);
      entityLinksCache.set(name, (links = [...byParam.values()]));
    }
    return links;
  };

  /** Every parent entity an entity's actions name. */
  const named = (name: string) => [...new Set(entityLinks(name).map((l) => l.parent))];

  const ancestorsCache = new Map<string, Set<string>>();
  function ancestors(name: string, visiting = new Set<string>()): Set<string> {
    const done = ancestorsCache.get(name);
    if (done) return done;
    const found = new Set<string>();
    visiting.add(name);
    for (const parent of named(name)) {
      if (visiting.has(parent)) continue;
      found.add(parent);
      for (const above of ancestors(parent, visiting)) found.add(above);
    }
    visiting.delete(name);
    if (visiting.size === 0) ancestorsCache.set(name, found);
    return found;
  }

  const parentsCache = new Map<string, string[]>();
  return {
    linksOf,
    entityLinks,
    isAncestor: (ancestor, entity) => ancestors(entity).has(ancestor),
    parentsOf(name) {
      let parents = parentsCache.get(name);
      if (!parents) {
        const all = named(name).filter((p) => !ancestors(p).has(name));
        parents = all.filter((p) => !all.some((other) => other !== p && ancestors(other).has(p)));
        parentsCache.set(name, parents);
      }
      return parents;
    },
  };
}
