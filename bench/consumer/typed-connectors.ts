// Typed connectors of five definitions as a consumer writes them, type-checked by `npm run bench` beside consumer.ts
// (what typed connectors add to a consumer's type-check) and by the packaging test. It is never run.
import { createAgentEngineClient } from 'agent-engine-kit';
/** Typed connectors of five definitions: their lists, gets, writes and iterators, as a consumer writes them. */
export async function typedConnectors(connectorId: string): Promise<void> {
  const client = createAgentEngineClient({ clientId: 'id', clientSecret: 'secret' });
  const github = client.connector('github', connectorId);
  const issues = await github.issues.list({ owner: 'airbytehq', repo: 'airbyte', per_page: 10, states: ['OPEN'] });
  const issue = await github.issues.get({ owner: 'airbytehq', repo: 'airbyte', number: issues.data[0]!.number! });
  for await (const pull of github.pull_requests.all({ owner: 'airbytehq', repo: 'airbyte' }, { limit: 50 }))
    void pull.title;
  const created = await github.execute({
    entity: 'issues',
    action: 'create',
    params: { owner: 'airbytehq', repo: 'airbyte', title: 'Bug' },
  });

  const stripe = client.forWorkspace('acme').connector('stripe');
  const customers = await stripe.customers.list({ limit: 5 });
  for await (const invoice of stripe.invoices.all({ limit: 100 }, { limit: 500 })) void invoice.amount_due;

  const hubspot = client.connector('hubspot', connectorId);
  const contacts = await hubspot.contacts.list({ limit: 10 });

  const salesforce = client.connector('salesforce', connectorId);
  const accounts = await salesforce.accounts.list({ q: 'SELECT Id, Name FROM Account' });

  const zendesk = client.connector('zendesk-support', connectorId);
  const tickets = await zendesk.tickets.list({ per_page: 25 });
  const content: Uint8Array = await zendesk.attachments.download({ attachment_id: 1 });

  void [
    issues.meta.end_cursor,
    issue.data.title,
    created.data,
    customers.meta.has_more,
    contacts.meta,
    accounts.meta.done,
    tickets.data[0]?.subject,
    content,
  ];
}
