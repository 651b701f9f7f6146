// Execute against seeded records: list with each connector's own paging keys, get, search with the API's filter
// operators, create where the service allows it, and select_fields / exclude_fields. Answers the HTTP status and
// body the mock returns (an ExecuteResponse on success, an ApiErrorResponse otherwise). Only `create` changes the
// store; everything else reads it.
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
  metadata(window: PageWindow, entity: string): Record<string, unknown>;
}

/** An opaque cursor (base64 without padding, as GraphQL cursors look) that stands for an offset. */
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
const nextOffset = (w: PageWindow) => (hasMore(w) ? encodeOffset(w.offset + w.size) : null);

/**
 * Each connector's own `list` paging, one entry per connector: add a connector by adding an entry.
 *
 * - GitHub (GraphQL style): `per_page` (default 30, max 100) and an opaque `cursor` → `{has_next_page, end_cursor}`.
 * - Linear (GraphQL connections): `first` (default 50, max 250) and `cursor` → `{hasNextPage, endCursor}`.
 * - HubSpot (CRM v3): `limit` (default 10, max 100) and `after` → `{next_cursor, next_link}`; `next_cursor` is null
 *   on the last page, `next_link` the full https://api.hubapi.com URL of the next page.
 * - Stripe: `limit` (default 10, max 100) and `starting_after`, the id of the last object seen → `{has_more}`.
 * - Salesforce: its REST query pages by `nextRecordsUrl` with `done` saying whether more are left and a batch size
 *   of 200 to 2,000. The mock takes `limit` (default 200, max 2,000, any size from 1 allowed) and an opaque `cursor`
 *   (what the connector keeps of `nextRecordsUrl`) → `{done, next_cursor}` (next_cursor null once done).
 */
const PAGING: Record<ConnectorKind, ListPaging> = {
  github: {
    sizeParam: 'per_page', defaultSize: 30, maxSize: 100, cursorParam: 'cursor',
    offsetOf: (cursor) => decodeOffset(cursor),
    metadata: (w) => ({ has_next_page: hasMore(w), end_cursor: nextOffset(w) }),
  },
  linear: {
    sizeParam: 'first', defaultSize: 50, maxSize: 250, cursorParam: 'cursor',
    offsetOf: (cursor) => decodeOffset(cursor),
    metadata: (w) => ({ hasNextPage: hasMore(w), endCursor: nextOffset(w) }),
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
    offsetOf: (cursor, records, idField) => {
      const index = records.findIndex((r) => String(r[idField]) === cursor);
      return index < 0 ? undefined : index + 1;
    },
    metadata: (w) => ({ has_more: hasMore(w) }),
  },
  salesforce: {
    sizeParam: 'limit', defaultSize: 200, maxSize: 2000, cursorParam: 'cursor',
    offsetOf: (cursor) => decodeOffset(cursor),
    metadata: (w) => ({ done: !hasMore(w), next_cursor: nextOffset(w) }),
  },
};

/** The field that names a record (what `get` looks up and `create` assigns), per connector and entity. */
function idFieldOf(kind: ConnectorKind, entity: string): string {
  if (kind === 'github') return entity === 'commits' ? 'sha' : entity === 'repositories' ? 'id' : 'number';
  return kind === 'salesforce' ? 'Id' : 'id';
}

/**
 * Entities `create` may add to, as the services allow, with the fields each requires (dotted paths) and the new
 * record's defaults. `n` is the store's record count after the append: ids and times derive from it, so the same
 * sequence of requests gives the same records.
 */
interface Creatable {
  required: string[];
  build(params: Row, records: Row[], store: EntityRecords, n: number): Row;
}

const CREATED_BASE = Date.parse('2026-03-01T12:00:00Z');
const createdAt = (n: number) => new Date(CREATED_BASE + n * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const hexOf = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);
const maxNumber = (rows: Row[] | undefined, field: string) => Math.max(0, ...(rows ?? []).map((r) => Number(r[field])).filter(Number.isFinite));

