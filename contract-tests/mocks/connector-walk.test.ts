// Every connector walked the way a user walks it (support/connector-walk.ts): from the root entities down every level
// of parents and children, each child list answering its parent's records, an unknown parent a 404, every listed
// record's get finding it. The walk holds at the default size and at any `records` per entity.
import { describe, expect, it } from 'vitest';
import { connectorIndex } from '../../mocks/connectors/definitions.js';
import { walkConnector } from '../support/connector-walk.js';

describe.each(connectorIndex().map((c) => [c.name]))('%s walked like a user', (name) => {
  it('reaches every listable entity from the roots; every child list answers its parent’s records; gets find them', () => {
    const { lists, gets } = walkConnector(name);
    if (process.env.WALK_STATS) console.log(`${name}: ${lists} lists, ${gets} gets`);
    expect(lists).toBeGreaterThan(0);
  });

  it('walks as well with one record per entity, and with 70', () => {
    expect(walkConnector(name, { records: 1, seed: 3 }).lists).toBeGreaterThan(0);
    expect(walkConnector(name, { records: 70, seed: 4 }).lists).toBeGreaterThan(0);
  });
});
