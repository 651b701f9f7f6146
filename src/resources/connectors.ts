import type { components, paths } from '../../generated/agent-engine.js';
import type { PagingRule } from '../../generated/connector-paging.js';
import { call, type ResourceContext } from '../core/context.js';
import { AbortError, AgentEngineError, AmbiguousConnectorError, ConnectorNotFoundError } from '../core/errors.js';
import type { PagingStyle } from '../core/pagination.js';
import type { CallOptions } from '../core/transport.js';

type Schemas = components['schemas'];
type ListQuery = NonNullable<paths['/api/v1/integrations/connectors']['get']['parameters']['query']>;
type Params = Record<string, unknown>;

export interface ExecutePagesOptions extends CallOptions {
  /**
   * The connector's definition, by name (`github`) or definition id. Without it, the definition id is read from
   * `GET /integrations/connectors/{id}` once per connector and kept by the client.
   */
  connector?: string;
  /** Paging of your own instead of the definition's: a rule of the generated table's shape, or a function. */
  paging?: PagingStyle | PagingRule;
  /** Stop after this many records in all (the last page is cut to fit). Not the page size: that is a param. */
  limit?: number;
  /** Stop after this many pages. */
  maxPages?: number;
}

/** Connector id -> its definition id, learnt once per client; a few lookups' worth, not a growing heap. */
export type DefinitionIdCache = Map<string, Promise<string>>;
const DEFINITION_ID_CACHE_SIZE = 1000;

/** The records of an execute answer: a list's items, a get's one record. */
const recordsOf = (result: unknown): unknown[] => (Array.isArray(result) ? result : result === null || result === undefined ? [] : [result]);

export interface FindConnectorQuery {
  workspaceName: string;
  definitionId: string;
}

export function connectorsResource(context: ResourceContext<paths>, definitionIds: DefinitionIdCache = new Map()) {
  const { raw } = context;
  const byId = (id: string) => ({ params: { path: { id } } });

  const get = (id: string, options?: CallOptions): Promise<Schemas['ConnectorResponse']> =>
    call(context, 'GET', raw.GET('/api/v1/integrations/connectors/{id}', { ...byId(id), ...context.init(options) }));

  /** The connector's definition id, asked once per connector (concurrent askers share the request). */
  async function definitionIdOf(id: string, options: CallOptions): Promise<string> {
    let known = definitionIds.get(id);
    if (!known) {
      known = get(id, options).then((connector) => connector.source_template.source_definition_id);
      known.catch(() => definitionIds.delete(id)); // a failed lookup is asked again next time
      if (definitionIds.size >= DEFINITION_ID_CACHE_SIZE) definitionIds.delete(definitionIds.keys().next().value!);
      definitionIds.set(id, known);
    }
    try {
      return await known;
    } catch (error) {
      // The shared request went with another caller's signal: that abort is not this caller's.
      if (error instanceof AbortError && !options.signal?.aborted) return definitionIdOf(id, options);
      throw error;
    }
  }

  /** How to ask for the page after an answer: the caller's own paging, or the rule of the connector's definition. */
  async function pagerOf(id: string, body: Schemas['ExecuteRequest'], options: ExecutePagesOptions, callOptions: CallOptions) {
    const { paging, connector } = options;
    if (typeof paging?.next === 'function') {
      const style = paging as PagingStyle;
      return (_params: Params, response: Schemas['ExecuteResponse']) => style.next((response.connector_metadata ?? {}) as Params, response.result);
    }
    const [rules, definition] = await Promise.all([import('../core/paging-rules.js'), paging ? '' : (connector ?? definitionIdOf(id, callOptions))]);
    const rule = (paging as PagingRule | undefined) ?? rules.pagingRuleOf(rules.resolveConnector(definition) ?? definition, body.entity, body.action);
    if (!rule) context.logger?.warn?.(`executePages: no paging rule for ${body.entity}.${body.action} of connector definition ${definition}; one page only`);
    return (params: Params, response: Schemas['ExecuteResponse']) => rule && rules.nextPageParams(rule, params, response.connector_metadata, response.result);
  }

  /**
   * Every page of an execute `list` or `api_search`, as the connector's definition pages it, until the last page, a
   * `limit` of records or `maxPages`. Stops with an AgentEngineError rather than ask for the same page twice.
   */
  async function* executePages(id: string, body: Schemas['ExecuteRequest'], options: ExecutePagesOptions = {}): AsyncGenerator<Schemas['ExecuteResponse']> {
    const { connector: _connector, paging: _paging, limit = Number.POSITIVE_INFINITY, maxPages = Number.POSITIVE_INFINITY, ...callOptions } = options;
    // Learnt while the first page is on its way; a failure surfaces only if a second page is wanted.
    const pager = pagerOf(id, body, options, callOptions);
    pager.catch(() => {});
    let params: Params = { ...body.params };
    const asked = new Set<string>();
    let remaining = limit;
    for (let page = 0; page < maxPages && remaining > 0; page++) {
      asked.add(JSON.stringify(params));
      const response = await execute(id, { ...body, params }, callOptions);
      const records = recordsOf(response.result);
      remaining -= records.length;
      yield remaining < 0 && Array.isArray(response.result) ? { ...response, result: records.slice(0, records.length + remaining) } : response;
      const next = remaining > 0 ? (await pager)(params, response) : undefined;
      if (!next) return;
      params = { ...body.params, ...next };
      if (asked.has(JSON.stringify(params))) {
        throw new AgentEngineError(`executePages: the connector answered the same \`${Object.keys(next).join('`, `')}\` again; stopping instead of asking for the same page twice`);
      }
    }
  }

  const execute = (id: string, body: Schemas['ExecuteRequest'], options?: CallOptions): Promise<Schemas['ExecuteResponse']> =>
    call(context, 'POST', raw.POST('/api/v1/integrations/connectors/{id}/execute', { ...byId(id), body, ...context.init(options) }));

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
     * of openapi/connectors). A connector, entity or action the kit does not know yet gives its first page only.
     */
    executePages,

    /** Every record of an execute `list` or `api_search` across its pages, each once; `limit` caps how many. */
    async *executeRecords<Item = Record<string, unknown>>(id: string, body: Schemas['ExecuteRequest'], options: ExecutePagesOptions = {}): AsyncGenerator<Item> {
      for await (const page of executePages(id, body, options)) yield* recordsOf(page.result) as Item[];
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
