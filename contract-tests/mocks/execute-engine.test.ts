// The execute engine over the seeded records: determinism and realistic shapes of the data, each connector's own
// list paging, get, search with every operator, select/exclude, create, and errors that name what is allowed. Every
// body, success or error, is checked against the spec.
import { describe, expect, it } from 'vitest';
import { seedRecords, type ConnectorKind } from '../../mocks/data/records.js';
import { executeAction } from '../../mocks/execute/engine.js';
import { SpecValidator, describeErrors } from '../../mocks/spec.js';

const v = new SpecValidator('agent-engine');
const CONNECTOR = '5b0a9c1e-7f3d-4e2a-9b8c-1d2e3f4a5b6c';
type Request = Parameters<typeof executeAction>[2];
type Store = Parameters<typeof executeAction>[1];

/** Runs one request and checks its body against the spec: ExecuteResponse on 200, ApiErrorResponse otherwise. */
function run(kind: ConnectorKind, request: Request, store: Store = seedRecords(7)[kind]) {
  const outcome = executeAction(kind, store, request, CONNECTOR);
  const pointer = outcome.status === 200 ? '#/components/schemas/ExecuteResponse' : '#/components/schemas/ApiErrorResponse';
  const check = v.check(pointer, outcome.body);
  expect(check.valid, describeErrors(check.errors)).toBe(true);
  return outcome as { status: number; body: any };
}

function ok(kind: ConnectorKind, request: Request, store?: Store) {
  const outcome = run(kind, request, store);
  expect(outcome.status, JSON.stringify(outcome.body)).toBe(200);
  expect(outcome.body.status).toBe('success');
  expect(outcome.body.execution_metadata.connector_instance_id).toBe(CONNECTOR);
  expect(Number.isInteger(outcome.body.execution_metadata.execution_time_ms)).toBe(true);
  return outcome.body as { result: any; connector_metadata: any };
}

const search = (kind: ConnectorKind, entity: string, params: Record<string, unknown>, store?: Store) =>
  ok(kind, { entity, action: 'search', params }, store);

