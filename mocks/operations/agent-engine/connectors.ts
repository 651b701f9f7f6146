// Connectors: create (by the spec's own rules), list, get, inspect, update, delete (202, gone at once), checks, execute
// against seeded records, and the OAuth flow that ends in a connector.
import type { components } from '../../../generated/agent-engine.js';
import { connectorDefinition } from '../../connectors/definitions.js';
import { credentialsProblems, replicationConfigProblems } from '../../connectors/credentials.js';
import { recordExecution } from '../../execute/audit.js';
import { RecordViolation, executeAction } from '../../execute/engine.js';
import { buildDataset } from '../../execute/dataset.js';
import { truncateLongStrings } from '../../execute/truncation.js';
import { MockHttpError, forbidden, notFound, unprocessable } from '../../pipeline/errors.js';
import type { MockService } from '../../service.js';
import { inspectView } from '../../service/inspect.js';
import type { Connector, IssuedToken, MockStore, SourceTemplate } from '../../service/store.js';
import type { MockAnswer, MockRequest } from '../../pipeline/request.js';
import {
  connectorSummaryView,
  connectorView,
  globalTemplateFor,
  sourceEntry,
  sourceEntryByName,
} from '../../service/views.js';
import { defineOperations } from '../types.js';
import { assertWorkspaceAccess } from '../../pipeline/auth.js';

type Schemas = components['schemas'];

/** Execute actions that read. */
const READ_ACTIONS = new Set(['list', 'get', 'api_search', 'download', 'search', 'context_store_search']);

const present = (value: unknown) => value !== undefined && value !== null;

/** A new connector of a workspace, made from a source template, stored. */
function storeConnector(
  store: MockStore,
  workspaceId: string,
  template: SourceTemplate,
  fields: {
    name?: string | null;
    replicationConfig?: Record<string, unknown> | null;
    credentials: Record<string, unknown> | null;
    serverSideOAuthSecretId?: string | null;
    entities?: Schemas['EntityConfig'][] | null;
  },
): Connector {
  const now = store.timestamp();
  const connector: Connector = {
    id: store.ids.uuid(),
    name: fields.name ?? template.name,
    workspaceId,
    definitionId: template.definitionId,
    sourceTemplateId: template.id,
    replicationConfig: { ...template.partialDefaultConfig, ...(fields.replicationConfig ?? {}) },
    credentials: fields.credentials,
    serverSideOAuthSecretId: fields.serverSideOAuthSecretId ?? null,
    entities: fields.entities ?? null,
    createdAt: now,
    updatedAt: now,
  };
  store.connectors.set(connector.id, connector);
  return connector;
}

