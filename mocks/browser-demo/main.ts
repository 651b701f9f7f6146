// The browser demo: the mock runs in a service worker, and the client calls it from the page as it would call the
// API, holding only a widget token. The page shows what came back.
import githubDefinition from '../../openapi/connectors/github.yaml';
import { setupMockWorker } from '../browser.js';
import { createAgentEngineClient } from '../../src/index.js';

const status = document.querySelector('#status')!;
const output = document.querySelector('#result')!;

async function main() {
  // The one connector the demo uses: all 51 definitions would make the bundle megabytes larger.
  const { worker, service } = setupMockWorker({ seed: 1, connectors: [githubDefinition] });
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
  status.textContent = 'mock worker running';

  // The part your backend plays (examples/widget-token-backend.ts): it holds the credentials and mints widget tokens.
  // Here the mock stands in for it, with the credentials it was configured with; the page's own client never sees
  // them, only the widget token it is handed.
  const backend = createAgentEngineClient({
    baseUrl: location.origin,
    clientId: service.config.clientId,
    clientSecret: service.config.clientSecret,
  });
  const widgetToken = async (allowed_origin: string) =>
    (await backend.tokens.widget({ workspace_name: 'default', allowed_origin })).token;
  const client = createAgentEngineClient({ baseUrl: location.origin, token: () => widgetToken(location.origin) });
  const { definitions } = await client.definitions.listSources({ name: 'github' });
  const connector = await client.connectors.create({
    workspace_name: 'default',
    definition_id: definitions[0]!.sourceDefinitionId!,
    name: 'Browser GitHub',
    credentials: { option_title: 'PAT Credentials', personal_access_token: 'ghp_browser_demo' },
    replication_config: { repositories: ['airbytehq/airbyte'] },
  });
  const issues = await client.connectors.execute(connector.id, {
    entity: 'issues',
    action: 'list',
    params: { per_page: 5 },
  });
  const list = document.createElement('ul');
  for (const issue of issues.result as { number: number; title: string }[]) {
    const item = document.createElement('li');
    item.textContent = `#${issue.number} ${issue.title}`;
    list.append(item);
  }
  output.replaceChildren(list);
  output.setAttribute('data-connector-id', connector.id);

  // Widget tokens: one minted for this page's origin works here, one for another origin is refused.
  const bearer = async (allowed_origin: string) =>
    (JSON.parse(atob(await widgetToken(allowed_origin))) as { token: string }).token;
  const listWith = async (token: string) =>
    (
      await fetch('/api/v1/integrations/connectors?workspace_name=default', {
        headers: { authorization: `Bearer ${token}` },
      })
    ).status;
  const here = await listWith(await bearer(location.origin));
  const elsewhere = await listWith(await bearer('https://app.example.com'));
  status.textContent = `done: ${definitions[0]!.name} connector ${connector.id}, ${(issues.result as unknown[]).length} issues; widget token ${here} here, ${elsewhere} from another origin`;
}

main().catch((error: unknown) => {
  status.textContent = `failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
});
