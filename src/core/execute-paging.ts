// Paging an execute list by its connector's definition: the generated table of every connector's rules, what each
// style asks for next, and the page loop of executePages and executeRecords. Loaded only when an execute is paged (a
// chunk of its own in the ESM build): 51 connectors' rules that a client which never pages does not need.
import type { components } from '../../generated/agent-engine.js';
import { CONNECTOR_PAGING, type PagingRule } from '../../generated/connector-paging.js';
import type { ConnectorListQuery, ConnectorListResponse, ConnectorSummary } from '../schemas.js';
import type { FindConnectorQuery } from '../resources/connectors.js';
import {
  AbortError,
  AgentEngineError,
  AmbiguousConnectorError,
  ConfigurationError,
  ConnectorNotFoundError,
} from './errors.js';
import type { PagingStyle } from './pagination.js';
import type { CallOptions, Logger } from './transport.js';

type ExecuteRequest = components['schemas']['ExecuteRequest'];
type ExecuteResponse = components['schemas']['ExecuteResponse'];

/** Options of `connectors.executePages` and `executeRecords`: how to page, how far, and the call's own settings. */
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

/** Connector id -> its definition id, learnt once per client. */
export type DefinitionIdCache = Map<string, Promise<string>>;
// Bounded: a long-lived backend may page many customers' connectors.
const DEFINITION_ID_CACHE_SIZE = 1000;

/** What the page loop needs of the connectors resource. */
export interface ExecutePaging {
  execute(id: string, body: ExecuteRequest, options: CallOptions): Promise<ExecuteResponse>;
  /** The connector's definition id, as `GET /integrations/connectors/{id}` answers it. */
  readDefinitionId(id: string, options: CallOptions): Promise<string>;
  definitionIds: DefinitionIdCache;
  logger?: Logger | undefined;
}

type Row = Record<string, unknown>;

const isObject = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const present = (value: unknown) => value !== undefined && value !== null && value !== '';
// Own keys only: a name from the caller or the server never reaches a prototype.
const own = (object: unknown, key: string): unknown =>
  isObject(object) && Object.hasOwn(object, key) ? object[key] : undefined;
const integer = (value: unknown): number | undefined =>
  typeof value === 'number'
    ? Number.isInteger(value)
      ? value
      : undefined
    : typeof value === 'string' && /^-?\d+$/.test(value)
      ? Number(value)
      : undefined;

/** The definition id of a connector named by definition id or by name (`github`); undefined when the kit has none. */
export function resolveConnector(connector: string): string | undefined {
  const wanted = connector.trim().toLowerCase();
  if (Object.hasOwn(CONNECTOR_PAGING, wanted)) return wanted;
  return Object.keys(CONNECTOR_PAGING).find((id) => CONNECTOR_PAGING[id]!.name === wanted);
}

/** The rule of one entity's action, or undefined for a connector, entity or action the table does not know. */
export function pagingRuleOf(definitionId: string, entity: string, action: string): PagingRule | undefined {
  const connector = own(CONNECTOR_PAGING, definitionId.toLowerCase()) as (typeof CONNECTOR_PAGING)[string] | undefined;
  const index = own(own(connector?.entities, entity), action);
  return typeof index === 'number' ? connector!.rules[index] : undefined;
}

/** A dotted metadata path (`next_page.offset`). */
const at = (metadata: Row, path: string) => path.split('.').reduce<unknown>((value, key) => own(value, key), metadata);

/** A query param of a next-page link (relative links too); null for a link that is not a URL. */
function linkParam(link: string, name: string): string | null {
  try {
    return new URL(link, 'https://link.invalid').searchParams.get(name);
  } catch {
    return null;
  }
}

/** The next URL: the value itself, or with `rel`, the href of the link object with that rel (PayPal's `links`). */
function nextLink(value: unknown, rel: string | undefined): unknown {
  if (rel === undefined) return value;
  return Array.isArray(value)
    ? own(
        value.find((link) => own(link, 'rel') === rel),
        'href',
      )
    : undefined;
}

