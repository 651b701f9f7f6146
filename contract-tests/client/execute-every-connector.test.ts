// The client against the in-process mock, for every agent connector: a connector of each definition created as its
// definition requires, and every list and api_search of every entity paged to its end by executePages, which reads each
// connector's paging from the generated table (it never sees the mock's engine). Every record arrives exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorDefinition, connectorIndex } from '../../mocks/connectors/definitions.js';
import { setupMockServer } from '../../mocks/node.js';
import { createAgentEngineClient } from '../../src/index.js';
import { createBody, narrows, requiredParams, smallPage } from '../support/connector-samples.js';

const BASE_URL = 'https://api.airbyte.ai';
const { server, service } = setupMockServer({ seed: 5 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const client = createAgentEngineClient({ baseUrl: BASE_URL, clientId: 'demo-client-id', clientSecret: 'demo-client-secret', fetch: (...args) => fetch(...args) });

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
        const params = { ...requiredParams(definition, action, records[0]), ...smallPage(action) };
        const seen: Record<string, unknown>[] = [];
        let pages = 0;
        for await (const page of client.connectors.executePages(id, { entity: entity.name, action: action.action, params })) {
          pages += 1;
          seen.push(...(page.result as Record<string, unknown>[]));
        }
        const where = `${name} ${entity.name}.${action.action} (${action.paging.style})`;
        if (entity.key) expect(new Set(seen.map((r) => JSON.stringify(r[entity.key!]))).size, `${where}: each record once`).toBe(seen.length);
        if (!narrows(params, records[0]) && (action.paging.style !== 'none' || !action.paging.size)) {
          expect(seen.length, `${where}: every record`).toBe(records.length);
          if (action.paging.style !== 'none' && action.paging.size && records.length > 7) expect(pages, `${where}: several pages`).toBeGreaterThan(1);
        }
      }
    }
  });
});
