// `GET /integrations/connectors/{id}/inspect`: a connector as an agent sees it before calling it, with its docs skill
// and how ready its context store is, built from the connector's definition (which entities the context store
// keeps), its template and entities (which are configured) and its workspace (whether the cache is on).
import type { components } from '../../generated/agent-engine.js';
import { contextStoreEntities } from '../connectors/context-store.js';
import { connectorDefinition } from '../connectors/definitions.js';
import { connectorSkillId } from '../skills/catalog.js';
import type { Connector, MockStore } from './store.js';
import { sourceEntry } from './views.js';

type Schemas = components['schemas'];

/** Entity modes that keep an entity in the context store (`EntityConfig.modes`; null means every mode). */
const CONTEXT_STORE_MODES = new Set(['context_store', 'replication']);

export function inspectView(store: MockStore, connector: Connector): Schemas['ConnectorInspectResponse'] {
  const definition = connectorDefinition(connector.definitionId);
  const workspace = store.workspaces.get(connector.workspaceId)!;
  const template = store.sourceTemplates.get(connector.sourceTemplateId);
  const title = sourceEntry(connector.definitionId)?.definition.name ?? definition?.title ?? null;
  const supported = contextStoreEntities(definition);
  const warnings: string[] = [];
  if (!definition)
    warnings.push(
      `There is no agent connector definition for ${title ?? 'this connector'}: execute cannot run actions on it.`,
    );
  if (workspace.status === 'inactive')
    warnings.push(`The workspace ${workspace.name} is inactive: execute answers 403 until it is active again.`);

  let readiness: Schemas['ContextStoreReadiness'] | null = null;
  if (supported.length > 0) {
    // Suggested (inferred): every entity the context store keeps, or those a whitelisting template selects.
    const customization = template?.customization;
    const suggested = (entity: string) =>
      customization?.stream_selection_mode !== 'whitelist' || (customization.stream_whitelist ?? []).includes(entity);
    // Configured: the connector's entities kept in the context store; without a list of its own, the suggested
    // entities when its template reads from the context store (mode REPLICATION or MULTI).
    const configured = connector.entities
      ? connector.entities
          .filter((e) => e.modes == null || e.modes.some((mode) => CONTEXT_STORE_MODES.has(mode)))
          .map((e) => e.entity)
      : template && template.mode !== 'DIRECT'
        ? supported.filter(suggested)
        : [];
    const cacheOff = workspace.cacheEnabled === false;
    const records = store.records.get(connector.id);
    readiness = {
      connector_id: connector.id,
      source_definition_id: connector.definitionId,
      supported_context_store_entities: supported.map((entity) => ({ entity, suggested: suggested(entity) })),
      configured_cache_entities: configured.map((entity) => {
        const isSupported = supported.includes(entity);
        const status = !isSupported ? 'unsupported' : cacheOff ? 'disabled' : 'ready';
        return {
          entity,
          status,
          ready_for_search: status === 'ready',
          supported: isSupported,
          entity_count: status === 'ready' ? (records?.get(entity)?.length ?? null) : null,
          updated_at: status === 'ready' ? connector.updatedAt : null,
          semantic_search_status: [],
        };
      }),
    };
    for (const entity of configured.filter((e) => !supported.includes(e)))
      warnings.push(`The context store does not keep ${entity}: it is read directly.`);
    if (cacheOff && configured.length > 0)
      warnings.push(`The cache of workspace ${workspace.name} is off: context_store_search is not ready.`);
  }

  return {
    connector_id: connector.id,
    name: connector.name,
    workspace_id: workspace.id,
    organization_id: workspace.organizationId,
    source_definition_id: connector.definitionId,
    source_definition_name: title,
    source_config_template_id: connector.sourceTemplateId,
    docs_skill_id: connectorSkillId(connector.id),
    context_store_readiness: readiness,
    warnings,
  };
}
