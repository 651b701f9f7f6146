import type { paths } from '../../generated/agent-engine.js';
import { call, type ResourceContext } from '../core/context.js';
import type { DefinitionIdCache, ExecutePaging, ExecutePagesOptions } from '../core/execute-paging.js';
import type { CallOptions } from '../core/transport.js';
import type {
  ConnectorCheckResponse,
  ConnectorCreateRequest,
  ConnectorDeleteResponse,
  ConnectorInspectResponse,
  ConnectorListQuery,
  ConnectorListResponse,
  ConnectorResponse,
  ConnectorSummary,
  ConnectorUpdateRequest,
  ExecuteRequest,
  ExecuteResponse,
} from '../schemas.js';

export type { DefinitionIdCache, ExecutePagesOptions };

/**
 * What `connectors.find` looks for: the one connector of a definition in a workspace. Named as the API names the
 * filters it sends (`list`'s query), as every helper argument that goes to the API is.
 */
export interface FindConnectorQuery {
  /** The workspace (one of your customers), by its name. */
  workspace_name: string;
  /** The connector definition's id, e.g. GitHub's `ef69ef6e-aa7f-4af1-a01d-ef775033524e`. */
  definition_id: string;
}

/** An execute answer whose `result` has the caller's type: what `execute<TResult>()` resolves to. */
export interface ExecuteAnswer<TResult = ExecuteResponse['result']> extends Omit<ExecuteResponse, 'result'> {
  /** The records or the single record, in the connected service's own shape (typed as the caller said). */
  result: TResult;
}

/**
 * `client.connectors`: the connectors of your organization (of one workspace, on a client from `forWorkspace`), and
 * `execute`, which runs an action on an entity of the connected service (list GitHub issues, get a Stripe customer).
 */
export interface ConnectorsResource {
  /**
   * Stores a connector. Exactly one of `connector_type`, `definition_id`, `source_template_id` names what to
   * connect to. Not retried on 5xx (it could create two).
   */
  create(body: ConnectorCreateRequest, options?: CallOptions): Promise<ConnectorResponse>;
  /** Every connector of the organization, or of one workspace or definition (the list is not paginated). */
  list(query?: ConnectorListQuery, options?: CallOptions): Promise<ConnectorListResponse>;
  /** One connector with its source template and replication configuration; credentials are never returned. */
  get(id: string, options?: CallOptions): Promise<ConnectorResponse>;
  /** Fields left out keep their value; `entities: []` clears. */
  update(id: string, body: ConnectorUpdateRequest, options?: CallOptions): Promise<ConnectorResponse>;
  /** Deletion is asynchronous: the connector is gone once it no longer lists. */
  delete(id: string, options?: CallOptions): Promise<ConnectorDeleteResponse>;
  /**
   * What an agent checks before its first execute: the connector's definition and template, its docs skill
   * (`docs_skill_id`, for `skills.docs`) and how ready its context store is.
   */
  inspect(id: string, options?: CallOptions): Promise<ConnectorInspectResponse>;
  /** Checks a configuration before creating a connector from it (the body of `create`). */
  check(body: ConnectorCreateRequest, options?: CallOptions): Promise<ConnectorCheckResponse>;
  /** Checks a stored connector with its stored credentials, or with the changes in `body` applied. */
  checkExisting(id: string, body?: ConnectorUpdateRequest, options?: CallOptions): Promise<ConnectorCheckResponse>;
  /**
   * Runs one action on one entity of the connected service; `intent` says why (kept in the audit, never echoed).
   * Read-only actions are retried; `create` only on 429.
   * @param id The connector's id.
   * @param body The entity, the action, its params and what to keep of the records.
   * @example
   * ```ts
   * const { result, connector_metadata } = await client.connectors.execute(connectorId, {
   *   entity: 'issues',
   *   action: 'list',
   *   params: { owner: 'airbytehq', repo: 'airbyte', per_page: 10 },
   *   intent: 'Find open bugs about rate limits',
   * });
   * ```
   * Untyped, for any connector (one newer than the kit's definitions too); `execute<MyRecord[]>(...)` types `result` as
   * the caller's own, and `client.connector(name, id)` types everything from the connector's definition.
   */
  execute<TResult = ExecuteResponse['result']>(
    id: string,
    body: ExecuteRequest,
    options?: CallOptions,
  ): Promise<ExecuteAnswer<TResult>>;
  /**
   * Every page of an execute `list` or `api_search`, paged as the connector's definition says (the generated table
   * of openapi/connectors), until the last page, a `limit` of records or `maxPages`. A repeated cursor stops with an
   * AgentEngineError. A connector, entity or action the kit does not know yet gives its first page only.
   */
  executePages(id: string, body: ExecuteRequest, options?: ExecutePagesOptions): AsyncGenerator<ExecuteResponse>;
  /**
   * Every record of an execute `list` or `api_search` across its pages, each once; `limit` caps how many.
   * @typeParam Item The record type you expect (not checked at run time).
   */
  executeRecords<Item = Record<string, unknown>>(
    id: string,
    body: ExecuteRequest,
    options?: ExecutePagesOptions,
  ): AsyncGenerator<Item>;
  /**
   * The one connector of a definition in a workspace; ConnectorNotFoundError or AmbiguousConnectorError otherwise.
   * (Its code loads with the connectors' paging rules, on first use.)
   */
  find(query: FindConnectorQuery, options?: CallOptions): Promise<ConnectorSummary>;
}

