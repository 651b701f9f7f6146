// A consumer of every helper of the package, type-checked by `npm run bench` to keep the types cheap to use. It is
// never run.
import {
  AgentEngineError,
  RateLimitError,
  ValidationError,
  createAgentEngineClient,
  createAirbyteApiClient,
  type AgentEngineSchemas,
  type AirbyteApiV1Schemas,
  type PagingRule,
} from 'agent-engine-kit';
import { createResponseValidator, specSchema } from 'agent-engine-kit/validation';

export async function everyHelper(): Promise<void> {
  const client = createAgentEngineClient({ clientId: 'id', clientSecret: 'secret', validateResponses: true });
  const application = await client.tokens.application();
  const scoped = await client.tokens.scoped('acme', { region_id: 'us' });
  const widget = await client.tokens.widget({ workspace_name: 'acme', allowed_origin: 'https://app.example.com' });
  const acme = client.forWorkspace('acme');
  const info = await acme.tokens.scopedInfo();

  const { definitions } = await client.definitions.listSources({ name: 'github' });
  const source = await client.definitions.getSource(definitions[0]!.sourceDefinitionId!);
  const { destinations } = await client.definitions.listDestinations();
  const destination = await client.definitions.getDestination(destinations[0]!.id);

  const connector = await acme.connectors.create({
    workspace_name: 'acme',
    connector_type: 'GitHub',
    credentials: { personal_access_token: 'x' },
    replication_config: { repositories: ['airbytehq/airbyte'] },
  });
  const listed = await acme.connectors.list({ workspace_name: 'acme' });
  const read = await acme.connectors.get(connector.id);
  const updated = await acme.connectors.update(connector.id, { name: 'renamed' });
  const checked = await acme.connectors.check({ workspace_name: 'acme', connector_type: 'GitHub', credentials: {} });
  const checkedAgain = await acme.connectors.checkExisting(connector.id);
  const executed = await acme.connectors.execute(connector.id, {
    entity: 'issues',
    action: 'list',
    params: { per_page: 10 },
    intent: 'Summarize open issues',
  });
  const inspected = await acme.connectors.inspect(connector.id);
  for await (const page of acme.connectors.executePages(
    connector.id,
    { entity: 'issues', action: 'list' },
    { maxPages: 2 },
  ))
    void page.result;
  for await (const issue of acme.connectors.executeRecords<{ number: number }>(
    connector.id,
    { entity: 'issues', action: 'list' },
    { connector: 'github', limit: 5 },
  ))
    void issue.number;
  const searchPaging: PagingRule = { style: 'cursor', cursor: 'cursor', next: 'next_cursor' };
  for await (const page of acme.connectors.executePages(
    connector.id,
    { entity: 'issues', action: 'search', params: { query: {} } },
    { paging: searchPaging },
  ))
    void page.result;
  const found = await acme.connectors.find({
    workspace_name: 'acme',
    definition_id: definitions[0]!.sourceDefinitionId!,
  });
  const deleted = await acme.connectors.delete(connector.id);

  const workspaces = await client.workspaces.list({ limit: 10 });
  for await (const page of client.workspaces.pages({ status: 'active' })) void page.data;
  for await (const workspace of client.workspaces.all()) void workspace.id;
  const workspace = await client.workspaces.get(workspaces.data[0]!.id);
  await client.workspaces.update(workspace.id, { name: 'renamed' });
  const stats = await client.workspaces.stats();
  await client.workspaces.delete(workspace.id);

  const sourceTemplates = await client.templates.sources.list();
  const template = await client.templates.sources.create({
    actor_definition_id: definitions[0]!.sourceDefinitionId!,
    name: 't',
    partial_default_config: {},
  });
  await client.templates.sources.get(template.id);
  await client.templates.sources.update(template.id, { name: 'u' });
  await client.templates.sources.delete(template.id);
  const connectionTemplates = await client.templates.connections.list();
  const lake = await client.templates.connections.create({
    destination_name: 'lake',
    destination_definition_id: 'id',
    destination_config: {},
    cron_expression: '0 0 * * * ?',
  });
  await client.templates.connections.get(lake.id);
  await client.templates.connections.update(lake.id, { sync_on_create: false });
  await client.templates.connections.delete(lake.id);
  const cron = await client.templates.describeCron('0 0 * * * ?');

  const consent = await client.oauth.initiate({
    workspace_name: 'acme',
    connector_type: 'HubSpot',
    redirect_url: 'https://app.example.com/done',
  });
  await client.oauth.setCredentials({
    connector_type: 'HubSpot',
    configuration: { client_id: 'a', client_secret: 'b' },
  });
  await client.oauth.deleteCredentials('HubSpot');

  const skills = await acme.skills.list({ limit: 10 });
  for await (const skill of acme.skills.all()) void skill.kind;
  const matches = await acme.skills.search('github issues', { limit: 5 });
  const docs = await acme.skills.docs(inspected.docs_skill_id, { section: skills.data[0] ? 'overview' : null });

  const raw = await client.raw.GET('/api/v1/workspaces/stats', client.callOptions({ timeoutMs: 5_000 }));

  const v1 = createAirbyteApiClient({ clientId: 'id', clientSecret: 'secret' });
  const v1Workspace: AirbyteApiV1Schemas['WorkspaceResponse'] = await v1.workspaces.create({ name: 'acme' });
  await v1.workspaces.list({ limit: 5 });

  const schema = specSchema('agent-engine', 'ExecuteRequest');
  const validator = createResponseValidator({ onViolation: (violation) => void violation.pointer });
  const row: AgentEngineSchemas['ConnectorResponse'] = read;

  try {
    await client.workspaces.stats();
  } catch (error) {
    if (error instanceof RateLimitError) void error.retryAfter;
    else if (error instanceof ValidationError) void error.fieldErrors;
    else if (error instanceof AgentEngineError) void error.status;
  }
  void [
    application,
    scoped,
    widget,
    info,
    source,
    destination,
    listed,
    updated,
    checked,
    checkedAgain,
    executed,
    found,
    deleted,
    stats,
  ];
  void [sourceTemplates, connectionTemplates, cron, consent, raw.data, v1Workspace, schema, validator, row];
  void [
    inspected.context_store_readiness?.configured_cache_entities,
    matches.next_cursor,
    docs.outline,
    executed.warning?.code,
  ];
}
