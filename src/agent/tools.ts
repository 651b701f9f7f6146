// Agent tools over the connectors: one tool per connector, entity and action (input schema: the action's params from
// its definition, plus the execute options), or three tools for any number of connectors (list them, describe an
// action's params, execute an action). Arguments are checked against the schema before any request; answers are
// trimmed to a size limit; failures come back as tool errors the model can act on. Framework-neutral: the MCP server
// and the adapters for the Vercel AI SDK and the OpenAI Agents SDK wrap these.
import { pagingRuleOf } from '../core/execute-paging.js';
import { AbortError } from '../core/errors.js';
import {
  CONTEXT_STORE_SEARCH,
  catalogEntry,
  entityActions,
  loadCatalog,
  type ActionToolCatalog,
  type ConnectorToolCatalog,
} from './catalog.js';
import { toolErrorText } from './errors.js';
import { inputProblems, quoted } from './input.js';
import { answerText, bytes, DEFAULT_MAX_RESULT_BYTES, type ActionOutcome } from './output.js';
import type { PagingRule } from '../../generated/connector-paging.js';

/** What a call of a tool may carry: a signal that cancels it. */
export interface ToolCallOptions {
  signal?: AbortSignal | undefined;
}

/**
 * What the tools need of a connector: its definition's name and `execute`. A typed connector
 * (`client.connector('github', id)`, a workspace's `connector('github')`) is one. Declared here, structurally, so that
 * the tools' types stay small (not the whole client's).
 */
export interface ExecutableConnector {
  readonly connectorName: string;
  execute(request: any, options?: ToolCallOptions): Promise<unknown>;
}

/** One connector as a list of the API names it (`GET /integrations/connectors`). */
export interface ListedConnector {
  id: string;
  name: string;
  summarized_source_template?: { actor_definition_id?: string | null } | null;
}

/** What the tools need of a client (a workspace client, or the organization's): its connectors, and a typed one. */
export interface ToolsClient {
  connectors: { list(query?: undefined, options?: ToolCallOptions): Promise<{ data: readonly ListedConnector[] }> };
  connector(name: any, id: string): ExecutableConnector;
}

/** An object JSON Schema: what a tool takes. */
export type ToolInputSchema = {
  type: 'object';
  properties: Record<string, any>;
  required?: string[];
  additionalProperties?: boolean;
  [keyword: string]: unknown;
};

/** Hints for a host about what a tool does (the MCP tool annotations). */
export interface ToolAnnotations {
  title: string;
  /** It only reads. */
  readOnlyHint: boolean;
  /** It may delete or overwrite. */
  destructiveHint: boolean;
  /** Calling it again with the same arguments changes nothing more. */
  idempotentHint: boolean;
  /** It reaches a service outside the host (the user's connected service). */
  openWorldHint: boolean;
}

/** What a tool answers: text for the model (JSON), and whether it is an error the model should act on. */
export interface ToolOutput {
  isError: boolean;
  text: string;
}

/** A tool in a framework-neutral shape: name, description, JSON Schema input, and the function that runs it. */
export interface AgentTool {
  name: string;
  description: string;
  inputSchema: ToolInputSchema;
  annotations: ToolAnnotations;
  /** Runs the tool; never throws (failures are `isError` outputs), never answers more than the size limit. */
  execute(input: unknown, options?: ToolCallOptions): Promise<ToolOutput>;
}

export interface AgentToolsOptions {
  /** The largest answer in bytes (UTF-8); larger ones are trimmed with a note. Default 100,000. */
  maxResultBytes?: number;
  /** Which actions become tools (all by default), e.g. `(entity, action) => action === 'list' || action === 'get'`. */
  actions?: (entity: string, action: string) => boolean;
  /** Hears about failures that are not the API's (a bug, never shown to the model), e.g. to log them. */
  onUnexpectedError?: (error: unknown) => void;
}

