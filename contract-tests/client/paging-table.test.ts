// The generated paging table (generated/connector-paging.ts) says for every list and api_search of every connector
// what its definition says (read here through the mock's loader, a second reader of openapi/connectors), with the
// record key, the size param's default and the first page number taken from the definition too.
import { describe, expect, it } from 'vitest';
import { CONNECTOR_PAGING } from '../../generated/connector-paging.js';
import { connectorDefinition, connectorIndex } from '../../mocks/connectors/definitions.js';

describe('the paging table', () => {
  it('has every connector under its definition id and name, and nothing else', () => {
    expect(
      Object.entries(CONNECTOR_PAGING)
        .map(([id, c]) => [c.name, id])
        .sort(),
    ).toEqual(
      connectorIndex()
        .map((c) => [c.name, c.definitionId])
        .sort(),
    );
  });

  it('has, for every list and api_search, the rule of its definition', () => {
    let actions = 0;
    for (const { name } of connectorIndex()) {
      const definition = connectorDefinition(name)!;
      const table = CONNECTOR_PAGING[definition.definitionId]!;
      const inTable = Object.entries(table.entities).flatMap(([entity, byAction]) =>
        Object.keys(byAction).map((action) => `${entity}.${action}`),
      );
      const paged: string[] = [];
      for (const entity of definition.entities.values()) {
        for (const action of entity.actions.values()) {
          if (!action.paging) continue;
          paged.push(`${entity.name}.${action.action}`);
          actions += 1;
          const where = `${name} ${entity.name}.${action.action}`;
          const rule = table.rules[table.entities[entity.name]![action.action]!]!;
          const { style, cursor, next, rel, size, more, done, total } = action.paging;
          if (style === 'none') {
            expect(rule, where).toEqual({ style: 'none' });
            continue;
          }
          const param = (p: string | null) => (p ? action.params.properties[p] : undefined);
          expect(rule, where).toEqual({
            style,
            ...(cursor ? { cursor } : {}),
            ...(next ? { next } : {}),
            ...(rel ? { rel } : {}),
            ...(size ? { size } : {}),
            ...(typeof param(size)?.default === 'number' ? { sizeDefault: param(size).default } : {}),
            ...(more ? { more } : {}),
            ...(done ? { done } : {}),
            ...(total ? { total } : {}),
            ...(style === 'last_id' ? { key: entity.key ?? 'id' } : {}),
            ...(style === 'page' ? { first: param(cursor)?.default ?? param(cursor)?.minimum ?? 1 } : {}),
            ...((style === 'link' || style === 'cursor') && [param(cursor)?.type].flat().includes('integer')
              ? { integer: true }
              : {}),
          });
        }
      }
      expect(inTable.sort(), name).toEqual(paged.sort());
    }
    expect(actions).toBe(545);
  });
});
