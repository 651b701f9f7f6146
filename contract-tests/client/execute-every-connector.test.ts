// The client against the in-process mock, for every agent connector: a connector of each definition created as its
// definition requires, and every list and api_search of every entity paged to its end by executePages, which reads each
// connector's paging from the generated table (it never sees the mock's engine). Every record arrives exactly once;
// the typed connector's list and all() answer the same records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorDefinition, connectorIndex } from '../../mocks/connectors/definitions.js';
import { setupMockServer } from '../../mocks/node.js';
import { createAgentEngineClient, type ConnectorName } from '../../src/index.js';
import { createBody, narrows, requiredParams, smallPage } from '../support/connector-samples.js';

const BASE_URL = 'https://api.airbyte.ai';
const { server, service } = setupMockServer({ seed: 5 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const client = createAgentEngineClient({
  baseUrl: BASE_URL,
  clientId: 'demo-client-id',
  clientSecret: 'demo-client-secret',
  fetch: (...args) => fetch(...args),
});

describe.each(connectorIndex().map((c) => [c.name]))('%s through the client', (name) => {
  it('pages every list and api_search to its end, each record once', async () => {
    const definition = connectorDefinition(name)!;
    const { id } = await client.connectors.create(createBody(definition));
    // The first execute builds the connector's records; the test reads them to pick params and count.
    const firstEntity = [...definition.entities.keys()][0]!;
    await client.connectors.execute(id, { entity: firstEntity, action: 'get', params: {} }).catch(() => undefined);
    const dataset = service.store.records.get(id)!;
    for (const entity of definition.entities.values()) {
      const records = dataset.get(entity.name)!;
      for (const action of entity.actions.values()) {
        if (!action.paging) continue;
        // Pages of about a dozen: several pages a list, fewer requests than the engine suite's pages of seven.
        const params = { ...requiredParams(definition, action, records[0], dataset), ...smallPage(action, 12) };
        const seen: Record<string, unknown>[] = [];
        let pages = 0;
        if (action.action === 'list') {
          // The typed connector: all() walks the pages (executeRecords: the same page loop as executePages), and its
          // list answers the first of them.
          const typed = client.connector(name as ConnectorName, id) as unknown as Record<
            string,
            {
              list(p: object): Promise<{ data: Record<string, unknown>[]; meta: unknown }>;
              all(p: object): AsyncGenerator<Record<string, unknown>>;
            }
          >;
          for await (const record of typed[entity.name]!.all(params)) seen.push(record);
          const first = await typed[entity.name]!.list(params);
          expect(seen.slice(0, first.data.length), `${name} ${entity.name}: typed list is all()'s first page`).toEqual(
            first.data,
          );
          pages = first.data.length > 0 ? Math.ceil(seen.length / first.data.length) : 1;
        } else {
          for await (const page of client.connectors.executePages(id, {
            entity: entity.name,
            action: action.action,
            params,
          })) {
            pages += 1;
            seen.push(...(page.result as Record<string, unknown>[]));
          }
        }
        const where = `${name} ${entity.name}.${action.action} (${action.paging.style})`;
        if (entity.key)
          expect(new Set(seen.map((r) => JSON.stringify(r[entity.key!]))).size, `${where}: each record once`).toBe(
            seen.length,
          );
        if (
          !narrows(params, records[0], definition, action) &&
          (action.paging.style !== 'none' || !action.paging.size)
        ) {
          expect(seen.length, `${where}: every record`).toBe(records.length);
          if (action.paging.style !== 'none' && action.paging.size && records.length > 12)
            expect(pages, `${where}: several pages`).toBeGreaterThan(1);
        }
      }
    }
  });
});

describe('a workspace finds its typed connector by definition', () => {
  it("looks the workspace's one connector up on first use; none or two are clear errors", async () => {
    const acme = client.forWorkspace('typed-acme');
    const github = acme.connector('github');
    await expect(github.issues.list({ owner: 'airbytehq', repo: 'airbyte' })).rejects.toMatchObject({
      name: 'ConnectorNotFoundError',
    });
    const { id } = await acme.connectors.create(createBody(connectorDefinition('github')!, 'typed-acme'));
    const page = await github.issues.list({ owner: 'airbytehq', repo: 'airbyte', per_page: 5 });
    expect(page.data).toHaveLength(5);
    expect(page.meta.has_next_page).toBe(true);
    expect(await github.connectorId()).toBe(id);
    const shaped = await github.issues.list(
      { owner: 'airbytehq', repo: 'airbyte', per_page: 2 },
      { select_fields: ['number', 'title'], intent: 'A typed test' },
    );
    expect(shaped.data.map((issue) => Object.keys(issue).sort())).toEqual([
      ['number', 'title'],
      ['number', 'title'],
    ]);
    const viaExecute = await github.execute({
      entity: 'issues',
      action: 'list',
      params: { owner: 'airbytehq', repo: 'airbyte', per_page: 1 },
      exclude_fields: ['body'],
    });
    expect(Object.keys((viaExecute.data as object[])[0]!)).not.toContain('body');
    const created = await github.execute({
      entity: 'issues',
      action: 'create',
      params: { owner: 'airbytehq', repo: 'airbyte', title: 'Typed bug' },
    });
    const number = (created.data as { number?: number }).number!;
    expect((await github.issues.get({ owner: 'airbytehq', repo: 'airbyte', number })).data.title).toBe('Typed bug');
    // A second connector of the definition: a fresh lookup is ambiguous.
    await acme.connectors.create(createBody(connectorDefinition('github')!, 'typed-acme'));
    await expect(client.forWorkspace('typed-acme').connector('github').connectorId()).rejects.toMatchObject({
      name: 'AmbiguousConnectorError',
    });
    // The typed connector that found its connector keeps it.
    expect(await github.connectorId()).toBe(id);
  });

  it('downloads bytes through a typed download', async () => {
    const { id } = await client.connectors.create(createBody(connectorDefinition('zendesk-support')!));
    const zendesk = client.connector('zendesk-support', id);
    const ticket = await zendesk.tickets.list({ per_page: 1 }); // builds the connector's records
    expect(ticket.data).toHaveLength(1);
    const attachment = service.store.records.get(id)!.get('attachments')![0]!;
    const bytes = await zendesk.attachments.download({ attachment_id: Number(attachment.id) });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes)).toContain(`Zendesk Support attachments ${attachment.id}`);
  });
});
