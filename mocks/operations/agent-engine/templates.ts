// Source templates (the organization's and the global ones) and connection templates, with tag filters, and the
// cron describe endpoint.
import type { components } from '../../../generated/agent-engine.js';
import { notFound } from '../../pipeline/errors.js';
import type { MockService } from '../../service.js';
import { describeCron } from '../../service/cron.js';
import type { SourceTemplate } from '../../service/store.js';
import {
  sourceEntry,
  sourceTemplateDetailView,
  sourceTemplateView,
  summarizedTemplateView,
} from '../../service/views.js';
import { defineOperations } from '../types.js';

type Schemas = components['schemas'];

function matchesTags(tags: string[], wanted: string[] | undefined, mode: string | undefined): boolean {
  if (!wanted || wanted.length === 0) return true;
  return mode === 'any' ? wanted.some((t) => tags.includes(t)) : wanted.every((t) => tags.includes(t));
}

export function templateOperations(service: MockService) {
  const { store } = service;
  const organizationId = service.config.organizationId;

  const sourceTemplate = (id: string, { writable = false } = {}) => {
    const template = store.sourceTemplates.get(id);
    // Global templates are read-only: to the organization they do not exist as something to change.
    if (!template || (writable && template.organizationId !== organizationId)) throw notFound(`Source template ${id}`);
    return template;
  };
  const connectionTemplate = (id: string) => {
    const template = store.connectionTemplates.get(id);
    if (!template) throw notFound(`Connection template ${id}`);
    return template;
  };

  return defineOperations('agent-engine', {
    list_integrations_templates_sources: ({ query }) => {
      const data = [...store.sourceTemplates.values()]
        .filter((t) => t.organizationId === organizationId || (query.use_global === true && t.organizationId === null))
        .filter((t) => matchesTags(t.tags, query.tags, query.tags_mode))
        .map(summarizedTemplateView);
      return { status: 200, body: { data } };
    },

    create_integrations_templates_sources: ({ body }) => {
      const request = body as Schemas['SourceTemplateCreateRequest'];
      const now = store.timestamp();
      let template: SourceTemplate;
      if ('original_source_template_id' in request) {
        const original = sourceTemplate(request.original_source_template_id);
        template = {
          ...original,
          id: store.ids.uuid(),
          organizationId,
          name: request.name ?? `${original.name} (copy)`,
          mode: request.mode ?? original.mode,
          tags: [...original.tags],
          createdAt: now,
          updatedAt: now,
        };
      } else {
        const entry = sourceEntry(request.actor_definition_id);
        if (!entry) throw notFound(`Source definition ${request.actor_definition_id}`);
        template = {
          id: store.ids.uuid(),
          name: request.name ?? entry.definition.name,
          organizationId,
          definitionId: request.actor_definition_id,
          partialDefaultConfig: request.partial_default_config,
          customization: request.customization ?? null,
          mode: request.mode ?? 'DIRECT',
          tags: [],
          createdAt: now,
          updatedAt: now,
        };
      }
      store.sourceTemplates.set(template.id, template);
      return { status: 200, body: sourceTemplateView(template) };
    },

    get_integrations_templates_sources_id: ({ path }) => ({
      status: 200,
      body: sourceTemplateDetailView(sourceTemplate(path.id)),
    }),

    update_integrations_templates_sources_id: ({ path, body }) => {
      const template = sourceTemplate(path.id, { writable: true });
      const update = body as Schemas['SourceTemplateUpdateRequest'];
      if (update.name != null) template.name = update.name;
      if (update.partial_default_config != null) template.partialDefaultConfig = update.partial_default_config;
      if (update.customization !== undefined) template.customization = update.customization;
      if (update.mode != null) template.mode = update.mode;
      template.updatedAt = store.timestamp();
      if (update.propagate && update.partial_default_config) {
        for (const connector of store.connectors.values()) {
          if (connector.sourceTemplateId === template.id)
            connector.replicationConfig = { ...update.partial_default_config, ...connector.replicationConfig };
        }
      }
      return { status: 200, body: sourceTemplateView(template) };
    },

    delete_integrations_templates_sources_id: ({ path }) => {
      const template = sourceTemplate(path.id, { writable: true });
      store.sourceTemplates.delete(template.id);
      return { status: 200, body: { id: template.id, deleted_at: store.timestamp() } };
    },

    list_integrations_templates_connections: ({ query }) => {
      const data = [...store.connectionTemplates.values()].filter((t) =>
        matchesTags(t.tags ?? [], query.tags, query.tags_mode),
      );
      return { status: 200, body: { data } };
    },

    create_integrations_templates_connections: ({ body }) => {
      const request = body as Schemas['ConnectionTemplateCreateRequest'];
      const now = store.timestamp();
      const common = {
        id: store.ids.uuid(),
        organization_id: organizationId,
        cron_expression: request.cron_expression ?? null,
        tags: [] as string[],
        created_at: now,
        updated_at: now,
      };
      let template: Schemas['ConnectionTemplate'];
      if (request.data_hosting_type === 'airbyte_hosted') {
        template = {
          ...common,
          destination_name: 'Airbyte-hosted storage',
          icon: null,
          data_hosting_type: 'airbyte_hosted',
        };
      } else {
        const userHosted = request as Schemas['UserHostedConnectionTemplateCreateRequest'];
        template = {
          ...common,
          destination_name: userHosted.destination_name,
          icon: null,
          data_hosting_type: 'user_hosted',
          destination_definition_id: userHosted.destination_definition_id,
          destination_config: userHosted.destination_config,
          non_breaking_changes_preference: userHosted.non_breaking_changes_preference ?? 'ignore',
          sync_on_create: userHosted.sync_on_create ?? true,
        };
      }
      store.connectionTemplates.set(template.id, template as typeof template & { id: string });
      return { status: 200, body: template };
    },

    create_integrations_templates_connections_cron_describe: ({ body }) => ({
      status: 200,
      body: describeCron(body.cron_expression),
    }),

    get_integrations_templates_connections_id: ({ path }) => ({ status: 200, body: connectionTemplate(path.id) }),

    update_integrations_templates_connections_id: ({ path, body }) => {
      const template = connectionTemplate(path.id) as Record<string, unknown>;
      const update = body as Schemas['ConnectionTemplateUpdateRequest'];
      for (const [key, value] of Object.entries(update)) {
        if (value === undefined || (value === null && key !== 'cron_expression')) continue;
        if (template.data_hosting_type === 'airbyte_hosted' && key !== 'cron_expression') continue;
        template[key] = value;
      }
      template.updated_at = store.timestamp();
      return { status: 200, body: template as Schemas['ConnectionTemplate'] };
    },

    delete_integrations_templates_connections_id: ({ path }) => {
      const template = connectionTemplate(path.id);
      store.connectionTemplates.delete(template.id);
      return { status: 200, body: { id: template.id, deleted_at: store.timestamp() } };
    },
  });
}
