// Source templates (the organization's and the global ones) and connection templates, with tag filters, and the
// cron describe endpoint.
import type { components } from '../../../generated/agent-engine.js';
import { notFound } from '../../http/errors.js';
import type { MockService } from '../../service.js';
import { describeCron } from '../../service/cron.js';
import type { SourceTemplate } from '../../service/store.js';
import { sourceEntry, sourceTemplateDetailView, sourceTemplateView, summarizedTemplateView } from '../../service/views.js';
import { API, http } from './http.js';

type Schemas = components['schemas'];

function matchesTags(tags: string[], wanted: string[] | undefined, mode: string | undefined): boolean {
  if (!wanted || wanted.length === 0) return true;
  return mode === 'any' ? wanted.some((t) => tags.includes(t)) : wanted.every((t) => tags.includes(t));
}

export function templateHandlers(service: MockService) {
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

  return [
    http.get('/api/v1/integrations/templates/sources', service.handle(API, 'list_integrations_templates_sources', ({ response }, { query }) => {
      const data = [...store.sourceTemplates.values()]
        .filter((t) => t.organizationId === organizationId || (query.use_global === true && t.organizationId === null))
        .filter((t) => matchesTags(t.tags, query.tags, query.tags_mode))
        .map(summarizedTemplateView);
      return response(200).json({ data });
    })),

    http.post('/api/v1/integrations/templates/sources', service.handle(API, 'create_integrations_templates_sources', ({ response }, { body }) => {
      const request = body as Schemas['SourceTemplateCreateRequest'];
      const now = store.timestamp();
      let template: SourceTemplate;
      if ('original_source_template_id' in request) {
        const original = sourceTemplate(request.original_source_template_id);
        template = { ...original, id: store.ids.uuid(), organizationId, name: request.name ?? `${original.name} (copy)`, mode: request.mode ?? original.mode, tags: [...original.tags], createdAt: now, updatedAt: now };
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
      return response(200).json(sourceTemplateView(template));
    })),

    http.get('/api/v1/integrations/templates/sources/{id}', service.handle(API, 'get_integrations_templates_sources_id', ({ response }, { path }) =>
      response(200).json(sourceTemplateDetailView(sourceTemplate(path.id))))),

    http.patch('/api/v1/integrations/templates/sources/{id}', service.handle(API, 'update_integrations_templates_sources_id', ({ response }, { path, body }) => {
      const template = sourceTemplate(path.id, { writable: true });
      const update = body as Schemas['SourceTemplateUpdateRequest'];
      if (update.name != null) template.name = update.name;
      if (update.partial_default_config != null) template.partialDefaultConfig = update.partial_default_config;
      if (update.customization !== undefined) template.customization = update.customization;
      if (update.mode != null) template.mode = update.mode;
      template.updatedAt = store.timestamp();
      if (update.propagate && update.partial_default_config) {
        for (const connector of store.connectors.values()) {
          if (connector.sourceTemplateId === template.id) connector.replicationConfig = { ...update.partial_default_config, ...connector.replicationConfig };
        }
      }
      return response(200).json(sourceTemplateView(template));
    })),

    http.delete('/api/v1/integrations/templates/sources/{id}', service.handle(API, 'delete_integrations_templates_sources_id', ({ response }, { path }) => {
      const template = sourceTemplate(path.id, { writable: true });
      store.sourceTemplates.delete(template.id);
      return response(200).json({ id: template.id, deleted_at: store.timestamp() });
    })),

    http.get('/api/v1/integrations/templates/connections', service.handle(API, 'list_integrations_templates_connections', ({ response }, { query }) => {
      const data = [...store.connectionTemplates.values()].filter((t) => matchesTags(t.tags ?? [], query.tags, query.tags_mode));
      return response(200).json({ data });
    })),

    http.post('/api/v1/integrations/templates/connections', service.handle(API, 'create_integrations_templates_connections', ({ response }, { body }) => {
      const request = body as Schemas['ConnectionTemplateCreateRequest'];
      const now = store.timestamp();
      const common = { id: store.ids.uuid(), organization_id: organizationId, cron_expression: request.cron_expression ?? null, tags: [] as string[], created_at: now, updated_at: now };
      let template: Schemas['ConnectionTemplate'];
      if (request.data_hosting_type === 'airbyte_hosted') {
        template = { ...common, destination_name: 'Airbyte-hosted storage', icon: null, data_hosting_type: 'airbyte_hosted' };
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
      return response(200).json(template);
    })),

    http.post('/api/v1/integrations/templates/connections/cron/describe', service.handle(API, 'create_integrations_templates_connections_cron_describe', ({ response }, { body }) =>
      response(200).json(describeCron(body.cron_expression)))),

    http.get('/api/v1/integrations/templates/connections/{id}', service.handle(API, 'get_integrations_templates_connections_id', ({ response }, { path }) =>
      response(200).json(connectionTemplate(path.id)))),

    http.patch('/api/v1/integrations/templates/connections/{id}', service.handle(API, 'update_integrations_templates_connections_id', ({ response }, { path, body }) => {
      const template = connectionTemplate(path.id) as Record<string, unknown>;
      const update = body as Schemas['ConnectionTemplateUpdateRequest'];
      for (const [key, value] of Object.entries(update)) {
        if (value === undefined || (value === null && key !== 'cron_expression')) continue;
        if (template.data_hosting_type === 'airbyte_hosted' && key !== 'cron_expression') continue;
        template[key] = value;
      }
      template.updated_at = store.timestamp();
      return response(200).json(template as Schemas['ConnectionTemplate']);
    })),

    http.delete('/api/v1/integrations/templates/connections/{id}', service.handle(API, 'delete_integrations_templates_connections_id', ({ response }, { path }) => {
      const template = connectionTemplate(path.id);
      store.connectionTemplates.delete(template.id);
      return response(200).json({ id: template.id, deleted_at: store.timestamp() });
    })),
  ];
}
