// Typed connectors: `client.connector('github', id)` gives each entity of the connector's definition with exactly the
// actions it lists, their params and records typed from generated/connectors (openapi/connectors/*.yaml, through
// openapi-typescript: no hand-written copy), each action documented from its definition (connectors/actions.d.ts).
// At run time a typed connector is a thin layer over `execute` and `executeRecords`; the types do the work.
import type { components } from '../../generated/agent-engine.js';
import type { ConnectorActions } from '../../generated/connectors/actions.js';
import type { ConnectorPaths } from '../../generated/connectors/index.js';
import type { ExecutePagesOptions } from '../core/execute-paging.js';
import type { CallOptions } from '../core/transport.js';

type ExecuteRequest = components['schemas']['ExecuteRequest'];
type ExecuteResponse = components['schemas']['ExecuteResponse'];

/** The name of an agent connector the kit has a definition of (`github`, `stripe`, `zendesk-support`, ...). */
export type ConnectorName = keyof ConnectorPaths;

type OperationKey<N extends ConnectorName> = Extract<keyof ConnectorPaths[N], `/${string}/${string}`>;
type EntityOfKey<K> = K extends `/${infer E}/${string}` ? E : never;
type ActionOfKey<K, E extends string> = K extends `/${E}/${infer A}` ? A : never;

/** The entities of a connector, as its definition names them. */
export type EntityName<N extends ConnectorName> = EntityOfKey<OperationKey<N>>;
/** The actions one entity of a connector has (`list`, `get`, `create`, `update`, `delete`, `api_search`, `download`). */
export type ActionName<N extends ConnectorName, E extends string> = ActionOfKey<OperationKey<N>, E>;

type Operation<N extends ConnectorName, E extends string, A extends string> =
  ConnectorPaths[N] extends Record<`/${E}/${A}`, { post: infer O }> ? O : never;

// The generated docs of a connector's entities and actions: mapped over homomorphically, so hovers show them.
type ActionsOf<N extends ConnectorName> = N extends keyof ConnectorActions ? ConnectorActions[N] : never;
type EntityActions<N extends ConnectorName, E extends string> = E extends keyof ActionsOf<N> ? ActionsOf<N>[E] : never;
// Required params the connector fills when they are left out (scoped from its configuration, or with a default).
type FilledParams<N extends ConnectorName, E extends string, A extends string> = A extends keyof EntityActions<N, E>
  ? EntityActions<N, E>[A]
  : never;

// `as` clauses that only filter keep each param's declaration (and its docs).
type WithOptional<P, K> = [K] extends [never]
  ? P
  : { [F in keyof P as F extends K ? F : never]?: P[F] } & { [F in keyof P as F extends K ? never : F]: P[F] };

/**
 * The params of one action: what `execute` takes in `params`, as the connector's definition types them, except that
 * those the connector fills when they are left out are optional (GitHub's `owner` and `repo`, scoped from its
 * configuration's `repositories`; Google Drive's `alt`, which has a default).
 */
export type ActionParams<N extends ConnectorName, E extends string, A extends string> = WithOptional<
  Operation<N, E, A> extends { requestBody: { content: { 'application/json': infer P } } } ? P : never,
  FilledParams<N, E, A>
>;

type Answer<N extends ConnectorName, E extends string, A extends string> =
  Operation<N, E, A> extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;

/** What one action answers in `result`: a list of records, one record, or (a download) the content's bytes. */
export type ActionResult<N extends ConnectorName, E extends string, A extends string> = A extends 'download'
  ? Uint8Array
  : Answer<N, E, A> extends { result: infer R }
    ? R
    : never;

/** The `connector_metadata` one action answers: the connector's own paging keys (`end_cursor`, `has_more`, ...). */
export type ActionMeta<N extends ConnectorName, E extends string, A extends string> =
  Answer<N, E, A> extends { connector_metadata: infer M } ? M : null;

/** One record of an entity, as its list (else its get) answers it. */
export type EntityRecord<N extends ConnectorName, E extends string> =
  ActionResult<N, E, 'list'> extends (infer R)[] ? R : ActionResult<N, E, 'get'>;

/** What a call of a typed action takes beside its params: the execute request's own options and the call's. */
export interface ActionOptions extends CallOptions {
  /** Return only these fields of each record (dotted paths). */
  select_fields?: string[];
  /** Leave these fields out of each record. */
  exclude_fields?: string[];
  /** Why the action runs, in a sentence (kept in the audit, never echoed back). */
  intent?: string;
  /** `false` to have long values cut short; the API's default is `true`. */
  skip_truncation?: boolean;
}

/** `all()`'s options: a total `limit` of records and a `maxPages`, beside the call's. */
export interface AllOptions extends ActionOptions, Pick<ExecutePagesOptions, 'limit' | 'maxPages'> {}

/** A typed action's answer: `data` is the result (records or a record), `meta` the connector's metadata. */
export interface ActionAnswer<T, M> {
  /** The action's `result`: the records of a list, the record of a get, what a write answers. */
  data: T;
  /** The action's `connector_metadata`: the connector's own paging keys for a list, else null. */
  meta: M;
  /** Set when the answer may be stale or incomplete (e.g. an inactive context store). */
  warning: ExecuteResponse['warning'] | null;
  /** The whole execute answer, with `execution_metadata`. */
  response: ExecuteResponse;
}

// Params may be left out only when the action requires none.
// biome-ignore lint/complexity/noBannedTypes: `{} extends P` is how a type asks whether every property of P is optional.
type ParamsArgs<P, O> = {} extends P ? [params?: P, options?: O] : [params: P, options?: O];

