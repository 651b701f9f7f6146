// Lists whose definition takes the next page from a whole `links` array (PayPal Transaction's `next` <- `$.links`)
// answer what PayPal answers there: HATEOAS link objects {href, rel, method} on the service's origin, `self` always,
// `prev` after the first page and `next` while there is a next page, valid against the definition's metadata schema.
// Following the rel=next href (its query's paging param) walks each list to its end, every record once; a position
// the engine never handed out is a 400 naming the param.
import { describe, expect, it } from 'vitest';
import { connectorDefinition, type ActionDefinition } from '../../mocks/connectors/definitions.js';
import { buildDataset, upstreamOrigin } from '../../mocks/execute/dataset.js';
import { executeAction } from '../../mocks/execute/engine.js';
import type { Row } from '../../mocks/execute/query.js';
import { validatorOf } from '../../mocks/execute/schemas.js';
import { replicationConfigOf, requiredParams } from '../support/connector-samples.js';

const definition = connectorDefinition('paypal-transaction')!;
const dataset = buildDataset(definition, 11);
const run = (entity: string, params: Row) =>
  executeAction(
    definition,
    dataset,
    { entity, action: 'list', params },
    {
      connectorId: '0b7d5f2e-3c4a-4e6b-9d8c-1a2b3c4d5e6f',
      replicationConfig: replicationConfigOf(definition),
      seed: 11,
      validateRecords: true,
    },
  ) as { status: number; body: any };

interface Link {
  href: string;
  rel: string;
  method: string;
}

/** The lists whose paging reads a links array: PayPal's disputes, products and invoice search. */
const linkLists: ActionDefinition[] = [...definition.entities.values()]
  .map((entity) => entity.actions.get('list'))
  .filter((action): action is ActionDefinition => action?.paging?.rel !== undefined);

describe("PayPal Transaction's links arrays", () => {
  it('are the lists that take next from $.links, each a link pager resolved by rel=next', () => {
    expect(linkLists.map((a) => [a.entity, a.paging!.cursor])).toEqual([
      ['list_disputes', 'next_page_token'],
      ['list_products', 'page'],
      ['search_invoices', 'page'],
    ]);
    for (const action of linkLists) {
      expect(action.paging).toMatchObject({ style: 'link', next: 'next', rel: 'next' });
      expect(action.meta!.properties.next).toMatchObject({ type: 'array', 'x-from': '$.links', 'x-inferred': true });
    }
  });

  describe.each(linkLists.map((a) => [a.entity, a] as const))('%s', (entity, action) => {
    const paging = action.paging!;
    const records = dataset.get(entity)!;
    const base = { ...requiredParams(definition, action, records[0]), [paging.size!]: 7 };
    const method = action.upstream.method.toUpperCase();

    it('walks to the end by the rel=next href, every record once, each page a valid links array', () => {
      const seen: Row[] = [];
      let params: Row = base;
      for (let page = 1; page <= 20; page++) {
        const outcome = run(entity, params);
        expect(outcome.status, JSON.stringify(outcome.body).slice(0, 300)).toBe(200);
        const links: Link[] = outcome.body.connector_metadata.next;
        const validate = validatorOf(action.meta!);
        expect(validate(outcome.body.connector_metadata), JSON.stringify(validate.errors)).toBe(true);
        seen.push(...outcome.body.result);
        // Absolute URLs on the service's own origin and endpoint, re-asked with the list's own method.
        for (const link of links) {
          const url = new URL(link.href);
          expect(url.origin).toBe(upstreamOrigin(definition));
          expect(url.pathname).toBe(action.upstream.path);
          expect(url.searchParams.get(paging.size!)).toBe('7');
          expect(link.method).toBe(method);
        }
        expect(links.map((l) => l.rel)).toEqual(
          ['self', page > 1 ? 'prev' : undefined, seen.length < records.length ? 'next' : undefined].filter(Boolean),
        );
        const next = links.find((l) => l.rel === 'next');
        if (!next) break;
        const position = new URL(next.href).searchParams.get(paging.cursor!)!;
        params = { ...base, [paging.cursor!]: paging.cursor === 'page' ? Number(position) : position };
      }
      // Every record once, in order (disputes have no `id`: compared whole).
      expect(seen).toEqual(records);
    });

    it("self names this page's position, and following it answers this page again", () => {
      const first = run(entity, base);
      const next = (first.body.connector_metadata.next as Link[]).find((l) => l.rel === 'next')!;
      const position = new URL(next.href).searchParams.get(paging.cursor!)!;
      const second = run(entity, { ...base, [paging.cursor!]: paging.cursor === 'page' ? Number(position) : position });
      const self = (second.body.connector_metadata.next as Link[]).find((l) => l.rel === 'self')!;
      expect(self.href).toBe(next.href);
      const prev = (second.body.connector_metadata.next as Link[]).find((l) => l.rel === 'prev')!;
      const back = new URL(prev.href).searchParams.get(paging.cursor!)!;
      const again = run(entity, { ...base, [paging.cursor!]: paging.cursor === 'page' ? Number(back) : back });
      expect(again.body.result).toEqual(first.body.result);
    });
  });

  it('refuses a next_page_token it never issued with a 400 naming the param', () => {
    const action = definition.entities.get('list_disputes')!.actions.get('list')!;
    const base = requiredParams(definition, action, dataset.get('list_disputes')![0]);
    for (const forged of ['not-a-token', btoa('cursor:v1:7'), btoa('cursor:v2:-1'), btoa('offset=7'), '%%%']) {
      const outcome = run('list_disputes', { ...base, next_page_token: forged });
      expect(outcome.status, forged).toBe(400);
      expect(outcome.body.errors[0].field).toBe('params.next_page_token');
    }
  });
});
