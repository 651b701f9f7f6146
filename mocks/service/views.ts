// Store records as the API shows them: the response shapes of the spec, with write-only fields left out.
import type { components } from '../../generated/agent-engine.js';
import type { components as V1Components } from '../../generated/airbyte-api-v1.js';
import { supportsContextStore } from '../connectors/context-store.js';
import { connectorDefinition, findConnector } from '../connectors/definitions.js';
import { DEFINITION_ID_ALIASES, sourceCatalog } from '../data/catalog.js';
import type { Connector, MockStore, SourceTemplate, Workspace } from './store.js';

type Schemas = components['schemas'];

/** A source of the catalog by definition id (an id a document printed resolves to its canonical one). */
export function sourceEntry(definitionId: string) {
  const id = Object.hasOwn(DEFINITION_ID_ALIASES, definitionId) ? DEFINITION_ID_ALIASES[definitionId]! : definitionId;
  return sourceCatalog().find((entry) => entry.definition.sourceDefinitionId === id);
}

/** A source by its name as the catalog gives it ("GitHub"), or as an agent connector is named ("github", "Github"). */
export function sourceEntryByName(name: string) {
  const wanted = name.trim().toLowerCase();
  const byName = sourceCatalog().find((entry) => entry.definition.name.toLowerCase() === wanted);
  if (byName) return byName;
  const connector = findConnector(wanted) ?? findConnector(wanted.replace(/\s+/g, '-'));
  return connector ? sourceEntry(connector.definitionId) : undefined;
}

/**
 * Where a template's connectors read from (inferred: the API derives it from the template's mode): directly only
 * unless the connector has a context store; then DIRECT reads directly, REPLICATION from the context store, MULTI
 * from both.
 */
export function runtimeModeOf(
  mode: Schemas['TemplateMode'],
  withContextStore: boolean,
): Schemas['SourceTemplateRuntimeMode'] {
  if (!withContextStore || mode === 'DIRECT') return 'direct_only';
  return mode === 'REPLICATION' ? 'context_store_only' : 'direct_and_context_store';
}

function runtimeFields(template: SourceTemplate) {
  const withContextStore = supportsContextStore(template.definitionId);
  return { runtime_mode: runtimeModeOf(template.mode, withContextStore), supports_context_store: withContextStore };
}

export function workspaceView(workspace: Workspace): Schemas['WorkspaceResponse'] {
  return {
    id: workspace.id,
    name: workspace.name,
    organization_id: workspace.organizationId,
    status: workspace.status,
    cache_enabled: workspace.cacheEnabled,
    tombstone: false,
    visibility: workspace.visibility,
    color: workspace.color,
    created_at: workspace.createdAt,
    updated_at: workspace.updatedAt,
  };
}

export function v1WorkspaceView(workspace: Workspace): V1Components['schemas']['WorkspaceResponse'] {
  return {
    workspaceId: workspace.id,
    name: workspace.name,
    dataResidency: workspace.dataResidency,
    notifications: workspace.notifications,
  };
}

export function sourceTemplateView(template: SourceTemplate): Schemas['SourceTemplateResponse'] {
  const entry = sourceEntry(template.definitionId);
  return {
    id: template.id,
    name: template.name,
    icon: entry?.definition.iconUrl ?? null,
    source_definition_id: template.definitionId,
    user_config_spec: entry?.spec ?? { connectionSpecification: { type: 'object', properties: {} } },
    partial_default_config: template.partialDefaultConfig,
    customization: template.customization,
    tags: template.tags,
    mode: template.mode,
    is_experimental: false,
    ...runtimeFields(template),
    created_at: template.createdAt,
    updated_at: template.updatedAt,
  };
}

export function sourceTemplateDetailView(template: SourceTemplate): Schemas['SourceTemplateDetailResponse'] {
  const entry = sourceEntry(template.definitionId);
  return {
    ...sourceTemplateView(template),
    auth_tooltip: entry ? `Authenticate with your ${entry.definition.name} account.` : null,
    connector_name: entry?.definition.name ?? null,
  };
}

export function summarizedTemplateView(template: SourceTemplate): Schemas['SummarizedSourceTemplate'] {
  const entry = sourceEntry(template.definitionId);
  return {
    id: template.id,
    name: template.name,
    icon: entry?.definition.iconUrl ?? null,
    connector_name: entry?.definition.name ?? null,
    organization_id: template.organizationId,
    actor_definition_id: template.definitionId,
    tags: template.tags,
    customization: template.customization,
    mode: template.mode,
    ...runtimeFields(template),
    created_at: template.createdAt,
    updated_at: template.updatedAt,
  };
}

/** The global template of a definition: what a connector made straight from a definition is based on. */
/**
 * What a global template fills in for a connector: a start date where its definition requires one (inferred: the
 * services' own default is a recent date; a connector created with only `repositories`, as seed 002 does, is valid).
 */
function defaultReplicationConfig(definitionId: string): Record<string, unknown> {
  const config = connectorDefinition(definitionId)?.replicationConfig;
  const defaults: Record<string, unknown> = {};
  for (const key of config?.required ?? []) {
    const format = config?.properties?.[key]?.format;
    if (format === 'date-time') defaults[key] = '2025-01-01T00:00:00Z';
    else if (format === 'date') defaults[key] = '2025-01-01';
  }
  return defaults;
}

export function globalTemplateFor(store: MockStore, definitionId: string): SourceTemplate {
  for (const template of store.sourceTemplates.values())
    if (template.organizationId === null && template.definitionId === definitionId) return template;
  const entry = sourceEntry(definitionId);
  const now = store.timestamp();
  const template: SourceTemplate = {
    id: store.ids.uuid(),
    name: entry?.definition.name ?? 'Source',
    organizationId: null,
    definitionId,
    partialDefaultConfig: defaultReplicationConfig(definitionId),
    customization: null,
    mode: 'DIRECT',
    tags: [],
    createdAt: now,
    updatedAt: now,
  };
  store.sourceTemplates.set(template.id, template);
  return template;
}

export function connectorView(store: MockStore, connector: Connector): Schemas['ConnectorResponse'] {
  const template = store.sourceTemplates.get(connector.sourceTemplateId)!;
  return {
    id: connector.id,
    name: connector.name,
    source_template: sourceTemplateView(template),
    replication_config: connector.replicationConfig,
    entities: connector.entities,
    created_at: connector.createdAt,
    updated_at: connector.updatedAt,
  };
}

export function connectorSummaryView(store: MockStore, connector: Connector): Schemas['ConnectorSummary'] {
  const template = store.sourceTemplates.get(connector.sourceTemplateId)!;
  return {
    id: connector.id,
    name: connector.name,
    summarized_source_template: summarizedTemplateView(template),
    created_at: connector.createdAt,
    updated_at: connector.updatedAt,
  };
}
