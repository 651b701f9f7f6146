#!/usr/bin/env node
// Writes openapi/connectors/<name>.yaml, the project's own definition of each agent connector, from the facts of the
// published connector definitions (contract-tests/fixtures/agent-connector-facts.json, or --facts FILE). Run it when a
// newer facts file arrives; the definitions are then reviewed and committed like any spec change, and
// `npm run generate` makes their types. What the facts do not say is chosen here, once, and marked `x-inferred`.
//
// Each file is an OpenAPI 3.1 document: one POST operation per entity and action (`/<entity>/<action>`), whose request
// body is the action's params (what the caller sends flat in execute's `params`) and whose 200 answer is the
// `result` and `connector_metadata` that execute answers. `x-airbyte-connector` holds the connector itself (id,
// credentials options, replication config, scoping, relationships); `x-paging` on a list says how to page it.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { stringify } from 'yaml';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const factsFlag = process.argv.indexOf('--facts');
const factsPath =
  factsFlag > 0
    ? resolve(process.argv[factsFlag + 1])
    : resolve(root, 'contract-tests/fixtures/agent-connector-facts.json');
const outDir = resolve(root, 'openapi/connectors');

// ---------------------------------------------------------------------------------------------------------------
// Types: the facts write them as `string|null`, `array<object>`, `integer(int64)`, `null|array<string|object>|object`.

