// Paging as each connector's definition says it (x-paging: style, size, cursor, next, rel, more, done, total) and the
// connector_metadata its list answers, key by key from each key's role. Positions are offsets inside the engine; what
// the caller sees is the connector's own form of them: an opaque cursor, a next-page URL, the last record's key, an
// offset or a page number.
import type { ActionDefinition, JsonSchema, Paging } from '../connectors/definitions.js';
import { QueryError, type Row } from './query.js';

export interface PageRequest {
  offset: number;
  size: number;
  /** The page number a `page` (or page-in-link) pager asked for, for the metadata that reports it. */
  page: number;
}

/** When a list names no size: the size param's default, else this (services answer a page of about this size). */
const DEFAULT_PAGE_SIZE = 25;

const encodeToken = (offset: number) => btoa(`cursor:v2:${offset}`).replace(/=+$/, '');
function decodeToken(token: string): number | undefined {
  try {
    const match = /^cursor:v2:(\d{1,9})$/.exec(atob(token));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

const isIntegerParam = (schema: JsonSchema | undefined) =>
  schema !== undefined && [schema.type].flat().includes('integer');
const paramSchema = (action: ActionDefinition, name: string | null) =>
  name ? (action.params.properties?.[name] as JsonSchema | undefined) : undefined;

function firstPage(action: ActionDefinition, paging: Paging): number {
  const schema = paramSchema(action, paging.cursor);
  return typeof schema?.default === 'number'
    ? schema.default
    : typeof schema?.minimum === 'number'
      ? schema.minimum
      : 1;
}

/** A page position in a link's query param: a page number, an offset, or an opaque cursor, by the param. */
function linkValue(action: ActionDefinition, paging: Paging, offset: number, size: number): string {
  const schema = paramSchema(action, paging.cursor);
  if (paging.cursor === 'page') return String(firstPage(action, paging) + Math.floor(offset / size));
  return isIntegerParam(schema) ? String(offset) : encodeToken(offset);
}

function sizeOf(action: ActionDefinition, paging: Paging | null, params: Row, total: number): number {
  const name = paging?.size ?? null;
  if (name && params[name] !== undefined) return Number(params[name]);
  const fallback = paramSchema(action, name)?.default;
  if (typeof fallback === 'number') return fallback;
  return !paging || paging.style === 'none' ? Math.max(total, 1) : DEFAULT_PAGE_SIZE;
}

/** Where the caller's page starts, from the params the connector pages with; a position it never issued is a 400. */
export function pageRequest(
  action: ActionDefinition,
  params: Row,
  records: Row[],
  keyField: string | null,
): PageRequest {
  const paging = action.paging;
  const size = Math.max(1, sizeOf(action, paging, params, records.length));
  const raw = paging?.cursor ? params[paging.cursor] : undefined;
  const start = paging ? firstPage(action, paging) : 1;
  if (!paging || raw === undefined || raw === null || raw === '' || paging.style === 'none')
    return { offset: 0, size, page: start };
  const invalid = () =>
    new QueryError(
      `Invalid ${paging.cursor}: pass the value from the previous page's connector_metadata`,
      `params.${paging.cursor}`,
    );
  const schema = paramSchema(action, paging.cursor);
  let offset: number | undefined;
  switch (paging.style) {
    case 'last_id': {
      const index = records.findIndex((r) => keyField !== null && String(r[keyField]) === String(raw));
      offset = index < 0 ? undefined : index + 1;
      break;
    }
    case 'page':
      offset = Number.isInteger(Number(raw)) && Number(raw) >= start ? (Number(raw) - start) * size : undefined;
      break;
    case 'offset':
      offset = Number.isInteger(Number(raw)) && Number(raw) >= 0 ? Number(raw) : undefined;
      break;
    default:
      // cursor and link: what this engine handed out (a page number, an offset or an opaque token).
      if (paging.style === 'link' && paging.cursor === 'page')
        offset = Number.isInteger(Number(raw)) && Number(raw) >= start ? (Number(raw) - start) * size : undefined;
      else if (isIntegerParam(schema) || /^\d+$/.test(String(raw)))
        offset = Number.isInteger(Number(raw)) && Number(raw) >= 0 ? Number(raw) : decodeToken(String(raw));
      else offset = decodeToken(String(raw));
  }
  if (offset === undefined) throw invalid();
  return { offset, size, page: start + Math.floor(offset / size) };
}

export interface UpstreamLink {
  /** The service's own base URL, for the links a connector answers (next_page_url, nextRecordsUrl, ...). */
  origin: string;
}

/** The connector_metadata of one page: every key the definition names, each from its role. */
export function pageMetadata(
  action: ActionDefinition,
  request: PageRequest,
  total: number,
  returned: number,
  upstream: UpstreamLink,
): Row | null {
  const properties: Record<string, JsonSchema> | undefined = action.meta?.properties;
  if (!properties) return null;
  const paging = action.paging;
  const { offset, size } = request;
  const nextOffset = offset + returned;
  const more = nextOffset < total;
  const link = (at: number) => {
    const url = new URL(
      action.upstream.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(name)),
      upstream.origin,
    );
    if (paging?.cursor) url.searchParams.set(paging.cursor, paging ? linkValue(action, paging, at, size) : String(at));
    if (paging?.size) url.searchParams.set(paging.size, String(size));
    return url.toString();
  };
  const meta: Row = {};
  for (const [key, schema] of Object.entries(properties)) {
    const integerNext = [schema.type].flat().includes('integer');
    switch (schema['x-role']) {
      case 'next_token':
        // An offset where the connector pages by one (its cursor param is a number, or an offset), else a token.
        meta[key] = !more
          ? null
          : integerNext
            ? nextOffset
            : isIntegerParam(paramSchema(action, paging?.cursor ?? null)) || /offset|start/i.test(paging?.cursor ?? '')
              ? String(nextOffset)
              : encodeToken(nextOffset);
        break;
      case 'next_url':
        meta[key] = more ? link(nextOffset) : null;
        break;
      case 'next_links': {
        // PayPal's HATEOAS links: this page, the one before it and the next one, each re-asked with the list's method.
        const method = action.upstream.method.toUpperCase();
        const links = [{ href: link(offset), rel: 'self', method }];
        if (offset > 0) links.push({ href: link(Math.max(0, offset - size)), rel: 'prev', method });
        if (more) links.push({ href: link(nextOffset), rel: 'next', method });
        meta[key] = links;
        break;
      }
      case 'next_object':
        meta[key] = more
          ? { offset: encodeToken(nextOffset), path: action.upstream.path, uri: link(nextOffset) }
          : null;
        break;
      case 'more':
        meta[key] = more;
        break;
      case 'done':
        meta[key] = !more;
        break;
      case 'last_page':
        meta[key] = !more;
        break;
      case 'constant_false':
        meta[key] = false;
        break;
      case 'total':
        meta[key] = total;
        break;
      case 'page':
        meta[key] = request.page;
        break;
      case 'page_size':
        meta[key] = size;
        break;
      case 'offset':
        meta[key] = offset;
        break;
      case 'page_records':
        meta[key] = returned;
        break;
      case 'total_pages':
        meta[key] = Math.max(1, Math.ceil(total / size));
        break;
      case 'previous_url':
        meta[key] = offset > 0 ? link(Math.max(0, offset - size)) : null;
        break;
      case 'first_url':
        meta[key] = link(0);
        break;
      case 'links':
        meta[key] = [{ rel: 'self', href: link(offset), method: 'GET' }];
        break;
      case 'page_info':
        meta[key] = {
          page: request.page,
          page_size: size,
          total_number: total,
          total_page: Math.max(1, Math.ceil(total / size)),
        };
        break;
      case 'aggregation':
        meta[key] = 'auto';
        break;
      case 'start_token':
        meta[key] = encodeToken(total);
        break;
      default:
        meta[key] = null;
    }
  }
  return meta;
}
