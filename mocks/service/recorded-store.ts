// What a recording says of the store (`mock --replay`), taken in its order: workspaces (often known by name before
// their id), connectors with their execute calls, source templates, the organization; deletes delete. At the end, the
// store it amounts to, as a state file holds it: what the recording never said is filled in as the mock fills in its
// own (a workspace's defaults, a definition's global template), credentials are placeholders, and the records of each
// connector's execute answers are kept (execute/recorded-records.ts).
import { connectorDefinition } from '../connectors/definitions.js';
import { RecordedRecords } from '../execute/recorded-records.js';
import { DEFAULT_MOCK_ORGANIZATION_ID } from './config.js';
import { IdSource } from './random.js';
import {
  type Connector,
  STATE_FORMAT,
  STATE_VERSION,
  type SourceTemplate,
  type StoreSnapshot,
  type Workspace,
} from './store.js';
import { sourceEntry } from './views.js';

type Row = Record<string, unknown>;

/** The credential value a replayed connector holds instead of its own (which the recording never has). */
export const REPLAYED_CREDENTIAL = 'replayed-credentials-placeholder';

const EU_REGION = 'b9e48d61-f082-4a14-a8d0-799a907938cb';

interface SeenWorkspace {
  id?: string;
  name?: string;
  fields: Partial<Workspace>;
  gone?: boolean;
}

/** One execute call as recorded, and its answer read when the connector is known (undefined: unreadable, counted). */
export interface RecordedCall {
  call: Row;
  answer: () => { result: unknown } | undefined;
}

export interface SeenConnector {
  id: string;
  workspace?: SeenWorkspace;
  name?: string;
  definitionId?: string;
  templateId?: string;
  replicationConfig?: Row;
  credentialKeys?: string[];
  entities?: Connector['entities'];
  createdAt?: string;
  updatedAt?: string;
  calls: RecordedCall[];
}

export type ConnectorFields = Omit<Partial<SeenConnector>, 'id' | 'calls'>;
export type TemplateFields = Partial<Omit<SourceTemplate, 'id' | 'organizationId'>> & {
  organization?: 'org' | 'global';
};
type SeenTemplate = TemplateFields & { id: string };

/** The fields that are there: a later answer never clears what an earlier one said. */
const defined = <T extends object>(fields: T): Partial<T> =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;

export class RecordedStore {
  /** The organization the recording acts in, as first seen. */
  organizationId: string | undefined;
  private readonly workspaces: SeenWorkspace[] = [];
  private readonly workspacesById = new Map<string, SeenWorkspace>();
  private readonly workspacesByName = new Map<string, SeenWorkspace>();
  private readonly goneWorkspaces = new Set<string>();
  private defaultDeleted = false;
  private readonly connectors = new Map<string, SeenConnector>();
  private readonly goneConnectors = new Set<string>();
  private readonly templates = new Map<string, SeenTemplate>();
  private readonly goneTemplates = new Set<string>();

  noteOrganization(id: string | undefined): void {
    this.organizationId ??= id;
  }

  /** A workspace by its id, its name or both, with what is said of it; undefined for one deleted. */
  workspace(id: string | undefined, name: string | undefined, fields: Partial<Workspace> = {}) {
    if ((id && this.goneWorkspaces.has(id)) || (id === undefined && name === undefined)) return undefined;
    let workspace = id ? this.workspacesById.get(id) : undefined;
    const named = name === undefined ? undefined : this.workspacesByName.get(name);
    // A name alone is the workspace of that name; with an id, the one of that name whose id was not known yet.
    if (!workspace && named && (id === undefined || named.id === undefined)) workspace = named;
    else if (workspace && named && named !== workspace && named.id === undefined) {
      // The same workspace, first known by its name: one from now on.
      named.gone = true;
      for (const connector of this.connectors.values())
        if (connector.workspace === named) connector.workspace = workspace;
    }
    if (!workspace) this.workspaces.push((workspace = { fields: {} }));
    if (id) this.workspacesById.set((workspace.id = id), workspace);
    if (name !== undefined) {
      if (workspace.name !== undefined && this.workspacesByName.get(workspace.name) === workspace)
        this.workspacesByName.delete(workspace.name);
      this.workspacesByName.set((workspace.name = name), workspace);
    }
    Object.assign(workspace.fields, defined(fields));
    return workspace;
  }

