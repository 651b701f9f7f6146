// Which agent connector each connector id runs, as the proxy learns it: from the answers it passes on (a create, a get,
// a list of connectors) and otherwise by asking the upstream once, with the caller's own token, read-only
// (`GET /api/v1/integrations/connectors/{id}`). The definition then comes from openapi/connectors/, as the mock's.
import { connectorDefinition, type ConnectorDefinition } from '../connectors/definitions.js';
import type { Row } from '../execute/query.js';

export interface KnownConnector {
  definition: ConnectorDefinition;
  /** The connector's non-secret settings, when an answer showed them: they fill its scoped params. */
  replicationConfig: Row | 'unknown';
}

/** How the upstream is asked about a connector: a GET with the caller's headers; the parsed body, or null. */
export type ConnectorLookup = (connectorId: string, headers: Record<string, string>) => Promise<Row | null>;

/** At most this many connectors are remembered (the oldest go first): a long-running proxy stays small. */
const MAX_CONNECTORS = 10_000;
/** How long a connector the upstream would not tell about is not asked about again. */
const REFUSAL_MS = 60_000;

const isObject = (value: unknown): value is Row => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The definition id a connector answer names: a full answer's source template, a summary's summarized one. */
function definitionIdOf(connector: Row): string | undefined {
  const template = isObject(connector.source_template)
    ? connector.source_template
    : isObject(connector.summarized_source_template)
      ? connector.summarized_source_template
      : undefined;
  const id = template?.source_definition_id ?? template?.actor_definition_id;
  return typeof id === 'string' ? id : undefined;
}

export class ConnectorDirectory {
  /** Connector id -> what it runs; null: it runs no agent connector the kit knows. */
  private readonly known = new Map<string, KnownConnector | null>();
  private readonly asking = new Map<string, Promise<KnownConnector | null>>();
  /** Connectors the upstream would not tell about, until when they are not asked again (a refusal is not final). */
  private readonly refused = new Map<string, number>();
  /** Connectors already said to be unknown. */
  private readonly saidUnknown = new Set<string>();

  constructor(private readonly lookup: ConnectorLookup) {}

  /** Learns from an answer the proxy passed on: a connector (create, get, update) or a list of them. */
  learn(operationId: string, status: number, body: unknown): void {
    if (status !== 200 || !isObject(body)) return;
    if (operationId === 'list_integrations_connectors' && Array.isArray(body.data)) {
      for (const summary of body.data) if (isObject(summary)) this.remember(summary, false);
    } else if (
      operationId === 'create_integrations_connectors' ||
      operationId === 'get_integrations_connectors_id' ||
      operationId === 'update_integrations_connectors_id'
    )
      this.remember(body, true);
  }

  /** Forgets a connector that was deleted (its id may not be reused, but nothing is kept for it). */
  forget(connectorId: string): void {
    this.known.delete(connectorId);
  }

  /** What a connector runs: known already, or asked of the upstream once (concurrent calls share one request). */
  async find(connectorId: string, headers: Record<string, string>): Promise<KnownConnector | null> {
    const known = this.known.get(connectorId);
    if (known !== undefined) return known;
    if ((this.refused.get(connectorId) ?? 0) > Date.now()) return null;
    let pending = this.asking.get(connectorId);
    if (!pending) {
      const refuse = () => {
        this.asking.delete(connectorId);
        // Not asked again for a minute (each execute would wait on it), then again: another token may be let in.
        this.refused.set(connectorId, Date.now() + REFUSAL_MS);
        if (this.refused.size > MAX_CONNECTORS) this.refused.delete(this.refused.keys().next().value!);
        return null;
      };
      pending = this.lookup(connectorId, headers).then((body) => {
        if (!body) return refuse();
        this.asking.delete(connectorId);
        return this.remember(body, true);
      }, refuse);
      this.asking.set(connectorId, pending);
    }
    return pending;
  }

  /** Whether this is the first time a connector is found unknown (so that it is said once; at most MAX_CONNECTORS). */
  firstTimeUnknown(connectorId: string): boolean {
    if (this.saidUnknown.has(connectorId) || this.saidUnknown.size >= MAX_CONNECTORS) return false;
    this.saidUnknown.add(connectorId);
    return true;
  }

  /** What is known of a connector without asking: undefined when nothing is. */
  peek(connectorId: string): KnownConnector | null | undefined {
    return this.known.get(connectorId);
  }

  private remember(connector: Row, full: boolean): KnownConnector | null {
    const id = connector.id;
    const definitionId = definitionIdOf(connector);
    if (typeof id !== 'string' || definitionId === undefined) return null;
    // A summary says which connector runs but not its configuration: keep a configuration seen before.
    const before = this.known.get(id);
    const definition = connectorDefinition(definitionId) ?? null;
    const entry: KnownConnector | null = definition && {
      definition,
      replicationConfig:
        full && isObject(connector.replication_config)
          ? connector.replication_config
          : (before?.replicationConfig ?? 'unknown'),
    };
    this.known.delete(id);
    this.known.set(id, entry);
    if (this.known.size > MAX_CONNECTORS) this.known.delete(this.known.keys().next().value!);
    return entry;
  }
}
