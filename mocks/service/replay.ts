// `mock --replay FILE.har`: a recording's entries turned into the store a `--state` file holds (a StoreSnapshot), which
// the mock restores as it restores a state file. Each entry is routed as the mock routes a request (RouteTable); what
// each operation's exchange says of the store (a workspace listed, a connector created, records executed, a delete)
// goes to a RecordedStore in the recording's order, so that the store is the state at its end. The file is read as
// data: ids must be UUIDs, fields must have their type, what is kept nests no deeper than a request body may, and an
// entry the mock cannot use is skipped and counted by why.
import type { HarEntry } from '../har/format.js';
import { type HarRead, ReplayError } from '../har/read.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../pipeline/limits.js';
import type { RouteTable } from '../pipeline/route.js';
import { type ConnectorFields, RecordedStore } from './recorded-store.js';
import type { Connector, SourceTemplate, StoreSnapshot } from './store.js';
import { sourceEntry, sourceEntryByName } from './views.js';

type Row = Record<string, unknown>;

/** What a replay took from its recording: the banner's counts, and what was said about the file. */
export interface ReplaySummary {
  /** The file (or `the replay option` for a recording handed over as an object). */
  source: string;
  /** Entries read from the file. */
  entries: number;
  /** Workspaces the mock starts with: the recording's (and `default`). */
  workspaces: number;
  /** Connectors the mock starts with, as the recording ended them. */
  connectors: number;
  /** Records that execute answered, kept (parents made for them not counted). */
  records: number;
  /** Entries the mock could not use, by why: `outside both APIs`, `failed`, `without a body`, ... */
  skipped: Record<string, number>;
  /** Lines for the user: a file cut short, and what of it is used. */
  warnings: string[];
}

