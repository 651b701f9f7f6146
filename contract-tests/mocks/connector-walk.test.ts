// Every connector walked the way a user walks it (support/connector-walk.ts): from the root entities down every level
// of parents and children, each child list answering its parent's records, an unknown parent a 404, every listed
// record's get finding it. The walk holds at the default size and at any `records` per entity.
import { describe, expect, it } from 'vitest';
import { connectorDefinition, connectorIndex } from '../../mocks/connectors/definitions.js';
import { relationsOf } from '../../mocks/execute/relations.js';
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

describe('the relation resolver', () => {
  it('names the parent of every list param the user must give a parent key in (every required path param)', () => {
    const unresolved: string[] = [];
    for (const { name } of connectorIndex()) {
      const definition = connectorDefinition(name)!;
      const scoped = new Set(definition.scoping.map((s) => s.param));
      for (const entity of definition.entities.values())
        for (const action of entity.actions.values()) {
          if (action.action !== 'list' && action.action !== 'api_search') continue;
          const linked = new Set(
            relationsOf(definition)
              .linksOf(action)
              .map((l) => l.param),
          );
          for (const param of action.params.required ?? []) {
            const schema = action.params.properties[param];
            if (schema['x-in'] !== 'path' || scoped.has(param) || schema.default !== undefined) continue;
            if (!linked.has(param)) unresolved.push(`${name} ${entity.name}.${action.action} ${param}`);
          }
        }
    }
    expect(unresolved).toEqual([]);
  });

  it('reads parents from relationships, from param names and from upstream paths', () => {
    const parentOf = (connector: string, entity: string, param: string, action = 'list') => {
      const definition = connectorDefinition(connector)!;
      const link = relationsOf(definition)
        .linksOf(definition.entities.get(entity)!.actions.get(action)!)
        .find((l) => l.param === param);
      return link && [link.parent, link.from];
    };
    expect(parentOf('clickup-api', 'spaces', 'team_id')).toEqual(['teams', 'relationship']);
    expect(parentOf('jira', 'issue_comments', 'issueIdOrKey')).toEqual(['issues', 'relationship']);
    expect(parentOf('facebook-marketing', 'ad_sets', 'account_id')).toEqual(['ad_accounts', 'relationship']);
    expect(parentOf('twilio', 'incoming_phone_numbers', 'AccountSid')).toEqual(['accounts', 'relationship']);
    // Without a relationship: the param's name, then the path.
    expect(parentOf('clickup-api', 'tasks', 'team_id', 'api_search')).toEqual(['teams', 'name']);
    expect(parentOf('linear', 'issues', 'teamId', 'create')).toEqual(['teams', 'name']);
    expect(parentOf('gmail', 'messages_trash', 'messageId', 'create')).toEqual(['messages', 'name']);
    // The record's own key and the connector's scoped params name no parent.
    expect(parentOf('gitlab', 'issues', 'issue_iid', 'get')).toBeUndefined();
    expect(parentOf('github', 'issues', 'owner')).toBeUndefined();
    // A parent the mock serves no records of (a write-only entity) is the caller's to know.
    expect(parentOf('pylon', 'milestones', 'project_id', 'create')).toBeUndefined();
  });
});