/** A connector the tools act on: the name the model knows it by, its typed connector and its catalog. */
export interface ToolConnector {
  /** What the model calls it: the definition's name (`github`), unless a workspace has two of one definition. */
  key: string;
  /** The connector's id, when known. */
  id?: string | undefined;
  /** Its name in the workspace (`GitHub for support`), when known. */
  name?: string | undefined;
  connector: ExecutableConnector;
  catalog: ConnectorToolCatalog;
}

const READS = new Set(['list', 'get', 'api_search', 'download', CONTEXT_STORE_SEARCH]);

/** How a context-store search pages: `meta.cursor` back as `cursor` while `meta.has_more`, `limit` a page. */
const SEARCH_PAGING: PagingRule = {
  style: 'cursor',
  cursor: 'cursor',
  next: 'cursor',
  more: 'has_more',
  size: 'limit',
};

// The execute request's own options (ExecuteRequest in openapi/agent-engine.yaml; a test holds them to it).
const OPTION_SCHEMAS = {
  select_fields: {
    type: 'array',
    items: { type: 'string' },
    description: 'Return only these fields of each record (dotted paths). Use it to keep answers small.',
  },
  exclude_fields: {
    type: 'array',
    items: { type: 'string' },
    description: 'Leave these fields out of each record.',
  },
  intent: {
    type: 'string',
    maxLength: 512,
    description: "Why the action runs, in a sentence (e.g. the user's question); kept in the audit record.",
  },
} as const;
type OptionName = keyof typeof OPTION_SCHEMAS;
const OPTION_NAMES = Object.keys(OPTION_SCHEMAS) as OptionName[];

const VERBS: Record<string, string> = {
  list: 'List',
  get: 'Get one of the',
  create: 'Create',
  update: 'Update',
  delete: 'Delete',
  api_search: "Search with the service's own search:",
  download: 'Download the content of one of the',
  [CONTEXT_STORE_SEARCH]: "Search the context store's copy (fast; it may lag the service a little) of the",
};

const words = (name: string) => name.replaceAll('_', ' ');

/**
 * A param's name as a tool's input may have it: Anthropic's API (and so Claude's clients) refuses a whole request when
 * one property key of one tool is not `[A-Za-z0-9_.-]{1,64}`; Klaviyo's `page[size]` becomes `page_size`, ClickUp's
 * `statuses[]` `statuses`.
 */
function safeParamName(name: string): string {
  const safe = name
    .replace(/\[\]$/, '')
    .replace(/\[([^\]]*)\]/g, '_$1')
    .replace(/[^A-Za-z0-9_.-]/g, '_')
    .slice(0, 64);
  return safe || 'param';
}

/** What one action gives its tools, worked out once per action (tool calls reuse it, and its compiled validator). */
interface ActionShape {
  rule: PagingRule | undefined;
  /** The params as JSON Schema, by the API's names, each paging and filled param explained (execute_action). */
  params: ToolInputSchema;
  /** The static tool's input: the params by safe names, and the execute options. */
  input: ToolInputSchema;
  /** Safe name -> the API's name, for the params that had to be renamed. */
  original: Map<string, string>;
  /** The API's name -> safe name. */
  safe: Map<string, string>;
}

const shapes = new WeakMap<object, ActionShape>();

