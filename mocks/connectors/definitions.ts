// The agent connector definitions (openapi/connectors/<name>.yaml) as runtime data: a cheap index of all of them at
// start-up (name, title, version, definition id), and each whole definition parsed on first use, so that start-up does
// not pay for 51 documents. A bundle of the mock reads them as JSON from files its build wrote beside it
// (connector-index.json and connectors/<name>.json, scripts/bundle-connectors.mjs); where there is no file system (the
// browser), registerConnectorDefinitions supplies them.
import { load as parseYaml } from 'js-yaml';
import { directoryNames, fileExists, readTextFile } from '../files.js';

export type JsonSchema = Record<string, any>;

/** One way to authenticate: the caller's keys (`fields`), where each lands in the source's config, and constants. */
export interface CredentialsOption {
  title: string;
  fields: JsonSchema & { required: string[]; properties: Record<string, JsonSchema & { 'x-secret'?: boolean }> };
  /** Config path (e.g. `credentials.personal_access_token`) -> the caller's key (`token`). */
  credentials: Record<string, string>;
  /** Config path -> constant (e.g. `credentials.option_title` -> `PAT Credentials`). */
  constants?: Record<string, string>;
}

/**
 * How a list pages, as the definition says it (see scripts/import-connector-facts.mjs): `cursor` hands the value of
 * the metadata key `next` back in the `cursor` param; `link` hands back that param's value from the URL in `next`;
 * `last_id` the last record's key; `offset` and `page` count on; `none` cannot page through execute. A `link` list with
 * `rel` answers an array of link objects in `next` (PayPal): the next URL is the href of the one with that rel.
 */
export interface Paging {
  style: 'cursor' | 'link' | 'last_id' | 'offset' | 'page' | 'none';
  size: string | null;
  cursor: string | null;
  next: string | null;
  rel?: string;
  more: string | null;
  done: string | null;
  total: string | null;
}

export interface ActionDefinition {
  entity: string;
  action: string;
  operationId: string;
  /** The params the caller sends, as JSON Schema (refs resolved). */
  params: JsonSchema;
  /** The connector's own header params with their defaults: never the caller's. */
  headers: Record<string, JsonSchema>;
  /** One record (refs resolved), or null where the definition gives none. */
  record: JsonSchema | null;
  /** The `result` schema: a list of records or one record; for a download, the content's schema. */
  result: JsonSchema;
  /** connector_metadata, key by key, each with its `x-role`; null where the action answers none. */
  meta: JsonSchema | null;
  paging: Paging | null;
  /** `get`: the param that names a record and the record field it matches. */
  key: { param: string; field: string } | null;
  upstream: { method: string; path: string; body?: string };
  /** Where the definition gives the entity and action twice: each variant's endpoint and the params that select it. */
  variants: { upstream: { method: string; path: string }; params: string[] }[];
  check: boolean;
}

export interface EntityDefinition {
  name: string;
  /** The record field that names a record (what get looks up, what create assigns). */
  key: string | null;
  /** The fields the context store keeps of this entity, or null where it keeps none. */
  contextStore: { fields: Record<string, JsonSchema> } | null;
  actions: Map<string, ActionDefinition>;
}

export interface Relationship {
  source_entity: string;
  target_entity: string;
  foreign_key: string;
  target_key: string;
  cardinality: string;
}

export interface ConnectorSummary {
  name: string;
  title: string;
  version: string;
  definitionId: string;
}

export interface ConnectorDefinition extends ConnectorSummary {
  credentials: CredentialsOption[];
  replicationConfig: JsonSchema | null;
  scoping: { param: string; config_key: string }[];
  relationships: Relationship[];
  entities: Map<string, EntityDefinition>;
}

const DIRECTORY = 'openapi/connectors';

// Module URLs are made from a variable: a bundler of pages would otherwise copy the files they name beside its output.
const here = import.meta.url;
let directory: URL | undefined;

/**
 * Where the definition files are: two levels above this module in the repository (mocks/connectors/), one level
 * above a bundle in a folder of the repository with no definitions written beside it (the tests' bundles of the
 * command in mock-dist/).
 */
function definitionsDirectory(): URL {
  if (directory) return directory;
  for (const up of ['../../', '../']) {
    const candidate = new URL(`${up}${DIRECTORY}/`, here);
    if (fileExists(candidate)) return (directory = candidate);
  }
  throw new Error(`No ${DIRECTORY}/ beside the mock`);
}

/**
 * The index a build wrote beside a bundle of the mock (dist/ in the package), or null beside the source. The documents
 * are in connectors/ beside it.
 */
let bundle: ConnectorSummary[] | null | undefined;

function bundled(): ConnectorSummary[] | null {
  if (bundle === undefined) {
    const file = new URL('./connector-index.json', here);
    bundle = fileExists(file) ? (JSON.parse(readTextFile(file)) as ConnectorSummary[]) : null;
  }
  return bundle;
}

let registered: Map<string, JsonSchema> | null = null;
let index: ConnectorSummary[] | null = null;
const parsed = new Map<string, ConnectorDefinition>();

/** Supplies the definitions already parsed (the browser bundle does this), keyed by connector name. */
export function registerConnectorDefinitions(documents: readonly JsonSchema[]): void {
  registered = new Map(documents.map((doc) => [doc['x-airbyte-connector'].name as string, doc]));
  index = null;
  parsed.clear();
}