describe('seeded records', () => {
  const data = seedRecords(42);

  it('are the same for the same seed, byte for byte, and differ for another seed', () => {
    expect(seedRecords(42)).toEqual(data);
    expect(JSON.stringify(seedRecords(42))).toBe(JSON.stringify(data));
    expect(seedRecords(43)).not.toEqual(data);
  });

  it('have every entity, with enough records and unique ids', () => {
    const expected: Record<ConnectorKind, string[]> = {
      github: ['commits', 'issues', 'pull_requests', 'repositories'],
      salesforce: ['accounts', 'contacts', 'opportunities'],
      hubspot: ['companies', 'contacts', 'deals'],
      stripe: ['charges', 'customers', 'invoices'],
      linear: ['issues', 'projects', 'teams'],
    };
    const minimum: Record<string, number> = { 'github.issues': 60, 'github.pull_requests': 30, 'github.repositories': 5, 'github.commits': 40 };
    const key: Record<string, string> = { 'github.issues': 'number', 'github.pull_requests': 'number', 'github.commits': 'sha' };
    for (const kind of Object.keys(expected) as ConnectorKind[]) {
      expect(Object.keys(data[kind]).sort()).toEqual(expected[kind]);
      for (const [entity, records] of Object.entries(data[kind])) {
        const name = `${kind}.${entity}`;
        expect(records.length, name).toBeGreaterThanOrEqual(minimum[name] ?? 25);
        const idField = key[name] ?? (kind === 'salesforce' ? 'Id' : 'id');
        const ids = records.map((r) => r[idField]);
        expect(ids.every((id) => id !== undefined && id !== null), name).toBe(true);
        expect(new Set(ids).size, name).toBe(ids.length);
      }
    }
    // GitHub issues and pull requests share one number space.
    const numbers = [...data.github.issues!, ...data.github.pull_requests!].map((r) => r.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('use each service\'s own field names and formats', () => {
    const issue = data.github.issues![0]!;
    expect(Object.keys(issue)).toEqual(expect.arrayContaining(['number', 'title', 'state', 'body', 'html_url', 'author', 'labels', 'comments_count', 'created_at', 'updated_at', 'closed_at']));
    expect(data.github.issues!.every((i) => ['OPEN', 'CLOSED'].includes(i.state as string) && (i.state === 'CLOSED') === (i.closed_at !== null))).toBe(true);
    expect(data.github.pull_requests!.every((p) => ['OPEN', 'CLOSED', 'MERGED'].includes(p.state as string) && (p.state === 'MERGED') === (p.merged_at !== null))).toBe(true);
    expect(data.github.pull_requests![0]).toMatchObject({ head_ref: expect.any(String), base_ref: 'main', author: { login: expect.any(String) }, additions: expect.any(Number), deletions: expect.any(Number) });
    expect(data.github.repositories![0]).toMatchObject({ id: expect.any(Number), name: expect.any(String), full_name: expect.stringMatching(/^[\w-]+\/[\w.-]+$/), private: false, stargazers_count: expect.any(Number), default_branch: 'main', language: expect.any(String) });
    expect(data.github.commits!.every((c) => /^[0-9a-f]{40}$/.test(c.sha as string) && (c.html_url as string).endsWith(c.sha as string))).toBe(true);
    expect(data.github.commits![0]).toMatchObject({ message: expect.any(String), author: { name: expect.any(String), email: expect.stringContaining('@'), date: expect.stringMatching(/^2026-/) } });

    expect(data.salesforce.accounts!.every((a) => /^001[A-Za-z0-9]{15}$/.test(a.Id as string))).toBe(true);
    expect(data.salesforce.contacts!.every((c) => /^003[A-Za-z0-9]{15}$/.test(c.Id as string))).toBe(true);
    expect(data.salesforce.accounts![0]).toMatchObject({ Name: expect.any(String), Industry: expect.any(String), AnnualRevenue: expect.any(Number), BillingCountry: expect.any(String), CreatedDate: expect.any(String) });
    const accountIds = new Set(data.salesforce.accounts!.map((a) => a.Id));
    expect(data.salesforce.opportunities!.every((o) => accountIds.has(o.AccountId) && /^\d{4}-\d{2}-\d{2}$/.test(o.CloseDate as string) && typeof o.Amount === 'number' && typeof o.StageName === 'string')).toBe(true);

    expect(data.hubspot.contacts!.every((c) => /^\d+$/.test(c.id as string))).toBe(true);
    expect(data.hubspot.contacts![0]).toMatchObject({ properties: { email: expect.stringContaining('@'), firstname: expect.any(String), lastname: expect.any(String), lifecyclestage: expect.any(String), createdate: expect.any(String) } });

    expect(data.stripe.customers!.every((c) => /^cus_\w+$/.test(c.id as string) && c.object === 'customer' && Number.isInteger(c.created) && typeof c.delinquent === 'boolean')).toBe(true);
    const customerIds = new Set(data.stripe.customers!.map((c) => c.id));
    expect(data.stripe.charges!.every((c) => /^ch_\w+$/.test(c.id as string) && customerIds.has(c.customer) && Number.isInteger(c.amount))).toBe(true);
    expect(data.stripe.invoices!.every((i) => /^in_\w+$/.test(i.id as string) && customerIds.has(i.customer))).toBe(true);

    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(data.linear.issues!.every((i) => uuid.test(i.id as string) && /^[A-Z]+-\d+$/.test(i.identifier as string) && [0, 1, 2, 3, 4].includes(i.priority as number))).toBe(true);
    expect(data.linear.issues![0]).toMatchObject({ title: expect.any(String), state: { name: expect.any(String) }, assignee: { name: expect.any(String) }, createdAt: expect.any(String) });
    expect(data.linear.issues!.some((i) => /^ENG-\d+$/.test(i.identifier as string))).toBe(true);
  });
});

describe('list: each connector pages with its own keys', () => {
  type Next = (meta: any, result: any[]) => Record<string, unknown> | undefined;
  const github: Next = (m) => (m.has_next_page ? { cursor: m.end_cursor } : undefined);
  // [kind, entity, size param, page size, next page's params, the metadata keys]
  const cases: [ConnectorKind, string, string, number, Next, string[]][] = [
    ['github', 'issues', 'per_page', 7, github, ['has_next_page', 'end_cursor']],
    ['github', 'commits', 'per_page', 100, github, ['has_next_page', 'end_cursor']],
    ['linear', 'issues', 'first', 7, (m) => (m.hasNextPage ? { cursor: m.endCursor } : undefined), ['hasNextPage', 'endCursor']],
    ['hubspot', 'contacts', 'limit', 7, (m) => (m.next_cursor ? { after: m.next_cursor } : undefined), ['next_cursor', 'next_link']],
    ['stripe', 'customers', 'limit', 7, (m, r) => (m.has_more ? { starting_after: r.at(-1).id } : undefined), ['has_more']],
    ['salesforce', 'accounts', 'limit', 7, (m) => (m.done ? undefined : { cursor: m.next_cursor }), ['done', 'next_cursor']],
  ];

  it.each(cases)('%s %s (%s)', (kind, entity, sizeParam, size, next, keys) => {
    const store = seedRecords(7)[kind];
    const first = { [sizeParam]: size };
    const seen: unknown[] = [];
    let params: Record<string, unknown> | undefined = first;
    let pages = 0;
    while (params) {
      const { result, connector_metadata } = ok(kind, { entity, action: 'list', params }, store);
      expect(Object.keys(connector_metadata).sort()).toEqual([...keys].sort());
      seen.push(...result);
      pages++;
      expect(pages).toBeLessThan(40);
      const more = next(connector_metadata, result);
      params = more ? { ...first, ...more } : undefined;
    }
    expect(seen).toEqual(store[entity]);
    expect(pages).toBe(Math.max(1, Math.ceil(store[entity]!.length / size)));
  });

  it('uses each connector\'s default page size', () => {
    const data = seedRecords(7);
    expect(ok('github', { entity: 'issues', action: 'list' }, data.github).result).toHaveLength(30);
    expect(ok('hubspot', { entity: 'contacts', action: 'list' }, data.hubspot).result).toHaveLength(10);
    expect(ok('stripe', { entity: 'charges', action: 'list' }, data.stripe).result).toHaveLength(10);
    expect(ok('linear', { entity: 'issues', action: 'list' }, data.linear).result).toHaveLength(Math.min(50, data.linear.issues!.length));
    const salesforce = ok('salesforce', { entity: 'contacts', action: 'list' }, data.salesforce);
    expect(salesforce.result).toEqual(data.salesforce.contacts);
    expect(salesforce.connector_metadata).toEqual({ done: true, next_cursor: null });
  });

  it('ends with the connector\'s own last-page markers, and HubSpot links the next page in full', () => {
    const data = seedRecords(7);
    const hub = ok('hubspot', { entity: 'contacts', action: 'list', params: { limit: 5 } }, data.hubspot);
    expect(hub.connector_metadata.next_link).toBe(`https://api.hubapi.com/crm/v3/objects/contacts?limit=5&after=${hub.connector_metadata.next_cursor}`);
    const last = ok('hubspot', { entity: 'contacts', action: 'list', params: { limit: 100 } }, data.hubspot);
    expect(last.connector_metadata).toEqual({ next_cursor: null, next_link: null });
    expect(ok('github', { entity: 'repositories', action: 'list' }, data.github).connector_metadata).toEqual({ has_next_page: false, end_cursor: null });
    expect(ok('linear', { entity: 'teams', action: 'list', params: { first: 250 } }, data.linear).connector_metadata).toEqual({ hasNextPage: false, endCursor: null });
    expect(ok('stripe', { entity: 'invoices', action: 'list', params: { limit: 100 } }, data.stripe).connector_metadata).toEqual({ has_more: false });
  });

  it('takes simple equality filters in params (GitHub state), and pages within them', () => {
    const store = seedRecords(7).github;
    const open = store.issues!.filter((i) => i.state === 'OPEN');
    const first = ok('github', { entity: 'issues', action: 'list', params: { state: 'OPEN', per_page: 10 } }, store);
    const rest = ok('github', { entity: 'issues', action: 'list', params: { state: 'OPEN', per_page: 100, cursor: first.connector_metadata.end_cursor } }, store);
    expect([...first.result, ...rest.result]).toEqual(open);
  });

  it('refuses a bad cursor or page size, naming the param', () => {
    const bad: [ConnectorKind, string, Record<string, unknown>, string][] = [
      ['github', 'issues', { cursor: 'not-a-cursor' }, 'cursor'],
      ['linear', 'issues', { cursor: 'bm9wZQ' }, 'cursor'],
      ['hubspot', 'contacts', { after: 'abc' }, 'after'],
      ['stripe', 'customers', { starting_after: 'cus_doesnotexist' }, 'starting_after'],
      ['salesforce', 'accounts', { cursor: '???' }, 'cursor'],
      ['github', 'issues', { per_page: 101 }, 'per_page'],
      ['hubspot', 'deals', { limit: 0 }, 'limit'],
    ];
    for (const [kind, entity, params, param] of bad) {
      const { status, body } = run(kind, { entity, action: 'list', params });
      expect(status, `${kind} ${param}`).toBe(400);
      expect(body.message).toContain(param);
      expect(body.errors[0].field).toBe(`params.${param}`);
    }
  });
});

describe('get', () => {
  const data = seedRecords(7);

  it('finds a record by id or by the natural key, and answers 404 for a miss', () => {
    const issue = data.github.issues![5]!;
    expect(ok('github', { entity: 'issues', action: 'get', params: { number: issue.number } }, data.github).result).toEqual(issue);
    expect(ok('github', { entity: 'issues', action: 'get', params: { id: issue.number } }, data.github).result).toEqual(issue);
    const commit = data.github.commits![3]!;
    expect(ok('github', { entity: 'commits', action: 'get', params: { sha: commit.sha } }, data.github).result).toEqual(commit);
    const customer = data.stripe.customers![2]!;
    expect(ok('stripe', { entity: 'customers', action: 'get', params: { id: customer.id } }, data.stripe).result).toEqual(customer);
    const account = data.salesforce.accounts![1]!;
    expect(ok('salesforce', { entity: 'accounts', action: 'get', params: { id: account.Id } }, data.salesforce).result).toEqual(account);

    const miss = run('github', { entity: 'issues', action: 'get', params: { number: 1 } }, data.github);
    expect(miss.status).toBe(404);
    expect(miss.body.message).toMatch(/issues/);
    expect(run('hubspot', { entity: 'contacts', action: 'get', params: { id: '0' } }, data.hubspot).status).toBe(404);
    expect(run('linear', { entity: 'issues', action: 'get' }, data.linear).status).toBe(422);
  });
});

describe('search', () => {
  const data = seedRecords(7);
  const issues = data.github.issues!;

  it('and, not, eq and sort desc, with limit, cursor and total', () => {
    const open = issues.filter((i) => i.state === 'OPEN').sort((a, b) => Number(b.number) - Number(a.number));
    const query = { filter: { and: [{ eq: { state: 'OPEN' } }, { not: { eq: { state: 'CLOSED' } } }] }, sort: [{ field: 'number', direction: 'desc' }] };
    const seen: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = search('github', 'issues', { query, limit: 6, ...(cursor ? { cursor } : {}) }, data.github);
      expect(page.connector_metadata.total).toBe(open.length);
      expect(page.result.length).toBeLessThanOrEqual(6);
      seen.push(...page.result);
      cursor = page.connector_metadata.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(open);
  });

  it('defaults to 25 results', () => {
    const page = search('github', 'issues', {}, data.github);
    expect(page.result).toHaveLength(25);
    expect(page.connector_metadata).toEqual({ next_cursor: expect.any(String), total: issues.length });
  });

  it('or, in, like and fuzzy on dotted paths', () => {
    const contacts = data.hubspot.contacts!;
    const some = contacts[0]!.properties as Record<string, string>;
    const fragment = some.email!.slice(1, 5).toUpperCase();
    const { result } = search('hubspot', 'contacts', { query: { filter: { or: [{ fuzzy: { 'properties.email': fragment } }, { in: { 'properties.lifecyclestage': ['customer', 'lead'] } }] } }, limit: 100 }, data.hubspot);
    const expected = contacts.filter((c) => {
      const p = c.properties as Record<string, string>;
      return p.email!.toLowerCase().includes(fragment.toLowerCase()) || ['customer', 'lead'].includes(p.lifecyclestage!);
    });
    expect(result).toEqual(expected);
    expect(result.length).toBeGreaterThan(0);

    const prefix = String(issues[0]!.title).split(':')[0]!;
    const like = search('github', 'issues', { query: { filter: { like: { title: `${prefix}:%` } } }, limit: 100 }, data.github);
    expect(like.result).toEqual(issues.filter((i) => String(i.title).startsWith(`${prefix}:`)));
    expect(search('github', 'issues', { query: { filter: { like: { title: `${prefix}` } } } }, data.github).result).toEqual([]);
  });

  it('gte/lt on dates and numbers, neq, keyword and sort asc', () => {
    const since = String(issues[20]!.created_at);
    const recent = search('github', 'issues', { query: { filter: { gte: { created_at: since } }, sort: [{ field: 'created_at', direction: 'asc' }] }, limit: 100 }, data.github);
    expect(recent.result).toEqual(issues.filter((i) => String(i.created_at) >= since).sort((a, b) => String(a.created_at).localeCompare(String(b.created_at))));
    const big = search('stripe', 'charges', { query: { filter: { and: [{ gte: { amount: 40_000 } }, { lt: { amount: 80_000 } }, { neq: { status: 'failed' } }] } }, limit: 100 }, data.stripe);
    expect(big.result).toEqual(data.stripe.charges!.filter((c) => Number(c.amount) >= 40_000 && Number(c.amount) < 80_000 && c.status !== 'failed'));
    const word = search('github', 'issues', { query: { filter: { keyword: 'timeout' } }, limit: 100 }, data.github);
    expect(word.result.length).toBeGreaterThan(0);
    expect(word.result.every((i: any) => JSON.stringify(i).toLowerCase().includes('timeout'))).toBe(true);
    expect(search('github', 'issues', { query: { filter: { keyword: 'timeou' } } }, data.github).result).toEqual([]);
  });

  it('fields narrows each record', () => {
    const { result } = search('hubspot', 'contacts', { fields: ['id', 'properties.email'], limit: 3 }, data.hubspot);
    expect(result).toHaveLength(3);
    for (const record of result) {
      expect(Object.keys(record).sort()).toEqual(['id', 'properties']);
      expect(Object.keys(record.properties)).toEqual(['email']);
    }
  });

  it('refuses an unknown operator, naming the allowed ones, and a bad cursor, sort or operand', () => {
    const operator = run('github', { entity: 'issues', action: 'search', params: { query: { filter: { and: [{ eq: { state: 'OPEN' } }, { regex: { title: 'x' } }] } } } });
    expect(operator.status).toBe(400);
    expect(operator.body.message).toContain('eq, neq, gt, gte, lt, lte, in, like, fuzzy, keyword, not, and, or');
    expect(operator.body.errors[0]).toMatchObject({ field: 'params.query.filter', details: { allowed: expect.arrayContaining(['like', 'fuzzy', 'keyword']) } });
    const cursor = run('github', { entity: 'issues', action: 'search', params: { cursor: 'garbage' } });
    expect(cursor.status).toBe(400);
    expect(cursor.body.message).toContain('cursor');
    const sort = run('github', { entity: 'issues', action: 'search', params: { query: { sort: [{ field: 'number', direction: 'up' }] } } });
    expect(sort.status).toBe(400);
    expect(sort.body.message).toMatch(/asc or desc/);
    expect(run('github', { entity: 'issues', action: 'search', params: { query: { filter: { in: { state: 'OPEN' } } } } }).status).toBe(400);
  });
});

describe('select_fields and exclude_fields', () => {
  it('shape every returned record, dotted paths included', () => {
    const store = seedRecords(7).github;
    const selected = ok('github', { entity: 'issues', action: 'list', params: { per_page: 4 }, select_fields: ['number', 'author.login'] }, store);
    expect(selected.result).toHaveLength(4);
    for (const record of selected.result) expect(record).toEqual({ number: expect.any(Number), author: { login: expect.any(String) } });

    const excluded = ok('github', { entity: 'commits', action: 'list', params: { per_page: 4 }, exclude_fields: ['message', 'author.email'] }, store);
    for (const record of excluded.result) {
      expect(record).not.toHaveProperty('message');
      expect(record.author).not.toHaveProperty('email');
      expect(record.author).toHaveProperty('name');
      expect(record).toHaveProperty('sha');
    }
    const issue = store.issues![0]!;
    expect(ok('github', { entity: 'issues', action: 'get', params: { number: issue.number }, select_fields: ['title'] }, store).result).toEqual({ title: issue.title });
    const searched = search('github', 'issues', { limit: 2 }, store);
    expect(searched.result[0]).toHaveProperty('body');
    const both = ok('github', { entity: 'issues', action: 'search', params: { limit: 2 }, select_fields: ['number', 'title', 'labels'], exclude_fields: ['labels'] }, store);
    for (const record of both.result) expect(Object.keys(record).sort()).toEqual(['number', 'title']);
    // Shaping answers copies: the store keeps every field.
    expect(store.issues![0]).toHaveProperty('body');
  });
});

describe('create', () => {
  it('adds a record with a new id that get then finds, where the service allows it', () => {
    const data = seedRecords(7);
    const before = data.github.issues!.length;
    const created = ok('github', { entity: 'issues', action: 'create', params: { title: 'Sync stalls on large repositories', labels: ['type/bug'] } }, data.github).result;
    expect(data.github.issues).toHaveLength(before + 1);
    const numbers = [...data.github.issues!.slice(0, before), ...data.github.pull_requests!].map((r) => Number(r.number));
    expect(created.number).toBe(Math.max(...numbers) + 1);
    expect(created).toMatchObject({ state: 'OPEN', labels: ['type/bug'], html_url: `https://github.com/airbytehq/airbyte/issues/${created.number}`, closed_at: null });
    expect(ok('github', { entity: 'issues', action: 'get', params: { number: created.number } }, data.github).result).toEqual(created);

    const contact = ok('salesforce', { entity: 'contacts', action: 'create', params: { FirstName: 'Ada', LastName: 'Lovelace' } }, data.salesforce).result;
    expect(contact.Id).toMatch(/^003[A-Za-z0-9]{15}$/);
    expect(ok('salesforce', { entity: 'contacts', action: 'get', params: { id: contact.Id } }, data.salesforce).result).toMatchObject({ LastName: 'Lovelace' });

    const hub = ok('hubspot', { entity: 'contacts', action: 'create', params: { properties: { email: 'new@example.com' } } }, data.hubspot).result;
    expect(hub.id).toMatch(/^\d+$/);
    expect(data.hubspot.contacts!.filter((c) => c.id === hub.id)).toHaveLength(1);
    expect(ok('hubspot', { entity: 'contacts', action: 'get', params: { id: hub.id } }, data.hubspot).result.properties.email).toBe('new@example.com');

    const linear = ok('linear', { entity: 'issues', action: 'create', params: { title: 'Widget token docs', priority: 2 } }, data.linear).result;
    expect(linear.identifier).toMatch(/^ENG-\d+$/);
    expect(data.linear.issues!.filter((i) => i.id === linear.id)).toHaveLength(1);
    expect(ok('linear', { entity: 'issues', action: 'get', params: { id: linear.id } }, data.linear).result.title).toBe('Widget token docs');
  });

  it('is deterministic: the same requests on the same seed make the same records', () => {
    const make = () => {
      const store = seedRecords(9).linear;
      return [1, 2].map((n) => executeAction('linear', store, { entity: 'issues', action: 'create', params: { title: `issue ${n}` } }, CONNECTOR).body);
    };
    expect(make()).toEqual(make());
  });

  it('needs the fields the service requires, and leaves the store alone otherwise', () => {
    const store = seedRecords(7).github;
    const before = store.issues!.length;
    const missing = run('github', { entity: 'issues', action: 'create', params: { body: 'no title' } }, store);
    expect(missing.status).toBe(422);
    expect(missing.body.message).toContain('params.title');
    ok('github', { entity: 'issues', action: 'list' }, store);
    ok('github', { entity: 'issues', action: 'search', params: {} }, store);
    expect(store.issues).toHaveLength(before);
  });
});

describe('errors name what is allowed', () => {
  it('an unknown entity names the connector\'s entities', () => {
    const { status, body } = run('github', { entity: 'wikis', action: 'list' });
    expect(status).toBe(422);
    expect(body.message).toContain('issues, pull_requests, repositories, commits');
    expect(body.errors[0]).toMatchObject({ field: 'entity', details: { allowed: ['issues', 'pull_requests', 'repositories', 'commits'] } });
    expect(run('stripe', { entity: 'toString', action: 'list' }).status).toBe(422);
  });

  it('an unknown or unsupported action names the entity\'s actions', () => {
    const commits = run('github', { entity: 'commits', action: 'create' });
    expect(commits.status).toBe(422);
    expect(commits.body.message).toMatch(/use one of list, get, search$/);
    for (const action of ['api_search', 'download', 'delete']) {
      const issues = run('github', { entity: 'issues', action });
      expect(issues.status).toBe(422);
      expect(issues.body.message).toMatch(/list, get, search, create$/);
      expect(issues.body.errors[0].details.allowed).toEqual(['list', 'get', 'search', 'create']);
    }
    expect(run('stripe', { entity: 'customers', action: 'create', params: { email: 'a@example.com' } }).status).toBe(422);
    expect(run('hubspot', { entity: 'deals', action: 'download' }).body.message).toMatch(/list, get, search$/);
  });
});
