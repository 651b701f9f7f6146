// Typed connectors, checked by the compiler: each entity has exactly the actions of its definition, params are typed
// (required, enums, numbers, arrays, no unknown keys) and records and connector_metadata come from the definition.
import { describe, expectTypeOf, it } from 'vitest';
import type { ActionMeta, ActionParams, EntityName, EntityRecord, TypedConnector } from '../../src/index.js';
import { createAgentEngineClient } from '../../src/index.js';

declare const github: TypedConnector<'github'>;
declare const stripe: TypedConnector<'stripe'>;
declare const drive: TypedConnector<'google-drive'>;

describe('typed connectors', () => {
  it('come from client.connector by name, one type per definition', () => {
    const client = createAgentEngineClient({ clientId: 'id', clientSecret: 'secret' });
    expectTypeOf(client.connector('github', 'c0ffee00-0000-4000-8000-000000000000')).toEqualTypeOf<
      TypedConnector<'github'>
    >();
    expectTypeOf(client.forWorkspace('acme').connector('stripe')).toEqualTypeOf<TypedConnector<'stripe'>>();
    // @ts-expect-error: no agent connector of that name
    client.connector('githib', 'x');
  });

  it("type a list's params, records and paging keys", async () => {
    const page = await github.issues.list({ owner: 'airbytehq', repo: 'airbyte', per_page: 10, states: ['OPEN'] });
    expectTypeOf(page.data).toEqualTypeOf<EntityRecord<'github', 'issues'>[]>();
    expectTypeOf(page.data[0]!.title).toEqualTypeOf<string | undefined>();
    expectTypeOf(page.data[0]!.state).toEqualTypeOf<'OPEN' | 'CLOSED' | undefined>();
    expectTypeOf(page.meta.end_cursor).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(page.meta).toEqualTypeOf<ActionMeta<'github', 'issues', 'list'>>();
    const customers = await stripe.customers.list({ limit: 5 });
    expectTypeOf(customers.data[0]!.id).toEqualTypeOf<string | undefined>();
    expectTypeOf(customers.meta.has_more).toEqualTypeOf<boolean | undefined>();
    for await (const issue of github.issues.all({ owner: 'airbytehq', repo: 'airbyte' }, { limit: 500 })) {
      expectTypeOf(issue).toEqualTypeOf<EntityRecord<'github', 'issues'>>();
    }
  });

  it('have exactly the entities and actions of the definition', () => {
    expectTypeOf<'issues' | 'pull_requests' | 'comments'>().toMatchTypeOf<EntityName<'github'>>();
    // @ts-expect-error: GitHub has no entity `tickets`
    github.tickets;
    // @ts-expect-error: GitHub comments have no `delete`
    github.comments.delete({ id: 'x' });
    // @ts-expect-error: `all` exists only where there is a list (Stripe's invoice_sends has none)
    stripe.invoice_sends.all();
  });

  it('refuse a missing required param, a wrong type, an unknown param and a value outside an enum', () => {
    // @ts-expect-error: `number` is required for an issue's get
    github.issues.get({ owner: 'airbytehq', repo: 'airbyte' });
    // @ts-expect-error: per_page is a number
    github.issues.list({ owner: 'airbytehq', repo: 'airbyte', per_page: '10' });
    // @ts-expect-error: no param `colour`
    github.issues.list({ owner: 'airbytehq', repo: 'airbyte', colour: 'red' });
    // @ts-expect-error: states are OPEN or CLOSED
    github.issues.list({ owner: 'airbytehq', repo: 'airbyte', states: ['MAYBE'] });
    // @ts-expect-error: the params are required where the action requires some
    github.issues.get();
    // An action without required params may be called without any.
    stripe.customers.list();
  });

  it('leave optional the params the connector fills (scoped from its configuration, or with a default), and only those', () => {
    github.issues.list({ per_page: 10 });
    github.issues.list();
    github.issues.all({ states: ['OPEN'] });
    github.issues.get({ number: 1 });
    github.issues.create({ title: 'Bug' });
    github.execute({ entity: 'issues', action: 'create', params: { title: 'Bug' } });
    // @ts-expect-error: `number` is required and not scoped
    github.issues.get({});
    // @ts-expect-error: `title` is required and not scoped
    github.issues.create({});
    // @ts-expect-error: a scoped param keeps its type
    github.issues.list({ owner: 1 });
    expectTypeOf<ActionParams<'github', 'issues', 'get'>>().toEqualTypeOf<
      { owner?: string; repo?: string } & { number: number; fields?: string[] }
    >();
    // Google Drive's `alt` is required with a default (`media`): the connector sends it.
    drive.files.download({ fileId: 'f1' });
    drive.files.download({ fileId: 'f1', alt: 'media' });
    // @ts-expect-error: `fileId` is required, without a default
    drive.files.download({ alt: 'media' });
  });

  it('type execute as a union of entity and action, each with its own params', async () => {
    const created = await github.execute({
      entity: 'issues',
      action: 'create',
      params: { owner: 'airbytehq', repo: 'airbyte', title: 'Bug' },
    });
    expectTypeOf(created.data).toMatchTypeOf<object>();
    // @ts-expect-error: create needs a title
    github.execute({ entity: 'issues', action: 'create', params: { owner: 'airbytehq', repo: 'airbyte' } });
    // @ts-expect-error: issues have no action `explode`
    github.execute({ entity: 'issues', action: 'explode', params: {} });
    expectTypeOf<ActionParams<'github', 'issues', 'create'>['title']>().toEqualTypeOf<string>();
  });

  it("leave the untyped execute for any connector, with the caller's own result type", async () => {
    const client = createAgentEngineClient({ clientId: 'id', clientSecret: 'secret' });
    const answer = await client.connectors.execute<{ sku: string }[]>('id', { entity: 'products', action: 'list' });
    expectTypeOf(answer.result).toEqualTypeOf<{ sku: string }[]>();
    expectTypeOf(
      (await client.connectors.execute('id', { entity: 'x', action: 'list' })).result,
    ).toEqualTypeOf<unknown>();
  });
});
