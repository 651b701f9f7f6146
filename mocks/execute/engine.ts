// Execute against seeded records: list with each connector's own paging keys, get, search with the API's filter
// operators, create where the service allows it, and select_fields / exclude_fields. Answers the HTTP status and
// body the mock returns.
import type { components } from '../../generated/agent-engine.js';
import type { ConnectorKind, EntityRecords } from '../data/records.js';

type ExecuteRequest = components['schemas']['ExecuteRequest'];
type Outcome = { status: number; body: unknown };
type Row = Record<string, unknown>;

interface PageWindow {
  records: Row[];
  offset: number;
  size: number;
}

/** How a connector pages a `list`: its size and cursor params, and the metadata keys it answers with. */
interface ListPaging {
  sizeParam: string;
  defaultSize: number;
  maxSize: number;
  cursorParam: string;
  /** The offset a cursor stands for; undefined for a cursor this connector never issued. */
  offsetOf(cursor: string, records: Row[], idField: string): number | undefined;
  metadata(window: PageWindow, entity: string, idField: string): Record<string, unknown>;
}

const encodeOffset = (offset: number) => btoa(`offset:${offset}`).replace(/=+$/, '');
function decodeOffset(cursor: string): number | undefined {
  try {
    const match = /^offset:(\d+)$/.exec(atob(cursor));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
const hasMore = (w: PageWindow) => w.offset + w.size < w.records.length;

const PAGING: Record<ConnectorKind, ListPaging> = {
  github: {
    sizeParam: 'per_page', defaultSize: 30, maxSize: 100, cursorParam: 'cursor',
    offsetOf: (cursor) => decodeOffset(cursor),
    metadata: (w) => ({ has_next_page: hasMore(w), end_cursor: hasMore(w) ? encodeOffset(w.offset + w.size) : null }),
  },
  linear: {
    sizeParam: 'first', defaultSize: 50, maxSize: 250, cursorParam: 'cursor',
    offsetOf: (cursor) => decodeOffset(cursor),
    metadata: (w) => ({ hasNextPage: hasMore(w), endCursor: hasMore(w) ? encodeOffset(w.offset + w.size) : null }),
  },
  hubspot: {
    sizeParam: 'limit', defaultSize: 10, maxSize: 100, cursorParam: 'after',
    offsetOf: (cursor) => (/^\d+$/.test(cursor) ? Number(cursor) : undefined),
    metadata: (w, entity) => {
      const next = hasMore(w) ? String(w.offset + w.size) : null;
      return { next_cursor: next, next_link: next ? `https://api.hubapi.com/crm/v3/objects/${entity}?limit=${w.size}&after=${next}` : null };
    },
  },
  stripe: {
    sizeParam: 'limit', defaultSize: 10, maxSize: 100, cursorParam: 'starting_after',
    // Stripe's cursor is the id of the last object seen.
    offsetOf: (cursor, records, idField) => {
      const index = records.findIndex((r) => String(r[idField]) === cursor);
      return index < 0 ? undefined : index + 1;
    },
    metadata: (w) => ({ has_more: hasMore(w) }),
  },
  salesforce: {
    sizeParam: 'limit', defaultSize: 25, maxSize: 200, cursorParam: 'cursor',
    offsetOf: (cursor) => decodeOffset(cursor),
    metadata: (w) => ({ done: !hasMore(w), next_cursor: hasMore(w) ? encodeOffset(w.offset + w.size) : null }),
  },
};

/** The field that names a record, per connector and entity. */
function idFieldOf(kind: ConnectorKind, entity: string): string {
  if (kind === 'github') return entity === 'commits' ? 'sha' : entity === 'repositories' ? 'id' : 'number';
  return kind === 'salesforce' ? 'Id' : 'id';
}

/** Entities whose records the mock lets `create` add to, as the services do. */
const CREATABLE: Record<ConnectorKind, string[]> = { github: ['issues'], hubspot: ['contacts'], linear: ['issues'], salesforce: ['contacts'], stripe: ['customers'] };
const OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'like', 'fuzzy', 'keyword', 'not', 'and', 'or'];

const error = (status: number, message: string, field: string | null = null, code = 'value_error'): Outcome => ({
  status,
  body: { message, errors: [{ field, message, error_code: code, details: null }] },
});

class BadQuery extends Error {}

function valueAt(record: Row, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Row)[key] : undefined), record);
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

