// The tool catalog of every agent connector, looked up by name, definition id or title: a connector's catalog is made
// from its definition document (which generated/connector-definitions.ts loads) once, on first use.
import { API_ACTION_PARAMS, CONNECTOR_DEFINITIONS } from '../../generated/connector-definitions.js';
import {
  toolCatalogOf,
  type ActionToolCatalog,
  type ConnectorToolCatalog,
  type EntityToolCatalog,
} from './tool-catalog.js';

export type { ActionToolCatalog, ConnectorToolCatalog, EntityToolCatalog } from './tool-catalog.js';

/** A connector definition's name, title and id, and how to load its catalog. */
export interface ConnectorToolEntry {
  name: string;
  title: string;
  definitionId: string;
  load: () => Promise<ConnectorToolCatalog>;
}

/** Every agent connector by name. */
export const CONNECTOR_TOOLS: readonly ConnectorToolEntry[] = CONNECTOR_DEFINITIONS.map(
  ({ name, title, definitionId, load }) => ({
    name,
    title,
    definitionId,
    load: async () => toolCatalogOf((await load()).default),
  }),
);

/** The connector of a definition name (`github`), definition id or title (`GitHub`, any case); undefined when none. */
export function catalogEntry(nameOrId: string): ConnectorToolEntry | undefined {
  const wanted = nameOrId.trim().toLowerCase();
  return CONNECTOR_TOOLS.find(
    (c) => c.name === wanted || c.definitionId === wanted || c.title.toLowerCase() === wanted,
  );
}

const loaded = new Map<string, Promise<ConnectorToolCatalog>>();

/** One connector's catalog, loaded once (a failed load is tried again next time). */
export function loadCatalog(entry: ConnectorToolEntry): Promise<ConnectorToolCatalog> {
  let catalog = loaded.get(entry.name);
  if (!catalog) {
    catalog = entry.load();
    catalog.catch(() => loaded.delete(entry.name));
    loaded.set(entry.name, catalog);
  }
  return catalog;
}

/** Every connector the kit has a definition of: name, title, definition id. */
export function catalogConnectors(): readonly Pick<ConnectorToolEntry, 'name' | 'title' | 'definitionId'>[] {
  return CONNECTOR_TOOLS;
}

/** The action the API runs over the context store's copy of an entity, beside the connector's own actions. */
export const CONTEXT_STORE_SEARCH = 'context_store_search';

const searches = new WeakMap<EntityToolCatalog, ActionToolCatalog>();

/**
 * An entity's actions: its definition's, and `context_store_search` where the context store keeps it (its params from
 * openapi/agent-engine.yaml, `fields` and the filter's fields narrowed to what the store keeps of the entity).
 */
export function entityActions(entity: EntityToolCatalog): Record<string, ActionToolCatalog> {
  if (!entity.search) return entity.actions;
  let search = searches.get(entity);
  if (!search) {
    const params = API_ACTION_PARAMS.context_store_search;
    const properties = params.properties as Record<string, any>;
    const fields = entity.search.join(', ');
    search = {
      params: {
        ...params,
        properties: {
          ...properties,
          query: {
            ...properties.query,
            properties: {
              ...properties.query.properties,
              filter: {
                ...properties.query.properties.filter,
                description: `${properties.query.properties.filter.description.trim()} The fields: ${fields}.`,
              },
            },
          },
          fields: { ...properties.fields, items: { type: 'string', enum: entity.search } },
        },
      },
    };
    searches.set(entity, search);
  }
  return { ...entity.actions, [CONTEXT_STORE_SEARCH]: search };
}
