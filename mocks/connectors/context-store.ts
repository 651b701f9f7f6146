// Which entities of a connector the context store keeps, as its definition marks them (`contextStore` on an entity).
import { connectorDefinition, type ConnectorDefinition } from './definitions.js';

/** The names of the entities the context store keeps, in the definition's order. */
export function contextStoreEntities(definition: ConnectorDefinition | undefined): string[] {
  return definition ? [...definition.entities.values()].filter((e) => e.contextStore).map((e) => e.name) : [];
}

/** Whether the connector of a source definition id keeps any entity in the context store. */
export function supportsContextStore(definitionId: string): boolean {
  return contextStoreEntities(connectorDefinition(definitionId)).length > 0;
}