function strings(record: unknown): string[] {
  if (typeof record === 'string') return [record];
  if (record && typeof record === 'object') return Object.values(record).flatMap(strings);
  return [];
}

function leaf(operator: string, operand: unknown): [string, unknown] {
  if (!operand || typeof operand !== 'object' || Array.isArray(operand) || Object.keys(operand).length !== 1) throw new BadQuery(`${operator} takes one {field: value}`);
  return Object.entries(operand)[0] as [string, unknown];
}

function matches(record: Row, filter: unknown): boolean {
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) throw new BadQuery('a filter is an object such as {"eq": {"state": "OPEN"}}');
  return Object.entries(filter as Row).every(([operator, operand]) => {
    switch (operator) {
      case 'and':
      case 'or': {
        if (!Array.isArray(operand)) throw new BadQuery(`${operator} takes a list of filters`);
        return operator === 'and' ? operand.every((f) => matches(record, f)) : operand.some((f) => matches(record, f));
      }
      case 'not':
        return !matches(record, operand);
      case 'keyword': {
        const word = String(typeof operand === 'object' && operand ? Object.values(operand)[0] : operand).toLowerCase();
        return strings(record).some((text) => new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(text));
      }
      case 'eq': case 'neq': case 'gt': case 'gte': case 'lt': case 'lte': case 'in': case 'like': case 'fuzzy': {
        const [field, expected] = leaf(operator, operand);
        const actual = valueAt(record, field);
        if (operator === 'eq') return actual === expected || String(actual) === String(expected);
        if (operator === 'neq') return !(actual === expected || String(actual) === String(expected));
        if (operator === 'in') {
          if (!Array.isArray(expected)) throw new BadQuery('in takes a list of values');
          return expected.some((v) => v === actual || String(v) === String(actual));
        }
        if (operator === 'like') {
          const pattern = new RegExp(`^${String(expected).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 'i');
          return pattern.test(String(actual ?? ''));
        }
        if (operator === 'fuzzy') return String(actual ?? '').toLowerCase().includes(String(expected).toLowerCase());
        if (actual === undefined || actual === null) return false;
        const order = compare(actual, expected);
        return operator === 'gt' ? order > 0 : operator === 'gte' ? order >= 0 : operator === 'lt' ? order < 0 : order <= 0;
      }
      default:
        throw new BadQuery(`Unknown operator ${operator}; the operators are ${OPERATORS.join(', ')}`);
    }
  });
}

/** Keeps only `select` (dotted paths) or drops `exclude`, in a copy. */
function shape(record: Row, select: string[] | null | undefined, exclude: string[] | null | undefined): Row {
  let out: Row = structuredClone(record);
  if (select && select.length > 0) {
    const picked: Row = {};
    for (const path of select) {
      const value = valueAt(out, path);
      if (value === undefined) continue;
      const keys = path.split('.');
      let node = picked;
      for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Row;
      node[keys.at(-1)!] = value;
    }
    out = picked;
  }
  for (const path of exclude ?? []) {
    const keys = path.split('.');
    const parent = keys.length === 1 ? out : (valueAt(out, keys.slice(0, -1).join('.')) as Row | undefined);
    if (parent && typeof parent === 'object') delete parent[keys.at(-1)!];
  }
  return out;
}

function pageSize(value: unknown, fallback: number, max: number, param: string): number | Outcome {
  if (value === undefined) return fallback;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > max) return error(400, `${param} must be an integer from 1 to ${max}`, `params.${param}`);
  return size;
}

export function executeAction(kind: ConnectorKind, store: EntityRecords, request: ExecuteRequest, connectorId: string): Outcome {
  const records = store[request.entity];
  const entities = Object.keys(store);
  if (!records) return error(422, `Unknown entity ${request.entity}; ${kind} has ${entities.join(', ')}`, 'entity', 'unknown_entity');
  const allowed = ['list', 'get', 'search', ...(CREATABLE[kind].includes(request.entity) ? ['create'] : [])];
  if (!allowed.includes(request.action)) return error(422, `Action ${request.action} is not supported on ${kind} ${request.entity}; use one of ${allowed.join(', ')}`, 'action', 'unsupported_action');

  const params = (request.params ?? {}) as Row;
  const idField = idFieldOf(kind, request.entity);
  const respond = (result: unknown, connectorMetadata: unknown): Outcome => ({
    status: 200,
    body: {
      status: 'success',
      result,
      connector_metadata: connectorMetadata,
      execution_metadata: { connector_instance_id: connectorId, execution_time_ms: 20 + (records.length % 17) },
    },
  });
  const out = (record: Row) => shape(record, request.select_fields, request.exclude_fields);

  switch (request.action) {
    case 'list': {
      const paging = PAGING[kind];
      const size = pageSize(params[paging.sizeParam], paging.defaultSize, paging.maxSize, paging.sizeParam);
      if (typeof size !== 'number') return size;
      // Plain equality filters on top-level fields, as the services' list endpoints take them (GitHub `state`).
      const filters = Object.entries(params).filter(([key, value]) => key !== paging.sizeParam && key !== paging.cursorParam && typeof value !== 'object' && records.some((r) => key in r));
      const filtered = records.filter((r) => filters.every(([key, value]) => String(r[key]) === String(value)));
      const cursor = params[paging.cursorParam];
      const offset = cursor === undefined || cursor === null ? 0 : paging.offsetOf(String(cursor), filtered, idField);
      if (offset === undefined) return error(400, `Invalid ${paging.cursorParam}: pass the value from the previous page's connector_metadata`, `params.${paging.cursorParam}`);
      const window = { records: filtered, offset, size };
      return respond(filtered.slice(offset, offset + size).map(out), paging.metadata(window, request.entity, idField));
    }
    case 'get': {
      const id = params[idField] ?? params.id;
      if (id === undefined) return error(422, `get needs params.${idField}`, `params.${idField}`, 'missing');
      const record = records.find((r) => String(r[idField]) === String(id));
      if (!record) return error(404, `No ${request.entity} with ${idField} ${String(id)}`, `params.${idField}`, 'not_found');
      return respond(out(record), null);
    }
    case 'search': {
      const query = (params.query ?? {}) as { filter?: unknown; sort?: { field: string; direction?: string }[] };
      const limit = pageSize(params.limit, 25, 100, 'limit');
      if (typeof limit !== 'number') return limit;
      let found: Row[];
      try {
        found = query.filter === undefined ? [...records] : records.filter((r) => matches(r, query.filter));
      } catch (problem) {
        if (problem instanceof BadQuery) return error(400, problem.message, 'params.query.filter');
        throw problem;
      }
      for (const rule of [...(query.sort ?? [])].reverse()) {
        found.sort((a, b) => compare(valueAt(a, rule.field), valueAt(b, rule.field)) * (rule.direction === 'desc' ? -1 : 1));
      }
      const offset = params.cursor === undefined ? 0 : decodeOffset(String(params.cursor));
      if (offset === undefined) return error(400, 'Invalid cursor: pass next_cursor from the previous page', 'params.cursor');
      const fields = Array.isArray(params.fields) ? (params.fields as string[]) : request.select_fields;
      const page = found.slice(offset, offset + limit).map((r) => shape(r, fields, request.exclude_fields));
      const more = offset + limit < found.length;
      return respond(page, { next_cursor: more ? encodeOffset(offset + limit) : null, total: found.length });
    }
    case 'create': {
      const next = records.length + 1;
      const id = idField === 'number' ? Math.max(...records.map((r) => Number(r.number))) + 1 : `${kind}_${request.entity}_${String(next).padStart(6, '0')}`;
      const record = { ...params, [idField]: id };
      records.push(record);
      return respond(out(record), null);
    }
    default:
      return error(422, `Action ${request.action} is not supported; use one of ${allowed.join(', ')}`, 'action', 'unsupported_action');
  }
}
