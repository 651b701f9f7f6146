import type { components, paths } from '../../generated/agent-engine.js';
import { call, type ResourceContext } from '../core/context.js';
import { AgentEngineError, AmbiguousConnectorError, ConnectorNotFoundError } from '../core/errors.js';
import { pagingStyleFor, type PagingStyle } from '../core/pagination.js';
import type { CallOptions } from '../core/transport.js';

type Schemas = components['schemas'];
type ListQuery = NonNullable<paths['/api/v1/integrations/connectors']['get']['parameters']['query']>;

export interface ExecutePagesOptions extends CallOptions {
  /** How the connector pages, when its metadata keys are not among PAGING_STYLES. */
  paging?: PagingStyle;
  /** Stop after this many pages. */
  maxPages?: number;
}

export interface FindConnectorQuery {
  workspaceName: string;
  definitionId: string;
}

export function connectorsResource(context: ResourceContext<paths>) {
  const { raw } = context;
  const byId = (id: string) => ({ params: { path: { id } } });

  const execute = (id: string, body: Schemas['ExecuteRequest'], options?: CallOptions): Promise<Schemas['ExecuteResponse']> =>
    call(context, 'POST', raw.POST('/api/v1/integrations/connectors/{id}/execute', { ...byId(id), body, ...context.init(options) }));

  const list = (query: ListQuery = {}, options?: CallOptions): Promise<Schemas['ConnectorListResponse']> =>
    call(context, 'GET', raw.GET('/api/v1/integrations/connectors', { params: { query }, ...context.init(options) }));

  return {
    /** Stores a connector. Exactly one of connector_type, definition_id, source_template_id. Not retried on 5xx. */
    create: (body: Schemas['ConnectorCreateRequest'], options?: CallOptions): Promise<Schemas['ConnectorResponse']> =>
      call(context, 'POST', raw.POST('/api/v1/integrations/connectors', { body, ...context.init(options) })),

    list,

    get: (id: string, options?: CallOptions): Promise<Schemas['ConnectorResponse']> =>
      call(context, 'GET', raw.GET('/api/v1/integrations/connectors/{id}', { ...byId(id), ...context.init(options) })),

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
     * Every page of an execute `list` (or `search`), following the connector's own cursor (GitHub, Linear, HubSpot,
     * Stripe built in) until it says there is no more.
     */
    async *executePages(id: string, body: Schemas['ExecuteRequest'], options: ExecutePagesOptions = {}): AsyncGenerator<Schemas['ExecuteResponse']> {
      const { paging, maxPages = Number.POSITIVE_INFINITY, ...callOptions } = options;
      let params = { ...body.params };
      const seenCursors = new Set<string>();
      for (let page = 0; page < maxPages; page++) {
        const response = await execute(id, { ...body, params }, callOptions);
        yield response;
        const metadata = response.connector_metadata as Record<string, unknown> | null | undefined;
        const style = paging ?? pagingStyleFor(metadata);
        const next = style && metadata ? style.next(metadata, response.result) : undefined;
        if (!next) return;
        const key = JSON.stringify(next);
        if (seenCursors.has(key)) throw new AgentEngineError(`executePages: the ${style!.name} cursor repeated (${key}); stopping instead of looping`);
        seenCursors.add(key);
        params = { ...body.params, ...next };
      }
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
