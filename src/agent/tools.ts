// Agent tools over the connectors: one tool per connector, entity and action (input schema: the action's params from
// its definition, plus the execute options), or three tools for any number of connectors (list them, describe an
// action's params, execute an action). Arguments are checked against the schema before any request; answers are
// trimmed to a size limit; failures come back as tool errors the model can act on. Framework-neutral: the MCP server
// and the adapters for the Vercel AI SDK and the OpenAI Agents SDK wrap these.
import type { WorkspaceClient } from '../client.js';
import type { ConnectorName, TypedConnectorBase } from '../connectors/typed.js';
import { pagingRuleOf } from '../core/execute-paging.js';
import type { CallOptions } from '../core/transport.js';
import { catalogEntry, loadCatalog, type ActionToolCatalog, type ConnectorToolCatalog } from './catalog.js';
import { toolErrorText } from './errors.js';
import { inputProblems } from './input.js';
import { answerText, DEFAULT_MAX_RESULT_BYTES, valueText, type ActionOutcome } from './output.js';

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
  execute(input: unknown, options?: Pick<CallOptions, 'signal'>): Promise<ToolOutput>;
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
  connector: Pick<TypedConnectorBase<ConnectorName>, 'connectorName' | 'execute'>;
  catalog: ConnectorToolCatalog;
}

const READS = new Set(['list', 'get', 'api_search', 'download']);

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
};

const words = (name: string) => name.replaceAll('_', ' ');

/** The action's params as the model sees them: the definition's schema, each paging and scoped param explained. */
function paramsSchema(catalog: ConnectorToolCatalog, entity: string, action: string, spec: ActionToolCatalog) {
  const rule = pagingRuleOf(catalog.definitionId, entity, action);
  const properties: Record<string, any> = {};
  for (const [name, schema] of Object.entries(spec.params.properties ?? {})) {
    const notes: string[] = [];
    if (spec.scoped?.includes(name)) notes.push("Defaults to the connector's configured value.");
    if (rule?.cursor === name) notes.push("The next page's position: pass next_page from the previous answer.");
    if (rule?.size === name) notes.push('Records per page.');
    properties[name] = notes.length ? { ...schema, description: notes.join(' ') } : schema;
  }
  return { ...spec.params, properties } as ToolInputSchema;
}

function describeAction(tc: ToolConnector, entity: string, action: string): string {
  const { catalog } = tc;
  const of = tc.name && tc.name !== catalog.title ? `${catalog.title} (${tc.name})` : catalog.title;
  const spec = catalog.entities[entity]!;
  const lines = [`${VERBS[action] ?? words(action)} ${words(entity)} of ${of}.`];
  if (action === 'get' && spec.key) lines[0] = `${VERBS.get} ${words(entity)} of ${of}, by ${spec.key}.`;
  const rule = pagingRuleOf(catalog.definitionId, entity, action);
  if (rule && rule.style !== 'none')
    lines.push(
      'One page per call: next_page in the answer holds the params of the following page (null after the last).',
    );
  if (READS.has(action) && action !== 'download' && spec.fields.length)
    lines.push(
      `Records have ${spec.fields.slice(0, 25).join(', ')}${spec.fields.length > 25 ? ', …' : ''}; select_fields keeps answers small.`,
    );
  return lines.join(' ');
}

function annotationsOf(title: string, action: string): ToolAnnotations {
  return {
    title,
    readOnlyHint: READS.has(action),
    destructiveHint: action === 'delete' || action === 'update',
    idempotentHint: READS.has(action) || action === 'delete',
    openWorldHint: true,
  };
}

interface RunSettings {
  maxBytes: number;
  unexpected: ((error: unknown) => void) | undefined;
}