  /** A workspace deleted, with its connectors. */
  deleteWorkspace(id: string | undefined): void {
    if (!id) return;
    this.goneWorkspaces.add(id);
    const workspace = this.workspacesById.get(id);
    if (!workspace) return;
    workspace.gone = true;
    this.defaultDeleted ||= workspace.name === 'default';
    this.workspacesById.delete(id);
    if (workspace.name !== undefined && this.workspacesByName.get(workspace.name) === workspace)
      this.workspacesByName.delete(workspace.name);
    for (const connector of this.connectors.values())
      if (connector.workspace === workspace) this.deleteConnector(connector.id);
  }

  connector(id: string | undefined, fields: ConnectorFields): SeenConnector | undefined {
    if (!id || this.goneConnectors.has(id)) return undefined;
    let connector = this.connectors.get(id);
    if (!connector) this.connectors.set(id, (connector = { id, calls: [] }));
    Object.assign(connector, defined(fields));
    return connector;
  }

  deleteConnector(id: string | undefined): void {
    if (!id) return;
    this.goneConnectors.add(id);
    this.connectors.delete(id);
  }

  template(id: string | undefined, fields: TemplateFields): SeenTemplate | undefined {
    if (!id || this.goneTemplates.has(id)) return undefined;
    let template = this.templates.get(id);
    if (!template) this.templates.set(id, (template = { id }));
    Object.assign(template, defined(fields));
    return template;
  }

  deleteTemplate(id: string | undefined): void {
    if (!id) return;
    this.goneTemplates.add(id);
    this.templates.delete(id);
  }

