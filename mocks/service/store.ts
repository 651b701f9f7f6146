// The mock's one in-memory store: everything the handlers read and write lives here, so that one request's write is
// the next request's read, and reset() starts over from the seed.
import type { components } from '../../generated/agent-engine.js';
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
  /** Records the execute engine serves, per connector id, created on first use. */
  records!: Map<string, Record<string, Record<string, unknown>[]>>;
  /** Every execute call, oldest first. */
  executions!: ExecutionAudit[];

  constructor(readonly config: MockConfig) {
    this.reset();
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
    this.createWorkspace('default');
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
