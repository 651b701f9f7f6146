// Execute, driven by the connector definitions: every connector, entity and action runs from its definition (params
// validated from their schema, the connector's own paging and metadata keys, records from the record schema) over
// the query language of query.ts. No connector has code of its own here.
//
// Actions: list, api_search, get, create, update, delete and download as each entity defines them; and, for every
// entity the context store keeps, context_store_search (with `search` as its older name).
import type { components } from '../../generated/agent-engine.js';
import type { ActionDefinition, ConnectorDefinition, EntityDefinition, JsonSchema } from '../connectors/definitions.js';
import { type Dataset, entityRecordSchema, isWriteEnvelope, upstreamOrigin } from './dataset.js';
import { pageMetadata, pageRequest } from './paging.js';
import { cacheableJson, forgetJson } from '../pipeline/json.js';
import {
  QueryError,
  compileFilter,
  containsWord,
  fieldList,
  parseSort,
  same,
  shape,
  sortRecords,
  strings,
  valueAt,
  type Row,
} from './query.js';
import { singular } from './record-fields/field-kinds.js';
import { generateRecords } from './record-generator.js';
import { actionsOf, checkExecuteRequest, SEARCH_LIMIT } from './request-check.js';
import { validatorOf, type ParamProblem } from './schemas.js';

type ExecuteRequest = components['schemas']['ExecuteRequest'];

export interface ExecuteContext {
  connectorId: string;
  replicationConfig: Row;
  seed: number;
  /** Check answers against the definitions' record schemas (the mock's response validation). */
  validateRecords: boolean;
}

export type Outcome =
  | { status: number; body: Row }
  | { status: 200; download: { body: Uint8Array; contentType: string; filename: string } };

/** The most records an entity may hold for their JSON to be kept between answers. */
const JSON_KEPT_UP_TO = 10_000;

function failure(status: number, message: string, problems: ParamProblem[] | ParamProblem): Outcome {
  return { status, body: { message, errors: [problems].flat() } };
}

const problem = (field: string, message: string, error_code: string, details: Row | null = null): ParamProblem => ({
  field,
  message,
  error_code,
  details,
});

/** Params that name a record field filter by it (`state`, `email`; a plural `states` list by `state`). */
function fieldFilters(
  action: ActionDefinition,
  params: Row,
  records: Row[],
  skip: Set<string>,
  recordSchema: JsonSchema | null,
): ((r: Row) => boolean)[] {
  const sample = records[0];
  if (!sample) return [];
  const filters: ((r: Row) => boolean)[] = [];
  for (const [name, value] of Object.entries(params)) {
    // An empty value (LinkedIn's `account: ""`, GitHub's `path: ""` at the root) asks for no narrowing.
    if (skip.has(name) || value === undefined || value === null || value === '') continue;
    const schema = action.params.properties?.[name];
    if (schema?.['x-scoped-from']) continue;
    // A field that is an object (LinkedIn analytics' `dateRange`) is not what a text param names: that param says how to read.
    const fieldTypes = [recordSchema?.properties?.[name]?.type].flat();
    if (fieldTypes.includes('object') && !fieldTypes.includes('string')) continue;
    if (Object.hasOwn(sample, name) && (typeof value !== 'object' || Array.isArray(value))) {
      filters.push(Array.isArray(value) ? (r) => value.some((v) => same(r[name], v)) : (r) => same(r[name], value));
    } else if (Array.isArray(value) && name.endsWith('s') && Object.hasOwn(sample, name.slice(0, -1))) {
      const field = name.slice(0, -1);
      filters.push((r) => value.some((v) => same(r[field], v)));
    }
  }
  return filters;
}

/**
 * A finder or mode rather than search text (LinkedIn's `q: "search"`, a report's default query): a value the param
 * enumerates, or its own default. It says how to read, never which records.
 */
function isMode(action: ActionDefinition, name: string, value: unknown): boolean {
  const schema = action.params.properties?.[name] as JsonSchema | undefined;
  return (
    schema !== undefined && (schema.enum !== undefined || (schema.default !== undefined && schema.default === value))
  );
}