  /**
   * The store at the recording's end, in the organization given (else the recording's, else the mock's default);
   * `skip` counts the execute calls it could not use, by why. Also how many records it holds.
   */
  snapshot(options: {
    seed: number;
    organizationId: string | undefined;
    timestamp: string;
    skip: (reason: string, count?: number) => void;
  }): { snapshot: StoreSnapshot; records: number } {
    const { seed, timestamp: now, skip } = options;
    const organizationId = options.organizationId ?? this.organizationId ?? DEFAULT_MOCK_ORGANIZATION_ID;
    // Every id the recording gave out, of what is kept and of what was deleted: the mock never gives it again.
    const recordedIds = new Set([
      ...this.workspacesById.keys(),
      ...this.goneWorkspaces,
      ...this.connectors.keys(),
      ...this.goneConnectors,
      ...this.templates.keys(),
      ...this.goneTemplates,
    ]);
    const ids = new IdSource(seed, 0, (id) => recordedIds.has(id));

    // The `default` workspace every organization has, unless the recording deleted it.
    if (!this.workspacesByName.has('default') && !this.defaultDeleted) this.workspace(undefined, 'default');
    const workspaces: Workspace[] = [];
    const workspaceIds = new Map<SeenWorkspace, string>();
    for (const seen of this.workspaces) {
      if (seen.gone) continue;
      const id = seen.id ?? ids.uuid();
      workspaceIds.set(seen, id);
      const { fields } = seen;
      const createdAt = fields.createdAt ?? now;
      const regionId = fields.regionId ?? null;
      workspaces.push({
        id,
        name: seen.name ?? id,
        organizationId,
        status: fields.status ?? 'active',
        cacheEnabled: fields.cacheEnabled ?? null,
        visibility: fields.visibility ?? 'shared',
        color: fields.color ?? null,
        regionId,
        dataResidency: fields.dataResidency ?? (regionId === EU_REGION ? 'eu' : 'auto'),
        notifications: fields.notifications ?? {},
        createdAt,
        updatedAt: fields.updatedAt ?? createdAt,
      });
    }
    const defaultWorkspace = workspaces.find((w) => w.name === 'default') ?? workspaces[0]!;

    const templates = new Map<string, SourceTemplate>();
    const templateOf = (id: string, definitionId: string, seen?: SeenTemplate): SourceTemplate => {
      const createdAt = seen?.createdAt ?? now;
      const template: SourceTemplate = {
        id,
        name: seen?.name ?? sourceEntry(definitionId)?.definition.name ?? 'Source',
        organizationId: seen?.organization === 'org' ? organizationId : null,
        definitionId,
        partialDefaultConfig: seen?.partialDefaultConfig ?? {},
        customization: seen?.customization ?? null,
        mode: seen?.mode ?? 'DIRECT',
        tags: seen?.tags ?? [],
        createdAt,
        updatedAt: seen?.updatedAt ?? createdAt,
      };
      templates.set(id, template);
      return template;
    };
    for (const seen of this.templates.values()) if (seen.definitionId) templateOf(seen.id, seen.definitionId, seen);
    /** A connector's template: its own as recorded, else the global one of its definition (as the mock makes its own). */
    const templateFor = (connector: SeenConnector, definitionId: string) => {
      const own = connector.templateId ? templates.get(connector.templateId) : undefined;
      if (own) return own;
      if (connector.templateId && !this.goneTemplates.has(connector.templateId))
        return templateOf(connector.templateId, definitionId);
      for (const template of templates.values())
        if (template.organizationId === null && template.definitionId === definitionId) return template;
      return templateOf(ids.uuid(), definitionId);
    };

    const connectors: Connector[] = [];
    const records: StoreSnapshot['records'] = [];
    let recordCount = 0;
    for (const seen of this.connectors.values()) {
      const definitionId =
        seen.definitionId ?? (seen.templateId ? this.templates.get(seen.templateId)?.definitionId : undefined);
      if (!definitionId) {
        skip('of unknown connectors or entities', seen.calls.length);
        continue;
      }
      const template = templateFor(seen, definitionId);
      const createdAt = seen.createdAt ?? now;
      const connector: Connector = {
        id: seen.id,
        name: seen.name ?? template.name,
        workspaceId: (seen.workspace && workspaceIds.get(seen.workspace)) ?? defaultWorkspace.id,
        definitionId,
        sourceTemplateId: template.id,
        replicationConfig: seen.replicationConfig ?? { ...template.partialDefaultConfig },
        credentials: Object.fromEntries((seen.credentialKeys ?? []).map((key) => [key, REPLAYED_CREDENTIAL])),
        serverSideOAuthSecretId: null,
        entities: seen.entities ?? null,
        createdAt,
        updatedAt: seen.updatedAt ?? createdAt,
      };
      connectors.push(connector);
      const definition = connectorDefinition(definitionId);
      if (!definition) {
        skip('of unknown connectors or entities', seen.calls.length);
        continue;
      }
      const recorded = new RecordedRecords(definition, seed);
      for (const { call, answer } of seen.calls) {
        const read = answer();
        if (!read) continue;
        const reason = recorded.add(call, read.result);
        if (reason === 'unknown') skip('of unknown connectors or entities');
        else if (reason === 'partial') skip('asking for some fields only');
        else if (reason === 'too deep') skip('nested too deep');
      }
      if (recorded.size > 0) {
        records.push([connector.id, recorded.snapshot()]);
        recordCount += recorded.size;
      }
    }

    return {
      snapshot: {
        format: STATE_FORMAT,
        version: STATE_VERSION,
        seed,
        organizationId,
        idDraws: ids.draws,
        workspaces,
        connectors,
        sourceTemplates: [...templates.values()],
        connectionTemplates: [],
        oauthCredentials: [],
        tokens: [],
        oauthFlows: [],
        records,
        executions: [],
        recordedIds: [...recordedIds],
      },
      records: recordCount,
    };
  }
}
