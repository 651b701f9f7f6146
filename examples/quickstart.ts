// The seed documents' end-to-end flow against the local mock: `npm start` in one terminal, `npm run example` in
// another. Against the real API, set AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET and AIRBYTE_API_HOST instead.
import { createAgentEngineClient } from '../src/index.js';
import { reachableBaseUrl } from './base-url.js';

export async function quickstart(baseUrl: string, log: (line: string) => void = console.log) {
  const client = createAgentEngineClient({
    baseUrl,
    clientId: process.env.AIRBYTE_CLIENT_ID ?? 'demo-client-id',
    clientSecret: process.env.AIRBYTE_CLIENT_SECRET ?? 'demo-client-secret',
  });

  const { definitions } = await client.definitions.listSources({ name: 'github' });
  const github = definitions.find((d) => d.name === 'GitHub');
  if (!github?.sourceDefinitionId) throw new Error('GitHub is not in the catalog');
  log(`GitHub definition: ${github.sourceDefinitionId}`);

  const connector = await client.connectors.create({
    workspace_name: 'default',
    definition_id: github.sourceDefinitionId,
    name: 'My GitHub Connector',
    credentials: {
      option_title: 'PAT Credentials',
      personal_access_token: process.env.GITHUB_PAT ?? 'ghp_example_token',
    },
    replication_config: { repositories: ['airbytehq/airbyte'] },
  });
  log(`connector: ${connector.id}`);

  const { result, connector_metadata } = await client.connectors.execute(connector.id, {
    entity: 'issues',
    action: 'list',
    params: { per_page: 10 },
  });
  const issues = result as { number: number; title: string }[];
  for (const issue of issues) log(`#${issue.number} ${issue.title}`);
  log(`more pages: ${JSON.stringify(connector_metadata)}`);
  return { connectorId: connector.id, issues: issues.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await quickstart(await reachableBaseUrl());
}