export function connectorOperations(service: MockService) {
  const { store } = service;
  const createSchema = service.validators['agent-engine'].doc.components.schemas.ConnectorCreateRequest;
  const exactlyOne: string[] = createSchema['x-exactly-one-of'];
  const atLeastOne: string[] = createSchema['x-at-least-one-of'];

  /** The create rules the spec states (x-exactly-one-of, x-at-least-one-of), the workspace, and what to connect. */
  function resolveCreate(context: { principal: IssuedToken | undefined }, body: Schemas['ConnectorCreateRequest']) {
    const given = exactlyOne.filter((field) => present((body as Record<string, unknown>)[field]));
    if (given.length !== 1) {
      throw unprocessable(
        `Exactly one of ${exactlyOne.join(', ')} must be provided${given.length > 1 ? ` (got ${given.join(' and ')})` : ''}.`,
        exactlyOne.map((field) => ({
          field,
          message: `Exactly one of ${exactlyOne.join(', ')} must be provided.`,
          error_code: 'value_error',
          details: { fields: exactlyOne },
        })),
      );
    }
    if (!atLeastOne.some((field) => present((body as Record<string, unknown>)[field]))) {
      throw unprocessable(
        `At least one of ${atLeastOne.join(', ')} must be provided.`,
        atLeastOne.map((field) => ({
          field,
          message: `At least one of ${atLeastOne.join(', ')} must be provided.`,
          error_code: 'value_error',
          details: { fields: atLeastOne },
        })),
      );
    }
    const workspace = store.workspaceByName(body.workspace_name);
    if (!workspace) throw notFound(`Workspace ${body.workspace_name}`);
    assertWorkspaceAccess(context.principal, workspace.id);
    let template: SourceTemplate | undefined;
    if (present(body.source_template_id)) {
      template = store.sourceTemplates.get(body.source_template_id!);
      if (!template) throw notFound(`Source template ${body.source_template_id}`);
    } else {
      const entry = present(body.definition_id)
        ? sourceEntry(body.definition_id!)
        : sourceEntryByName(body.connector_type!);
      if (!entry)
        throw notFound(
          present(body.definition_id)
            ? `Source definition ${body.definition_id}`
            : `Connector type ${body.connector_type}`,
        );
      template = globalTemplateFor(store, entry.definition.sourceDefinitionId!);
    }
    // Against the agent connector's definition: credentials in either shape, the replication config's required keys.
    const definition = connectorDefinition(template.definitionId);
    if (definition) {
      const problems = [
        ...credentialsProblems(definition, body.credentials),
        ...replicationConfigProblems(definition, {
          ...template.partialDefaultConfig,
          ...(body.replication_config ?? {}),
        }),
      ];
      if (problems.length > 0) throw unprocessable(problems.map((p) => p.message).join('; '), problems);
    }
    return { workspace, template };
  }

  function connectorFor(context: { principal: IssuedToken | undefined }, id: string): Connector {
    const connector = store.connectors.get(id);
    if (!connector) throw notFound(`Connector ${id}`);
    assertWorkspaceAccess(context.principal, connector.workspaceId);
    return connector;
  }

  /** A deterministic check: credentials that say "invalid" (any value) fail like a rejected login. */
  function checkResult(
    credentials: Record<string, unknown> | null | undefined,
    entities: Schemas['EntityConfig'][] | null | undefined,
  ): Schemas['ConnectorCheckResponse'] {
    const rejected = Object.values(credentials ?? {}).some(
      (value) => typeof value === 'string' && /invalid|wrong|bad/i.test(value),
    );
    const status = rejected ? 'failed' : 'succeeded';
    return {
      id: store.ids.uuid(),
      status,
      error_message: rejected ? 'The credentials were rejected by the service (401).' : null,
      failure_reason: rejected
        ? {
            timestamp: service.config.clock.now(),
            failure_origin: 'source',
            failure_type: 'config_error',
            external_message: 'The credentials were rejected by the service (401).',
            internal_message: null,
            stacktrace: null,
            retryable: false,
            from_trace_message: true,
            stream_descriptor: null,
          }
        : null,
      entity_check_results: (entities ?? []).map((e) => ({
        entity: e.entity,
        status,
        status_code: rejected ? 401 : 200,
        error_message: rejected ? 'Unauthorized' : null,
      })),
    };
  }

  return defineOperations('agent-engine', {
    list_integrations_connectors: (context) => {
      const { query, principal } = context;
      const workspaceName = query.workspace_name ?? query.customer_name ?? query.external_user_id;
      let connectors = [...store.connectors.values()];
      if (principal?.workspaceId) connectors = connectors.filter((c) => c.workspaceId === principal.workspaceId);
      if (query.workspace_id) {
        assertWorkspaceAccess(principal, query.workspace_id);
        connectors = connectors.filter((c) => c.workspaceId === query.workspace_id);
      }
      if (workspaceName != null) {
        const workspace = store.workspaceByName(workspaceName);
        if (!workspace) throw notFound(`Workspace ${workspaceName}`);
        assertWorkspaceAccess(principal, workspace.id);
        connectors = connectors.filter((c) => c.workspaceId === workspace.id);
      }
      if (query.definition_id) connectors = connectors.filter((c) => c.definitionId === query.definition_id);
      return { status: 200, body: { data: connectors.map((c) => connectorSummaryView(store, c)) } };
    },

    create_integrations_connectors: (context) => {
      const body = context.body as Schemas['ConnectorCreateRequest'];
      const { workspace, template } = resolveCreate(context, body);
      const connector = storeConnector(store, workspace.id, template, {
        name: body.name,
        replicationConfig: body.replication_config,
        credentials: body.credentials ?? null,
        serverSideOAuthSecretId: body.server_side_oauth_secret_id,
        entities: body.entities,
      });
      return { status: 200, body: connectorView(store, connector) };
    },

    create_integrations_connectors_check: (context) => {
      const body = context.body as Schemas['ConnectorCreateRequest'];
      resolveCreate(context, body);
      return { status: 200, body: checkResult(body.credentials, body.entities) };
    },

    get_integrations_connectors_id: (context) => ({
      status: 200,
      body: connectorView(store, connectorFor(context, context.path.id)),
    }),

    update_integrations_connectors_id: (context) => {
      const connector = connectorFor(context, context.path.id);
      const body = (context.body ?? {}) as Schemas['ConnectorUpdateRequest'];
      // Left out keeps; `entities: []` clears.
      if (present(body.name)) connector.name = body.name!;
      if (present(body.replication_config)) connector.replicationConfig = body.replication_config!;
      if (body.entities !== undefined) connector.entities = body.entities;
      connector.updatedAt = store.timestamp();
      return { status: 200, body: connectorView(store, connector) };
    },

    delete_integrations_connectors_id: (context) => {
      const connector = connectorFor(context, context.path.id);
      store.connectors.delete(connector.id);
      store.records.delete(connector.id);
      return { status: 202, body: { job_id: store.ids.uuid() } };
    },

    get_integrations_connectors_id_inspect: (context) => ({
      status: 200,
      body: inspectView(store, connectorFor(context, context.path.id)),
    }),

    create_integrations_connectors_id_check: (context) => {
      const connector = connectorFor(context, context.path.id);
      const body = (context.body ?? {}) as Schemas['ConnectorUpdateRequest'];
      return { status: 200, body: checkResult(connector.credentials, body.entities ?? connector.entities) };
    },

    create_integrations_connectors_id_execute: (context) => {
      const connector = connectorFor(context, context.path.id);
      const body = context.body as Schemas['ExecuteRequest'];
      // Every call on a connector is audited with its outcome, refused ones too.
      let status = 500;
      try {
        const workspace = store.workspaces.get(connector.workspaceId)!;
        if (workspace.status === 'inactive')
          throw forbidden(`Workspace ${workspace.name} is inactive: its connections are disabled.`);
        const definition = connectorDefinition(connector.definitionId);
        if (!definition) {
          const name = sourceEntry(connector.definitionId)?.definition.name ?? 'This connector';
          throw unprocessable(
            `${name} has no agent connector definition: execute runs the agent connectors (see GET /api/v1/integrations/definitions/sources).`,
          );
        }
        let dataset = store.records.get(connector.id);
        if (!dataset) {
          dataset = buildDataset(definition, service.config.seed, store.datasetOptions());
          store.records.set(connector.id, dataset);
        }
        let outcome: ReturnType<typeof executeAction>;
        try {
          outcome = executeAction(definition, dataset, body, {
            connectorId: connector.id,
            replicationConfig: connector.replicationConfig,
            seed: service.config.seed,
            validateRecords: service.config.validateResponses,
          });
        } catch (error) {
          if (!(error instanceof RecordViolation)) throw error;
          service.specViolations.push(error.message);
          console.error(error.message);
          throw new MockHttpError(500, error.message);
        }
        if ('download' in outcome) {
          const { body: bytes, contentType, filename } = outcome.download;
          status = 200;
          context.unchanged = true;
          return {
            status: 200,
            headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${filename}"` },
            body: bytes,
          };
        }
        if (outcome.status !== 200)
          throw new MockHttpError(
            outcome.status,
            (outcome.body as { message: string }).message,
            (outcome.body as { errors?: any[] }).errors ?? [],
          );
        let answer = outcome.body as Schemas['ExecuteResponse'];
        // The context store is off while the workspace's cache is: its answers may be stale, and say so.
        if ((body.action === 'context_store_search' || body.action === 'search') && workspace.cacheEnabled === false) {
          answer = {
            ...answer,
            warning: {
              code: 'context_store_inactive',
              message: `The context store of workspace ${workspace.name} is inactive (its cache is off): results may be out of date.`,
              deactivated_at: workspace.updatedAt,
              reactivated_at: null,
              stale_since: workspace.updatedAt,
            },
          };
        }
        status = 200;
        // An action that reads leaves nothing to keep (its records are rebuilt from the seed).
        if (READ_ACTIONS.has(body.action)) context.unchanged = true;
        // skip_truncation defaults to true: values are cut short only when the caller asks for it.
        return {
          status: 200,
          body: body.skip_truncation === false ? { ...answer, result: truncateLongStrings(answer.result) } : answer,
        };
      } catch (error) {
        status = error instanceof MockHttpError ? error.status : 500;
        throw error;
      } finally {
        recordExecution(store, connector, body, status);
      }
    },

    create_integrations_connectors_oauth_initiate: (context) => {
      const body = context.body as Schemas['OAuthInitiateRequest'];
      const workspace = store.workspaceByName(body.workspace_name);
      if (!workspace) throw notFound(`Workspace ${body.workspace_name}`);
      assertWorkspaceAccess(context.principal, workspace.id);
      const given = ['connector_type', 'definition_id', 'source_template_id'].filter((f) =>
        present((body as Record<string, unknown>)[f]),
      );
      if (given.length !== 1)
        throw unprocessable('Exactly one of connector_type, definition_id or source_template_id must be provided.');
      const entry = body.definition_id
        ? sourceEntry(body.definition_id)
        : body.connector_type
          ? sourceEntryByName(body.connector_type)
          : undefined;
      if (!body.source_template_id && !entry) throw notFound(`Connector ${body.definition_id ?? body.connector_type}`);
      const state = store.ids.text(24);
      store.oauthFlows.set(state, { workspaceId: workspace.id, body });
      const consent = new URL(`${context.origin}${OAUTH_CONSENT_PATH}`);
      consent.searchParams.set('state', state);
      return { status: 200, body: { consent_url: consent.toString() } };
    },
  });
}