const CREATABLE: Partial<Record<ConnectorKind, Record<string, Creatable>>> = {
  github: {
    issues: {
      required: ['title'],
      build: (params, records, store, n) => {
        // Issues and pull requests share one number space.
        const number = Math.max(maxNumber(records, 'number'), maxNumber(store.pull_requests, 'number')) + 1;
        return {
          state: 'OPEN', body: null, author: { login: 'agent-engine-mock' }, labels: [], comments_count: 0,
          ...params,
          number, html_url: `https://github.com/airbytehq/airbyte/issues/${number}`,
          created_at: createdAt(n), updated_at: createdAt(n), closed_at: null,
        };
      },
    },
  },
  hubspot: {
    contacts: {
      required: [],
      build: (params, records, _store, n) => {
        const properties = (params.properties && typeof params.properties === 'object' ? params.properties : {}) as Row;
        return { ...params, id: String(maxNumber(records, 'id') + 101), properties: { ...properties, createdate: createdAt(n) }, archived: false };
      },
    },
  },
  linear: {
    issues: {
      required: ['title'],
      build: (params, records, _store, n) => {
        const next = Math.max(0, ...records.map((r) => Number(/-(\d+)$/.exec(String(r.identifier))?.[1] ?? 0))) + 1;
        return {
          priority: 0, state: { name: 'Backlog' }, assignee: null,
          ...params,
          id: `00000000-0000-4000-8000-${hexOf(n, 12)}`, identifier: `ENG-${next}`, createdAt: createdAt(n),
        };
      },
    },
  },
  salesforce: {
    contacts: {
      required: ['LastName'],
      build: (params, _records, _store, n) => ({ ...params, Id: `003MOCK${n.toString(36).toUpperCase().padStart(11, '0')}`, CreatedDate: createdAt(n) }),
    },
  },
};

const OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'like', 'fuzzy', 'keyword', 'not', 'and', 'or'];

const error = (status: number, message: string, field: string | null = null, code = 'value_error', details: Row | null = null): Outcome => ({
  status,
  body: { message, errors: [{ field, message, error_code: code, details }] },
});

class BadQuery extends Error {
  constructor(message: string, readonly field = 'params.query.filter', readonly details: Row | null = null) {
    super(message);
  }
}

function valueAt(record: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Row)[key] : undefined), record);
}

/** Ordinal comparison, the same on every machine: numbers as numbers (a numeric string against a number too), else strings. */
function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  const numeric = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);
  if (typeof a === 'number' || typeof b === 'number') {
    const x = numeric(a);
    const y = numeric(b);
    if (x !== undefined && y !== undefined) return x - y;
  }
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Equality as the filters mean it: loose on scalars (`"42"` equals 42); a list field equals a value it contains. */
function same(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual) && !Array.isArray(expected)) return actual.some((item) => same(item, expected));
  if (actual === expected) return true;
  if (actual === null || actual === undefined || expected === null || expected === undefined) return false;
  if (typeof actual === 'object' || typeof expected === 'object') return JSON.stringify(actual) === JSON.stringify(expected);
  return String(actual) === String(expected);
}