/**
 * The params that ask for the page after this one, or undefined after the last page. `params` are the ones this page
 * was asked with; the answer's connector_metadata and records say where the next page starts.
 */
export function nextPageParams(rule: PagingRule, params: Row, metadata: unknown, result: unknown): Row | undefined {
  const meta = isObject(metadata) ? metadata : {};
  const records = Array.isArray(result) ? result : [];
  const cursor = rule.cursor;
  if (!cursor || (rule.more && own(meta, rule.more) === false) || (rule.done && own(meta, rule.done) === true))
    return undefined;
  const size = integer(own(params, rule.size ?? '')) ?? rule.sizeDefault;
  const short = records.length === 0 || (size !== undefined && records.length < size);
  const total = integer(own(meta, rule.total ?? ''));
  switch (rule.style) {
    case 'cursor': {
      const value = at(meta, rule.next ?? '');
      if (!present(value)) return undefined;
      // A token of digits handed back to an integer param (LinkedIn's `start` from `nextPageToken`) goes back a number.
      return { [cursor]: rule.integer && typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value };
    }
    case 'link': {
      const link = nextLink(own(meta, rule.next ?? ''), rule.rel);
      if (typeof link !== 'string' || link === '') return undefined;
      const position = rule.integer ? integer(linkParam(link, cursor)) : linkParam(link, cursor);
      const where = rule.rel ? `the rel=${rule.rel} link` : 'the next link';
      if (!present(position))
        throw new AgentEngineError(
          `executePages: ${where} in connector_metadata.${rule.next} carries no ${rule.integer ? 'integer ' : ''}\`${cursor}\` to page with`,
        );
      return { [cursor]: position };
    }
    case 'last_id': {
      const more = rule.more ? own(meta, rule.more) : undefined;
      if (records.length === 0 || (more === undefined ? short : more !== true)) return undefined;
      const key = rule.key ?? 'id';
      const last = own(records.at(-1), key);
      if (!present(last))
        throw new AgentEngineError(
          `executePages: the last record has no \`${key}\` to page on (keep it in select_fields)`,
        );
      return { [cursor]: last };
    }
    case 'offset': {
      const next = (integer(own(params, cursor)) ?? 0) + records.length;
      return short || (total !== undefined && next >= total) ? undefined : { [cursor]: next };
    }
    case 'page': {
      const first = rule.first ?? 1;
      const page = integer(own(params, cursor)) ?? first;
      const seen = (page - first) * (size ?? 0) + records.length;
      return short || (total !== undefined && size !== undefined && seen >= total) ? undefined : { [cursor]: page + 1 };
    }
    default:
      return undefined;
  }
}

/** The records of an execute answer: a list's items, a get's one record. */
const recordsOf = (result: unknown): unknown[] =>
  Array.isArray(result) ? result : result === null || result === undefined ? [] : [result];

