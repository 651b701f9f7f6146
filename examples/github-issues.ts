// Paging through a repository's GitHub issues with `execute`: the kit pages as GitHub's connector definition says
// (openapi/connectors/github.yaml: `connector_metadata.end_cursor` sent back as `after` while `has_next_page`), having
// read the connector's definition id from the API once, until there are no more pages.
//
//   npm start                               (the mock, in one terminal)
//   npx tsx examples/github-issues.ts       (open issues of airbytehq/airbyte, 25 per page)
//
// Against the real API, set AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET, AIRBYTE_API_HOST and GITHUB_PAT.
import { createAgentEngineClient } from '../src/index.js';

const GITHUB_DEFINITION_ID = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';

interface Issue {
  number: number;
  title: string;
  state: string;
}

export async function pageThroughIssues(baseUrl: string, options: { workspace?: string; perPage?: number; state?: string; log?: (line: string) => void } = {}) {
  const { workspace = 'issues-example', perPage = 25, state, log = console.log } = options;
  const client = createAgentEngineClient({
    baseUrl,
    clientId: process.env.AIRBYTE_CLIENT_ID ?? 'demo-client-id',
    clientSecret: process.env.AIRBYTE_CLIENT_SECRET ?? 'demo-client-secret',
  });
  // Work inside one customer's workspace with a scoped token, as a multi-tenant backend would.
  const customer = client.forWorkspace(workspace);

  // Reuse the workspace's GitHub connector when there is one; create it otherwise.
  const existing = await customer.connectors.list({ workspace_name: workspace, definition_id: GITHUB_DEFINITION_ID });
  const connectorId =
    existing.data[0]?.id ??
    (
      await customer.connectors.create({
        workspace_name: workspace,
        definition_id: GITHUB_DEFINITION_ID,
        name: 'GitHub (issues example)',
        credentials: { option_title: 'PAT Credentials', personal_access_token: process.env.GITHUB_PAT ?? 'ghp_example_token' },
        replication_config: { repositories: ['airbytehq/airbyte'] },
      })
    ).id;

  const seen = new Set<number>();
  let pages = 0;
  const request = { entity: 'issues', action: 'list', params: { per_page: perPage, ...(state ? { states: [state] } : {}) } };
  for await (const page of customer.connectors.executePages(connectorId, request, { maxPages: 50 })) {
    const issues = page.result as Issue[];
    pages += 1;
    for (const issue of issues) {
      if (seen.has(issue.number)) throw new Error(`issue #${issue.number} came twice: the cursor went wrong`);
      seen.add(issue.number);
    }
    log(`page ${pages}: ${issues.length} issues (#${issues[0]?.number ?? '-'} .. #${issues.at(-1)?.number ?? '-'})`);
  }
  log(`${seen.size} issues in ${pages} pages`);
  return { connectorId, pages, issues: seen.size };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await pageThroughIssues(process.env.AIRBYTE_API_HOST ?? `http://127.0.0.1:${process.env.PORT ?? 4010}`, { state: process.env.ISSUE_STATE });
}