type ActionMethod<N extends ConnectorName, E extends string, A extends string> = A extends 'download'
  ? (...args: ParamsArgs<ActionParams<N, E, A>, ActionOptions>) => Promise<Uint8Array>
  : (
      ...args: ParamsArgs<ActionParams<N, E, A>, ActionOptions>
    ) => Promise<ActionAnswer<ActionResult<N, E, A>, ActionMeta<N, E, A>>>;

/**
 * One entity of a typed connector: exactly the actions its definition lists, each documented from it, and `all()`
 * where it has a list.
 */
export type TypedEntity<N extends ConnectorName, E extends string> = {
  [A in keyof EntityActions<N, E>]: ActionMethod<N, E, A & string>;
} & ('list' extends ActionName<N, E>
  ? {
      /** Every record of the list across its pages, each once, paged as the connector's definition says. */
      all(...args: ParamsArgs<ActionParams<N, E, 'list'>, AllOptions>): AsyncGenerator<EntityRecord<N, E>>;
    }
  : unknown);

/** An execute request of one connector: a union over its entities and actions, each with its own params. */
export type TypedExecuteRequest<N extends ConnectorName> = {
  // biome-ignore lint/complexity/noBannedTypes: `{} extends P` asks whether every property of the params is optional.
  [K in OperationKey<N>]: { entity: EntityOfKey<K>; action: ActionOfKey<K, EntityOfKey<K>> } & ({} extends ActionParams<
    N,
    EntityOfKey<K>,
    ActionOfKey<K, EntityOfKey<K>>
  >
    ? { params?: ActionParams<N, EntityOfKey<K>, ActionOfKey<K, EntityOfKey<K>>> }
    : { params: ActionParams<N, EntityOfKey<K>, ActionOfKey<K, EntityOfKey<K>>> }) &
    Pick<ActionOptions, 'select_fields' | 'exclude_fields' | 'intent' | 'skip_truncation'>;
}[OperationKey<N>];

/** The members a typed connector has beside its entities. */
export interface TypedConnectorBase<N extends ConnectorName> {
  /** The connector's definition name. */
  readonly connectorName: N;
  /** The connector's id (looked up once for `forWorkspace(name).connector(definition)`). */
  connectorId(): Promise<string>;
  /**
   * Any action of the connector as one request, typed as a union of its entities and actions:
   * `execute({ entity: 'issues', action: 'create', params: { owner, repo, title } })`.
   */
  execute<R extends TypedExecuteRequest<N>>(
    request: R,
    options?: CallOptions,
  ): Promise<
    R['action'] extends 'download'
      ? Uint8Array
      : ActionAnswer<ActionResult<N, R['entity'], R['action']>, ActionMeta<N, R['entity'], R['action']>>
  >;
}

/**
 * A connector typed from its definition: `github.issues.list({ per_page: 10 })` (`owner` and `repo` may be left to
 * the connector's configuration), `github.issues.all({}, { limit: 500 })`, `github.issues.get({ number: 42 })`.
 */
export type TypedConnector<N extends ConnectorName> = TypedConnectorBase<N> & {
  readonly [E in keyof ActionsOf<N>]: TypedEntity<N, E & string>;
};

/** What a typed connector needs of the client. */
export interface TypedConnectorDeps {
  execute(id: string, body: ExecuteRequest, options?: CallOptions): Promise<ExecuteResponse>;
  executeRecords(id: string, body: ExecuteRequest, options?: ExecutePagesOptions): AsyncGenerator<unknown>;
  download(id: string, body: ExecuteRequest, options?: CallOptions): Promise<Uint8Array>;
}

/** Splits a call's options into the execute request's own fields and the call's. */
function splitOptions({ select_fields, exclude_fields, intent, skip_truncation, ...call }: AllOptions = {}) {
  // JSON leaves the undefined ones out of the request.
  return { request: { select_fields, exclude_fields, intent, skip_truncation } as Partial<ExecuteRequest>, call };
}

/** A typed connector over the client's execute, for a connector whose id `connectorId` resolves. */
export function createTypedConnector<N extends ConnectorName>(
  name: N,
  connectorId: () => Promise<string>,
  deps: TypedConnectorDeps,
): TypedConnector<N> {
  const run = async (body: ExecuteRequest, options?: AllOptions) => {
    const { request, call } = splitOptions(options);
    const id = await connectorId();
    body = { ...request, ...body };
    if (body.action === 'download') return deps.download(id, body, call);
    const response = await deps.execute(id, body, call);
    return {
      data: response.result,
      meta: response.connector_metadata ?? null,
      warning: response.warning ?? null,
      response,
    };
  };
  // Entities and actions by property name; `then` and `toJSON` are none, so that a connector is not taken for a promise.
  const named = <T>(of: (key: string) => T) =>
    new Proxy(
      {},
      { get: (_, key) => (typeof key === 'string' && key !== 'then' && key !== 'toJSON' ? of(key) : undefined) },
    );
  const entity = (entityName: string) =>
    named((action) =>
      action === 'all'
        ? async function* (params?: Record<string, unknown>, options?: AllOptions) {
            const { request, call } = splitOptions(options);
            yield* deps.executeRecords(
              await connectorId(),
              { entity: entityName, action: 'list', params: params ?? {}, ...request },
              { ...call, connector: name },
            );
          }
        : (params?: Record<string, unknown>, options?: AllOptions) =>
            run({ entity: entityName, action, params: params ?? {} }, options),
    );
  const base: TypedConnectorBase<N> = {
    connectorName: name,
    connectorId,
    execute: ((request: ExecuteRequest, options?: CallOptions) =>
      run(request, options)) as TypedConnectorBase<N>['execute'],
  };
  return new Proxy(base, {
    get: (target, key) =>
      typeof key !== 'string' || key in target ? Reflect.get(target, key) : Reflect.get(named(entity), key),
  }) as TypedConnector<N>;
}