/** The connector's definition id, asked once per connector (concurrent askers share the request). */
async function definitionIdOf(paging: ExecutePaging, id: string, options: CallOptions): Promise<string> {
  const cache = paging.definitionIds;
  let known = cache.get(id);
  if (!known) {
    known = paging.readDefinitionId(id, options);
    known.catch(() => cache.delete(id)); // a failed lookup is asked again next time
    if (cache.size >= DEFINITION_ID_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(id, known);
  }
  try {
    return await known;
  } catch (error) {
    // The shared request went with another caller's signal: that abort is not this caller's.
    if (error instanceof AbortError && !options.signal?.aborted) return definitionIdOf(paging, id, options);
    throw error;
  }
}

type NextParams = (params: Row, response: ExecuteResponse) => Row | undefined;

/** How to ask for the page after an answer: the caller's own paging, or the rule of the connector's definition. */
async function pagerOf(
  paging: ExecutePaging,
  id: string,
  body: ExecuteRequest,
  options: ExecutePagesOptions,
  callOptions: CallOptions,
): Promise<NextParams> {
  const own = options.paging;
  if (typeof own?.next === 'function') {
    const style = own as PagingStyle;
    return (_params, response) =>
      style.next(isObject(response.connector_metadata) ? response.connector_metadata : {}, response.result);
  }
  const definition = own ? '' : (options.connector ?? (await definitionIdOf(paging, id, callOptions)));
  const rule =
    (own as PagingRule | undefined) ??
    pagingRuleOf(resolveConnector(definition) ?? definition, body.entity, body.action);
  if (!rule)
    paging.logger?.warn?.(
      `executePages: no paging rule for ${body.entity}.${body.action} of connector definition ${definition}; one page only`,
    );
  return (params, response) =>
    rule ? nextPageParams(rule, params, response.connector_metadata, response.result) : undefined;
}

/**
 * Every page of an execute list, until the last page, a `limit` of records or `maxPages`; an AgentEngineError rather
 * than asking for the same page twice.
 */
export async function* executePages(
  paging: ExecutePaging,
  id: string,
  body: ExecuteRequest,
  options: ExecutePagesOptions,
): AsyncGenerator<ExecuteResponse> {
  const {
    connector: _connector,
    paging: _paging,
    limit = Number.POSITIVE_INFINITY,
    maxPages = Number.POSITIVE_INFINITY,
    ...callOptions
  } = options;
  // Learnt while the first page is on its way; a failure surfaces only if a second page is wanted.
  const pager = pagerOf(paging, id, body, options, callOptions);
  pager.catch(() => {});
  let params: Row = { ...body.params };
  const asked = new Set<string>();
  let remaining = limit;
  for (let page = 0; page < maxPages && remaining > 0; page++) {
    asked.add(JSON.stringify(params));
    const response = await paging.execute(id, { ...body, params }, callOptions);
    const records = recordsOf(response.result);
    remaining -= records.length;
    yield remaining < 0 && Array.isArray(response.result)
      ? { ...response, result: records.slice(0, records.length + remaining) }
      : response;
    const next = remaining > 0 ? (await pager)(params, response) : undefined;
    if (!next) return;
    params = { ...body.params, ...next };
    if (asked.has(JSON.stringify(params))) {
      throw new AgentEngineError(
        `executePages: the connector answered the same \`${Object.keys(next).join('`, `')}\` again; stopping instead of asking for the same page twice`,
      );
    }
  }
}

/** Every record of those pages, each once. */
export async function* executeRecords(
  paging: ExecutePaging,
  id: string,
  body: ExecuteRequest,
  options: ExecutePagesOptions,
): AsyncGenerator<unknown> {
  for await (const page of executePages(paging, id, body, options)) yield* recordsOf(page.result);
}

/**
 * `connectors.find`, over the resource's `list` (asked for a `data` array). Its code is here, in a chunk loaded on
 * first use, rather than in the client's entry: the typed connectors' workspace lookup, its main user, loads this
 * chunk anyway.
 */
export async function findConnector(
  list: (query: ConnectorListQuery, options: CallOptions | undefined, need: string) => Promise<ConnectorListResponse>,
  query: FindConnectorQuery,
  options?: CallOptions,
): Promise<ConnectorSummary> {
  const { data } = await list(query, options, 'data');
  // Filter here too: a server that ignores a filter must not make find() pick the wrong connector. (A summary without
  // its template matches nothing.)
  const matches = data.filter((c) => c?.summarized_source_template?.actor_definition_id === query.definition_id);
  if (matches.length === 1) return matches[0]!;
  const what = `definition ${query.definition_id} in workspace ${JSON.stringify(query.workspace_name)}`;
  if (matches.length === 0) throw new ConnectorNotFoundError(`No connector of ${what}`);
  throw new AmbiguousConnectorError(
    `${matches.length} connectors of ${what}; use their ids`,
    matches.map((c) => c.id),
  );
}

/** The id of a workspace's one connector of the definition named `name` (`github`): a typed connector's lookup. */
export async function typedConnectorId(
  find: (query: FindConnectorQuery) => Promise<ConnectorSummary>,
  workspaceName: string,
  name: string,
): Promise<string> {
  const definitionId = resolveConnector(name);
  if (!definitionId)
    throw new ConfigurationError(`The kit has no agent connector definition named ${JSON.stringify(name)}`);
  return (await find({ workspace_name: workspaceName, definition_id: definitionId })).id;
}