function summaryOf(connector: JsonSchema): ConnectorSummary {
  return {
    name: connector.name,
    title: connector.title,
    version: String(connector.version),
    definitionId: connector.definitionId,
  };
}

/** The head of a definition file, up to its credentials: enough for the index, a small part of the file to parse. */
function summaryFromText(text: string, file: string): ConnectorSummary {
  const start = text.indexOf('x-airbyte-connector:');
  const end = text.indexOf('\n  credentials:', start);
  if (start < 0 || end < 0) throw new Error(`${DIRECTORY}/${file}: no x-airbyte-connector head`);
  const head = parseYaml(text.slice(start, end)) as { 'x-airbyte-connector': JsonSchema };
  return summaryOf(head['x-airbyte-connector']);
}

/** Every connector definition: name, title, version and definition id, sorted by name. */
export function connectorIndex(): readonly ConnectorSummary[] {
  if (index) return index;
  if (registered) {
    index = [...registered.values()].map((doc) => summaryOf(doc['x-airbyte-connector']));
  } else if (bundled()) {
    index = [...bundled()!];
  } else {
    const directory = definitionsDirectory();
    index = directoryNames(directory)
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => summaryFromText(readTextFile(new URL(file, directory)), file));
  }
  index.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return index;
}

/** The connector of a definition id, a name (`github`) or a title (`GitHub`, any case). */
export function findConnector(nameOrId: string): ConnectorSummary | undefined {
  const wanted = nameOrId.trim().toLowerCase();
  return connectorIndex().find(
    (c) => c.definitionId === wanted || c.name === wanted || c.title.toLowerCase() === wanted,
  );
}

function documentOf(name: string): JsonSchema {
  if (registered) {
    const doc = registered.get(name);
    if (!doc) throw new Error(`No connector definition ${name}`);
    return doc;
  }
  if (bundled()) return JSON.parse(readTextFile(new URL(`./connectors/${name}.json`, here))) as JsonSchema;
  return parseYaml(readTextFile(new URL(`${name}.yaml`, definitionsDirectory()))) as JsonSchema;
}

/**
 * Resolves local `$ref`s: the result is a plain schema ajv and the engine use without the document. A schema that
 * several actions refer to (an entity's record) is resolved once and shared, not copied per action.
 */
function resolveRefs(node: unknown, doc: JsonSchema, resolved = new Map<string, unknown>()): any {
  if (Array.isArray(node)) return node.map((item) => resolveRefs(item, doc, resolved));
  if (!node || typeof node !== 'object') return node;
  const ref = (node as JsonSchema).$ref;
  if (typeof ref === 'string') {
    if (!resolved.has(ref)) {
      const target = ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<any>((at, key) => at?.[key], doc);
      if (target === undefined) throw new Error(`Unresolved ${ref}`);
      resolved.set(ref, resolveRefs(target, doc, resolved));
    }
    return resolved.get(ref);
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) out[key] = resolveRefs(value, doc, resolved);
  return out;
}

function buildDefinition(doc: JsonSchema): ConnectorDefinition {
  const head = doc['x-airbyte-connector'];
  const shared = new Map<string, unknown>();
  const resolve = (node: unknown) => resolveRefs(node, doc, shared);
  const entities = new Map<string, EntityDefinition>();
  for (const [name, entity] of Object.entries<JsonSchema>(head.entities)) {
    entities.set(name, {
      name,
      key: entity.key ?? null,
      contextStore: entity.contextStore ?? null,
      actions: new Map(),
    });
  }
  for (const item of Object.values<JsonSchema>(doc.paths)) {
    const op = item.post;
    const entity = entities.get(op['x-entity']);
    if (!entity) throw new Error(`${head.name}: operation ${op.operationId} names an unknown entity`);
    const json = op.responses['200'].content['application/json'];
    const answer = json ? resolve(json.schema) : null;
    const result = answer
      ? answer.properties.result
      : resolve(op.responses['200'].content['application/octet-stream'].schema);
    const record = op['x-record']
      ? resolve(op['x-record'])
      : result.type === 'array'
        ? result.items
        : result.properties
          ? result
          : null;
    const meta = answer?.properties.connector_metadata;
    const { 'x-inferred': _inferred, ...paging } = op['x-paging'] ?? {};
    entity.actions.set(op['x-action'], {
      entity: entity.name,
      action: op['x-action'],
      operationId: op.operationId,
      params: resolve(op.requestBody.content['application/json'].schema),
      headers: op['x-headers'] ?? {},
      record,
      result,
      meta: meta?.properties ? meta : null,
      paging: op['x-paging'] ? (paging as Paging) : null,
      key: op['x-key'] ? { param: op['x-key'].param, field: op['x-key'].field } : null,
      upstream: op['x-upstream'],
      variants: op['x-variants'] ?? [],
      check: op['x-check'] === true,
    });
  }
  return {
    ...summaryOf(head),
    credentials: head.credentials,
    replicationConfig: head.replicationConfig ?? null,
    scoping: head.scoping ?? [],
    relationships: head.relationships ?? [],
    entities,
  };
}

/** The whole definition of a connector (by definition id, name or title), parsed once. */
export function connectorDefinition(nameOrId: string): ConnectorDefinition | undefined {
  const summary = findConnector(nameOrId);
  if (!summary) return undefined;
  let definition = parsed.get(summary.name);
  if (!definition) {
    definition = buildDefinition(documentOf(summary.name));
    parsed.set(summary.name, definition);
  }
  return definition;
}
