import type { paths } from '../../generated/agent-engine.js';
import { call, type ResourceContext } from '../core/context.js';
import type { CallOptions } from '../core/transport.js';
import type {
  DestinationDefinitionDetailResponse,
  DestinationDefinitionListQuery,
  DestinationDefinitionListResponse,
  SourceDefinitionDetailResponse,
  SourceDefinitionListQuery,
  SourceDefinitionListResponse,
} from '../schemas.js';

/** `client.definitions`: the catalog of connectors one can create (sources) and write to (destinations). */
export interface DefinitionsResource {
  /** The source connector catalog; `name` matches part of the name, case-insensitively. */
  listSources(query?: SourceDefinitionListQuery, options?: CallOptions): Promise<SourceDefinitionListResponse>;
  /** One source definition with its configuration specification and the questions an agent can answer with it. */
  getSource(id: string, options?: CallOptions): Promise<SourceDefinitionDetailResponse>;
  /** The destination connector catalog. */
  listDestinations(
    query?: DestinationDefinitionListQuery,
    options?: CallOptions,
  ): Promise<DestinationDefinitionListResponse>;
  /** One destination definition with its configuration specification. */
  getDestination(id: string, options?: CallOptions): Promise<DestinationDefinitionDetailResponse>;
}

export function definitionsResource(context: ResourceContext<paths>): DefinitionsResource {
  const { raw } = context;
  return {
    listSources: (query = {}, options) =>
      call(
        context,
        'GET',
        raw.GET('/api/v1/integrations/definitions/sources', { params: { query }, ...context.init(options) }),
      ),

    getSource: (id, options) =>
      call(
        context,
        'GET',
        raw.GET('/api/v1/integrations/definitions/sources/{id}', {
          params: { path: { id } },
          ...context.init(options),
        }),
      ),

    listDestinations: (query = {}, options) =>
      call(
        context,
        'GET',
        raw.GET('/api/v1/integrations/definitions/destinations', { params: { query }, ...context.init(options) }),
      ),

    getDestination: (id, options) =>
      call(
        context,
        'GET',
        raw.GET('/api/v1/integrations/definitions/destinations/{id}', {
          params: { path: { id } },
          ...context.init(options),
        }),
      ),
  };
}