export interface ReplayOptions {
  /** Names the recording in messages: its path, or `the replay option`. */
  source: string;
  seed: number;
  /** The organization the mock acts in when the caller named one; else the recording's, else the mock's default. */
  organizationId?: string | undefined;
  /** When replayed rows that say no time of their own were made. */
  timestamp: string;
  routes: RouteTable;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const isObject = (value: unknown): value is Row => value !== null && typeof value === 'object' && !Array.isArray(value);
const own = (row: unknown, name: string) => (isObject(row) && Object.hasOwn(row, name) ? row[name] : undefined);
const uuid = (value: unknown) => (typeof value === 'string' && UUID.test(value) ? value : undefined);
const text = (value: unknown) => (typeof value === 'string' && value.length <= 1000 ? value : undefined);
const time = (value: unknown) => (typeof value === 'string' && TIME.test(value) ? value : undefined);
const oneOf = <T extends string>(value: unknown, allowed: readonly T[]) =>
  allowed.includes(value as T) ? (value as T) : undefined;
/** An object the store keeps and serves (a configuration), no deeper than a request body may be. */
const objectOr = (value: unknown) => (isObject(value) && !nestsDeeperThan(value, MAX_JSON_DEPTH) ? value : undefined);

/** An entry the mock cannot use, and why (counted in the summary). */
class Skip {
  constructor(readonly reason: string) {}
}

/** One routed exchange as the handlers read it; bodies parsed when asked for. */
interface Exchange {
  path: Record<string, string>;
  query: URLSearchParams;
  request(): Row;
  answer(): Row;
  answerText(): string;
}

/**
 * What each operation's exchange says of the store; operations not named here say nothing of it. `skip` counts an
 * execute answer that cannot be read once it is read.
 */
function handlersOf(store: RecordedStore, skip: (reason: string) => void): Record<string, (x: Exchange) => void> {
  const organization = (body: unknown) => store.noteOrganization(uuid(own(body, 'organization_id')));
  const listed = (x: Exchange) => {
    const data = own(x.answer(), 'data');
    return Array.isArray(data) ? data : [];
  };
  // A workspace an answer describes has its id: one without is no workspace.
  const agentWorkspace = (body: unknown) =>
    uuid(own(body, 'id')) &&
    store.workspace(uuid(own(body, 'id')), text(own(body, 'name')), {
      status: oneOf(own(body, 'status'), ['active', 'inactive'] as const),
      cacheEnabled:
        typeof own(body, 'cache_enabled') === 'boolean' ? (own(body, 'cache_enabled') as boolean) : undefined,
      visibility: oneOf(own(body, 'visibility'), ['shared', 'private'] as const),
      color: text(own(body, 'color')),
      createdAt: time(own(body, 'created_at')),
      updatedAt: time(own(body, 'updated_at')),
    });
  const v1Workspace = (body: unknown) =>
    uuid(own(body, 'workspaceId')) &&
    store.workspace(uuid(own(body, 'workspaceId')), text(own(body, 'name')), {
      dataResidency: text(own(body, 'dataResidency')),
      notifications: objectOr(own(body, 'notifications')),
    });
  const mintedFor = (x: Exchange) =>
    store.workspace(undefined, text(own(x.request(), 'workspace_name')), {
      regionId: uuid(own(x.request(), 'region_id')),
    });
  /** A source template as any answer shows it (whole, summarized, or inside a connector). */
  const template = (body: unknown, organization?: 'org' | 'global') => {
    const tags = own(body, 'tags');
    const organizationId = own(body, 'organization_id');
    store.noteOrganization(uuid(organizationId));
    return store.template(uuid(own(body, 'id')), {
      name: text(own(body, 'name')),
      definitionId: uuid(own(body, 'source_definition_id')) ?? uuid(own(body, 'actor_definition_id')),
      partialDefaultConfig: objectOr(own(body, 'partial_default_config')),
      customization: objectOr(own(body, 'customization')) as SourceTemplate['customization'] | undefined,
      mode: oneOf(own(body, 'mode'), ['DIRECT', 'REPLICATION', 'MULTI'] as const),
      tags: Array.isArray(tags) && tags.every((t) => typeof t === 'string') ? tags : undefined,
      createdAt: time(own(body, 'created_at')),
      updatedAt: time(own(body, 'updated_at')),
      organization: organization ?? (uuid(organizationId) ? 'org' : organizationId === null ? 'global' : undefined),
    });
  };
  /** A connector as get, update and create answer it (ConnectorResponse). */
  const connector = (body: Row, fields: ConnectorFields = {}) => {
    const source = template(own(body, 'source_template'));
    const entities = own(body, 'entities');
    return store.connector(uuid(own(body, 'id')), {
      ...fields,
      name: text(own(body, 'name')),
      templateId: source?.id,
      definitionId: source?.definitionId,
      replicationConfig: objectOr(own(body, 'replication_config')),
      entities:
        entities === null
          ? null
          : Array.isArray(entities) &&
              entities.every((e) => typeof own(e, 'entity') === 'string') &&
              !nestsDeeperThan(entities, MAX_JSON_DEPTH)
            ? (entities as Connector['entities'])
            : undefined,
      createdAt: time(own(body, 'created_at')),
      updatedAt: time(own(body, 'updated_at')),
    });
  };

  return {
    create_account_applications_token: (x) => organization(x.answer()),
    create_account_applications_scoped_token: mintedFor,
    create_embedded_scoped_token: mintedFor,
    create_account_applications_widget_token: mintedFor,
    create_embedded_widget_token: mintedFor,
    get_account_applications_scoped_token_info: (x) => {
      organization(x.answer());
      store.workspace(uuid(own(x.answer(), 'workspace_id')), text(own(x.answer(), 'workspace_name')));
    },
    list_workspaces: (x) => {
      for (const workspace of listed(x)) {
        organization(workspace);
        agentWorkspace(workspace);
      }
    },
    get_workspaces_workspace_id: (x) => agentWorkspace(x.answer()),
    update_workspaces_workspace_id: (x) => agentWorkspace(x.answer()),
    delete_workspaces_workspace_id: (x) => store.deleteWorkspace(uuid(x.path.workspace_id)),
    listWorkspaces: (x) => {
      for (const workspace of listed(x)) v1Workspace(workspace);
    },
    createWorkspace: (x) => v1Workspace(x.answer()),
    getWorkspace: (x) => v1Workspace(x.answer()),
    updateWorkspace: (x) => v1Workspace(x.answer()),
    deleteWorkspace: (x) => store.deleteWorkspace(uuid(x.path.workspaceId)),
    create_integrations_connectors: (x) => {
      const body = x.request();
      const credentials = own(body, 'credentials');
      const made = connector(x.answer(), {
        workspace: store.workspace(undefined, text(own(body, 'workspace_name'))),
        // Its keys only: the values are secrets, redacted in the file.
        credentialKeys: isObject(credentials)
          ? Object.keys(credentials)
              .filter((key) => !FORBIDDEN_KEYS.has(key) && key.length <= 100)
              .slice(0, 50)
          : undefined,
        replicationConfig: objectOr(own(body, 'replication_config')),
      });
      const definitionId = uuid(own(body, 'definition_id'));
      const type = text(own(body, 'connector_type'));
      if (made && !made.definitionId)
        made.definitionId =
          (definitionId ? sourceEntry(definitionId) : type ? sourceEntryByName(type) : undefined)?.definition
            .sourceDefinitionId ?? undefined;
    },
    list_integrations_connectors: (x) => {
      const name = x.query.get('workspace_name') ?? x.query.get('customer_name') ?? x.query.get('external_user_id');
      const workspace = store.workspace(uuid(x.query.get('workspace_id')), text(name));
      for (const summary of listed(x)) {
        const source = template(own(summary, 'summarized_source_template'));
        store.connector(uuid(own(summary, 'id')), {
          workspace,
          name: text(own(summary, 'name')),
          templateId: source?.id,
          definitionId: source?.definitionId,
          createdAt: time(own(summary, 'created_at')),
          updatedAt: time(own(summary, 'updated_at')),
        });
      }
    },
    get_integrations_connectors_id: (x) => connector(x.answer()),
    update_integrations_connectors_id: (x) => connector(x.answer()),
    delete_integrations_connectors_id: (x) => store.deleteConnector(uuid(x.path.id)),
    get_integrations_connectors_id_inspect: (x) => {
      const body = x.answer();
      organization(body);
      store.connector(uuid(own(body, 'connector_id')), {
        name: text(own(body, 'name')),
        workspace: store.workspace(uuid(own(body, 'workspace_id')), undefined),
        definitionId: uuid(own(body, 'source_definition_id')),
        templateId: uuid(own(body, 'source_config_template_id')),
      });
    },
    create_integrations_connectors_id_execute: (x) => {
      const call = x.request();
      // A download answers bytes, not records.
      if (own(call, 'action') === 'download') return;
      const recorded = store.connector(uuid(x.path.id), {});
      if (!recorded) throw new Skip('of unknown connectors or entities');
      // Read once the connector is known: the records of a connector never described are never parsed.
      const answerText = x.answerText();
      recorded.calls.push({
        call,
        answer: () => {
          try {
            return { result: own(parseJson(answerText), 'result') };
          } catch (error) {
            if (!(error instanceof Skip)) throw error;
            skip(error.reason);
            return undefined;
          }
        },
      });
    },
    list_integrations_templates_sources: (x) => {
      for (const summary of listed(x)) template(summary);
    },
    create_integrations_templates_sources: (x) => template(x.answer(), 'org'),
    get_integrations_templates_sources_id: (x) => template(x.answer()),
    update_integrations_templates_sources_id: (x) => template(x.answer(), 'org'),
    delete_integrations_templates_sources_id: (x) => store.deleteTemplate(uuid(x.path.id)),
  };
}

/** A recording's entries as the store a state file holds, and what was taken. */
export function replayRecording(
  read: HarRead,
  options: ReplayOptions,
): { snapshot: StoreSnapshot; summary: ReplaySummary } {
  const { source } = options;
  const skipped: Record<string, number> = Object.create(null);
  const skip = (reason: string, count = 1) => {
    if (count > 0) skipped[reason] = (skipped[reason] ?? 0) + count;
  };
  skip('unreadable', read.unreadable);
  const store = new RecordedStore();
  const handlers = handlersOf(store, skip);
  let routed = 0;
  for (const entry of read.entries) {
    let url: URL | undefined;
    let match: ReturnType<RouteTable['match']>;
    try {
      url = new URL(entry.request.url);
      match = options.routes.match(entry.request.method.toUpperCase(), url.pathname);
    } catch {
      match = undefined;
    }
    if (!match || !url) {
      skip('outside both APIs');
      continue;
    }
    routed++;
    if (entry.response.status < 200 || entry.response.status > 299) {
      skip('failed');
      continue;
    }
    store.noteOrganization(uuid(header(entry, 'x-organization-id')));
    const handle = Object.hasOwn(handlers, match.operation.operationId) ? handlers[match.operation.operationId] : null;
    let request: Row | undefined;
    let answer: Row | undefined;
    try {
      handle?.({
        path: match.params,
        query: url.searchParams,
        request: () => (request ??= objectBody(bodyText(entry.request.postData?.text))),
        answer: () => (answer ??= objectBody(answerText(entry))),
        answerText: () => answerText(entry),
      });
    } catch (error) {
      if (!(error instanceof Skip)) throw error;
      skip(error.reason);
    }
  }
  if (read.entries.length === 0) throw new ReplayError(`${source} holds no entries to replay`);
  if (routed === 0)
    throw new ReplayError(
      `${source} holds no request to the Agent Engine API (/api/v1/...) or the Airbyte API (/v1/...): is it a recording of another API?`,
    );
  const { snapshot, records } = store.snapshot({
    seed: options.seed,
    organizationId: options.organizationId,
    timestamp: options.timestamp,
    skip,
  });
  return {
    snapshot,
    summary: {
      source,
      entries: read.entries.length + read.unreadable,
      workspaces: snapshot.workspaces.length,
      connectors: snapshot.connectors.length,
      records,
      skipped: { ...skipped },
      warnings: read.warnings,
    },
  };
}

/** The start-up banner's line: what was replayed, and what of the file was skipped. */
export function replayedLine(summary: ReplaySummary): string {
  const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  const skipped = Object.entries(summary.skipped);
  const total = skipped.reduce((sum, [, n]) => sum + n, 0);
  const why = skipped.map(([reason, n]) => `${n.toLocaleString('en-US')} ${reason}`).join(', ');
  return `  replayed ${summary.source}: ${count(summary.workspaces, 'workspace', 'workspaces')}, ${count(summary.connectors, 'connector', 'connectors')}, ${count(summary.records, 'record', 'records')} (${count(summary.entries, 'entry', 'entries')}${total > 0 ? `; ${total.toLocaleString('en-US')} skipped: ${why}` : ''})`;
}

/** A request header's value (the first of that name). */
function header(entry: HarEntry, name: string): string | undefined {
  const headers = entry.request.headers;
  if (!Array.isArray(headers)) return undefined;
  for (const h of headers) if (typeof h?.name === 'string' && h.name.toLowerCase() === name) return text(h.value);
  return undefined;
}

function bodyText(value: unknown): string {
  if (typeof value !== 'string') throw new Skip('without a body');
  return value;
}

/** A response body's text: as recorded, or decoded from base64 (UTF-8). */
function answerText(entry: HarEntry): string {
  const content = entry.response.content;
  const raw = bodyText(isObject(content) ? content.text : undefined);
  if (content.encoding !== 'base64') return raw;
  try {
    const binary = atob(raw);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Skip('not JSON');
  }
}

/** A JSON body (parsed without recursion however deep: what is kept of it is checked for depth). */
function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new Skip('not JSON');
  }
}

function objectBody(body: string): Row {
  const value = parseJson(body);
  if (!isObject(value)) throw new Skip('not JSON');
  return value;
}