function shapeOf(catalog: ConnectorToolCatalog, entity: string, action: string): ActionShape {
  const spec: ActionToolCatalog = entityActions(catalog.entities[entity]!)[action]!;
  let shape = shapes.get(spec);
  if (shape) return shape;
  const rule = action === CONTEXT_STORE_SEARCH ? SEARCH_PAGING : pagingRuleOf(catalog.definitionId, entity, action);
  const properties: Record<string, any> = {};
  for (const [name, schema] of Object.entries(spec.params.properties ?? {})) {
    const notes: string[] = schema.description ? [schema.description] : [];
    if (spec.scoped?.includes(name)) notes.push("Defaults to the connector's configured value.");
    else if (schema.default !== undefined && !schema.description)
      notes.push('The connector sends the default when left out.');
    if (rule?.cursor === name) notes.push("The next page's position: pass next_page from the previous answer.");
    if (rule?.size === name) notes.push('Records per page.');
    properties[name] = notes.length ? { ...schema, description: notes.join(' ') } : schema;
  }
  const params = { ...spec.params, properties } as ToolInputSchema;
  const original = new Map<string, string>();
  const safe = new Map<string, string>();
  const inputProperties: Record<string, any> = {};
  for (const [name, schema] of Object.entries(properties)) {
    let alias = safeParamName(name);
    while (alias !== name && (Object.hasOwn(properties, alias) || original.has(alias))) alias = `${alias}_`;
    if (alias !== name) {
      original.set(alias, name);
      safe.set(name, alias);
    }
    inputProperties[alias] = schema;
  }
  // A download answers bytes: there are no fields to select.
  const options = action === 'download' ? { intent: OPTION_SCHEMAS.intent } : OPTION_SCHEMAS;
  const input: ToolInputSchema = {
    ...params,
    properties: { ...inputProperties, ...options },
    ...(params.required ? { required: params.required.map((name) => safe.get(name) ?? name) } : {}),
  };
  shape = { rule, params, input, original, safe };
  shapes.set(spec, shape);
  return shape;
}

function describeAction(tc: ToolConnector, entity: string, action: string): string {
  const { catalog } = tc;
  const of = tc.name && tc.name !== catalog.title ? `${catalog.title} (${tc.name})` : catalog.title;
  const spec = catalog.entities[entity]!;
  const lines = [`${VERBS[action] ?? words(action)} ${words(entity)} of ${of}.`];
  if (action === 'get' && spec.key) lines[0] = `${VERBS.get} ${words(entity)} of ${of}, by ${spec.key}.`;
  const { rule } = shapeOf(catalog, entity, action);
  if (rule && rule.style !== 'none')
    lines.push(
      'One page per call: next_page in the answer holds the params of the following page (null after the last).',
    );
  const fields = action === CONTEXT_STORE_SEARCH ? (spec.search ?? []) : spec.fields;
  if (READS.has(action) && action !== 'download' && fields.length)
    lines.push(
      `Records have ${fields.slice(0, 25).join(', ')}${fields.length > 25 ? ', …' : ''}; select_fields keeps answers small.`,
    );
  return lines.join(' ');
}

function annotationsOf(title: string, action: string): ToolAnnotations {
  return {
    title,
    readOnlyHint: READS.has(action),
    destructiveHint: action === 'delete' || action === 'update',
    // The same update or delete twice leaves the record as once; a second create makes a second record.
    idempotentHint: action !== 'create',
    openWorldHint: true,
  };
}

interface RunSettings {
  maxBytes: number;
  unexpected: ((error: unknown) => void) | undefined;
}

/** How the model names params in one kind of tool: a static tool's safe names, or `params.<name>` for execute_action. */
interface Naming {
  argument: (param: string) => string;
  nextPageKey: (param: string) => string;
}

/** Runs one action whose arguments are already valid, and answers the model. */
async function runAction(
  tc: ToolConnector,
  entity: string,
  action: string,
  params: Record<string, unknown>,
  options: Partial<Record<OptionName, unknown>>,
  settings: RunSettings,
  call: ToolCallOptions | undefined,
  naming: Naming,
): Promise<ToolOutput> {
  const { rule } = shapeOf(tc.catalog, entity, action);
  try {
    const request: Record<string, unknown> = { entity, action, params };
    for (const name of OPTION_NAMES) if (options[name] !== undefined) request[name] = options[name];
    // A page that goes on after its last record's key needs that key, whatever fields the model asked for.
    if (rule?.style === 'last_id') {
      const key = rule.key ?? 'id';
      if (Array.isArray(request.select_fields) && !request.select_fields.includes(key))
        request.select_fields = [...request.select_fields, key];
      if (Array.isArray(request.exclude_fields))
        request.exclude_fields = request.exclude_fields.filter((field) => field !== key);
    }
    let outcome = (await tc.connector.execute(request as never, call?.signal ? { signal: call.signal } : {})) as
      | ActionOutcome
      | { data: unknown; meta: unknown; warning: unknown };
    // A context-store search answers `{data, meta}` in `result`: its records, and its paging.
    if (action === CONTEXT_STORE_SEARCH && !(outcome instanceof Uint8Array) && isObject(outcome.data))
      outcome = { data: outcome.data.data, meta: outcome.data.meta, warning: outcome.warning };
    const text = answerText(outcome, {
      paging: rule,
      params,
      fields:
        (action === CONTEXT_STORE_SEARCH ? tc.catalog.entities[entity]?.search : tc.catalog.entities[entity]?.fields) ??
        [],
      maxBytes: settings.maxBytes,
      argumentName: naming.argument,
      nextPageKey: naming.nextPageKey,
    });
    return { isError: false, text };
  } catch (error) {
    return { isError: true, text: toolErrorText(error, settings.unexpected, { argument: naming.argument }) };
  }
}

