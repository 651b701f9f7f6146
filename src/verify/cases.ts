// The contract cases, of `npm test` and of `agent-engine-kit verify`: the seeds' flows and every operation of both
// specs, through the client, with light checks that hold on every target (every answer is also checked against the
// spec by a validating middleware).
import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/agent-engine.js';
import type { paths as V1Paths } from '../../generated/airbyte-api-v1.js';
import { createAgentEngineClient, type AgentEngineClient, type AirbyteApiClient } from '../index.js';

/** Where the cases run: a mock, Prism, or the real API. */
export interface Target {
  name: string;
  /** The Agent Engine base URL and the v1 API's. */
  agentEngine: string;
  v1: string | undefined;
  clientId: string;
  clientSecret: string;
  /** False for Prism: answers are examples, nothing is stored. */
  stateful: boolean;
  /** True against the real API: only read-only cases run. */
  live: boolean;
  /** The fetch the clients use for this target (the mock's fetch function), instead of the global one. */
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** The mocks only: move the service's clock (token expiry), and make the next requests fail with 503. */
  advanceClock?(ms: number): void;
  failNext?(count: number, status?: number): void;
  stop(): Promise<void>;
}

export interface CaseContext {
  target: Target;
  client: AgentEngineClient;
  /** Plain openapi-fetch clients (no auth of their own) for the token endpoints and explicit bearer calls. */
  raw: Client<paths, 'application/json'>;
  v1: AirbyteApiClient | undefined;
  v1Raw: Client<V1Paths, 'application/json'> | undefined;
  /** A name no earlier run used. */
  unique(prefix: string): string;
}

export interface ContractCase {
  name: string;
  /** The operations the case exercises (the coverage gate counts these before anything runs). */
  covers: string[];
  /** Safe against the real API: reads only. */
  readOnly?: boolean;
  /** Needs the mocks' controls (their clock and faults): not Prism, not live, not `agent-engine-kit verify`. */
  stateful?: boolean;
  v1?: boolean;
  run(context: CaseContext): Promise<void>;
}

const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';
const S3 = '4816b78f-1489-44c1-9060-4b19d5fa9362';

