import type { components, operations, paths } from '../../generated/agent-engine.js';
import { call, type ResourceContext } from '../core/context.js';
import type { CallOptions } from '../core/transport.js';

type Schemas = components['schemas'];
type Query<Id extends keyof operations> = NonNullable<operations[Id]['parameters']['query']>;

export function definitionsResource(context: ResourceContext<paths>) {
  const { raw } = context;
  return {
    /** The source connector catalog; `name` matches part of the name, case-insensitively. */
    listSources: (query: Query<'list_integrations_definitions_sources'> = {}, options?: CallOptions): Promise<Schemas['SourceDefinitionListResponse']> =>
      call(context, 'GET', raw.GET('/api/v1/integrations/definitions/sources', { params: { query }, ...context.init(options) })),

    getSource: (id: string, options?: CallOptions): Promise<Schemas['SourceDefinitionDetailResponse']> =>
      call(context, 'GET', raw.GET('/api/v1/integrations/definitions/sources/{id}', { params: { path: { id } }, ...context.init(options) })),

    listDestinations: (query: Query<'list_integrations_definitions_destinations'> = {}, options?: CallOptions): Promise<Schemas['DestinationDefinitionListResponse']> =>
      call(context, 'GET', raw.GET('/api/v1/integrations/definitions/destinations', { params: { query }, ...context.init(options) })),

    getDestination: (id: string, options?: CallOptions): Promise<Schemas['DestinationDefinitionDetailResponse']> =>
      call(context, 'GET', raw.GET('/api/v1/integrations/definitions/destinations/{id}', { params: { path: { id } }, ...context.init(options) })),
  };
}