/** Execute actions that only read. */
const READ_ONLY_ACTIONS = new Set(['list', 'get', 'search', 'api_search', 'download', 'context_store_search']);

export function connectorsResource(
  context: ResourceContext<paths>,
  definitionIds: DefinitionIdCache = new Map(),
): ConnectorsResource {
  const { raw } = context;
  const byId = (id: string) => ({ params: { path: { id } } });

  // `need`: what the caller reads of the answer, checked before it reads it (see `unwrap`).
  const get = (id: string, options?: CallOptions, need?: string): Promise<ConnectorResponse> =>
    call(
      context,
      'GET',
      raw.GET('/api/v1/integrations/connectors/{id}', { ...byId(id), ...context.init(options) }),
      need,
    );

  // An action that only reads may be repeated after a timeout or a 5xx; one that writes only where it cannot have run.
  // Typed connectors and the page loop read the answer's fields: an answer must at least be an object with a status.
  const execute = <TResult = ExecuteResponse['result']>(id: string, body: ExecuteRequest, options?: CallOptions) =>
    call(
      context,
      'POST',
      raw.POST('/api/v1/integrations/connectors/{id}/execute', {
        ...byId(id),
        body,
        ...context.init({ idempotent: READ_ONLY_ACTIONS.has(body.action), ...options }),
      }),
      'status',
    ) as Promise<ExecuteAnswer<TResult>>;

  // The page loop and the connectors' rules load on the first paged execute (a chunk of its own).
  const paging: ExecutePaging = {
    execute,
    readDefinitionId: (id, options) =>
      get(id, options, 'source_template.source_definition_id').then(
        (connector) => connector.source_template.source_definition_id,
      ),
    definitionIds,
    logger: context.logger,
  };
  const pagingModule = () => import('../core/execute-paging.js');

  const list = (query: ConnectorListQuery = {}, options?: CallOptions, need?: string): Promise<ConnectorListResponse> =>
    call(
      context,
      'GET',
      raw.GET('/api/v1/integrations/connectors', { params: { query }, ...context.init(options) }),
      need,
    );

  return {
    create: (body, options) =>
      call(context, 'POST', raw.POST('/api/v1/integrations/connectors', { body, ...context.init(options) })),

    list,

    get,

    update: (id, body, options) =>
      call(
        context,
        'PUT',
        raw.PUT('/api/v1/integrations/connectors/{id}', { ...byId(id), body, ...context.init(options) }),
      ),

    delete: (id, options) =>
      call(
        context,
        'DELETE',
        raw.DELETE('/api/v1/integrations/connectors/{id}', { ...byId(id), ...context.init(options) }),
      ),

    inspect: (id, options) =>
      call(
        context,
        'GET',
        raw.GET('/api/v1/integrations/connectors/{id}/inspect', { ...byId(id), ...context.init(options) }),
      ),

    check: (body, options) =>
      call(
        context,
        'POST',
        raw.POST('/api/v1/integrations/connectors/check', { body, ...context.init({ idempotent: true, ...options }) }),
      ),

    checkExisting: (id, body = {}, options) =>
      call(
        context,
        'POST',
        raw.POST('/api/v1/integrations/connectors/{id}/check', {
          ...byId(id),
          body,
          ...context.init({ idempotent: true, ...options }),
        }),
      ),

    execute,

    async *executePages(id, body, options = {}) {
      yield* (await pagingModule()).executePages(paging, id, body, options);
    },

    async *executeRecords<Item>(
      id: string,
      body: ExecuteRequest,
      options: ExecutePagesOptions = {},
    ): AsyncGenerator<Item> {
      yield* (await pagingModule()).executeRecords(paging, id, body, options) as AsyncGenerator<Item>;
    },

    // In the paging chunk with the typed connectors' lookup, which is its main user: the client's entry stays small.
    find: async (query, options) => (await pagingModule()).findConnector(list, query, options),
  };
}
