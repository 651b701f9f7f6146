// Paging through a repository's GitHub issues with a typed connector: `customer.connector('github', id)` knows GitHub's
// entities, params, records and paging keys from its definition (openapi/connectors/github.yaml), so the compiler
// checks each call; the loop sends `connector_metadata.end_cursor` back as `after` while `has_next_page`.
//
//   npm start                               (the mock, in one terminal)
//   npx tsx examples/github-issues.ts       (open issues of airbytehq/airbyte, 25 per page)
//
// Against the real API, set AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET, AIRBYTE_API_HOST and GITHUB_PAT.
import { createAgentEngineClient } from '../src/index.js';
import { reachableBaseUrl } from './base-url.js';

const GITHUB_DEFINITION_ID = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';

export async function pageThroughIssues(
  baseUrl: string,
  options: { workspace?: string; perPage?: number; state?: 'OPEN' | 'CLOSED'; log?: (line: string) => void } = {},
) {
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
        credentials: {
          option_title: 'PAT Credentials',
          personal_access_token: process.env.GITHUB_PAT ?? 'ghp_example_token',
        },
        replication_config: { repositories: ['airbytehq/airbyte'] },
      })
    ).id;

  // The connector typed from GitHub's definition: its params, records and paging keys are checked by the compiler.
  const github = customer.connector('github', connectorId);
  const seen = new Set<number>();
  let pages = 0;
  let after: string | undefined;
  do {
    const page = await github.issues.list({
      owner: 'airbytehq',
      repo: 'airbyte',
      per_page: perPage,
      ...(state ? { states: [state] } : {}),
      ...(after ? { after } : {}),
    });
    pages += 1;
    for (const issue of page.data) {
      if (seen.has(issue.number!)) throw new Error(`issue #${issue.number} came twice: the cursor went wrong`);
      seen.add(issue.number!);
    }
    log(
      `page ${pages}: ${page.data.length} issues (#${page.data[0]?.number ?? '-'} .. #${page.data.at(-1)?.number ?? '-'})`,
    );
    // GitHub's own paging: end_cursor back as `after` while has_next_page (github.issues.all() does this for you).
    after = page.meta.has_next_page ? (page.meta.end_cursor ?? undefined) : undefined;
  } while (after && pages < 50);
  log(`${seen.size} issues in ${pages} pages`);
  return { connectorId, pages, issues: seen.size };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const state =
    process.env.ISSUE_STATE === 'OPEN' || process.env.ISSUE_STATE === 'CLOSED' ? process.env.ISSUE_STATE : undefined;
  await pageThroughIssues(await reachableBaseUrl(), { ...(state ? { state } : {}) });
}