/** Splits `a|b<c|d>` at the top level only. */
function splitTop(text, separator) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '<') depth++;
    else if (text[i] === '>') depth--;
    else if (text[i] === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** One alternative (`string(date-time)`, `array<object>`, `object`) as JSON Schema; `fields` fill objects. */
function alternative(text, fields) {
  const array = /^array<(.*)>$/.exec(text);
  if (array) return { type: 'array', items: typeSchema(array[1], fields) };
  if (text === 'array') return fields?.length ? { type: 'array', items: objectSchema(fields) } : { type: 'array' };
  if (text === 'object') return fields?.length ? objectSchema(fields) : { type: 'object' };
  if (text === 'any') return {};
  const formatted = /^(\w+)\((.+)\)$/.exec(text);
  if (formatted) return { type: formatted[1], format: formatted[2] };
  return { type: text };
}

/** A facts type string as JSON Schema; nullable scalars become `type: [x, 'null']`. */
export function typeSchema(text, fields) {
  const alts = splitTop(text, '|').map((alt) => alternative(alt.trim(), fields));
  if (alts.length === 1) return alts[0];
  const simple = alts.every(
    (a) =>
      typeof a.type === 'string' &&
      Object.keys(a).every(
        (k) => k === 'type' || k === 'format' || k === 'items' || k === 'properties' || k === 'required',
      ),
  );
  const kinds = alts.map((a) => a.type);
  // One schema with a type list where that says the same: formats and items apply to one type only, so a formatted
  // or structured alternative merges only with null.
  const others = alts.filter((a) => a.type !== 'null');
  const needsOwnSchema = others.some((a) => a.format || a.items || a.properties);
  if (simple && new Set(kinds).size === kinds.length && (!needsOwnSchema || others.length === 1)) {
    return Object.assign({}, ...alts, { type: kinds });
  }
  return { anyOf: alts };
}

/** The record fields of the facts as an object schema: open (services add fields), `required` where the facts say. */
function objectSchema(fields) {
  const properties = {};
  const required = [];
  for (const field of fields) {
    properties[field.name] = fieldSchema(field);
    if (field.required) required.push(field.name);
  }
  return { type: 'object', ...(required.length ? { required } : {}), properties };
}

function fieldSchema(field) {
  const schema = field.type === 'any' ? {} : typeSchema(field.type, field.fields);
  if (field.enum) schema.enum = nullableEnum(schema, field.enum);
  if (field.type === 'any' && field.fields?.length) Object.assign(schema, objectSchema(field.fields));
  return schema;
}

/** An enum of a nullable field also admits null, as the field's type does. */
function nullableEnum(schema, values) {
  const nullable = Array.isArray(schema.type) && schema.type.includes('null');
  return nullable && !values.includes(null) ? [...values, null] : values;
}

// ---------------------------------------------------------------------------------------------------------------
// GraphQL fields come without types (GitHub's definitions give names only). Each gets a type by what the
// connector's context store says of the same field, else by its name, and is marked x-inferred.

const GRAPHQL_OBJECTS = {
  author: { login: 'string', url: 'string' },
  creator: { login: 'string', url: 'string' },
  mergedBy: { login: 'string', url: 'string' },
  answerChosenBy: { login: 'string', url: 'string' },
  owner: { login: 'string', url: 'string' },
  primaryLanguage: { name: 'string' },
  licenseInfo: { name: 'string', spdxId: 'string' },
  defaultBranchRef: { name: 'string' },
  milestone: { number: 'integer', title: 'string' },
  category: { name: 'string' },
  parentTeam: { slug: 'string', name: 'string' },
  target: { oid: 'string' },
  answer: { id: 'string', body: 'string' },
  readme: { text: 'string' },
  node: { id: 'string' },
};
/** Connections (`labels { nodes { name } }`): an object holding `totalCount` and `nodes`. */
const GRAPHQL_CONNECTIONS = new Set([
  'assignees',
  'labels',
  'comments',
  'commits',
  'reviews',
  'reviewRequests',
  'associatedPullRequests',
  'repositoryTopics',
  'releaseAssets',
  'parents',
  'fieldValues',
  'fields',
  'members',
  'membersWithRole',
  'repositories',
  'teams',
  'issues',
  'pullRequests',
  'organizations',
  'followers',
  'following',
  'starredRepositories',
  'watching',
]);
const GRAPHQL_BOOLEAN = /^(is[A-Z]|has[A-Z]|viewer[A-Z]|closed$|locked$|merged$|public$)/;
const GRAPHQL_INTEGER =
  /(Count|^number$|^databaseId$|^additions$|^deletions$|^changedFiles$|^byteSize$|^progressPercentage$)$/;
const GRAPHQL_DATE_TIME = /(At|^committedDate|^dueOn)$/;

function inferredField(name, storeTypes, paramEnums) {
  // A field the entity's own params enumerate (GitHub `states: [OPEN, CLOSED]` for `state`) takes those values.
  if (paramEnums.has(name)) return { type: 'string', enum: paramEnums.get(name), 'x-inferred': true };
  const fromStore = storeTypes.get(name);
  if (fromStore && fromStore !== 'any') return { ...typeSchema(fromStore), 'x-inferred': true };
  if (GRAPHQL_OBJECTS[name]) {
    return {
      type: ['object', 'null'],
      properties: Object.fromEntries(Object.entries(GRAPHQL_OBJECTS[name]).map(([k, t]) => [k, { type: t }])),
      'x-inferred': true,
    };
  }
  if (GRAPHQL_CONNECTIONS.has(name)) {
    return {
      type: 'object',
      properties: { totalCount: { type: 'integer' }, nodes: { type: 'array', items: { type: 'object' } } },
      'x-inferred': true,
    };
  }
  if (GRAPHQL_BOOLEAN.test(name)) return { type: 'boolean', 'x-inferred': true };
  if (GRAPHQL_INTEGER.test(name)) return { type: 'integer', 'x-inferred': true };
  if (GRAPHQL_DATE_TIME.test(name)) return { type: ['string', 'null'], format: 'date-time', 'x-inferred': true };
  if (name === 'mergeable')
    return { type: 'string', enum: ['MERGEABLE', 'CONFLICTING', 'UNKNOWN'], 'x-inferred': true };
  return { type: ['string', 'null'], 'x-inferred': true };
}

function recordSchema(fields, storeTypes, paramEnums = new Map()) {
  const schema = objectSchema(fields);
  for (const field of fields) {
    if (field.type === 'any' && !field.fields?.length)
      schema.properties[field.name] = inferredField(field.name, storeTypes, paramEnums);
  }
  return schema;
}

// ---------------------------------------------------------------------------------------------------------------
// Params: what the caller sends flat in `params`. Header params are the connector's own (with defaults): they go to
// `x-headers`, never into the caller's params.

function paramSchema(param) {
  const schema = typeSchema(param.type);
  if (param.enum) schema.enum = nullableEnum(schema, param.enum);
  if (param.itemEnum && schema.items) schema.items.enum = param.itemEnum;
  for (const key of ['default', 'minimum', 'maximum', 'minLength', 'maxLength'])
    if (param[key] !== undefined) schema[key] = param[key];
  if (param.keys) {
    schema.properties = Object.fromEntries(param.keys.map((k) => [k, {}]));
    schema.additionalProperties = false;
  }
  schema['x-in'] = param.in;
  return schema;
}

function paramsSchema(params, scoped) {
  const properties = {};
  const required = [];
  for (const param of params) {
    if (param.in === 'header') continue;
    properties[param.name] = paramSchema(param);
    if (scoped.has(param.name)) properties[param.name]['x-scoped-from'] = scoped.get(param.name);
    if (param.required) required.push(param.name);
  }
  return { type: 'object', additionalProperties: false, ...(required.length ? { required } : {}), properties };
}

// ---------------------------------------------------------------------------------------------------------------
// Paging. The facts name the metadata keys a list answers (and where upstream they come from) and the params it
// takes; which param takes the next page's position, and what each key means, is read from those names here.

/** The role of each connector_metadata key, by its name: what the mock answers there and what a pager reads. */
const META_ROLES = [
  [/^(has_next_page|hasNextPage|has_more|more_records)$/, 'more', 'boolean'],
  [/^(done|isLast)$/, 'done', 'boolean'],
  [/^last_page$/, 'last_page', 'boolean'],
  [/^incompleteSearch$/, 'constant_false', 'boolean'],
  [
    /^(count|total|total_count|total_records|total_items|row_count|number_of_results|resultSizeEstimate|contact_count)$/,
    'total',
    'integer',
  ],
  [/^(page|current_page_number)$/, 'page', 'integer'],
  [/^(page_size|limit|max_results)$/, 'page_size', 'integer'],
  [/^(start)$/, 'offset', 'integer'],
  [/^(size)$/, 'page_records', 'integer'],
  [/^(total_pages|page_count)$/, 'total_pages', 'integer'],
  [/^(previous_page)$/, 'previous_url', 'string|null'],
  [/^(first_page_uri)$/, 'first_url', 'string'],
  [/^(links)$/, 'links', 'array<object>'],
  [/^(page_info)$/, 'page_info', 'object'],
  [/^(response_aggregation_type)$/, 'aggregation', 'string'],
  [/^(newStartPageToken)$/, 'start_token', 'string'],
];
const NEXT_URL_KEYS = new Set(['next', 'next_link', 'next_page_url', 'next_page_uri', 'nextRecordsUrl', 'nextPage']);
const NEXT_TOKEN_KEYS = [
  'end_cursor',
  'endCursor',
  'next_cursor',
  'next_token',
  'nextPageToken',
  'next_page_token',
  'next_offset',
  'next_id',
  'after',
  'cursor',
  'offset',
];
const SIZE_PARAMS = [
  'per_page',
  'page[size]',
  'limit',
  'pageSize',
  'page_size',
  'first',
  'count',
  'maxResults',
  'PageSize',
  'MaxResultsPerPage',
  'rowLimit',
  'max_results',
];
/** Params that take an opaque position (a token the previous page handed out), most specific first. */
const TOKEN_PARAMS = [
  'after',
  'starting_after',
  'start_cursor',
  'cursor',
  'page[cursor]',
  'pageToken',
  'page_token',
  'nextPageToken',
  'nextToken',
  'NextToken',
  'bookmark',
  'start_id',
  'next_page_token',
];
const OFFSET_PARAMS = ['offset', 'startAt', 'start', 'startRow'];

/** A key taken from a whole `links` array (PayPal `$.links`, Mailchimp `$._links`): HATEOAS link objects. */
const LINKS_ARRAY = /^\$\._?links$/;

/** What a list's next-page metadata holds (a token, a URL, or an object with the position inside) and its role. */
function metaDescriptions(meta, params) {
  const out = {};
  for (const [key, from] of Object.entries(meta ?? {})) {
    let role;
    let type;
    if (NEXT_URL_KEYS.has(key) && LINKS_ARRAY.test(from)) {
      // The next page is the href of the link whose rel is `next` (PayPal answers no string there).
      role = 'next_links';
      type = 'array<object>';
    } else if (
      NEXT_URL_KEYS.has(key) ||
      (key === 'next_page' &&
        /links?\.next|next_page$/.test(from) &&
        !params.has('offset') &&
        !params.has('starting_after'))
    ) {
      role = 'next_url';
      type = 'string|null';
    } else if (key === 'next_page' && params.has('starting_after')) {
      role = 'next_token';
      type = 'string|null';
    } else if (key === 'next_page' && params.has('offset')) {
      role = 'next_object';
      type = 'object|null';
    } else if (NEXT_TOKEN_KEYS.includes(key) && !(key === 'offset' && !params.has('offset'))) {
      role = 'next_token';
      type = 'string|null';
    } else {
      const match = META_ROLES.find(([pattern]) => pattern.test(key));
      role = match ? match[1] : 'unknown';
      type = match ? match[2] : 'string|null';
    }
    out[key] = { from, role, type };
  }
  return out;
}

function pagingOf(action, paramList) {
  const params = new Map(paramList.filter((p) => p.in !== 'header').map((p) => [p.name, p]));
  const meta = metaDescriptions(action.meta, params);
  const keyWith = (role) => Object.keys(meta).find((k) => meta[k].role === role) ?? null;
  const size = SIZE_PARAMS.find((p) => params.has(p) && params.get(p).type.startsWith('integer')) ?? null;
  const more = keyWith('more');
  const done = keyWith('done') ?? keyWith('last_page');
  const total = keyWith('total');
  const integerParam = (name) => params.has(name) && params.get(name).type.startsWith('integer');
  // A position is an opaque string or a number; a date-time `after` (WooCommerce) is a filter, not a position.
  const positional = (name) =>
    params.has(name) && /^(string|integer)(\(int(32|64)\))?(\|null)?$/.test(params.get(name).type);
  const base = { size, more, done, total };

  const nextToken = keyWith('next_token');
  const nextObject = keyWith('next_object');
  const nextLinks = keyWith('next_links');
  const nextUrl = keyWith('next_url') ?? nextLinks;
  if (nextToken) {
    const cursor = TOKEN_PARAMS.find(positional) ?? OFFSET_PARAMS.find(positional) ?? null;
    if (cursor) return { style: 'cursor', cursor, next: nextToken, ...base };
  }
  if (nextObject) {
    return { style: 'cursor', cursor: 'offset', next: `${nextObject}.offset`, ...base };
  }
  if (nextUrl) {
    // The next URL carries the position in one of its query params: a page number where the list takes one.
    const cursor =
      ['cursor', 'page[cursor]', 'page', ...OFFSET_PARAMS, ...TOKEN_PARAMS].find((p) => positional(p)) ?? null;
    // `rel`: the next key is an array of link objects, and the next URL is the href of the one with this rel.
    if (cursor) return { style: 'link', cursor, next: nextUrl, ...(nextLinks ? { rel: 'next' } : {}), ...base };
  }
  if (more && positional('starting_after')) return { style: 'last_id', cursor: 'starting_after', next: null, ...base };
  if (positional('after') && !nextUrl) {
    // Typeform-like: `after` takes the last record's token; nothing in the metadata says more: a short page ends it.
    return { style: 'last_id', cursor: 'after', next: null, ...base };
  }
  const page = integerParam('page') ? 'page' : null;
  if (page) return { style: 'page', cursor: page, next: null, ...base };
  const offset = OFFSET_PARAMS.find(integerParam);
  if (offset) return { style: 'offset', cursor: offset, next: null, ...base };
  return { style: 'none', cursor: null, next: nextUrl ?? nextToken, ...base };
}

function metaSchema(action, paramList) {
  const params = new Map(paramList.filter((p) => p.in !== 'header').map((p) => [p.name, p]));
  const meta = metaDescriptions(action.meta, params);
  const properties = {};
  for (const [key, { from, role, type }] of Object.entries(meta)) {
    properties[key] = { ...typeSchema(type), 'x-from': from, 'x-role': role, 'x-inferred': true };
    if (LINKS_ARRAY.test(from) && type === 'array<object>') {
      properties[key].items = {
        type: 'object',
        required: ['href', 'rel'],
        properties: { href: { type: 'string', format: 'uri' }, rel: { type: 'string' }, method: { type: 'string' } },
        'x-inferred': true,
      };
    }
    if (role === 'next_object') {
      properties[key].properties = { offset: { type: 'string' }, path: { type: 'string' }, uri: { type: 'string' } };
    }
    if (role === 'page_info') {
      properties[key].properties = {
        page: { type: 'integer' },
        page_size: { type: 'integer' },
        total_number: { type: 'integer' },
        total_page: { type: 'integer' },
      };
    }
  }
  return { type: 'object', properties };
}

// ---------------------------------------------------------------------------------------------------------------
// The key of a record: what `get` looks a record up by. The param is the get's last required param that neither
// scopes the connector nor selects a parent (a parent selector is a param of the list too); the record field it
// matches is read from the name.

const KEY_FIELD_CANDIDATES = [
  [/_iid$/, ['iid']],
  [/_number$/, ['number']],
  [/gid$/, ['gid']],
  [/(^|_)sha$/, ['sha', 'oid', 'id']],
  [/^tag(_name)?$/, ['tag_name', 'tagName', 'name']],
  [/^branch$/, ['name']],
  [/slug$/, ['slug']],
  [/^(username|user|org)$/, ['login', 'id', 'username']],
  [/IdOrKey$/, ['id', 'key']],
  [/^path$/, ['path']],
  [/^feedpath$/, ['path']],
  [/^siteUrl$/, ['siteUrl']],
  [/^subscriber_hash$/, ['id']],
  [/^objectType$/, ['name', 'id']],
  [/^version$/, ['version']],
];

function keyOf(entityName, actions, scoped, actionName = 'get') {
  const addressing = actions[actionName];
  if (!addressing) return null;
  const listParams = new Set((actions.list?.params ?? []).map((p) => p.name));
  // A record is named by a scalar (a body such as Asana's `data` object is what changes, not what is named).
  const scalars = addressing.params.filter(
    (p) => p.in !== 'header' && p.required && !scoped.has(p.name) && /^(string|integer)/.test(p.type),
  );
  const getKey = actionName === 'get' ? null : keyOf(entityName, actions, scoped, 'get');
  const param =
    // The param the entity's get names a record by (Slack `channel`, Google Drive `fileId`) ...
    scalars.find((p) => p.name === getKey?.param) ??
    // ... else, for a write, the last path param (GitHub `issue_number`) or a key-like name (Slack `ts`) ...
    (actionName !== 'get'
      ? (scalars.filter((p) => p.in === 'path').at(-1) ??
        scalars.filter((p) => /(^id$|_id$|Id$|gid$|_iid$|^ts$|^sha$|number$|^key$|IdOrKey$)/.test(p.name)).at(-1))
      : undefined) ??
    // ... else the last required param that does not select a parent (a parent selector is a list param too).
    scalars.filter((p) => !listParams.has(p.name)).at(-1) ??
    scalars.at(-1);
  if (!param) return null;
  const fields = new Set(
    (actions.get?.recordFields ?? actions.list?.recordFields ?? addressing.recordFields ?? []).map((f) => f.name),
  );
  let field = fields.has(param.name) ? param.name : null;
  for (const [pattern, names] of KEY_FIELD_CANDIDATES) {
    if (field) break;
    if (pattern.test(param.name)) field = names.find((n) => fields.has(n)) ?? names[0];
  }
  field ??= ['id', 'Id', 'sid', 'gid', 'name'].find((n) => fields.has(n)) ?? 'id';
  return { param: param.name, field };
}

// ---------------------------------------------------------------------------------------------------------------

const present = (value) => value !== undefined && value !== null;

function credentialsOptions(auth) {
  return auth.map((option, index) => ({
    title: option.title ?? `Option ${index + 1}`,
    ...(option.title ? {} : { 'x-inferred': true }),
    // The caller's keys (what the connector's docs show) ...
    fields: {
      type: 'object',
      required: option.required,
      properties: Object.fromEntries(
        Object.entries(option.fields).map(([k, t]) => [
          k,
          {
            ...typeSchema(t),
            'x-secret': !/^(username|email|account_id|account_sid|client_id|lwa_app_id|subdomain)$/.test(k),
          },
        ]),
      ),
    },
    // ... where each lands in the source's own configuration, and the constants it sets there.
    credentials: option.credentials,
    ...(option.constants ? { constants: option.constants } : {}),
  }));
}

function replicationConfigSchema(config) {
  if (!config) return null;
  return {
    type: 'object',
    required: config.required,
    properties: Object.fromEntries(Object.entries(config.properties).map(([k, t]) => [k, typeSchema(t)])),
  };
}

const schemaName = (...parts) => parts.join('_').replace(/[^A-Za-z0-9_]/g, '_');

function connectorDocument(c) {
  const scoped = new Map((c.scoping ?? []).map((s) => [s.param, s.config_key]));
  const schemas = {};
  const paths = {};
  for (const [entityName, entity] of Object.entries(c.entities)) {
    const storeTypes = new Map((entity.contextStoreFields ?? []).map((f) => [f.name, f.type]));
    // Enumerated params of the entity's lists, by the field they filter (`states` filters `state`).
    const paramEnums = new Map();
    // The reads' params first: records are what they answer (GitHub's writes take REST's lowercase states).
    const byReadFirst = Object.entries(entity.actions).sort(
      ([a], [b]) =>
        Number(!['list', 'get', 'api_search'].includes(a)) - Number(!['list', 'get', 'api_search'].includes(b)),
    );
    for (const [, action] of byReadFirst) {
      for (const param of action.params) {
        const values = param.itemEnum ?? param.enum;
        const field = param.itemEnum && param.name.endsWith('s') ? param.name.slice(0, -1) : param.name;
        if (values && param.in !== 'header' && !paramEnums.has(field))
          paramEnums.set(
            field,
            values.filter((v) => v !== null),
          );
      }
    }
    // The entity's record: the list's fields, else the get's, else any action's that has fields.
    const recordActions = ['list', 'get', 'api_search', 'create', 'update'];
    const main = recordActions.map((a) => entity.actions[a]).find((a) => a?.recordFields?.length);
    const entityRecord = schemaName(entityName, 'record');
    if (main) schemas[entityRecord] = recordSchema(main.recordFields, storeTypes, paramEnums);
    for (const [actionName, action] of Object.entries(entity.actions)) {
      const base = schemaName(entityName, actionName);
      schemas[`${base}_params`] = paramsSchema(action.params, scoped);
      let recordRef = null;
      if (action.recordFields?.length) {
        const own = recordSchema(action.recordFields, storeTypes, paramEnums);
        if (main && JSON.stringify(own) === JSON.stringify(schemas[entityRecord]))
          recordRef = `#/components/schemas/${entityRecord}`;
        else {
          schemas[`${base}_record`] = own;
          recordRef = `#/components/schemas/${base}_record`;
        }
      }
      const many = actionName === 'list' || actionName === 'api_search';
      const download = actionName === 'download';
      const result = recordRef
        ? many
          ? { type: 'array', items: { $ref: recordRef } }
          : { $ref: recordRef }
        : { type: ['object', 'null'], 'x-inferred': true };
      const headers = action.params.filter((p) => p.in === 'header');
      const operation = {
        operationId: `${entityName}__${actionName}`,
        summary: `${actionName} ${entityName}`,
        tags: [entityName],
        'x-entity': entityName,
        'x-action': actionName,
        'x-upstream': {
          method: action.method,
          path: action.upstreamPath,
          ...(action.upstreamBody ? { body: action.upstreamBody } : {}),
        },
        // One entity and action the definition gives twice (Zendesk Support's audits of all tickets or of one): each
        // variant's endpoint and the params that select it; a param only one variant takes is optional.
        ...(action.variants?.length
          ? {
              'x-variants': action.variants.map((v) => ({
                upstream: { method: action.method, path: v.upstreamPath },
                params: v.params,
              })),
            }
          : {}),
        ...(action.recordPath ? { 'x-record-path': action.recordPath } : {}),
        ...(headers.length
          ? { 'x-headers': Object.fromEntries(headers.map((h) => [h.name, { ...paramSchema(h), 'x-in': undefined }])) }
          : {}),
        ...(action.preferredForCheck ? { 'x-check': true } : {}),
        // The param that names the one record a get, update, delete or download is about, and the field it matches.
        ...(['get', 'update', 'delete', 'download'].includes(actionName) &&
        keyOf(entityName, entity.actions, scoped, actionName)
          ? { 'x-key': { ...keyOf(entityName, entity.actions, scoped, actionName), 'x-inferred': true } }
          : {}),
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${base}_params` } } },
        },
        ...(download && recordRef ? { 'x-record': { $ref: recordRef } } : {}),
        responses: download
          ? {
              // A download answers the content itself, not the execute envelope (the record, where the definition gives
              // one, describes what the content belongs to).
              200: {
                description: 'The content, as the service serves it',
                headers: { 'Content-Disposition': { schema: { type: 'string' } } },
                content: {
                  'application/octet-stream': {
                    schema: { type: 'string', contentMediaType: 'application/octet-stream' },
                  },
                },
              },
            }
          : {
              200: {
                description: `The ${actionName} result as execute answers it`,
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      required: ['result', 'connector_metadata'],
                      properties: {
                        result,
                        connector_metadata:
                          action.meta && Object.keys(action.meta).length
                            ? { $ref: `#/components/schemas/${base}_meta` }
                            : { type: ['object', 'null'] },
                      },
                    },
                  },
                },
              },
            },
      };
      if (action.meta && Object.keys(action.meta).length) schemas[`${base}_meta`] = metaSchema(action, action.params);
      if (many) operation['x-paging'] = { ...pagingOf(action, action.params), 'x-inferred': true };
      for (const h of Object.values(operation['x-headers'] ?? {})) delete h['x-in'];
      paths[`/${entityName}/${actionName}`] = { post: operation };
    }
  }
  const entities = Object.fromEntries(
    Object.entries(c.entities).map(([name, e]) => [
      name,
      {
        actions: Object.keys(e.actions),
        ...(present(keyOf(name, e.actions, scoped)) ? { key: keyOf(name, e.actions, scoped).field } : {}),
        ...(e.contextStoreFields
          ? {
              contextStore: {
                fields: Object.fromEntries(e.contextStoreFields.map((f) => [f.name, typeSchema(f.type)])),
              },
            }
          : {}),
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: `${c.title} agent connector`,
      version: c.version,
      description: `What execute runs for ${c.title}: each entity's actions, their params and records. Written from the facts of the published definition (airbytehq/airbyte-agent-sdk); parts marked x-inferred were chosen by this project.`,
    },
    'x-airbyte-connector': {
      name: c.name,
      title: c.title,
      version: c.version,
      definitionId: c.definitionId,
      credentials: credentialsOptions(c.auth),
      replicationConfig: replicationConfigSchema(c.replicationConfig),
      scoping: c.scoping ?? [],
      relationships: c.relationships ?? [],
      entities,
    },
    paths,
    components: { schemas },
  };
}

async function main() {
  const facts = JSON.parse(await readFile(factsPath, 'utf8'));
  await mkdir(outDir, { recursive: true });
  for (const file of await readdir(outDir)) if (file.endsWith('.yaml')) await rm(resolve(outDir, file));
  for (const connector of facts.connectors) {
    const doc = connectorDocument(connector);
    const header = `# ${connector.title}: the agent connector definition (${connector.definitionId}). See scripts/import-connector-facts.mjs.\n`;
    await writeFile(
      resolve(outDir, `${connector.name}.yaml`),
      header + stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false }),
    );
  }
  console.log(`${facts.connectors.length} connector definitions -> openapi/connectors/`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