function strings(record: unknown): string[] {
  if (typeof record === 'string') return [record];
  if (record && typeof record === 'object') return Object.values(record).flatMap(strings);
  return [];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function leaf(operator: string, operand: unknown): [string, unknown] {
  if (!operand || typeof operand !== 'object' || Array.isArray(operand) || Object.keys(operand).length !== 1) {
    throw new BadQuery(`${operator} takes one {field: value}, e.g. {"${operator}": {"state": "OPEN"}}`);
  }
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
        // A word (or words, all of them) anywhere in the record's string fields: {"keyword": "timeout"} or
        // {"keyword": {"title": "timeout"}} (the field then narrows where to look).
        const [field, text] = operand && typeof operand === 'object' && !Array.isArray(operand) ? leaf(operator, operand) : [undefined, operand];
        const haystack = strings(field === undefined ? record : valueAt(record, field));
        const words = String(text ?? '').split(/\s+/).filter(Boolean);
        return words.every((word) => haystack.some((value) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word)}($|[^\\p{L}\\p{N}])`, 'iu').test(value)));
      }
      case 'eq': case 'neq': case 'gt': case 'gte': case 'lt': case 'lte': case 'in': case 'like': case 'fuzzy': {
        const [field, expected] = leaf(operator, operand);
        const actual = valueAt(record, field);
        switch (operator) {
          case 'eq': return same(actual, expected);
          case 'neq': return !same(actual, expected);
          case 'in':
            if (!Array.isArray(expected)) throw new BadQuery('in takes a list of values, e.g. {"in": {"state": ["OPEN", "CLOSED"]}}');
            return expected.some((value) => same(actual, value));
          case 'like': {
            // SQL LIKE: % any run of characters, _ one character; case-insensitive.
            const pattern = new RegExp(`^${escapeRegExp(String(expected)).replace(/%/g, '.*').replace(/_/g, '.')}$`, 'is');
            return actual !== undefined && actual !== null && pattern.test(String(actual));
          }
          case 'fuzzy':
            return actual !== undefined && actual !== null && String(actual).toLowerCase().includes(String(expected).toLowerCase());
          default: {
            if (actual === undefined || actual === null) return false;
            const order = compare(actual, expected);
            return operator === 'gt' ? order > 0 : operator === 'gte' ? order >= 0 : operator === 'lt' ? order < 0 : order <= 0;
          }
        }
      }
      default:
        throw new BadQuery(`Unknown operator ${operator}; the operators are ${OPERATORS.join(', ')}`, 'params.query.filter', { allowed: OPERATORS });
    }
  });
}

interface SortRule {
  field: string;
  direction: 'asc' | 'desc';
}

function sortRules(sort: unknown): SortRule[] {
  if (sort === undefined || sort === null) return [];
  if (!Array.isArray(sort)) throw new BadQuery('sort is a list such as [{"field": "created_at", "direction": "desc"}]', 'params.query.sort');
  return sort.map((rule: unknown) => {
    const { field, direction = 'asc' } = (rule ?? {}) as { field?: unknown; direction?: unknown };
    if (typeof field !== 'string' || field === '') throw new BadQuery('each sort rule names a field', 'params.query.sort');
    if (direction !== 'asc' && direction !== 'desc') throw new BadQuery('sort direction is asc or desc', 'params.query.sort', { allowed: ['asc', 'desc'] });
    return { field, direction };
  });
}

/** Keeps only `select` (dotted paths) and drops `exclude`, in a copy. */
function shape(record: Row, select: readonly string[] | null | undefined, exclude: readonly string[] | null | undefined): Row {
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
    const parent = keys.length === 1 ? out : valueAt(out, keys.slice(0, -1).join('.'));
    if (parent && typeof parent === 'object') delete (parent as Row)[keys.at(-1)!];
  }
  return out;
}

function pageSize(value: unknown, fallback: number, max: number, param: string): number | Outcome {
  if (value === undefined || value === null) return fallback;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > max) return error(400, `${param} must be an integer from 1 to ${max}`, `params.${param}`);
  return size;
}

const stringList = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;

export function executeAction(kind: ConnectorKind, store: EntityRecords, request: ExecuteRequest, connectorId: string): Outcome {
  const entities = Object.keys(store);
  const records = Object.hasOwn(store, request.entity) ? store[request.entity] : undefined;
  if (!records) {
    return error(422, `Unknown entity ${String(request.entity)}; ${kind} has ${entities.join(', ')}`, 'entity', 'unknown_entity', { allowed: entities });
  }
  const creatable = CREATABLE[kind]?.[request.entity];
  const allowed = ['list', 'get', 'search', ...(creatable ? ['create'] : [])];
  if (!allowed.includes(request.action)) {
    return error(422, `Action ${String(request.action)} is not supported on ${kind} ${request.entity}; use one of ${allowed.join(', ')}`, 'action', 'unsupported_action', { allowed });
  }

  const params = (request.params ?? {}) as Row;
  const idField = idFieldOf(kind, request.entity);
  const respond = (result: unknown, connectorMetadata: unknown): Outcome => ({
    status: 200,
    body: {
      status: 'success',
      result,
      connector_metadata: connectorMetadata,
      // Deterministic: a small number from the entity's size, never the clock.
      execution_metadata: { connector_instance_id: connectorId, execution_time_ms: 20 + (records.length % 17) },
    },
  });
  const out = (record: Row) => shape(record, request.select_fields, request.exclude_fields);

  switch (request.action) {
    case 'list': {
      const paging = PAGING[kind];
      const size = pageSize(params[paging.sizeParam], paging.defaultSize, paging.maxSize, paging.sizeParam);
      if (typeof size !== 'number') return size;
      // Plain equality filters, as the services' list endpoints take them (GitHub `state`, dotted paths allowed);
      // a param that is no field of the entity is ignored, as the services ignore unknown query params.
      const filters = Object.entries(params).filter(
        ([key, value]) => key !== paging.sizeParam && key !== paging.cursorParam && (value === null || typeof value !== 'object') && records.some((r) => valueAt(r, key) !== undefined),
      );
      const filtered = records.filter((r) => filters.every(([key, value]) => same(valueAt(r, key), value)));
      const cursor = params[paging.cursorParam];
      const offset = cursor === undefined || cursor === null ? 0 : paging.offsetOf(String(cursor), filtered, idField);
      if (offset === undefined) {
        return error(400, `Invalid ${paging.cursorParam}: pass the value from the previous page's connector_metadata`, `params.${paging.cursorParam}`, 'invalid_cursor');
      }
      const window = { records: filtered, offset, size };
      return respond(filtered.slice(offset, offset + size).map(out), paging.metadata(window, request.entity));
    }
    case 'get': {
      const id = params[idField] ?? params.id;
      if (id === undefined || id === null) return error(422, `get needs params.${idField}${idField === 'id' ? '' : ' (or params.id)'}`, `params.${idField}`, 'missing');
      const record = records.find((r) => String(r[idField]) === String(id));
      if (!record) return error(404, `No ${kind} ${request.entity} with ${idField} ${String(id)}`, `params.${idField}`, 'not_found');
      return respond(out(record), null);
    }
    case 'search': {
      const query = params.query ?? {};
      if (typeof query !== 'object' || Array.isArray(query)) return error(400, 'query is an object {filter, sort}', 'params.query');
      const { filter, sort } = query as { filter?: unknown; sort?: unknown };
      const limit = pageSize(params.limit, 25, 100, 'limit');
      if (typeof limit !== 'number') return limit;
      let found: Row[];
      let rules: SortRule[];
      try {
        rules = sortRules(sort);
        found = filter === undefined || filter === null ? [...records] : records.filter((r) => matches(r, filter));
      } catch (problem) {
        if (problem instanceof BadQuery) return error(400, problem.message, problem.field, 'invalid_query', problem.details);
        throw problem;
      }
      // Stable sorts from the last rule to the first: the first rule decides, later ones break ties.
      for (const rule of [...rules].reverse()) {
        found.sort((a, b) => compare(valueAt(a, rule.field), valueAt(b, rule.field)) * (rule.direction === 'desc' ? -1 : 1));
      }
      const offset = params.cursor === undefined || params.cursor === null ? 0 : decodeOffset(String(params.cursor));
      if (offset === undefined) return error(400, 'Invalid cursor: pass next_cursor from the previous page', 'params.cursor', 'invalid_cursor');
      const fields = stringList(params.fields);
      const page = found.slice(offset, offset + limit).map((r) => out(fields ? shape(r, fields, null) : r));
      const more = offset + limit < found.length;
      return respond(page, { next_cursor: more ? encodeOffset(offset + limit) : null, total: found.length });
    }
    case 'create': {
      const spec = creatable!;
      const missing = spec.required.filter((path) => {
        const value = valueAt(params, path);
        return value === undefined || value === null || value === '';
      });
      if (missing.length > 0) {
        return error(422, `create on ${kind} ${request.entity} needs ${missing.map((f) => `params.${f}`).join(', ')}`, `params.${missing[0]}`, 'missing', { required: spec.required });
      }
      const record = spec.build(structuredClone(params), records, store, records.length + 1);
      records.push(record);
      return respond(out(record), null);
    }
    default:
      return error(422, `Action ${String(request.action)} is not supported; use one of ${allowed.join(', ')}`, 'action', 'unsupported_action', { allowed });
  }
}
