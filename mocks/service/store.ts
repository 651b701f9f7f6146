// The mock's one in-memory store: everything the handlers read and write lives here, so that one request's write is
// the next request's read, and reset() starts over from the seed.
import type { components } from '../../generated/agent-engine.js';
import { connectorDefinition } from '../connectors/definitions.js';
import { Dataset, type DatasetSnapshot } from '../execute/dataset.js';
import type { MockConfig } from './config.js';
import { IdSource } from './random.js';

type Schemas = components['schemas'];

export interface Workspace {
  id: string;
  name: string;
  organizationId: string;
  status: 'active' | 'inactive';
  cacheEnabled: boolean | null;
  /** No request body of the API sets these: a new workspace is shared (inferred) and has no color. */
  visibility: Schemas['WorkspaceVisibility'];
  color: string | null;
  regionId: string | null;
  /** Airbyte API v1 fields of the same workspace. */
  dataResidency: string;
  notifications: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface Connector {
  id: string;
  name: string;
  workspaceId: string;
  definitionId: string;
  sourceTemplateId: string;
  replicationConfig: Record<string, unknown>;
  /** Stored, never returned. */
  credentials: Record<string, unknown> | null;
  serverSideOAuthSecretId: string | null;
  entities: Schemas['EntityConfig'][] | null;
  createdAt: string;
  updatedAt: string;
}

export interface SourceTemplate {
  id: string;
  name: string;
  organizationId: string | null;
  definitionId: string;
  partialDefaultConfig: Record<string, unknown>;
  customization: Schemas['SourceTemplateCustomization'] | null;
  mode: Schemas['TemplateMode'];
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export type ConnectionTemplate = Schemas['ConnectionTemplate'] & { id: string };

export interface OAuthCredential {
  id: string;
  definitionId: string;
  /** Stored, never returned. */
  configuration: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** One execute call as the audit keeps it: what ran and why, never its params or anything secret. */
export interface ExecutionAudit {
  connectorId: string;
  workspaceId: string;
  entity: string;
  action: string;
  /** The caller's `intent`, with the connector's credential values and issued tokens scrubbed out. */
  intent: string | null;
  skipTruncation: boolean;
  status: number;
  at: string;
}

export type TokenKind = 'application' | 'scoped' | 'widget' | 'v1';

export interface IssuedToken {
  kind: TokenKind;
  organizationId: string;
  workspaceId?: string;
  allowedOrigin?: string;
  expiresAt: number;
}

/** What a state file holds: a format name and version (a file of another is refused), and the store. */
export const STATE_FORMAT = 'agent-engine-kit-mock-state';
// 2: records kept with each one's parents, and entities built as they are read.
export const STATE_VERSION = 2;

export interface StoreSnapshot {
  format: typeof STATE_FORMAT;
  version: number;
  seed: number;
  organizationId: string;
  idDraws: number;
  workspaces: Workspace[];
  connectors: Connector[];
  sourceTemplates: SourceTemplate[];
  connectionTemplates: ConnectionTemplate[];
  oauthCredentials: OAuthCredential[];
  tokens: [string, IssuedToken][];
  oauthFlows: [string, { workspaceId: string; body: Schemas['OAuthInitiateRequest'] }][];
  records: [string, DatasetSnapshot][];
  executions: ExecutionAudit[];
  /** Ids a replayed recording gave out, kept or deleted since: never given again (`mock --replay`). */
  recordedIds?: string[];
}

export class MockStore {
  ids!: IdSource;
  workspaces!: Map<string, Workspace>;
  connectors!: Map<string, Connector>;
  sourceTemplates!: Map<string, SourceTemplate>;
  connectionTemplates!: Map<string, ConnectionTemplate>;
  oauthCredentials!: Map<string, OAuthCredential>;
  tokens!: Map<string, IssuedToken>;
  /** OAuth flows started and not yet consented to, by state. */
  oauthFlows!: Map<string, { workspaceId: string; body: Schemas['OAuthInitiateRequest'] }>;
  /** Records the execute engine serves, per connector id (entity -> records), created on first use. */
  records!: Map<string, Dataset>;
  /** Every execute call, oldest first. */
  executions!: ExecutionAudit[];
  /** Ids a replayed recording gave out: new ones go past them. */
  recordedIds!: Set<string>;

  constructor(readonly config: MockConfig) {
    this.reset();
  }