/** Params that carry a service's own search text (applied by textSearch). */
export const SEARCH_TEXT_PARAMS = [
  'query',
  'q',
  'search',
  'jql',
  'keywords',
  'searchString',
  'term',
  'filterByFormula',
];

/**
 * A SOQL query (Salesforce's `q`): its WHERE clause's `field = 'value'` conditions joined by AND apply; anything else
 * in it (the select list, ORDER BY) is the service's to honour and is read as "every record".
 */
function soqlFilter(text: string): ((r: Row) => boolean) | null {
  if (!/^\s*select\s/i.test(text)) return null;
  const where = /\swhere\s(.+?)(\sorder\s+by\s|\slimit\s|$)/is.exec(text.slice(0, 4000))?.[1];
  if (!where) return () => true;
  const conditions = where
    .split(/\sand\s/i)
    .map((part) => /^\s*([\w.]+)\s*=\s*'([^']*)'\s*$/.exec(part))
    .filter((m): m is RegExpExecArray => m !== null);
  return (r) => conditions.every(([, field, value]) => same(valueAt(r, field!), value));
}

/** A service's own search text: `field:value` terms on record fields, the other words anywhere in the record. */
function textSearch(text: string, records: Row[]): (r: Row) => boolean {
  const soql = soqlFilter(text);
  if (soql) return soql;
  const terms = text.match(/\S+:"[^"]*"|\S+:'[^']*'|\S+/g)?.slice(0, 64) ?? [];
  const sample = records[0] ?? {};
  const checks = terms.map((term) => {
    const colon = term.indexOf(':');
    if (colon > 0) {
      const field = term.slice(0, colon);
      const value = term.slice(colon + 1).replace(/^["']|["']$/g, '');
      // Qualifiers that are no field of the record (GitHub `repo:`, `is:`) scope the search upstream: they match.
      return Object.hasOwn(sample, field) ? (r: Row) => same(r[field], value) : () => true;
    }
    if (/^(AND|OR|NOT)$/.test(term)) return () => true;
    return (r: Row) => strings(r).some((s) => containsWord(s, term.replace(/^["']|["']$/g, '')));
  });
  return (r) => checks.every((check) => check(r));
}

/** HubSpot-style `filterGroups`: groups OR'ed, filters in a group AND'ed, on the record or its `properties`. */
function filterGroups(groups: unknown): (r: Row) => boolean {
  if (!Array.isArray(groups) || groups.length === 0) return () => true;
  const field = (r: Row, name: string) => valueAt(r, name) ?? valueAt(r, `properties.${name}`);
  return (r) =>
    groups.some((group) =>
      (Array.isArray((group as Row)?.filters) ? ((group as Row).filters as Row[]) : []).every((f) => {
        const actual = field(r, String(f.propertyName));
        switch (f.operator) {
          case 'EQ':
            return same(actual, f.value);
          case 'NEQ':
            return !same(actual, f.value);
          case 'CONTAINS_TOKEN':
            return strings(actual).some((s) => s.toLowerCase().includes(String(f.value).toLowerCase()));
          case 'GT':
          case 'GTE':
          case 'LT':
          case 'LTE': {
            const a = Number(actual);
            const b = Number(f.value);
            return f.operator === 'GT' ? a > b : f.operator === 'GTE' ? a >= b : f.operator === 'LT' ? a < b : a <= b;
          }
          case 'HAS_PROPERTY':
            return actual !== undefined && actual !== null;
          case 'IN':
            return Array.isArray(f.values) && f.values.some((v: unknown) => same(actual, v));
          default:
            return true;
        }
      }),
    );
}

/**
 * The record a key param names: by the field the definition keys it by, or, for a param that takes either
 * (`issueIdOrKey`, `table_id_or_name`), by the other one too (a Jira issue by `OPS-101` as by its id).
 */
function findRecord(records: Row[], key: { param: string; field: string }, value: unknown): Row | undefined {
  const fields = [key.field];
  if (/(OrKey|_or_key)$/.test(key.param)) fields.push('key');
  if (/(OrName|_or_name)$/.test(key.param)) fields.push('name');
  const text = String(value);
  for (const field of fields) {
    const found = records.find((r) => r[field] !== undefined && r[field] !== null && String(r[field]) === text);
    if (found) return found;
  }
  return undefined;
}

/** A record's key for a create: one more than the largest number, or a new id in the style of the others. */
function newKey(records: Row[], field: string, keyType: string | undefined, sequence: number): unknown {
  if (keyType === 'integer') {
    // A loop, not Math.max(...): an entity may hold a million records, more than a call takes arguments.
    let largest = 0;
    for (const record of records) {
      const value = Number(record[field]);
      if (Number.isFinite(value) && value > largest) largest = value;
    }
    return largest + 1;
  }
  const sample = records.find((r) => typeof r[field] === 'string')?.[field] as string | undefined;
  const prefix = sample ? (/^([A-Za-z]+_|[0-9A-Za-z]{3}(?=[0-9A-Za-z]{12,15}$))/.exec(sample)?.[1] ?? '') : '';
  let candidate: string;
  let n = sequence;
  do candidate = `${prefix}mock${(n++).toString(36).padStart(8, '0')}`;
  while (records.some((r) => r[field] === candidate));
  return candidate;
}

/** The record fields a write sets from its params: those the record has, nested objects merged. */
function applyWrite(record: Row, params: Row, schemaProperties: Record<string, unknown>, skip: Set<string>): void {
  for (const [name, value] of Object.entries(params)) {
    if (skip.has(name) || value === undefined || !Object.hasOwn(schemaProperties, name)) continue;
    // A param that shares a field's name but not its shape (Slack `topic` text, the record's topic object) stays a param.
    if (!validatorOf(schemaProperties[name] as JsonSchema)(value)) continue;
    const current = record[name];
    record[name] =
      current &&
      typeof current === 'object' &&
      !Array.isArray(current) &&
      value &&
      typeof value === 'object' &&
      !Array.isArray(value)
        ? { ...(current as Row), ...structuredClone(value as Row) }
        : structuredClone(value);
  }
}

/**
 * What a create or update answers, as the action's own record says: the record, or the envelope the service wraps it
 * in (Linear's `{success: true, issue}`, Pylon's `{data, request_id}`), the record inside it where the envelope names
 * it (a field named after the entity, or `data`), else its key where the envelope keeps one (Zoho's `data[].details.id`).
 */
function writeAnswer(
  definition: ConnectorDefinition,
  entity: EntityDefinition,
  action: ActionDefinition,
  record: Row,
  seed: number,
): unknown {
  if (!isWriteEnvelope(action, entity)) return record;
  const schema = action.record!;
  const [envelope] = generateRecords({
    connector: definition.name,
    entity: `${entity.name}_${action.action}`,
    schema,
    count: 1,
    seed,
  });
  const properties: Record<string, JsonSchema> = schema.properties;
  const noun = singular(entity.name.replace(/[^A-Za-z0-9]/g, '').toLowerCase());
  const holder = Object.keys(properties).find(
    (name) => (name.toLowerCase() === noun || name === 'data') && [properties[name]!.type].flat().includes('object'),
  );
  // The envelope says the write succeeded, as the service's does when it answers 200.
  const succeed = (node: Row, nodeSchema: JsonSchema) => {
    for (const [name, property] of Object.entries<JsonSchema>(nodeSchema.properties ?? {})) {
      const types = [property.type].flat();
      if (/^(success|ok)$/.test(name) && types.includes('boolean')) node[name] = true;
      if (name === 'code' && types.includes('string')) node[name] = 'SUCCESS';
      if (name === 'status' && types.includes('string')) node[name] = 'success';
    }
  };
  succeed(envelope!, schema);
  if (holder) envelope![holder] = record;
  else {
    // Where the envelope keeps the record's key (Zoho's `data[0].details.id`): the path the schema gives it, made where
    // the generated envelope left it out (an empty `data`).
    const key = entity.key ?? 'id';
    const place = (node: Row, nodeSchema: JsonSchema): boolean => {
      const nodeProperties: Record<string, JsonSchema> = nodeSchema.properties ?? {};
      if (Object.hasOwn(nodeProperties, key)) {
        node[key] = record[key];
        return true;
      }
      for (const [name, property] of Object.entries(nodeProperties)) {
        const types = [property.type].flat();
        if (types.includes('array') && property.items?.properties) {
          const items =
            Array.isArray(node[name]) && (node[name] as unknown[]).length > 0 ? (node[name] as Row[]) : [{}];
          const first = items[0] && typeof items[0] === 'object' ? items[0] : {};
          succeed(first, property.items);
          if (place(first, property.items)) {
            node[name] = [first, ...items.slice(1)];
            return true;
          }
        } else if (types.includes('object') && property.properties) {
          const inner = node[name] && typeof node[name] === 'object' ? (node[name] as Row) : {};
          if (place(inner, property)) {
            node[name] = inner;
            return true;
          }
        }
      }
      return false;
    };
    place(envelope!, schema);
  }
  return envelope;
}

export class RecordViolation extends Error {}

/**
 * Shaped views of stored records (params.fields, select_fields, exclude_fields), made once per record and shaping
 * and kept until a write changes the record: a list asked for again answers the same objects, whose JSON text is kept.
 */
const views = new WeakMap<Row, Map<string, Row>>();
/** Shapings kept per record; the oldest goes first. */
const MAX_VIEWS_PER_RECORD = 8;

function viewOf(record: Row, key: string, make: () => Row): Row {
  if (key === '') return record;
  let byKey = views.get(record);
  if (!byKey) views.set(record, (byKey = new Map()));
  let view = byKey.get(key);
  if (!view) {
    view = make();
    if (byKey.size >= MAX_VIEWS_PER_RECORD) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, view);
    cacheableJson(view);
  }
  return view;
}

/** Stored records already found valid against their entity's record schema (a write takes a record out). */
const checkedRecords = new WeakSet<Row>();

/** Runs one execute request against one connector's records. Only create, update and delete change them. */
export function executeAction(
  definition: ConnectorDefinition,
  dataset: Dataset,
  request: ExecuteRequest,
  context: ExecuteContext,
): Outcome {
  const check = checkExecuteRequest(definition, request, context.replicationConfig);
  if (!check.ok) return failure(check.status, check.message, check.problems);
  const { entity, action, select, exclude, params: withScope } = check;
  const allowedActions = actionsOf(entity);
  const records = dataset.get(entity.name)!;
  const shaped = (select?.length ?? 0) > 0 || (exclude?.length ?? 0) > 0;
  /** A stored record as answered: params.fields (when given) then select/exclude applied, made once per shaping. */
  const out = (record: Row, fields: string[][] | null = null) =>
    viewOf(record, fields || shaped ? JSON.stringify([fields, select, exclude]) : '', () =>
      shape(fields ? shape(record, fields, null) : record, select, exclude),
    );
  const respond = (result: unknown, connectorMetadata: Row | null): Outcome => ({
    status: 200,
    body: {
      status: 'success',
      result,
      connector_metadata: connectorMetadata,
      // Deterministic: a small number from the entity's size, never the clock.
      execution_metadata: { connector_instance_id: context.connectorId, execution_time_ms: 20 + (records.length % 17) },
    },
  });

  try {
    if (!action) return contextStoreSearch(entity, records, withScope, out, respond);
    const recordSchema = entityRecordSchema(entity);
    // The stored records an answer holds, checked against the entity's record schema before they are shaped; a record
    // is checked again only after a write changed it.
    const checked = <T extends Row | Row[]>(stored: T): T => {
      // Stored records are answered often and change only here: their JSON text is kept until a write. Not for an
      // entity asked to hold very many (`records`): walked once, its bytes would double the memory for nothing.
      if (records.length <= JSON_KEPT_UP_TO) for (const record of [stored].flat()) cacheableJson(record);
      // Records a recording holds are the service's own answers: what the definition says of them is what is in doubt.
      if (context.validateRecords && recordSchema && !dataset.isRecorded(entity.name)) {
        const validate = validatorOf(recordSchema);
        for (const record of [stored].flat()) {
          if (checkedRecords.has(record)) continue;
          if (!validate(record))
            throw new RecordViolation(
              `${definition.name} ${entity.name} ${action.action}: a record breaks the definition's record schema: ${validate.errors?.[0]?.instancePath} ${validate.errors?.[0]?.message}`,
            );
          checkedRecords.add(record);
        }
      }
      return stored;
    };
    // The parent records the params name (a ClickUp team's spaces, a Jira issue's comments): an unknown one is a 404, as
    // the service answers for an id it never had; a list, get or write then sees that parent's records only.
    const named = dataset.parentsNamed(action, withScope);
    if (named.missing) {
      const { link, value } = named.missing;
      return failure(
        404,
        `No ${definition.title} ${link.parent} with ${link.param} ${JSON.stringify(value)?.slice(0, 60)}`,
        problem(`params.${link.param}`, 'Not found', 'not_found', { entity: link.parent }),
      );
    }
    const parents = named.found;
    const inScope = parents.length === 0 ? records : records.filter((r) => dataset.belongsTo(r, parents));
    // The param naming the one record an action is about, as its definition says (none: the entity's only or first record).
    const keyParam = action.key;
    switch (action.action) {
      case 'list':
      case 'api_search': {
        const paging = action.paging;
        const skip = new Set(
          [
            paging?.size,
            paging?.cursor,
            'fields',
            'limit',
            'sort',
            'order',
            'orderBy',
            'order_by',
            'sort_by',
            'sort_order',
            ...SEARCH_TEXT_PARAMS,
            ...parents.map(({ link }) => link.param),
          ].filter((p): p is string => Boolean(p)),
        );
        const filters = fieldFilters(action, withScope, inScope, skip, recordSchema);
        for (const name of SEARCH_TEXT_PARAMS)
          if (typeof withScope[name] === 'string' && withScope[name] !== '' && !isMode(action, name, withScope[name]))
            filters.push(textSearch(withScope[name] as string, inScope));
        if (withScope.filterGroups !== undefined) filters.push(filterGroups(withScope.filterGroups));
        const matching = filters.length === 0 ? inScope : inScope.filter((r) => filters.every((f) => f(r)));
        const page = pageRequest(action, withScope, matching, entity.key);
        const slice = matching.slice(page.offset, page.offset + page.size);
        const fields = Array.isArray(withScope.fields) ? fieldList(withScope.fields, 'params.fields') : null;
        const result = checked(slice).map((r) => out(r, fields));
        return respond(
          result,
          pageMetadata(action, page, matching.length, slice.length, { origin: upstreamOrigin(definition) }),
        );
      }
      case 'get': {
        const record = keyParam ? findRecord(inScope, keyParam, withScope[keyParam.param]) : inScope[0];
        if (!record)
          return failure(
            404,
            `No ${definition.title} ${entity.name} with ${keyParam?.param ?? 'that key'} ${JSON.stringify(withScope[keyParam?.param ?? ''] ?? null).slice(0, 60)}`,
            problem(`params.${keyParam?.param ?? 'id'}`, 'Not found', 'not_found'),
          );
        return respond(out(checked(record)), null);
      }
      case 'create': {
        const schema = entityRecordSchema(entity) ?? action.record ?? { type: 'object', properties: {} };
        const key = entity.key;
        const keyType = key
          ? [schema.properties?.[key]?.type ?? 'string'].flat().find((t: string) => t !== 'null')
          : undefined;
        const [record] = generateRecords({
          connector: definition.name,
          entity: entity.name,
          schema,
          count: 1,
          seed: context.seed + records.length + 1,
        });
        applyWrite(record!, withScope, schema.properties ?? {}, new Set(definition.scoping.map((s) => s.param)));
        if (key) record![key] = newKey(records, key, keyType, records.length + 1);
        for (const { entity: parentEntity, parent } of parents) dataset.attach(entity, record!, parentEntity, parent);
        records.push(checked(record!));
        return respond(writeAnswer(definition, entity, action, out(record!), context.seed), null);
      }
      case 'update':
      case 'delete':
      case 'download': {
        const param = keyParam?.param;
        const value = param ? withScope[param] : undefined;
        const record = param && keyParam ? findRecord(inScope, keyParam, value) : inScope[0];
        if (!record) {
          if (action.action === 'download' && records.length === 0 && value !== undefined)
            return downloadOf(definition, entity, null, String(value));
          return failure(
            404,
            `No ${definition.title} ${entity.name} with ${param ?? 'that key'} ${JSON.stringify(value ?? null).slice(0, 60)}`,
            problem(`params.${param ?? 'id'}`, 'Not found', 'not_found'),
          );
        }
        if (action.action === 'download')
          return downloadOf(definition, entity, record, String(value ?? record[entity.key ?? 'id'] ?? 'content'));
        if (action.action === 'delete') {
          records.splice(records.indexOf(record), 1);
          return respond({ [keyParam?.field ?? 'id']: record[keyParam?.field ?? 'id'], deleted: true }, null);
        }
        const schema = entityRecordSchema(entity) ?? { properties: {} };
        applyWrite(
          record,
          withScope,
          schema.properties ?? {},
          new Set([param ?? '', keyParam?.field ?? '', ...definition.scoping.map((s) => s.param)]),
        );
        checkedRecords.delete(record);
        views.delete(record);
        forgetJson(record);
        return respond(writeAnswer(definition, entity, action, out(checked(record)), context.seed), null);
      }
      default:
        return failure(
          422,
          `${definition.title} ${entity.name} has no action ${action.action}`,
          problem('action', 'Unsupported action', 'unsupported_action', { allowed: allowedActions }),
        );
    }
  } catch (error) {
    if (error instanceof QueryError)
      return failure(400, error.message, problem(error.field, error.message, 'invalid_query', error.details));
    throw error;
  }
}

/** context_store_search: the context store's copy of an entity (its store fields), queried with filter and sort. */
function contextStoreSearch(
  entity: EntityDefinition,
  records: Row[],
  params: Row,
  out: (r: Row, fields?: string[][] | null) => Row,
  respond: (result: unknown, meta: Row | null) => Outcome,
): Outcome {
  // Its params were checked with the request (request-check.ts): `query` an object, `limit` within bounds.
  const { filter, sort } = (params.query ?? {}) as Row;
  const limit = (params.limit ?? SEARCH_LIMIT.default) as number;
  const storeFields = Object.keys(entity.contextStore!.fields);
  const stored = records.map((r) =>
    Object.fromEntries(storeFields.filter((f) => Object.hasOwn(r, f)).map((f) => [f, r[f]])),
  );
  const matches = filter === undefined || filter === null ? () => true : compileFilter(filter);
  const found = sortRecords(stored.filter(matches), parseSort(sort));
  let offset = 0;
  if (params.cursor !== undefined && params.cursor !== null) {
    const decoded = /^s(\d{1,9})$/.exec(String(params.cursor));
    if (!decoded)
      return failure(
        400,
        'Invalid cursor: pass meta.cursor from the previous page',
        problem('params.cursor', 'Invalid cursor', 'invalid_cursor'),
      );
    offset = Number(decoded[1]);
  }
  const fields = fieldList(params.fields, 'params.fields');
  const data = found.slice(offset, offset + (limit as number)).map((r) => out(r, fields));
  const more = offset + (limit as number) < found.length;
  return respond(
    {
      data,
      meta: { has_more: more, cursor: more ? `s${offset + (limit as number)}` : null, took_ms: 3 + (found.length % 7) },
    },
    null,
  );
}

/** A download: deterministic bytes that say what they are, named after the record. */
function downloadOf(
  definition: ConnectorDefinition,
  entity: EntityDefinition,
  record: Row | null,
  id: string,
): Outcome {
  const name = String(record?.name ?? record?.filename ?? record?.file_name ?? record?.title ?? `${entity.name}-${id}`)
    .replace(/[^\w.\- ]/g, '_')
    .slice(0, 80);
  const contentType = String(
    record?.mimeType ?? record?.content_type ?? record?.contentType ?? 'application/octet-stream',
  );
  const body = new TextEncoder().encode(
    `${definition.title} ${entity.name} ${id}: the content the service would serve.\n`,
  );
  return {
    status: 200,
    download: {
      body,
      contentType: /^[\w.+-]+\/[\w.+-]+$/.test(contentType) ? contentType : 'application/octet-stream',
      filename: name,
    },
  };
}
