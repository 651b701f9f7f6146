// Store records as the API shows them: the response shapes of the spec, with write-only fields left out.
import type { components } from '../../generated/agent-engine.js';
import type { components as V1Components } from '../../generated/airbyte-api-v1.js';
import { supportsContextStore } from '../connectors/context-store.js';
import { SOURCE_CATALOG } from '../data/catalog.js';
import type { Connector, MockStore, SourceTemplate, Workspace } from './store.js';

type Schemas = components['schemas'];

export function sourceEntry(definitionId: string) {
  return SOURCE_CATALOG.find((entry) => entry.definition.sourceDefinitionId === definitionId);
}

export function sourceEntryByName(name: string) {
  const wanted = name.trim().toLowerCase();
  return SOURCE_CATALOG.find((entry) => entry.definition.name.toLowerCase() === wanted);
}

/**
 * Where a template's connectors read from (inferred: the API derives it from the template's mode): directly only
 * unless the connector has a context store; then DIRECT reads directly, REPLICATION from the context store, MULTI
 * from both.
 */
export function runtimeModeOf(mode: Schemas['TemplateMode'], withContextStore: boolean): Schemas['SourceTemplateRuntimeMode'] {
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
  return { workspaceId: workspace.id, name: workspace.name, dataResidency: workspace.dataResidency, notifications: workspace.notifications };
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
export function globalTemplateFor(store: MockStore, definitionId: string): SourceTemplate {
  for (const template of store.sourceTemplates.values()) if (template.organizationId === null && template.definitionId === definitionId) return template;
  const entry = sourceEntry(definitionId);
  const now = store.timestamp();
  const template: SourceTemplate = {
    id: store.ids.uuid(),
    name: entry?.definition.name ?? 'Source',
    organizationId: null,
    definitionId,
    partialDefaultConfig: {},
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