  /** Everything the store holds, as JSON-safe data: what `--state FILE` keeps between runs. */
  snapshot(): StoreSnapshot {
    return {
      format: STATE_FORMAT,
      version: STATE_VERSION,
      seed: this.config.seed,
      organizationId: this.config.organizationId,
      idDraws: this.ids.draws,
      workspaces: [...this.workspaces.values()],
      connectors: [...this.connectors.values()],
      sourceTemplates: [...this.sourceTemplates.values()],
      connectionTemplates: [...this.connectionTemplates.values()],
      oauthCredentials: [...this.oauthCredentials.values()],
      tokens: [...this.tokens.entries()],
      oauthFlows: [...this.oauthFlows.entries()],
      records: [...this.records.entries()].map(([id, dataset]) => [id, dataset.snapshot()]),
      executions: this.executions,
      ...(this.recordedIds.size > 0 ? { recordedIds: [...this.recordedIds] } : {}),
    };
  }

  /** Replaces everything with a snapshot (one of this format and version, of this seed and organization). */
  restore(snapshot: StoreSnapshot): void {
    // A replayed recording holds ids another source drew (a mock of the same seed, proxied): new ones go past them.
    this.recordedIds = new Set(snapshot.recordedIds ?? []);
    const held = (id: string) =>
      this.recordedIds.has(id) ||
      this.workspaces.has(id) ||
      this.connectors.has(id) ||
      this.sourceTemplates.has(id) ||
      this.connectionTemplates.has(id);
    this.ids = new IdSource(this.config.seed, snapshot.idDraws, held);
    const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
    this.workspaces = byId(snapshot.workspaces);
    this.connectors = byId(snapshot.connectors);
    this.sourceTemplates = byId(snapshot.sourceTemplates);
    this.connectionTemplates = byId(snapshot.connectionTemplates);
    this.oauthCredentials = byId(snapshot.oauthCredentials);
    this.tokens = new Map(snapshot.tokens);
    this.oauthFlows = new Map(snapshot.oauthFlows);
    this.records = new Map();
    for (const [id, records] of snapshot.records) {
      const definition = connectorDefinition(this.connectors.get(id)?.definitionId ?? '');
      if (definition)
        this.records.set(id, Dataset.restore(definition, this.config.seed, records, this.datasetOptions()));
    }
    this.executions = snapshot.executions;
  }

  /** Back to the seeded state: same ids, same data. */
  reset(): void {
    this.ids = new IdSource(this.config.seed);
    this.workspaces = new Map();
    this.connectors = new Map();
    this.sourceTemplates = new Map();
    this.connectionTemplates = new Map();
    this.oauthCredentials = new Map();
    this.tokens = new Map();
    this.records = new Map();
    this.oauthFlows = new Map();
    this.executions = [];
    this.recordedIds = new Set();
    this.createWorkspace('default');
  }

  /** How the records of a connector are built: `records` per listable entity when the mock was asked for more. */
  datasetOptions() {
    return this.config.recordsPerEntity === undefined ? {} : { records: this.config.recordsPerEntity };
  }

  timestamp(): string {
    return new Date(this.config.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  createWorkspace(name: string, regionId: string | null = null): Workspace {
    const now = this.timestamp();
    const workspace: Workspace = {
      id: this.ids.uuid(),
      name,
      organizationId: this.config.organizationId,
      status: 'active',
      cacheEnabled: null,
      visibility: 'shared',
      color: null,
      regionId,
      dataResidency: regionId === 'b9e48d61-f082-4a14-a8d0-799a907938cb' ? 'eu' : 'auto',
      notifications: {},
      createdAt: now,
      updatedAt: now,
    };
    this.workspaces.set(workspace.id, workspace);
    return workspace;
  }

  workspaceByName(name: string): Workspace | undefined {
    for (const workspace of this.workspaces.values()) if (workspace.name === name) return workspace;
    return undefined;
  }

  /** Deletes a workspace with everything in it. */
  deleteWorkspace(id: string): void {
    this.workspaces.delete(id);
    for (const [connectorId, connector] of this.connectors) {
      if (connector.workspaceId === id) {
        this.connectors.delete(connectorId);
        this.records.delete(connectorId);
      }
    }
    for (const [token, issued] of this.tokens) if (issued.workspaceId === id) this.tokens.delete(token);
  }
}
