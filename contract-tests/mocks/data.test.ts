// The mock's data: deterministic seeded records, and an execute engine with each connector's own paging, the search
// operators, select/exclude and clear errors. (The catalog has catalog.test.ts.)
import { describe, expect, it } from 'vitest';
import { seedRecords, type ConnectorKind } from '../../mocks/data/records.js';
import { executeAction } from '../../mocks/execute/engine.js';
import { SpecValidator, describeErrors } from '../../mocks/spec.js';

const spec = new SpecValidator('agent-engine');
const CONNECTOR = 'c8d9e0f1-2a3b-4c5d-8e6f-7a8b9c0d1e2f';

describe('records', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(JSON.stringify(seedRecords(42))).toBe(JSON.stringify(seedRecords(42)));
    expect(JSON.stringify(seedRecords(43))).not.toBe(JSON.stringify(seedRecords(42)));
  });

  it('cover GitHub issues, pull requests, repositories and commits, and the other connectors', () => {
    const data = seedRecords(1);
    expect(Object.keys(data.github).sort()).toEqual(['commits', 'issues', 'pull_requests', 'repositories']);
    expect(data.github.issues!.length).toBeGreaterThanOrEqual(60);
    for (const kind of ['salesforce', 'hubspot', 'stripe', 'linear'] as const) {
      for (const records of Object.values(data[kind])) expect(records.length).toBeGreaterThanOrEqual(kind === 'linear' ? 6 : 25);
    }
  });
});

function run(kind: ConnectorKind, body: Parameters<typeof executeAction>[2], data = seedRecords(1)[kind]) {
  const outcome = executeAction(kind, data, body, CONNECTOR);
  const check = spec.check(outcome.status === 200 ? '#/components/schemas/ExecuteResponse' : '#/components/schemas/ApiErrorResponse', outcome.body);
  expect(check.valid, describeErrors(check.errors)).toBe(true);
  return outcome as { status: number; body: any };
}

describe('execute engine', () => {
  const paging: [ConnectorKind, string, Record<string, unknown>, (meta: any, result: any[]) => Record<string, unknown> | undefined][] = [
    ['github', 'issues', { per_page: 7 }, (m) => (m.has_next_page ? { cursor: m.end_cursor } : undefined)],
    ['linear', 'issues', { first: 7 }, (m) => (m.hasNextPage ? { cursor: m.endCursor } : undefined)],
    ['hubspot', 'contacts', { limit: 7 }, (m) => (m.next_cursor ? { after: m.next_cursor } : undefined)],
    ['stripe', 'customers', { limit: 7 }, (m, r) => (m.has_more ? { starting_after: r.at(-1).id } : undefined)],
    ['salesforce', 'accounts', { limit: 7 }, (m) => (m.done ? undefined : { cursor: m.next_cursor })],
  ];

  it.each(paging)('%s %s: paging with its own keys yields every record once', (kind, entity, first, next) => {
    const data = seedRecords(1)[kind];
    const seen: unknown[] = [];
    let params: Record<string, unknown> | undefined = first;
    for (let guard = 0; params && guard < 50; guard++) {
      const { body } = run(kind, { entity, action: 'list', params }, data);
      seen.push(...body.result);
      const more = next(body.connector_metadata, body.result);
      params = more ? { ...first, ...more } : undefined;
    }
    expect(seen).toEqual(data[entity]);
  });

  it('get by the natural key, and 404 for a miss', () => {
    const issue = seedRecords(1).github.issues![3]!;
    expect(run('github', { entity: 'issues', action: 'get', params: { number: issue.number } }).body.result).toEqual(issue);
    expect(run('github', { entity: 'issues', action: 'get', params: { number: 1 } }).status).toBe(404);
  });

  it('search with and/or/not, like, fuzzy, in, gte, sort, limit and cursor', () => {
    const issues = seedRecords(1).github.issues!;
    const open = issues.filter((i) => i.state === 'OPEN');
    const { body } = run('github', { entity: 'issues', action: 'search', params: { query: { filter: { and: [{ eq: { state: 'OPEN' } }, { not: { eq: { comments_count: -1 } } }] }, sort: [{ field: 'number', direction: 'desc' }] }, limit: 5 } });
    expect(body.result).toHaveLength(5);
    expect(body.result[0].number).toBe(Math.max(...open.map((i) => Number(i.number))));
    expect(body.connector_metadata.total).toBe(open.length);
    const second = run('github', { entity: 'issues', action: 'search', params: { query: { filter: { eq: { state: 'OPEN' } }, sort: [{ field: 'number', direction: 'desc' }] }, limit: 5, cursor: body.connector_metadata.next_cursor } });
    expect(second.body.result[0].number).toBeLessThan(body.result[4].number);
    const like = run('github', { entity: 'issues', action: 'search', params: { query: { filter: { like: { title: 'Source GitHub%' } } } } });
    expect(like.body.result.every((i: any) => i.title.startsWith('Source GitHub'))).toBe(true);
    const fuzzy = run('hubspot', { entity: 'contacts', action: 'search', params: { query: { filter: { or: [{ fuzzy: { 'properties.email': 'ada.' } }, { in: { 'properties.lifecyclestage': ['customer'] } }] } } } });
    expect(fuzzy.body.result.every((c: any) => c.properties.email.includes('ada.') || c.properties.lifecyclestage === 'customer')).toBe(true);
    const recent = run('stripe', { entity: 'charges', action: 'search', params: { query: { filter: { gte: { amount: 50_000 } } } } });
    expect(recent.body.result.every((c: any) => c.amount >= 50_000)).toBe(true);
  });

  it('select_fields and exclude_fields shape every record', () => {
    const selected = run('github', { entity: 'issues', action: 'list', params: { per_page: 3 }, select_fields: ['number', 'author.login'] });
    expect(Object.keys(selected.body.result[0]).sort()).toEqual(['author', 'number']);
    expect(Object.keys(selected.body.result[0].author)).toEqual(['login']);
    const excluded = run('github', { entity: 'issues', action: 'list', params: { per_page: 3 }, exclude_fields: ['body', 'labels'] });
    expect(excluded.body.result[0]).not.toHaveProperty('body');
    expect(excluded.body.result[0]).toHaveProperty('title');
  });

  it('create adds a record that get then finds', () => {
    const data = seedRecords(1).github;
    const created = run('github', { entity: 'issues', action: 'create', params: { title: 'New bug', state: 'OPEN' } }, data);
    expect(run('github', { entity: 'issues', action: 'get', params: { number: created.body.result.number } }, data).body.result.title).toBe('New bug');
  });

  it('unknown entity, action, operator and cursor are errors that name what is allowed', () => {
    expect(run('github', { entity: 'wikis', action: 'list' }).body.message).toMatch(/issues, pull_requests, repositories, commits/);
    expect(run('github', { entity: 'commits', action: 'create' }).body.message).toMatch(/list, get, search/);
    expect(run('github', { entity: 'issues', action: 'download' }).status).toBe(422);
    const operator = run('github', { entity: 'issues', action: 'search', params: { query: { filter: { regex: { title: 'x' } } } } });
    expect(operator.status).toBe(400);
    expect(operator.body.message).toMatch(/eq, neq, gt, gte, lt, lte, in, like, fuzzy, keyword, not, and, or/);
    expect(run('github', { entity: 'issues', action: 'list', params: { cursor: 'garbage' } }).status).toBe(400);
  });
});
