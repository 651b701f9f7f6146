// The tool catalog of every agent connector (generated/connector-tools: each entity's actions with their params as
// JSON Schema), looked up by name, definition id or title, each connector's part loaded once on first use.
import {
  CONNECTOR_TOOLS,
  type ConnectorToolCatalog,
  type ConnectorToolEntry,
} from '../../generated/connector-tools/index.js';

export type {
  ActionToolCatalog,
  ConnectorToolCatalog,
  EntityToolCatalog,
} from '../../generated/connector-tools/index.js';

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
