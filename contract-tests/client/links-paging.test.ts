// The client and the agent tools page PayPal Transaction's lists by the rel=next link of connector_metadata.next (an
// array of PayPal's link objects), against the in-process mock: the typed connector's all(), executeRecords and a
// tool's next_page each reach every record once; a next_page_token the mock never issued is a BadRequestError.
import { describe, expect, it } from 'vitest';
import { connectorDefinition } from '../../mocks/connectors/definitions.js';
import { createMockFetch, DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET } from '../../mocks/node.js';
import { workspaceTools } from '../../src/agent/index.js';
import { BadRequestError, createAgentEngineClient } from '../../src/index.js';
import { createBody } from '../support/connector-samples.js';

const WORKSPACE = 'links-paging';

/** A fresh mock with one PayPal Transaction connector, a client that counts its executes, and the stored records. */
async function paypal() {
  const mock = createMockFetch({ seed: 3 });
  const sent: Record<string, unknown>[] = [];
  const client = createAgentEngineClient({
    baseUrl: 'https://api.airbyte.ai',
    clientId: DEFAULT_MOCK_CLIENT_ID,
    clientSecret: DEFAULT_MOCK_CLIENT_SECRET,
    maxRetries: 0,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      if (request.url.endsWith('/execute')) sent.push((await request.clone().json()).params);
      return mock.fetch(request);
    },
  });
  const workspace = client.forWorkspace(WORKSPACE);
  const { id } = await workspace.connectors.create(
    createBody(connectorDefinition('paypal-transaction')!, WORKSPACE) as never,
  );
  // The first execute builds the connector's records.
  await workspace.connectors.execute(id, { entity: 'list_products', action: 'list', params: { page_size: 1 } });
  sent.length = 0;
  const records = (entity: string) => mock.service.store.records.get(id)!.get(entity)!;
  return { client, workspace, id, sent, records };
}

describe("PayPal's links arrays, paged by the client", () => {
  it("all() of the typed connector follows rel=next's next_page_token to the end, each dispute once", async () => {
    const { client, id, sent, records } = await paypal();
    const seen: unknown[] = [];
    for await (const dispute of client.connector('paypal-transaction', id).list_disputes.all({ page_size: 4 }))
      seen.push(dispute);
    const all = records('list_disputes');
    expect(all.length).toBeGreaterThan(8);
    expect(seen).toEqual(all);
    expect(sent).toHaveLength(Math.ceil(all.length / 4));
    expect(sent[0]).toEqual({ page_size: 4 });
    expect(sent.slice(1).every((p) => typeof p.next_page_token === 'string')).toBe(true);
  });

  it('executeRecords pages products and the invoice search by the page number in the rel=next href', async () => {
    const { client, id, sent, records } = await paypal();
    for (const entity of ['list_products', 'search_invoices']) {
      sent.length = 0;
      const seen: unknown[] = [];
      for await (const record of client.connectors.executeRecords(id, {
        entity,
        action: 'list',
        params: { page_size: 6 },
      }))
        seen.push(record);
      expect(seen, entity).toEqual(records(entity));
      expect(
        sent.map((p) => p.page),
        entity,
      ).toEqual(Array.from({ length: Math.ceil(seen.length / 6) }, (_, i) => (i === 0 ? undefined : i + 1)));
    }
  });

  it('a next_page_token the mock never issued is a BadRequestError naming the param', async () => {
    const { client, id } = await paypal();
    const forged = client.connectors.execute(id, {
      entity: 'list_disputes',
      action: 'list',
      params: { next_page_token: btoa('cursor:v2:x') },
    });
    await expect(forged).rejects.toBeInstanceOf(BadRequestError);
    await expect(forged).rejects.toMatchObject({
      status: 400,
      body: { errors: [expect.objectContaining({ field: 'params.next_page_token' })] },
    });
  });

  it("the agent tool's next_page carries the rel=next position until null, each record once", async () => {
    const { workspace, records } = await paypal();
    const tools = await workspaceTools(workspace, { mode: 'static' });
    for (const [entity, cursor] of [
      ['list_disputes', 'next_page_token'],
      ['list_products', 'page'],
    ] as const) {
      const tool = tools.find((t) => t.name === `paypal-transaction_${entity}_list`)!;
      const seen: unknown[] = [];
      let args: Record<string, unknown> = { page_size: 5 };
      for (let call = 0; call < 20; call++) {
        const output = await tool.execute(args);
        expect(output.isError, output.text).toBe(false);
        const answer = JSON.parse(output.text);
        seen.push(...answer.data);
        if (answer.next_page === null) break;
        expect(Object.keys(answer.next_page), entity).toEqual([cursor]);
        args = { page_size: 5, ...answer.next_page };
      }
      expect(seen, entity).toEqual(records(entity));
    }
  });
});
