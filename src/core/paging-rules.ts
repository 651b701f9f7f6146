// Paging an execute list by its connector's definition: the generated table of every connector's rules, and what
// each style asks for next. Loaded only when an execute is paged (a chunk of its own in the ESM build): the table is
// data for 51 connectors that a client which never pages does not need.
import { CONNECTOR_PAGING, type PagingRule } from '../../generated/connector-paging.js';
import { AgentEngineError } from './errors.js';

type Row = Record<string, unknown>;

const isObject = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const present = (value: unknown) => value !== undefined && value !== null && value !== '';
// Own keys only: a name from the caller or the server never reaches a prototype.
const own = (object: unknown, key: string): unknown => (isObject(object) && Object.hasOwn(object, key) ? object[key] : undefined);
const integer = (value: unknown): number | undefined =>
  typeof value === 'number' ? (Number.isInteger(value) ? value : undefined) : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : undefined;

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

/**
 * The params that ask for the page after this one, or undefined after the last page. `params` are the ones this page
 * was asked with; the answer's connector_metadata and records say where the next page starts.
 */
export function nextPageParams(rule: PagingRule, params: Row, metadata: unknown, result: unknown): Row | undefined {
  const meta = isObject(metadata) ? metadata : {};
  const records = Array.isArray(result) ? result : [];
  const cursor = rule.cursor;
  if (!cursor || (rule.more && own(meta, rule.more) === false) || (rule.done && own(meta, rule.done) === true)) return undefined;
  const size = integer(own(params, rule.size ?? '')) ?? rule.sizeDefault;
  const short = records.length === 0 || (size !== undefined && records.length < size);
  const total = integer(own(meta, rule.total ?? ''));
  switch (rule.style) {
    case 'cursor': {
      const value = at(meta, rule.next ?? '');
      return present(value) ? { [cursor]: value } : undefined;
    }
    case 'link': {
      const link = own(meta, rule.next ?? '');
      if (typeof link !== 'string' || link === '') return undefined;
      const position = rule.integer ? integer(linkParam(link, cursor)) : linkParam(link, cursor);
      if (!present(position)) throw new AgentEngineError(`executePages: the next link in connector_metadata.${rule.next} carries no ${rule.integer ? 'integer ' : ''}\`${cursor}\` to page with`);
      return { [cursor]: position };
    }
    case 'last_id': {
      const more = rule.more ? own(meta, rule.more) : undefined;
      if (records.length === 0 || (more === undefined ? short : more !== true)) return undefined;
      const key = rule.key ?? 'id';
      const last = own(records.at(-1), key);
      if (!present(last)) throw new AgentEngineError(`executePages: the last record has no \`${key}\` to page on (keep it in select_fields)`);
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