/** Runs one action whose arguments are already valid, and answers the model. */
async function runAction(
  tc: ToolConnector,
  entity: string,
  action: string,
  params: Record<string, unknown>,
  options: Partial<Record<OptionName, unknown>>,
  settings: RunSettings,
  call: Pick<CallOptions, 'signal'> | undefined,
): Promise<ToolOutput> {
  try {
    const request: Record<string, unknown> = { entity, action, params };
    for (const name of OPTION_NAMES) if (options[name] !== undefined) request[name] = options[name];
    const outcome = (await tc.connector.execute(request as never, call?.signal ? { signal: call.signal } : {})) as
      | ActionOutcome
      | { data: unknown; meta: unknown; warning: unknown };
    const text = answerText(outcome, {
      paging: pagingRuleOf(tc.catalog.definitionId, entity, action),
      params,
      fields: tc.catalog.entities[entity]?.fields ?? [],
      maxBytes: settings.maxBytes,
    });
    return { isError: false, text };
  } catch (error) {
    return { isError: true, text: toolErrorText(error, settings.unexpected) };
  }
}

const invalid = (problems: string[], hint = '') => ({
  isError: true,
  text: `Invalid arguments: ${problems.join('; ')}.${hint} Nothing was sent; fix these and call again.`,
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function settingsOf(options: AgentToolsOptions): RunSettings {
  const maxBytes = options.maxResultBytes ?? DEFAULT_MAX_RESULT_BYTES;
  if (!Number.isInteger(maxBytes) || maxBytes < 2_000)
    throw new RangeError(`maxResultBytes must be an integer of at least 2000 (got ${String(maxBytes)})`);
  return { maxBytes, unexpected: options.onUnexpectedError };
}

/** The tool name of one action: `github_issues_list` (letters, digits, `_` and `-`, at most 64 characters). */
export function actionToolName(key: string, entity: string, action: string): string {
  return `${key}_${entity}_${action}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
}

/** One tool per entity and action of the connectors, named `<connector>_<entity>_<action>`. */
export function actionTools(connectors: readonly ToolConnector[], options: AgentToolsOptions = {}): AgentTool[] {
  const settings = settingsOf(options);
  const tools: AgentTool[] = [];
  for (const tc of connectors) {
    for (const [entity, spec] of Object.entries(tc.catalog.entities)) {
      for (const [action, actionSpec] of Object.entries(spec.actions)) {
        if (options.actions && !options.actions(entity, action)) continue;
        const params = paramsSchema(tc.catalog, entity, action, actionSpec);
        const inputSchema: ToolInputSchema = {
          ...params,
          properties: { ...params.properties, ...OPTION_SCHEMAS },
        };
        const name = actionToolName(tc.key, entity, action);
        tools.push({
          name,
          description: describeAction(tc, entity, action),
          inputSchema,
          annotations: annotationsOf(`${tc.catalog.title} ${words(entity)}: ${words(action)}`, action),
          async execute(input, call) {
            const args = input ?? {};
            const problems = inputProblems(inputSchema, args);
            if (problems.length) return invalid(problems);
            const { select_fields, exclude_fields, intent, ...rest } = args as Record<string, unknown>;
            return runAction(tc, entity, action, rest, { select_fields, exclude_fields, intent }, settings, call);
          },
        });
      }
    }
  }
  return tools;
}

/** A connector of one definition (by name, id or title) as the tools take it: `github` or `workspace.connector('github')`. */
export async function toolConnector(
  connector: Pick<TypedConnectorBase<ConnectorName>, 'connectorName' | 'execute'>,
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
  connector: Pick<TypedConnectorBase<ConnectorName>, 'connectorName' | 'execute'>,
  options: AgentToolsOptions & { key?: string } = {},
): Promise<AgentTool[]> {
  return actionTools([await toolConnector(connector, options.key ? { key: options.key } : {})], options);
}

/** The connectors a client sees (a workspace client: its workspace's), each keyed by its definition's name. */
export async function listToolConnectors(
  client: Pick<WorkspaceClient, 'connectors' | 'connector'>,
  call: Pick<CallOptions, 'signal'> = {},
): Promise<{ connectors: ToolConnector[]; unknown: { id: string; name: string }[] }> {
  const { data } = await client.connectors.list(undefined, call);
  const found: { summary: (typeof data)[number]; entry: NonNullable<ReturnType<typeof catalogEntry>> }[] = [];
  const unknown: { id: string; name: string }[] = [];
  for (const summary of data) {
    const entry = catalogEntry(summary.summarized_source_template.actor_definition_id);
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
      connector: client.connector(entry.name as ConnectorName, summary.id),
      catalog: await loadCatalog(entry),
    })),
  );
  return { connectors, unknown };
}

/** Above this many action tools (what one connector has at most, 52, fits), `workspaceTools` (mode `auto`) gives the three dynamic tools instead. */
export const MAX_STATIC_TOOLS = 64;

/** How a workspace's connectors become tools: one per action, the three dynamic tools, or whichever fits. */
export type ToolsMode = 'static' | 'dynamic' | 'auto';

/**
 * The tools of every connector a client sees: per action (`static`), three tools for all of them (`dynamic`), or
 * per action while they number at most 64 and dynamic beyond (`auto`, the default).
 */
export async function workspaceTools(
  client: Pick<WorkspaceClient, 'connectors' | 'connector'>,
  options: AgentToolsOptions & { mode?: ToolsMode } = {},
): Promise<AgentTool[]> {
  const mode = options.mode ?? 'auto';
  if (mode === 'dynamic') return dynamicTools(client, options);
  const { connectors } = await listToolConnectors(client);
  const tools = actionTools(connectors, options);
  return mode === 'auto' && tools.length > MAX_STATIC_TOOLS ? dynamicTools(client, options) : tools;
}

/** What the dynamic tools read the connectors from: a client (asked again when a name is not known), or a list. */
type ConnectorSource = Pick<WorkspaceClient, 'connectors' | 'connector'> | readonly ToolConnector[];

/**
 * Three tools for any number of connectors: `list_connectors` (the connectors and their entities and actions),
 * `describe_action` (one action's params as JSON Schema, a record's fields, how it pages) and `execute_action`.
 * Over a client, the connectors are listed when first needed and again when a call names one not seen yet.
 */
export function dynamicTools(
  source: ConnectorSource,
  options: AgentToolsOptions & { prefix?: string } = {},
): AgentTool[] {
  const settings = settingsOf(options);
  const prefix = options.prefix ?? '';
  let listed: Promise<ToolConnector[]> | undefined;
  let unknownConnectors: { id: string; name: string }[] = [];
  const connectors = (call: Pick<CallOptions, 'signal'> = {}, fresh = false): Promise<ToolConnector[]> => {
    if (Array.isArray(source)) return Promise.resolve(source as ToolConnector[]);
    if (!listed || fresh) {
      listed = listToolConnectors(source as Exclude<ConnectorSource, readonly ToolConnector[]>, call).then((found) => {
        unknownConnectors = found.unknown;
        return found.connectors;
      });
      listed.catch(() => (listed = undefined));
    }
    return listed;
  };
  const allowed = (entity: string, action: string) => !options.actions || options.actions(entity, action);

  /** The connector, entity and action named, or a tool error naming the ones there are. */
  async function resolve(
    args: Record<string, unknown>,
    call: Pick<CallOptions, 'signal'> | undefined,
  ): Promise<{ tc: ToolConnector; entity: string; action: string } | ToolOutput> {
    const wanted = String(args.connector).trim();
    const match = (list: ToolConnector[]) =>
      list.find((c) => c.key === wanted || c.id === wanted) ??
      list.find((c) => c.key.toLowerCase() === wanted.toLowerCase() || c.name?.toLowerCase() === wanted.toLowerCase());
    let list = await connectors(call);
    let tc = match(list);
    if (!tc && !Array.isArray(source)) tc = match((list = await connectors(call, true)));
    if (!tc)
      return invalid([
        `there is no connector \`${wanted}\`; the connectors are ${list.map((c) => JSON.stringify(c.key)).join(', ') || 'none'}`,
      ]);
    const entity = String(args.entity);
    const spec = Object.hasOwn(tc.catalog.entities, entity) ? tc.catalog.entities[entity] : undefined;
    if (!spec)
      return invalid([
        `${tc.key} has no entity \`${entity}\`; its entities are ${Object.keys(tc.catalog.entities).join(', ')}`,
      ]);
    const action = String(args.action);
    const actions = Object.keys(spec.actions).filter((a) => allowed(entity, a));
    if (!actions.includes(action))
      return invalid([`${tc.key} ${entity} has no action \`${action}\`; its actions are ${actions.join(', ')}`]);
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
  const small = (value: unknown): ToolOutput => ({ isError: false, text: valueText(value, settings.maxBytes) });

  return [
    {
      name: `${prefix}list_connectors`,
      description:
        "The user's connected services (connectors) this agent can act on, each with its entities and their actions. Start here; then describe_action for an action's params, and execute_action to run it.",
      inputSchema: listSchema,
      annotations: { ...annotationsOf('List connectors', 'list') },
      execute: (input, call) =>
        guard(async () => {
          const problems = inputProblems(listSchema, input ?? {});
          if (problems.length) return invalid(problems);
          const only = (input as { connector?: string } | undefined)?.connector;
          const list = await connectors(call, true);
          const shown = only ? list.filter((c) => c.key === only || c.id === only) : list;
          if (only && shown.length === 0)
            return invalid([
              `there is no connector \`${only}\`; the connectors are ${list.map((c) => JSON.stringify(c.key)).join(', ') || 'none'}`,
            ]);
          return small({
            connectors: shown.map((c) => ({
              connector: c.key,
              ...(c.id ? { id: c.id } : {}),
              ...(c.name ? { name: c.name } : {}),
              service: c.catalog.title,
              entities: Object.fromEntries(
                Object.entries(c.catalog.entities)
                  .map(
                    ([entity, spec]) => [entity, Object.keys(spec.actions).filter((a) => allowed(entity, a))] as const,
                  )
                  .filter(([, actions]) => actions.length > 0),
              ),
            })),
            ...(unknownConnectors.length && !only
              ? {
                  not_supported: unknownConnectors.map(
                    (c) => `${c.name} (${c.id}): the kit has no definition of its connector`,
                  ),
                }
              : {}),
          });
        }),
    },
    {
      name: `${prefix}describe_action`,
      description:
        "One action of a connector's entity: its params as JSON Schema (what execute_action takes in params), a record's fields, and how it pages.",
      inputSchema: describeSchema,
      annotations: annotationsOf('Describe an action', 'get'),
      execute: (input, call) =>
        guard(async () => {
          const problems = inputProblems(describeSchema, input ?? {});
          if (problems.length) return invalid(problems);
          const found = await resolve(input as Record<string, unknown>, call);
          if ('isError' in found) return found;
          const { tc, entity, action } = found;
          const spec = tc.catalog.entities[entity]!;
          const actionSpec = spec.actions[action]!;
          const rule = pagingRuleOf(tc.catalog.definitionId, entity, action);
          return small({
            connector: tc.key,
            entity,
            action,
            description: describeAction(tc, entity, action),
            params: paramsSchema(tc.catalog, entity, action, actionSpec),
            ...(actionSpec.scoped ? { filled_from_configuration: actionSpec.scoped } : {}),
            ...(spec.key ? { record_key: spec.key } : {}),
            record_fields: spec.fields,
            paging:
              rule && rule.style !== 'none'
                ? `next_page in each answer holds the params of the following page${rule.size ? `; ${rule.size} sets the page size` : ''}`
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
          const args = input ?? {};
          const problems = inputProblems(executeSchema, args);
          if (problems.length) return invalid(problems);
          const found = await resolve(args as Record<string, unknown>, call);
          if ('isError' in found) return found;
          const { tc, entity, action } = found;
          const { params = {}, select_fields, exclude_fields, intent } = args as Record<string, unknown>;
          const schema = paramsSchema(tc.catalog, entity, action, tc.catalog.entities[entity]!.actions[action]!);
          const paramProblems = inputProblems(schema, params, 'params');
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
          );
        }),
    },
  ];
}
