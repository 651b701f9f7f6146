import type { paths } from '../../generated/agent-engine.js';
import { call, type ResourceContext } from '../core/context.js';
import type { CallOptions } from '../core/transport.js';
import type {
  ConnectionTemplate,
  ConnectionTemplateCreateRequest,
  ConnectionTemplateListQuery,
  ConnectionTemplateListResponse,
  ConnectionTemplateUpdateRequest,
  CronDescribeResponse,
  DeletedResponse,
  SourceTemplateCreateRequest,
  SourceTemplateDetailResponse,
  SourceTemplateListQuery,
  SourceTemplateListResponse,
  SourceTemplateResponse,
  SourceTemplateUpdateRequest,
} from '../schemas.js';

/** `client.templates.sources`: presets of a connector's configuration and streams for the authentication module. */
export interface SourceTemplatesResource {
  /** The organization's source templates (with `use_global`, the global ones too). */
  list(query?: SourceTemplateListQuery, options?: CallOptions): Promise<SourceTemplateListResponse>;
  /** New from a definition, or a clone of another template. Not retried on 5xx. */
  create(body: SourceTemplateCreateRequest, options?: CallOptions): Promise<SourceTemplateResponse>;
  /** One source template with its connector specification. */
  get(id: string, options?: CallOptions): Promise<SourceTemplateDetailResponse>;
  /** Fields left out keep their value; `propagate: true` carries the change to connectors made from the template. */
  update(id: string, body: SourceTemplateUpdateRequest, options?: CallOptions): Promise<SourceTemplateResponse>;
  /** Deletes a source template. */
  delete(id: string, options?: CallOptions): Promise<DeletedResponse>;
}

/** `client.templates.connections`: where and how often a new connector's data is replicated. */
export interface ConnectionTemplatesResource {
  /** The organization's connection templates. */
  list(query?: ConnectionTemplateListQuery, options?: CallOptions): Promise<ConnectionTemplateListResponse>;
  /** To a destination of yours (`user_hosted`, the default) or kept by Airbyte (`airbyte_hosted`). Not retried on 5xx. */
  create(body: ConnectionTemplateCreateRequest, options?: CallOptions): Promise<ConnectionTemplate>;
  /** One connection template. */
  get(id: string, options?: CallOptions): Promise<ConnectionTemplate>;
  /** Fields left out keep their value. */
  update(id: string, body: ConnectionTemplateUpdateRequest, options?: CallOptions): Promise<ConnectionTemplate>;
  /** Deletes a connection template. */
  delete(id: string, options?: CallOptions): Promise<DeletedResponse>;
}

/** `client.templates`: source and connection templates, which shape the connectors the authentication module creates. */
export interface TemplatesResource {
  /** Source templates: a connector's preset configuration and streams. */
  sources: SourceTemplatesResource;
  /** Connection templates: where and how often a new connector's data is replicated. */
  connections: ConnectionTemplatesResource;
  /**
   * Says in words when a Quartz cron expression fires, and whether it is valid.
   * @param cronExpression A Quartz cron expression, e.g. `0 0 * * * ?` (every hour).
   */
  describeCron(cronExpression: string, options?: CallOptions): Promise<CronDescribeResponse>;
}

export function templatesResource(context: ResourceContext<paths>): TemplatesResource {
  const { raw } = context;
  const byId = (id: string) => ({ params: { path: { id } } });
  return {
    sources: {
      list: (query = {}, options) =>
        call(
          context,
          'GET',
          raw.GET('/api/v1/integrations/templates/sources', { params: { query }, ...context.init(options) }),
        ),
      create: (body, options) =>
        call(context, 'POST', raw.POST('/api/v1/integrations/templates/sources', { body, ...context.init(options) })),
      get: (id, options) =>
        call(
          context,
          'GET',
          raw.GET('/api/v1/integrations/templates/sources/{id}', { ...byId(id), ...context.init(options) }),
        ),
      update: (id, body, options) =>
        call(
          context,
          'PATCH',
          raw.PATCH('/api/v1/integrations/templates/sources/{id}', { ...byId(id), body, ...context.init(options) }),
        ),
      delete: (id, options) =>
        call(
          context,
          'DELETE',
          raw.DELETE('/api/v1/integrations/templates/sources/{id}', { ...byId(id), ...context.init(options) }),
        ),
    },
    connections: {
      list: (query = {}, options) =>
        call(
          context,
          'GET',
          raw.GET('/api/v1/integrations/templates/connections', { params: { query }, ...context.init(options) }),
        ),
      create: (body, options) =>
        call(
          context,
          'POST',
          raw.POST('/api/v1/integrations/templates/connections', { body, ...context.init(options) }),
        ),
      get: (id, options) =>
        call(
          context,
          'GET',
          raw.GET('/api/v1/integrations/templates/connections/{id}', { ...byId(id), ...context.init(options) }),
        ),
      update: (id, body, options) =>
        call(
          context,
          'PATCH',
          raw.PATCH('/api/v1/integrations/templates/connections/{id}', { ...byId(id), body, ...context.init(options) }),
        ),
      delete: (id, options) =>
        call(
          context,
          'DELETE',
          raw.DELETE('/api/v1/integrations/templates/connections/{id}', { ...byId(id), ...context.init(options) }),
        ),
    },
    describeCron: (cronExpression, options) =>
      call(
        context,
        'POST',
        raw.POST('/api/v1/integrations/templates/connections/cron/describe', {
          body: { cron_expression: cronExpression },
          ...context.init({ idempotent: true, ...options }),
        }),
      ),
  };
}