/** Where the mock's stand-in for a provider's OAuth consent screen is served. */
export const OAUTH_CONSENT_PATH = '/mock-oauth/consent';

const textAnswer = (status: number, text: string): MockAnswer => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: text,
});

/**
 * Not part of the API: the provider's consent page, which in the mock consents at once (or refuses with ?deny=1) and
 * sends the browser back as the real flow does, with the new connector's id.
 */
export function oauthConsentPage(service: MockService) {
  const { store } = service;
  return (request: MockRequest): MockAnswer => {
    const url = new URLSearchParams(request.query);
    const flow = store.oauthFlows.get(url.get('state') ?? '');
    if (!flow) return textAnswer(400, 'Unknown or used OAuth state.');
    store.oauthFlows.delete(url.get('state')!);
    const back = new URL(flow.body.redirect_url);
    if (url.get('deny') === '1') {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The user declined the consent screen.');
    } else {
      const entry = flow.body.definition_id
        ? sourceEntry(flow.body.definition_id)
        : flow.body.connector_type
          ? sourceEntryByName(flow.body.connector_type)
          : undefined;
      const template = flow.body.source_template_id
        ? store.sourceTemplates.get(flow.body.source_template_id)
        : entry
          ? globalTemplateFor(store, entry.definition.sourceDefinitionId!)
          : undefined;
      if (!template) return textAnswer(400, 'The connector of this OAuth flow no longer exists.');
      const connector = storeConnector(store, flow.workspaceId, template, {
        name: flow.body.name,
        replicationConfig: flow.body.replication_config,
        credentials: { option_title: 'OAuth Credentials', access_token: store.ids.text(40) },
      });
      back.searchParams.set('connector_id', connector.id);
    }
    service.changed();
    return { status: 302, headers: { location: back.toString() }, body: null };
  };
}