// A case reads a field of an answer only after checking that it is there (or through `?.`): against a server whose
// answers are malformed, a case fails saying what is missing, beside the middleware's spec violations, never with a
// TypeError of its own.
function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export const CASES: ContractCase[] = [
  {
    name: 'authenticate with client credentials',
    covers: ['create_account_applications_token'],
    readOnly: true,
    async run({ raw, target }) {
      const { data } = await raw.POST('/api/v1/account/applications/token', {
        body: { client_id: target.clientId, client_secret: target.clientSecret },
      });
      assert(data?.access_token, 'no access_token');
      assert(data.token_type.toLowerCase() === 'bearer', `token_type ${data.token_type}`);
    },
  },
  {
    name: 'list and filter the connector catalog, read a definition',
    covers: [
      'list_integrations_definitions_sources',
      'get_integrations_definitions_sources_id',
      'list_integrations_definitions_destinations',
      'get_integrations_definitions_destinations_id',
    ],
    readOnly: true,
    async run({ client }) {
      const { definitions } = await client.definitions.listSources({ name: 'github' });
      assert(definitions?.length > 0, 'GitHub not in the catalog');
      const id = definitions[0]!.sourceDefinitionId!;
      assert((await client.definitions.getSource(id)).definition.spec, 'no spec');
      const { destinations } = await client.definitions.listDestinations();
      assert(destinations?.length > 0, 'no destinations');
      await client.definitions.getDestination(destinations[0]!.id);
    },
  },
  {
    name: 'scoped and widget tokens (current and deprecated paths), scoped token info',
    covers: [
      'create_account_applications_scoped_token',
      'create_account_applications_widget_token',
      'create_embedded_scoped_token',
      'create_embedded_widget_token',
      'get_account_applications_scoped_token_info',
    ],
    async run({ client, unique }) {
      const workspace = unique('contract-scoped');
      const { token } = await client.tokens.scoped(workspace);
      assert(token, 'no scoped token');
      assert(
        (await client.tokens.widget({ workspace_name: workspace, allowed_origin: 'https://app.example.com' })).token,
        'no widget token',
      );
      await client.raw.POST('/api/v1/embedded/scoped-token', { body: { workspace_name: workspace } });
      await client.raw.POST('/api/v1/embedded/widget-token', {
        body: { workspace_name: workspace, allowed_origin: 'https://app.example.com' },
      });
      const info = await client.forWorkspace(workspace).tokens.scopedInfo();
      assert(info.workspace_id, 'no workspace id');
    },
  },
  {
    name: 'the end-to-end flow: create a GitHub connector, list, read, update, check, execute and page through issues, delete',
    covers: [
      'create_integrations_connectors',
      'list_integrations_connectors',
      'get_integrations_connectors_id',
      'update_integrations_connectors_id',
      'create_integrations_connectors_check',
      'create_integrations_connectors_id_check',
      'create_integrations_connectors_id_execute',
      'delete_integrations_connectors_id',
    ],
    async run({ client, target }) {
      const body = {
        workspace_name: 'default',
        definition_id: GITHUB,
        name: 'Contract GitHub',
        credentials: { option_title: 'PAT Credentials', personal_access_token: 'ghp_contract' },
        replication_config: { repositories: ['airbytehq/airbyte'] },
      };
      await client.connectors.check(body);
      const connector = await client.connectors.create(body);
      assert(connector.id, 'no connector id');
      await client.connectors.list({ workspace_name: 'default' });
      await client.connectors.get(connector.id);
      await client.connectors.update(connector.id, { name: 'Contract GitHub (renamed)' });
      await client.connectors.checkExisting(connector.id);
      const page = await client.connectors.execute(connector.id, {
        entity: 'issues',
        action: 'list',
        params: { per_page: 5 },
      });
      assert(page.status, 'no execute status');
      if (target.stateful) {
        // Page through as GitHub's connector definition says (`end_cursor` back as `after`). (Prism's static example
        // repeats one cursor, which executePages rightly refuses to loop on.)
        let pages = 0;
        let issues = 0;
        for await (const next of client.connectors.executePages(connector.id, {
          entity: 'issues',
          action: 'list',
          params: { per_page: 25 },
        })) {
          pages += 1;
          issues += Array.isArray(next.result) ? next.result.length : 0;
        }
        assert(pages > 1 && issues > 25, `paged ${pages} pages, ${issues} issues`);
      }
      const { job_id } = await client.connectors.delete(connector.id);
      assert(job_id, 'no job id');
    },
  },
  {
    name: 'skills: list every page, search',
    covers: ['list_skills', 'list_skills_search'],
    readOnly: true,
    async run({ client }) {
      const page = await client.skills.list({ limit: 5 });
      assert(Array.isArray(page.data), 'no skills list');
      for (const skill of page.data)
        assert(
          skill?.id && skill.kind && skill.freshness,
          `skill without id, kind or freshness: ${JSON.stringify(skill)}`,
        );
      let count = 0;
      for await (const _skill of client.skills.all({ limit: 5 })) if (++count >= 50) break;
      const found = await client.skills.search('issues', { limit: 5 });
      assert(Array.isArray(found.data), 'no search results list');
    },
  },
  {
    name: 'inspect a connector, find its docs skill, read the outline and a section',
    covers: ['get_integrations_connectors_id_inspect', 'get_skills_docs'],
    async run({ client, target }) {
      const connector = await client.connectors.create({
        workspace_name: 'default',
        definition_id: GITHUB,
        name: 'Contract docs GitHub',
        credentials: { option_title: 'PAT Credentials', personal_access_token: 'ghp_contract_docs' },
        replication_config: { repositories: ['airbytehq/airbyte'] },
      });
      const inspected = await client.connectors.inspect(connector.id);
      assert(inspected.docs_skill_id, 'no docs_skill_id');
      if (target.stateful) {
        assert(inspected.connector_id === connector.id, `inspected ${inspected.connector_id}, not ${connector.id}`);
        const { data } = await client.skills.search('github', { limit: 100 });
        assert(
          data.some((s) => s.id === inspected.docs_skill_id),
          'the docs skill of the new connector is not found by search',
        );
      }
      const overview = await client.skills.docs(inspected.docs_skill_id);
      assert(overview.outline?.length > 0, 'no outline, or an empty one');
      const section = overview.outline.find((s) => s?.id?.startsWith('action:')) ?? overview.outline[0]!;
      assert(section?.id, 'an outline section without id');
      const read = await client.skills.docs(inspected.docs_skill_id, { section: section.id });
      if (target.stateful)
        assert(
          read.section_id === section.id && (read.content ?? []).length > 0,
          `section ${section.id} answered ${read.section_id}`,
        );
      await client.connectors.delete(connector.id);
    },
  },
  {
    name: 'OAuth: initiate a consent flow, set and remove the organization OAuth app',
    covers: [
      'create_integrations_connectors_oauth_initiate',
      'update_oauth_credentials',
      'delete_oauth_credentials_connector_type_connector_type',
    ],
    async run({ client }) {
      const { consent_url } = await client.oauth.initiate({
        workspace_name: 'default',
        connector_type: 'HubSpot',
        redirect_url: 'https://app.example.com/oauth/done',
      });
      assert(/^https?:\/\//.test(consent_url), `consent_url ${consent_url}`);
      await client.oauth.setCredentials({
        connector_type: 'Facebook Marketing',
        configuration: { client_id: 'a', client_secret: 'contract-secret' },
      });
      await client.oauth.deleteCredentials('Facebook Marketing');
    },
  },
  {
    name: 'source templates: create, clone, list, read, update, delete',
    covers: [
      'create_integrations_templates_sources',
      'list_integrations_templates_sources',
      'get_integrations_templates_sources_id',
      'update_integrations_templates_sources_id',
      'delete_integrations_templates_sources_id',
    ],
    async run({ client }) {
      const template = await client.templates.sources.create({
        actor_definition_id: GITHUB,
        name: 'Contract template',
        partial_default_config: {},
      });
      await client.templates.sources.list({ use_global: true });
      await client.templates.sources.get(template.id);
      await client.templates.sources.update(template.id, { name: 'Contract template (renamed)' });
      await client.templates.sources.delete(template.id);
    },
  },
  {
    name: 'connection templates of both hosting types, cron descriptions',
    covers: [
      'create_integrations_templates_connections',
      'list_integrations_templates_connections',
      'get_integrations_templates_connections_id',
      'update_integrations_templates_connections_id',
      'delete_integrations_templates_connections_id',
      'create_integrations_templates_connections_cron_describe',
    ],
    async run({ client }) {
      const template = await client.templates.connections.create({
        destination_name: 'Contract lake',
        destination_definition_id: S3,
        destination_config: { s3_bucket_name: 'b' },
        cron_expression: '0 0 * * * ?',
      });
      await client.templates.connections.create({
        data_hosting_type: 'airbyte_hosted',
        cron_expression: '0 0 */6 * * ?',
      });
      await client.templates.connections.list();
      await client.templates.connections.get(template.id);
      await client.templates.connections.update(template.id, { sync_on_create: false });
      await client.templates.connections.delete(template.id);
      const { is_valid } = await client.templates.describeCron('0 0 */6 * * ?');
      assert(typeof is_valid === 'boolean', 'no is_valid');
    },
  },
  {
    name: 'workspaces: list every page, stats',
    covers: ['list_workspaces', 'get_workspaces_stats'],
    readOnly: true,
    async run({ client, target }) {
      const stats = await client.workspaces.stats();
      assert(typeof stats.total_count === 'number', 'no total_count');
      if (!target.stateful) {
        // Prism answers the spec's example, whose `next` points at the real API: one page only (the client rightly
        // refuses to follow a link to another host).
        assert((await client.workspaces.list({ limit: 2 })).data?.length > 0, 'no workspaces');
        return;
      }
      let count = 0;
      for await (const _workspace of client.workspaces.all({ limit: 2 })) count++;
      assert(count >= 1, 'no workspaces listed');
    },
  },
  {
    name: 'workspace administration: read, update, delete a workspace made for the run',
    covers: ['get_workspaces_workspace_id', 'update_workspaces_workspace_id', 'delete_workspaces_workspace_id'],
    async run({ client, unique, target }) {
      const name = unique('contract-admin');
      await client.tokens.scoped(name);
      const found = target.stateful
        ? (await client.workspaces.list({ name_contains: name })).data?.[0]
        : (await client.workspaces.list()).data?.[0];
      assert(found, 'the new workspace does not list');
      await client.workspaces.get(found.id);
      await client.workspaces.update(found.id, { status: 'inactive' });
      await client.workspaces.delete(found.id);
    },
  },
  {
    name: 'refused: no token, a body the spec refuses',
    covers: [],
    async run({ raw, client }) {
      const none = await raw.GET('/api/v1/workspaces/stats');
      assert(none.response.status === 401, `no token: ${none.response.status}`);
      const invalid = await client.raw.POST('/api/v1/integrations/connectors', {
        body: { name: 'no workspace' } as never,
      });
      assert(
        invalid.response.status === 400 || invalid.response.status === 422,
        `invalid body: ${invalid.response.status}`,
      );
    },
  },
  {
    name: 'refused (stateful targets): a token never issued, unknown ids, an expired token, a scoped token outside its workspace, a widget token from another origin',
    covers: [],
    stateful: true,
    async run({ raw, client, target, unique }) {
      // Prism only checks that a bearer token is there; the mocks know which tokens they issued.
      const bad = await raw.GET('/api/v1/workspaces/stats', { headers: { authorization: 'Bearer not-a-token' } });
      assert(bad.response.status === 401, `a token never issued: ${bad.response.status}`);
      const missing = await client.raw.GET('/api/v1/integrations/connectors/{id}', {
        params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
      });
      assert(missing.response.status === 404, `unknown connector: ${missing.response.status}`);
      const { data } = await raw.POST('/api/v1/account/applications/token', {
        body: { client_id: target.clientId, client_secret: target.clientSecret },
      });
      target.advanceClock!(15 * 60_000 + 1_000);
      const expired = await raw.GET('/api/v1/workspaces/stats', {
        headers: { authorization: `Bearer ${data!.access_token}` },
      });
      assert(expired.response.status === 401, `expired token: ${expired.response.status}`);
      const other = await client.connectors.create({
        workspace_name: 'default',
        connector_type: 'GitHub',
        credentials: { token: 'ghp_contract' },
        replication_config: { repositories: ['airbytehq/airbyte'] },
      });
      const scoped = client.forWorkspace(unique('contract-isolated'));
      const outside = await scoped.raw.GET('/api/v1/integrations/connectors/{id}', {
        params: { path: { id: other.id } },
      });
      assert(
        outside.response.status === 404 || outside.response.status === 403,
        `scoped token outside its workspace: ${outside.response.status}`,
      );
      const { token } = await client.tokens.widget({
        workspace_name: unique('contract-widget'),
        allowed_origin: 'https://app.example.com',
      });
      const widget = (JSON.parse(atob(token)) as { token: string }).token;
      const foreign = await raw.GET('/api/v1/account/applications/scoped-token/info', {
        headers: { authorization: `Bearer ${widget}`, origin: 'https://evil.example.com' },
      });
      assert(foreign.response.status === 403, `widget token from another origin: ${foreign.response.status}`);
    },
  },
  {
    name: "429s and 503s are retried away by the client's retries (stateful targets)",
    covers: [],
    stateful: true,
    async run({ target }) {
      // A client of its own with retries on (the shared one runs with maxRetries 0).
      const retrying = createAgentEngineClient({
        baseUrl: target.agentEngine,
        clientId: target.clientId,
        clientSecret: target.clientSecret,
        maxRetries: 2,
        ...(target.fetch ? { fetch: target.fetch } : {}),
      });
      await retrying.workspaces.stats();
      target.failNext!(2, 503);
      const stats = await retrying.workspaces.stats();
      assert(typeof stats.total_count === 'number', 'no stats after the 503s');
      target.failNext!(1, 429);
      const created = await retrying.connectors.create({
        workspace_name: 'default',
        connector_type: 'GitHub',
        credentials: { token: 'ghp_contract' },
        replication_config: { repositories: ['airbytehq/airbyte'] },
      });
      assert(created.id, 'no connector after the 429 (a create is retried on 429)');
    },
  },
  {
    name: 'v1: token, workspaces create, list, read, update, delete, health',
    covers: [
      'createAccessToken',
      'createWorkspace',
      'listWorkspaces',
      'getWorkspace',
      'updateWorkspace',
      'deleteWorkspace',
      'getHealthCheck',
    ],
    v1: true,
    async run({ v1, v1Raw, target, unique }) {
      assert(v1 && v1Raw, 'no v1 API on this target');
      const { data } = await v1Raw.POST('/applications/token', {
        body: { client_id: target.clientId, client_secret: target.clientSecret },
      });
      assert(data?.access_token, 'no v1 token');
      const created = await v1.workspaces.create({ name: unique('contract-v1') });
      await v1.workspaces.list({ limit: 5 });
      await v1.workspaces.get(created.workspaceId);
      await v1.workspaces.update(created.workspaceId, { name: unique('contract-v1-renamed') });
      await v1.workspaces.delete(created.workspaceId);
      await v1Raw.GET('/health');
    },
  },
];
