// The browser side of the widget-token flow: the page gets a widget token from its own backend and gives the client a
// function that fetches one, so the client never needs (and the page never holds) a client id or secret. The page
// reads where the API and its backend are from its query string: `?api=http://127.0.0.1:4010&backend=http://127.0.0.1:3001`.
import { PermissionDeniedError, createAgentEngineClient } from '../../src/index.js';

const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';
const query = new URLSearchParams(location.search);
const api = query.get('api') ?? 'http://127.0.0.1:4010';
const backend = query.get('backend') ?? 'http://127.0.0.1:3001';
const status = document.querySelector('#status')!;
const result = document.querySelector('#result')!;

/** A widget token for the signed-in user, from the page's backend (the demo backend trusts `x-demo-user`). */
async function widgetToken(): Promise<string> {
  const answer = await fetch(`${backend}/api/airbyte/widget-token`, {
    method: 'POST',
    headers: { 'x-demo-user': 'acme' },
  });
  if (!answer.ok) throw new Error(`the backend answered ${answer.status} for a widget token`);
  return ((await answer.json()) as { token: string }).token;
}

async function main() {
  const client = createAgentEngineClient({ baseUrl: api, token: widgetToken });
  // The customer's own connector, made and read with the widget token.
  const connector = await client.connectors.create({
    workspace_name: 'customer-acme',
    definition_id: GITHUB,
    name: 'GitHub from the page',
    credentials: { token: 'ghp_from_the_page' },
    replication_config: { repositories: ['airbytehq/airbyte'] },
  });
  const issues = await client.connectors.execute(connector.id, {
    entity: 'issues',
    action: 'list',
    params: { per_page: 3 },
  });
  const list = document.createElement('ul');
  for (const issue of issues.result as { number: number; title: string }[]) {
    const item = document.createElement('li');
    item.textContent = `#${issue.number} ${issue.title}`;
    list.append(item);
  }
  result.replaceChildren(list);
  // What the organization can do is out of reach: listing every workspace needs an application token.
  const confined = await client.workspaces.list().then(
    () => 'not confined',
    (error: unknown) => (error instanceof PermissionDeniedError ? 'confined (403)' : `failed: ${String(error)}`),
  );
  status.textContent = `done: ${(issues.result as unknown[]).length} issues of connector ${connector.id}; workspaces list ${confined}`;
}

main().catch((error: unknown) => {
  status.textContent = `failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
});
