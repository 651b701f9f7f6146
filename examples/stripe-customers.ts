// Every Stripe customer of a workspace with a typed connector: `all()` pages as Stripe's connector definition says
// (the last customer's id back as `starting_after` while `has_more`), each customer once, and `get` reads one back.
//
//   npm start                                  (the mock, in one terminal)
//   npx tsx examples/stripe-customers.ts
//
// Against the real API, set AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET, AIRBYTE_API_HOST, STRIPE_API_KEY and STRIPE_ACCOUNT_ID.
import { ConnectorNotFoundError, createAgentEngineClient } from '../src/index.js';
import { reachableBaseUrl } from './base-url.js';

export async function everyStripeCustomer(
  baseUrl: string,
  options: { workspace?: string; pageSize?: number; log?: (line: string) => void } = {},
) {
  const { workspace = 'billing-example', pageSize = 10, log = console.log } = options;
  const client = createAgentEngineClient({
    baseUrl,
    clientId: process.env.AIRBYTE_CLIENT_ID ?? 'demo-client-id',
    clientSecret: process.env.AIRBYTE_CLIENT_SECRET ?? 'demo-client-secret',
  });
  const billing = client.forWorkspace(workspace);
  const stripe = billing.connector('stripe');
  // The workspace's Stripe connector, made on the first run.
  await stripe.connectorId().catch(async (error: unknown) => {
    if (!(error instanceof ConnectorNotFoundError)) throw error;
    await billing.connectors.create({
      workspace_name: workspace,
      connector_type: 'Stripe',
      credentials: { api_key: process.env.STRIPE_API_KEY ?? 'sk_test_example' },
      replication_config: { account_id: process.env.STRIPE_ACCOUNT_ID ?? 'acct_example' },
    });
  });

  const emails: string[] = [];
  for await (const customer of stripe.customers.all({ limit: pageSize }, { select_fields: ['id', 'email', 'name'] })) {
    emails.push(customer.email ?? '(no email)');
  }
  log(`${emails.length} customers, ${pageSize} a page`);
  const first = await stripe.customers.list({ limit: 1 });
  const again = await stripe.customers.get({ id: first.data[0]!.id! });
  log(`first customer: ${again.data.id} ${again.data.email ?? ''}`);
  return { customers: emails.length, firstId: again.data.id };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await everyStripeCustomer(await reachableBaseUrl());
}