const invalid = (problems: string[], hint = '') => ({
  isError: true,
  text: `Invalid arguments: ${problems.join('; ')}.${hint} Nothing was sent; fix these and call again.`,
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Arguments with the nulls a model sends for "not set" left out, where the schema does not take null: many models
 * fill every optional param, and `null` would be refused.
 */
function withoutNulls(input: unknown, schema: ToolInputSchema): unknown {
  if (!isObject(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    const type = Object.hasOwn(schema.properties, name) ? schema.properties[name]?.type : undefined;
    const takesNull = type === 'null' || (Array.isArray(type) && type.includes('null'));
    if (value === null && Object.hasOwn(schema.properties, name) && !takesNull) continue;
    out[name] = value;
  }
  return out;
}

function settingsOf(options: AgentToolsOptions): RunSettings {
  const maxBytes = options.maxResultBytes ?? DEFAULT_MAX_RESULT_BYTES;
  if (!Number.isInteger(maxBytes) || maxBytes < 2_000)
    throw new RangeError(`maxResultBytes must be an integer of at least 2000 (got ${String(maxBytes)})`);
  return { maxBytes, unexpected: options.onUnexpectedError };
}

/** The tool name of one action: `github_issues_list` (letters, digits, `_` and `-`). */
export function actionToolName(key: string, entity: string, action: string): string {
  // `context_store_search` is `search` in the name (`github_issues_search`): the whole name would pass 64 characters.
  return `${key}_${entity}_${action === CONTEXT_STORE_SEARCH ? 'search' : action}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** One tool per entity and action of the connectors, named `<connector>_<entity>_<action>`. */
export function actionTools(connectors: readonly ToolConnector[], options: AgentToolsOptions = {}): AgentTool[] {
  const settings = settingsOf(options);
  const tools: AgentTool[] = [];
  const names = new Set<string>();
  const sameDefinition = new Map<string, number>();
  for (const tc of connectors) sameDefinition.set(tc.catalog.name, (sameDefinition.get(tc.catalog.name) ?? 0) + 1);
  for (const tc of connectors) {
    for (const [entity, spec] of Object.entries(tc.catalog.entities)) {
      for (const action of Object.keys(entityActions(spec))) {
        if (options.actions && !options.actions(entity, action)) continue;
        const shape = shapeOf(tc.catalog, entity, action);
        const name = actionToolName(tc.key, entity, action);
        if (name.length > 64 || names.has(name))
          throw new RangeError(
            `The tool name ${name} is ${names.has(name) ? 'taken twice' : 'longer than 64 characters'}: give the connector a shorter, unique key`,
          );
        names.add(name);
        const naming: Naming = {
          argument: (param) => shape.safe.get(param) ?? param,
          nextPageKey: (param) => shape.safe.get(param) ?? param,
        };
        // Two connectors of one definition: the titles say which is which.
        const who =
          sameDefinition.get(tc.catalog.name)! > 1 ? `${tc.catalog.title} (${tc.name ?? tc.key})` : tc.catalog.title;
        tools.push({
          name,
          description: describeAction(tc, entity, action),
          inputSchema: shape.input,
          annotations: annotationsOf(`${who} ${words(entity)}: ${words(action)}`, action),
          async execute(input, call) {
            const args = withoutNulls(input ?? {}, shape.input);
            const problems = inputProblems(shape.input, args);
            if (problems.length) return invalid(problems);
            const { select_fields, exclude_fields, intent, ...rest } = args as Record<string, unknown>;
            const params: Record<string, unknown> = {};
            for (const [key, value] of Object.entries(rest)) params[shape.original.get(key) ?? key] = value;
            return runAction(
              tc,
              entity,
              action,
              params,
              { select_fields, exclude_fields, intent },
              settings,
              call,
              naming,
            );
          },
        });
      }
    }
  }
  return tools;
}

/** A connector of one definition (by name, id or title) as the tools take it: `github` or `workspace.connector('github')`. */
export async function toolConnector(
  connector: ExecutableConnector,
  details: { key?: string; id?: string; name?: string } = {},
): Promise<ToolConnector> {
  const entry = catalogEntry(connector.connectorName);
  if (!entry) throw new RangeError(`The kit has no connector definition named ${connector.connectorName}`);
  return {
    key: details.key ?? entry.name,
    id: details.id,
    name: details.name,
    connector,
    catalog: await loadCatalog(entry),
  };
}

/**
 * One tool per entity and action of a typed connector: `await connectorTools(client.connector('github', id))`, or a
 * workspace's `connector('github')`.
 */
export async function connectorTools(
  connector: ExecutableConnector,
  options: AgentToolsOptions & { key?: string } = {},
): Promise<AgentTool[]> {
  return actionTools([await toolConnector(connector, options.key ? { key: options.key } : {})], options);
}

/** The connectors a client sees (a workspace client: its workspace's), each keyed by its definition's name. */
export async function listToolConnectors(
  client: ToolsClient,
  call: ToolCallOptions = {},
): Promise<{ connectors: ToolConnector[]; unknown: { id: string; name: string }[] }> {
  const { data } = await client.connectors.list(undefined, call);
  const found: { summary: (typeof data)[number]; entry: NonNullable<ReturnType<typeof catalogEntry>> }[] = [];
  const unknown: { id: string; name: string }[] = [];
  for (const summary of data) {
    const definitionId = summary.summarized_source_template?.actor_definition_id;
    const entry = typeof definitionId === 'string' ? catalogEntry(definitionId) : undefined;
    if (entry) found.push({ summary, entry });
    else unknown.push({ id: summary.id, name: summary.name });
  }
  const perDefinition = new Map<string, number>();
  for (const { entry } of found) perDefinition.set(entry.name, (perDefinition.get(entry.name) ?? 0) + 1);
  const connectors = await Promise.all(
    found.map(async ({ summary, entry }) => ({
      // Two connectors of one definition are told apart by the start of their ids.
      key: perDefinition.get(entry.name)! > 1 ? `${entry.name}-${summary.id.slice(0, 8)}` : entry.name,
      id: summary.id,
      name: summary.name,
      connector: client.connector(entry.name, summary.id),
      catalog: await loadCatalog(entry),
    })),
  );
  return { connectors, unknown };
}

/** Above this many action tools, `workspaceTools` (mode `auto`) gives the three dynamic tools instead: one connector's always fit (Shopify's 80, with its context-store searches, are the most). */
export const MAX_STATIC_TOOLS = 80;

/** How a workspace's connectors become tools: one per action, the three dynamic tools, or whichever fits. */
export type ToolsMode = 'static' | 'dynamic' | 'auto';

/**
 * The tools of every connector a client sees: per action (`static`), three tools for all of them (`dynamic`), or
 * per action while they number at most 80 and dynamic beyond (`auto`, the default).
 */
export async function workspaceTools(
  client: ToolsClient,
  options: AgentToolsOptions & { mode?: ToolsMode } = {},
): Promise<AgentTool[]> {
  const mode = options.mode ?? 'auto';
  if (mode === 'dynamic') return dynamicTools(client, options);
  const found = await listToolConnectors(client);
  const tools = actionTools(found.connectors, options);
  // The dynamic tools start from this listing instead of asking for it again.
  return mode === 'auto' && tools.length > MAX_STATIC_TOOLS ? dynamicToolsOver(client, options, found) : tools;
}

/** What the dynamic tools read the connectors from: a client (asked again when a name is not known), or a list. */
type ConnectorSource = ToolsClient | readonly ToolConnector[];

/** `promise`, or an AbortError as soon as `signal` aborts (the work behind the promise goes on for its other waiters). */
function orAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new AbortError('The call was aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortError('The call was aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The most connectors list_connectors names with their entities and actions in one answer. */
const LIST_PAGE = 50;

/**
 * Three tools for any number of connectors: `list_connectors` (the connectors and their entities and actions),
 * `describe_action` (one action's params as JSON Schema, a record's fields, how it pages) and `execute_action`.
 * Over a client, the connectors are listed when first needed and again when a call names one not seen yet.
 */
export function dynamicTools(
  source: ConnectorSource,
  options: AgentToolsOptions & { prefix?: string } = {},
): AgentTool[] {
  return dynamicToolsOver(source, options);
}

/** The dynamic tools, over a listing of the client's connectors already made (`initial`) when there is one. */
function dynamicToolsOver(
  source: ConnectorSource,
  options: AgentToolsOptions & { prefix?: string },
  initial?: Awaited<ReturnType<typeof listToolConnectors>>,
): AgentTool[] {
  const settings = settingsOf(options);
  const prefix = options.prefix ?? '';
  let listed: Promise<ToolConnector[]> | undefined = initial && Promise.resolve(initial.connectors);
  let unknownConnectors: { id: string; name: string }[] = initial?.unknown ?? [];
  // The listing is shared by concurrent calls: it runs without any one caller's signal, and each caller waits on it
  // with its own.
  const connectors = (call: ToolCallOptions = {}, fresh = false): Promise<ToolConnector[]> => {
    if (Array.isArray(source)) return Promise.resolve(source as ToolConnector[]);
    if (!listed || fresh) {
      const listing = listToolConnectors(source as Exclude<ConnectorSource, readonly ToolConnector[]>).then((found) => {
        unknownConnectors = found.unknown;
        return found.connectors;
      });
      listed = listing;
      listing.catch(() => {
        if (listed === listing) listed = undefined;
      });
    }
    return orAbort(listed, call.signal);
  };
  const allowed = (entity: string, action: string) => !options.actions || options.actions(entity, action);
  const keys = (list: ToolConnector[]) =>
    `${list
      .slice(0, 20)
      .map((c) => JSON.stringify(c.key))
      .join(', ')}${list.length > 20 ? `, … (${list.length - 20} more; list_connectors names them)` : ''}` || 'none';

  /** The connector, entity and action named, or a tool error naming the ones there are. */
  async function resolve(
    args: Record<string, unknown>,
    call: ToolCallOptions | undefined,
  ): Promise<{ tc: ToolConnector; entity: string; action: string } | ToolOutput> {
    const wanted = String(args.connector).trim();
    const lower = wanted.toLowerCase();
    const match = (list: ToolConnector[]) => {
      const exact = list.filter((c) => c.key === wanted || c.id === wanted);
      if (exact.length) return exact;
      return list.filter((c) => c.key.toLowerCase() === lower || c.name?.toLowerCase() === lower);
    };
    let list = await connectors(call);
    let found = match(list);
    if (found.length === 0 && !Array.isArray(source)) found = match((list = await connectors(call, true)));
    if (found.length === 0)
      return invalid([`there is no connector ${quoted(wanted)}; the connectors are ${keys(list)}`]);
    // Two connectors answer to one name (e.g. two workspaces' "GitHub"): acting on either could be the wrong one.
    if (found.length > 1)
      return invalid([
        `${found.length} connectors are named ${quoted(wanted)}: ${found
          .slice(0, 10)
          .map((c) => `${JSON.stringify(c.key)} (id ${c.id ?? '?'})`)
          .join(', ')}; name one by its key or id`,
      ]);
    const tc = found[0]!;
    const entity = String(args.entity);
    const spec = Object.hasOwn(tc.catalog.entities, entity) ? tc.catalog.entities[entity] : undefined;
    if (!spec)
      return invalid([
        `${tc.key} has no entity ${quoted(entity)}; its entities are ${Object.keys(tc.catalog.entities).join(', ')}`,
      ]);
    const action = String(args.action);
    const actions = Object.keys(entityActions(spec)).filter((a) => allowed(entity, a));
    if (!actions.includes(action))
      return invalid([`${tc.key} ${entity} has no action ${quoted(action)}; its actions are ${actions.join(', ')}`]);
    return { tc, entity, action };
  }

  const nameSchema = {
    connector: {
      type: 'string',
      description: 'The connector, as list_connectors names it (e.g. "github"), or its id.',
    },
    entity: { type: 'string', description: 'The entity, e.g. "issues".' },
    action: { type: 'string', description: 'The action, e.g. "list", "get", "create".' },
  };
  const describeSchema: ToolInputSchema = {
    type: 'object',
    properties: nameSchema,
    required: ['connector', 'entity', 'action'],
    additionalProperties: false,
  };
  const executeSchema: ToolInputSchema = {
    type: 'object',
    properties: {
      ...nameSchema,
      params: {
        type: 'object',
        description: "The action's params, as describe_action gives them.",
      },
      ...OPTION_SCHEMAS,
    },
    required: ['connector', 'entity', 'action'],
    additionalProperties: false,
  };
  const listSchema: ToolInputSchema = {
    type: 'object',
    properties: {
      connector: { type: 'string', description: 'Only this connector (its name or id); all of them when left out.' },
      offset: {
        type: 'integer',
        minimum: 0,
        description: `Skip this many connectors (the list names at most ${LIST_PAGE} at a time).`,
      },
    },
    additionalProperties: false,
  };

  const guard = async (run: () => Promise<ToolOutput>): Promise<ToolOutput> => {
    try {
      return await run();
    } catch (error) {
      return { isError: true, text: toolErrorText(error, settings.unexpected) };
    }
  };
  // The tools' own descriptions and lists, small by construction (list_connectors pages and compacts its own).
  const answer = (value: unknown): ToolOutput => ({ isError: false, text: JSON.stringify(value) });
  const dynamicNaming: Naming = { argument: (param) => `params.${param}`, nextPageKey: (param) => param };

  return [
    {
      name: `${prefix}list_connectors`,
      description: `The user's connected services (connectors) this agent can act on, each with its entities and their actions, ${LIST_PAGE} at a time. Start here; then describe_action for an action's params, and execute_action to run it.`,
      inputSchema: listSchema,
      annotations: { ...annotationsOf('List connectors', 'list'), openWorldHint: false },
      execute: (input, call) =>
        guard(async () => {
          const args = withoutNulls(input ?? {}, listSchema) as { connector?: string; offset?: number };
          const problems = inputProblems(listSchema, args);
          if (problems.length) return invalid(problems);
          const list = await connectors(call, true);
          const only = args.connector;
          const shown = only ? list.filter((c) => c.key === only || c.id === only || c.name === only) : list;
          if (only && shown.length === 0)
            return invalid([`there is no connector ${quoted(only)}; the connectors are ${keys(list)}`]);
          const offset = args.offset ?? 0;
          const page = shown.slice(offset, offset + LIST_PAGE);
          const entry = (c: ToolConnector) => ({
            connector: c.key,
            ...(c.id ? { id: c.id } : {}),
            ...(c.name ? { name: c.name } : {}),
            service: c.catalog.title,
            entities: Object.fromEntries(
              Object.entries(c.catalog.entities)
                .map(
                  ([entity, spec]) =>
                    [entity, Object.keys(entityActions(spec)).filter((a) => allowed(entity, a))] as const,
                )
                .filter(([, actions]) => actions.length > 0),
            ),
          });
          const more = offset + page.length < shown.length;
          const value = {
            connectors: page.map(entry),
            ...(more
              ? { next_page: { offset: offset + page.length }, total: shown.length }
              : offset > 0
                ? { total: shown.length }
                : {}),
            ...(unknownConnectors.length && !only
              ? {
                  not_supported: unknownConnectors
                    .slice(0, 20)
                    .map((c) => `${c.name.slice(0, 80)} (${c.id}): the kit has no definition of its connector`),
                }
              : {}),
          };
          const whole = answer(value);
          if (bytes(whole.text) <= settings.maxBytes) return whole;
          // Too long with every action: the entities' names, and describe_action for the rest.
          return answer({
            ...value,
            connectors: page.map((c) => ({ ...entry(c), entities: Object.keys(entry(c).entities) })),
            note: 'Only the entities are named here: describe_action says whether one has an action, or ask list_connectors with connector for one connector.',
          });
        }),
    },
    {
      name: `${prefix}describe_action`,
      description:
        "One action of a connector's entity: its params as JSON Schema (what execute_action takes in params), a record's fields, and how it pages.",
      inputSchema: describeSchema,
      annotations: { ...annotationsOf('Describe an action', 'get'), openWorldHint: false },
      execute: (input, call) =>
        guard(async () => {
          const problems = inputProblems(describeSchema, input ?? {});
          if (problems.length) return invalid(problems);
          const found = await resolve(input as Record<string, unknown>, call);
          if ('isError' in found) return found;
          const { tc, entity, action } = found;
          const spec = tc.catalog.entities[entity]!;
          const shape = shapeOf(tc.catalog, entity, action);
          const actionSpec = entityActions(spec)[action]!;
          return answer({
            connector: tc.key,
            entity,
            action,
            description: describeAction(tc, entity, action),
            params: shape.params,
            ...(actionSpec.scoped ? { filled_from_configuration: actionSpec.scoped } : {}),
            ...(spec.key ? { record_key: spec.key } : {}),
            record_fields: action === CONTEXT_STORE_SEARCH ? (spec.search ?? []) : spec.fields,
            paging:
              shape.rule && shape.rule.style !== 'none'
                ? `next_page in each answer holds the params of the following page${shape.rule.size ? `; params.${shape.rule.size} sets the page size` : ''}`
                : null,
          });
        }),
    },
    {
      name: `${prefix}execute_action`,
      description:
        "Runs one action of a connector's entity with its params (describe_action gives them): reads records, or creates, updates and deletes them. Answers the records as JSON with next_page for the following page.",
      inputSchema: executeSchema,
      annotations: { ...annotationsOf('Execute an action', 'create'), destructiveHint: true },
      execute: (input, call) =>
        guard(async () => {
          const args = withoutNulls(input ?? {}, executeSchema);
          const problems = inputProblems(executeSchema, args);
          if (problems.length) return invalid(problems);
          const found = await resolve(args as Record<string, unknown>, call);
          if ('isError' in found) return found;
          const { tc, entity, action } = found;
          const { params: given = {}, select_fields, exclude_fields, intent } = args as Record<string, unknown>;
          const shape = shapeOf(tc.catalog, entity, action);
          const params = withoutNulls(given, shape.params);
          const paramProblems = inputProblems(shape.params, params, 'params');
          if (paramProblems.length)
            return invalid(paramProblems, ` describe_action gives ${tc.key} ${entity} ${action}'s params.`);
          return runAction(
            tc,
            entity,
            action,
            isObject(params) ? params : {},
            { select_fields, exclude_fields, intent },
            settings,
            call,
            dynamicNaming,
          );
        }),
    },
  ];
}
