import type { components, paths } from '../../generated/agent-engine.js';
import { call, type ResourceContext } from '../core/context.js';
import { AmbiguousConnectorError, ConnectorNotFoundError } from '../core/errors.js';
import type { DefinitionIdCache, ExecutePaging, ExecutePagesOptions } from '../core/execute-paging.js';
import type { CallOptions } from '../core/transport.js';

export type { DefinitionIdCache, ExecutePagesOptions };

type Schemas = components['schemas'];
type ListQuery = NonNullable<paths['/api/v1/integrations/connectors']['get']['parameters']['query']>;

export interface FindConnectorQuery {
  workspaceName: string;
  definitionId: string;
}

export function connectorsResource(context: ResourceContext<paths>, definitionIds: DefinitionIdCache = new Map()) {
  const { raw } = context;
  const byId = (id: string) => ({ params: { path: { id } } });

  const get = (id: string, options?: CallOptions): Promise<Schemas['ConnectorResponse']> =>
    call(context, 'GET', raw.GET('/api/v1/integrations/connectors/{id}', { ...byId(id), ...context.init(options) }));

  const execute = (id: string, body: Schemas['ExecuteRequest'], options?: CallOptions): Promise<Schemas['ExecuteResponse']> =>
    call(context, 'POST', raw.POST('/api/v1/integrations/connectors/{id}/execute', { ...byId(id), body, ...context.init(options) }));

  // The page loop and the connectors' rules load on the first paged execute (a chunk of its own).
  const paging: ExecutePaging = {
    execute,
    readDefinitionId: (id, options) => get(id, options).then((connector) => connector.source_template.source_definition_id),
    definitionIds,
    logger: context.logger,
  };
  const pagingModule = () => import('../core/execute-paging.js');

  const list = (query: ListQuery = {}, options?: CallOptions): Promise<Schemas['ConnectorListResponse']> =>
    call(context, 'GET', raw.GET('/api/v1/integrations/connectors', { params: { query }, ...context.init(options) }));

  return {
    /** Stores a connector. Exactly one of connector_type, definition_id, source_template_id. Not retried on 5xx. */
    create: (body: Schemas['ConnectorCreateRequest'], options?: CallOptions): Promise<Schemas['ConnectorResponse']> =>
      call(context, 'POST', raw.POST('/api/v1/integrations/connectors', { body, ...context.init(options) })),

    list,

    get,

    /** Fields left out keep their value; `entities: []` clears. */
    update: (id: string, body: Schemas['ConnectorUpdateRequest'], options?: CallOptions): Promise<Schemas['ConnectorResponse']> =>
      call(context, 'PUT', raw.PUT('/api/v1/integrations/connectors/{id}', { ...byId(id), body, ...context.init(options) })),

    /** Deletion is asynchronous: the connector is gone once it no longer lists. */
    delete: (id: string, options?: CallOptions): Promise<Schemas['ConnectorDeleteResponse']> =>
      call(context, 'DELETE', raw.DELETE('/api/v1/integrations/connectors/{id}', { ...byId(id), ...context.init(options) })),

    /**
     * What an agent checks before its first execute: the connector's definition and template, its docs skill
     * (`docs_skill_id`, for `skills.docs`) and how ready its context store is.
     */
    inspect: (id: string, options?: CallOptions): Promise<Schemas['ConnectorInspectResponse']> =>
      call(context, 'GET', raw.GET('/api/v1/integrations/connectors/{id}/inspect', { ...byId(id), ...context.init(options) })),

    /** Checks a configuration before creating a connector from it. */
    check: (body: Schemas['ConnectorCreateRequest'], options?: CallOptions): Promise<Schemas['ConnectorCheckResponse']> =>
      call(context, 'POST', raw.POST('/api/v1/integrations/connectors/check', { body, ...context.init(options) })),

    /** Checks a stored connector with its stored credentials. */
    checkExisting: (id: string, body: Schemas['ConnectorUpdateRequest'] = {}, options?: CallOptions): Promise<Schemas['ConnectorCheckResponse']> =>
      call(context, 'POST', raw.POST('/api/v1/integrations/connectors/{id}/check', { ...byId(id), body, ...context.init(options) })),

    /**
     * Runs one action on one entity of the connected service; `intent` says why (kept in the audit, never echoed).
     * Read-only actions are retried; `create` only on 429.
     */
    execute,

    /**
     * Every page of an execute `list` or `api_search`, paged as the connector's definition says (the generated table
     * of openapi/connectors), until the last page, a `limit` of records or `maxPages`. A repeated cursor stops with an
     * AgentEngineError. A connector, entity or action the kit does not know yet gives its first page only.
     */
    async *executePages(id: string, body: Schemas['ExecuteRequest'], options: ExecutePagesOptions = {}): AsyncGenerator<Schemas['ExecuteResponse']> {
      yield* (await pagingModule()).executePages(paging, id, body, options);
    },

    /** Every record of an execute `list` or `api_search` across its pages, each once; `limit` caps how many. */
    async *executeRecords<Item = Record<string, unknown>>(id: string, body: Schemas['ExecuteRequest'], options: ExecutePagesOptions = {}): AsyncGenerator<Item> {
      yield* (await pagingModule()).executeRecords(paging, id, body, options) as AsyncGenerator<Item>;
    },

    /** The one connector of a definition in a workspace; NotFound or Ambiguous errors otherwise. */
    async find(query: FindConnectorQuery, options?: CallOptions): Promise<Schemas['ConnectorSummary']> {
      const { data } = await list({ workspace_name: query.workspaceName, definition_id: query.definitionId }, options);
      // Filter here too: a server that ignores a filter must not make find() pick the wrong connector.
      const matches = data.filter((c) => c.summarized_source_template.actor_definition_id === query.definitionId);
      if (matches.length === 1) return matches[0]!;
      const what = `definition ${query.definitionId} in workspace ${JSON.stringify(query.workspaceName)}`;
      if (matches.length === 0) throw new ConnectorNotFoundError(`No connector of ${what}`);
      throw new AmbiguousConnectorError(`${matches.length} connectors of ${what}; use their ids`, matches.map((c) => c.id));
    },
  };
}
