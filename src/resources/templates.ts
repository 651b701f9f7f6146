import type { components, operations, paths } from '../../generated/agent-engine.js';
import { call, type ResourceContext } from '../core/context.js';
import type { CallOptions } from '../core/transport.js';

type Schemas = components['schemas'];
type Query<Id extends keyof operations> = NonNullable<operations[Id]['parameters']['query']>;

export function templatesResource(context: ResourceContext<paths>) {
  const { raw } = context;
  const byId = (id: string) => ({ params: { path: { id } } });
  return {
    sources: {
      list: (query: Query<'list_integrations_templates_sources'> = {}, options?: CallOptions): Promise<Schemas['SourceTemplateListResponse']> =>
        call(context, 'GET', raw.GET('/api/v1/integrations/templates/sources', { params: { query }, ...context.init(options) })),
      /** New from a definition, or a clone of another template. Not retried on 5xx. */
      create: (body: Schemas['SourceTemplateCreateRequest'], options?: CallOptions): Promise<Schemas['SourceTemplateResponse']> =>
        call(context, 'POST', raw.POST('/api/v1/integrations/templates/sources', { body, ...context.init(options) })),
      get: (id: string, options?: CallOptions): Promise<Schemas['SourceTemplateDetailResponse']> =>
        call(context, 'GET', raw.GET('/api/v1/integrations/templates/sources/{id}', { ...byId(id), ...context.init(options) })),
      update: (id: string, body: Schemas['SourceTemplateUpdateRequest'], options?: CallOptions): Promise<Schemas['SourceTemplateResponse']> =>
        call(context, 'PATCH', raw.PATCH('/api/v1/integrations/templates/sources/{id}', { ...byId(id), body, ...context.init(options) })),
      delete: (id: string, options?: CallOptions): Promise<Schemas['DeletedResponse']> =>
        call(context, 'DELETE', raw.DELETE('/api/v1/integrations/templates/sources/{id}', { ...byId(id), ...context.init(options) })),
    },
    connections: {
      list: (query: Query<'list_integrations_templates_connections'> = {}, options?: CallOptions): Promise<Schemas['ConnectionTemplateListResponse']> =>
        call(context, 'GET', raw.GET('/api/v1/integrations/templates/connections', { params: { query }, ...context.init(options) })),
      /** Not retried on 5xx. */
      create: (body: Schemas['ConnectionTemplateCreateRequest'], options?: CallOptions): Promise<Schemas['ConnectionTemplate']> =>
        call(context, 'POST', raw.POST('/api/v1/integrations/templates/connections', { body, ...context.init(options) })),
      get: (id: string, options?: CallOptions): Promise<Schemas['ConnectionTemplate']> =>
        call(context, 'GET', raw.GET('/api/v1/integrations/templates/connections/{id}', { ...byId(id), ...context.init(options) })),
      update: (id: string, body: Schemas['ConnectionTemplateUpdateRequest'], options?: CallOptions): Promise<Schemas['ConnectionTemplate']> =>
        call(context, 'PATCH', raw.PATCH('/api/v1/integrations/templates/connections/{id}', { ...byId(id), body, ...context.init(options) })),
      delete: (id: string, options?: CallOptions): Promise<Schemas['DeletedResponse']> =>
        call(context, 'DELETE', raw.DELETE('/api/v1/integrations/templates/connections/{id}', { ...byId(id), ...context.init(options) })),
    },
    /** Says in words when a Quartz cron expression fires, and whether it is valid. */
    describeCron: (cronExpression: string, options?: CallOptions): Promise<Schemas['CronDescribeResponse']> =>
      call(context, 'POST', raw.POST('/api/v1/integrations/templates/connections/cron/describe', { body: { cron_expression: cronExpression }, ...context.init(options) })),
  };
}
