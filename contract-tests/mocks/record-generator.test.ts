// The record generator: deterministic, realistic records from a record's JSON Schema. Tested against schemas written
// here (in the shape the connector definitions use) and against every entity of the 51 connectors as derived from
// fixtures/agent-connector-facts.json: every record validates (ajv, JSON Schema 2020-12), keys are unique, foreign keys
// come from the related entity, values read like the field, and all of it is fast.
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { type GenerateRecordsInput, type JsonSchema, generateRecords } from '../../mocks/execute/record-generator.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { connectorDefinition, connectorIndex } from '../../mocks/connectors/definitions.js';
import { type FactConnector, connectorFacts, entityRecordSchemas } from '../support/record-schemas-from-facts.js';

// Unoptimized code, as the mock's (src/validation/spec-document.ts): each schema is compiled to check a few records.
const ajv = new Ajv2020({ allErrors: false, strict: true, allowUnionTypes: true, code: { optimize: false } });
ajvFormats.default(ajv);
ajv.addFormat('int64', true).addFormat('int32', true);
ajv.addKeyword('x-inferred');
/** Compiled once per schema: the same schemas are checked from the facts, the definitions and several seeds. */
const compiled = new WeakMap<JsonSchema, ReturnType<typeof ajv.compile>>();
const validatorOf = (schema: JsonSchema) => {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile({ ...schema, $schema: undefined })));
  return validate;
};

function expectValid(schema: JsonSchema, records: readonly Record<string, unknown>[], label = '') {
  const validate = validatorOf(schema);
  for (const record of records) {
    if (!validate(record))
      expect.fail(`${label} ${JSON.stringify(validate.errors)}\n${JSON.stringify(record).slice(0, 600)}`);
  }
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const EMAIL = /^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const nullable = (type: string) => [type, 'null'] as JsonSchema['type'];

// First, while the worker is fresh: what the mock pays on its first build (compiling and JIT included).
describe('speed and memory', () => {
  it('builds every entity of all connectors in well under a second, with little memory', () => {
    const plans = connectorIndex().map((connector) => definitionPlans(connector.name));
    const entityCount = plans.flat().length;
    const collectGarbage = garbageCollector();
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const kept = plans.map((connectorPlans) => generateConnector(connectorPlans, 99));
    const elapsed = performance.now() - started;
    collectGarbage();
    const retained = process.memoryUsage().heapUsed - heapBefore;
    const records = kept.reduce(
      (sum, byEntity) => sum + [...byEntity.values()].reduce((count, list) => count + list.length, 0),
      0,
    );
    const json = kept.reduce((sum, byEntity) => sum + JSON.stringify([...byEntity.values()]).length, 0);
    console.log(
      `record generator: ${entityCount} entities, ${records} records (${(json / 1e6).toFixed(1)} MB as JSON) in ${elapsed.toFixed(0)} ms; the records hold ${(retained / 1e6).toFixed(1)} MB of heap`,
    );
    expect(records).toBe(entityCount * 30);
    // Generous for a shared 2-core machine: alone it takes 0.2 to 0.5 s, compiling included.
    expect(elapsed).toBeLessThan(3000);
  });
});

// ---- schemas as the connector definitions write them ------------------------------------------------------------------
const stripeCustomer: JsonSchema = {
  type: 'object',
  required: ['id', 'object'],
  properties: {
    id: { type: 'string' },
    object: { type: 'string', enum: ['customer'] },
    name: { type: nullable('string') },
    email: { type: nullable('string') },
    phone: { type: nullable('string') },
    created: { type: 'integer', format: 'int64' },
    currency: { type: nullable('string') },
    balance: { type: 'integer' },
    delinquent: { type: nullable('boolean') },
    livemode: { type: 'boolean' },
    address: {
      type: nullable('object'),
      properties: {
        line1: { type: nullable('string') },
        city: { type: nullable('string') },
        state: { type: nullable('string') },
        postal_code: { type: nullable('string') },
        country: { type: nullable('string') },
      },
    },
    metadata: { type: 'object' },
    invoice_settings: { type: 'object', properties: { default_payment_method: { type: nullable('string') } } },
  },
};
const stripeInvoice: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    object: { type: 'string', enum: ['invoice'] },
    customer: { type: 'string' },
    charge: { type: nullable('string') },
    amount_due: { type: 'integer' },
    amount_paid: { type: 'integer' },
    currency: { type: 'string' },
    status: { type: nullable('string'), enum: ['draft', 'open', 'paid', 'uncollectible', 'void', null] },
    created: { type: 'integer' },
    hosted_invoice_url: { type: nullable('string') },
    lines: {
      type: 'object',
      properties: {
        object: { type: 'string', enum: ['list'] },
        data: { type: 'array', items: { type: 'object' } },
        has_more: { type: 'boolean' },
      },
    },
  },
};
const githubIssue: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', 'x-inferred': true },
    databaseId: { type: 'integer', 'x-inferred': true },
    number: { type: 'integer', 'x-inferred': true },
    title: { type: 'string', 'x-inferred': true },
    body: { type: nullable('string'), 'x-inferred': true },
    state: { type: 'string', enum: ['OPEN', 'CLOSED'] },
    createdAt: { type: 'string', format: 'date-time', 'x-inferred': true },
    updatedAt: { type: 'string', format: 'date-time', 'x-inferred': true },
    closedAt: { type: nullable('string'), format: 'date-time', 'x-inferred': true },
    author: { type: nullable('object'), properties: { login: { type: 'string' } }, 'x-inferred': true },
    labels: {
      type: 'object',
      properties: {
        nodes: {
          type: 'array',
          items: { type: 'object', properties: { name: { type: 'string' }, color: { type: 'string' } } },
        },
      },
      'x-inferred': true,
    },
    comments: { type: 'object', properties: { totalCount: { type: 'integer' } }, 'x-inferred': true },
    url: { type: 'string', format: 'uri', 'x-inferred': true },
    locked: { type: 'boolean', 'x-inferred': true },
  },
};
const githubComment: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    body: { type: 'string' },
    author: { type: 'object', properties: { login: { type: 'string' } } },
    createdAt: { type: 'string', format: 'date-time' },
  },
};
const salesforceAccount: JsonSchema = {
  type: 'object',
  properties: {
    Id: { type: 'string' },
    Name: { type: 'string' },
    Industry: { type: nullable('string') },
    OwnerId: { type: 'string' },
    CreatedDate: { type: 'string', format: 'date-time' },
    attributes: { type: 'object', properties: { type: { type: 'string' }, url: { type: 'string' } } },
  },
};
const hubspotContact: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    properties: {
      type: 'object',
      properties: {
        email: { type: nullable('string') },
        firstname: { type: nullable('string') },
        lastname: { type: nullable('string') },
        createdate: { type: nullable('string') },
        hs_object_id: { type: nullable('string') },
      },
    },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    archived: { type: 'boolean' },
    archivedAt: { type: nullable('string'), format: 'date-time' },
  },
};
const zendeskTicket: JsonSchema = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'integer' },
    url: { type: 'string' },
    subject: { type: nullable('string') },
    description: { type: 'string' },
    status: { type: 'string', enum: ['new', 'open', 'pending', 'hold', 'solved', 'closed'] },
    priority: { type: nullable('string'), enum: ['low', 'normal', 'high', 'urgent', null] },
    requester_id: { type: 'integer' },
    tags: { type: 'array', items: { type: 'string' } },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
  },
};
/** Every keyword of the subset at once: type lists, anyOf, enums with null, formats, untyped and free-form fields. */
const everyKeyword: JsonSchema = {
  type: 'object',
  required: ['id', 'uuid'],
  properties: {
    id: { type: 'integer', format: 'int32' },
    uuid: { type: 'string', format: 'uuid' },
    due_date: { type: nullable('string'), format: 'date' },
    website: { type: 'string', format: 'uri' },
    contact: { type: 'string', format: 'email' },
    checksum: { type: 'string', format: 'byte' },
    big_id: { type: 'string', format: 'int64' },
    campaignId: { anyOf: [{ type: 'string' }, { type: 'integer', format: 'int64' }] },
    value: { type: ['string', 'integer', 'boolean', 'null'] },
    kind: { enum: ['a', 'b', null] },
    fixed: { const: 'always' },
    anything: {},
    extra: { type: 'object' },
    ratio: { type: 'number', minimum: 0, maximum: 1 },
    score: { type: 'integer', minimum: 1, maximum: 5 },
    settings: {
      anyOf: [
        { type: 'null' },
        { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'object' }] } },
        { type: 'object' },
      ],
    },
    line_items: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['quantity'],
        properties: { description: { type: 'string' }, quantity: { type: 'integer' }, amount: { type: 'number' } },
      },
    },
    tags: { type: nullable('array') },
  },
};

const generate = (
  input: Partial<GenerateRecordsInput> & Pick<GenerateRecordsInput, 'connector' | 'entity' | 'schema'>,
) => generateRecords({ count: 30, seed: 7, ...input });

describe('determinism', () => {
  it('gives byte-identical records for the same seed and input, and others for another seed', () => {
    const input = { connector: 'stripe', entity: 'customers', schema: stripeCustomer, count: 40, seed: 1234 };
    const first = JSON.stringify(generateRecords(input));
    expect(JSON.stringify(generateRecords({ ...input, schema: structuredClone(stripeCustomer) }))).toBe(first);
    expect(JSON.stringify(generateRecords({ ...input, seed: 1235 }))).not.toBe(first);
  });

  it('keeps the first records when more are asked for', () => {
    const input = { connector: 'zendesk-support', entity: 'tickets', schema: zendeskTicket, seed: 5 };
    expect(generateRecords({ ...input, count: 40 }).slice(0, 25)).toEqual(generateRecords({ ...input, count: 25 }));
  });

  it('draws a stream per connector and entity: the same schema gives other records elsewhere', () => {
    const records = (connector: string, entity: string) =>
      JSON.stringify(generate({ connector, entity, schema: zendeskTicket }).map(({ id, subject }) => [id, subject]));
    expect(records('zendesk-support', 'tickets')).not.toBe(records('zendesk-support', 'deleted_tickets'));
    expect(records('zendesk-support', 'tickets')).not.toBe(records('freshdesk', 'tickets'));
  });

  it('reads neither the clock nor Math.random', () => {
    const random = Math.random;
    const now = Date.now;
    Math.random = () => {
      throw new Error('Math.random used');
    };
    Date.now = () => {
      throw new Error('Date.now used');
    };
    try {
      expect(generate({ connector: 'stripe', entity: 'customers', schema: stripeCustomer })).toHaveLength(30);
    } finally {
      Math.random = random;
      Date.now = now;
    }
  });
});

describe('keys and references', () => {
  it('makes integer keys unique and climbing, string keys unique in the service style', () => {
    const tickets = generate({
      connector: 'zendesk-support',
      entity: 'tickets',
      schema: zendeskTicket,
      count: 40,
      key: { field: 'id', type: 'integer' },
    });
    const ids = tickets.map((ticket) => ticket.id as number);
    expect(new Set(ids).size).toBe(40);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const customers = generate({ connector: 'stripe', entity: 'customers', schema: stripeCustomer, count: 40 });
    expect(new Set(customers.map((customer) => customer.id)).size).toBe(40);
  });

  it('keeps keys unique even when drawn from a small vocabulary (label names)', () => {
    const schema: JsonSchema = { type: 'object', properties: { name: { type: 'string' }, color: { type: 'string' } } };
    const labels = generate({
      connector: 'github',
      entity: 'labels',
      schema,
      count: 40,
      key: { field: 'name', type: 'string' },
    });
    expect(new Set(labels.map((label) => label.name)).size).toBe(40);
  });

  it('adds a key field the schema lacks', () => {
    const records = generate({
      connector: 'github',
      entity: 'issues',
      schema: githubComment,
      key: { field: 'number', type: 'integer' },
    });
    expect(records.every((record) => Number.isInteger(record.number))).toBe(true);
  });

  it('draws foreign keys from the related entity, adding the field when the schema lacks it', () => {
    const issues = generate({
      connector: 'github',
      entity: 'issues',
      schema: githubIssue,
      key: { field: 'number', type: 'integer' },
    });
    const numbers = issues.map((issue) => issue.number);
    const comments = generate({
      connector: 'github',
      entity: 'comments',
      schema: githubComment,
      references: [{ field: 'number', values: numbers }],
    });
    for (const comment of comments) expect(numbers).toContain(comment.number);
    expect(new Set(comments.map((comment) => comment.number)).size).toBeGreaterThan(5);
    expectValid(githubComment, comments);
  });

  it('converts foreign keys to the field type: numeric strings to integers, ids into object fields', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        id: { type: 'string' },
        workspace_id: { type: nullable('integer') },
        workspace: {
          type: 'object',
          required: ['gid', 'resource_type'],
          properties: { gid: { type: 'string' }, resource_type: { type: 'string' }, name: { type: 'string' } },
        },
      },
    };
    const records = generate({
      connector: 'asana',
      entity: 'projects',
      schema,
      references: [
        { field: 'workspace_id', values: ['1201', '1202'] },
        { field: 'workspace', values: ['9001', '9002'] },
      ],
    });
    for (const record of records) {
      expect([1201, 1202]).toContain(record.workspace_id);
      expect(['9001', '9002']).toContain((record.workspace as { gid: string }).gid);
    }
    expectValid(schema, records);
  });

  it('uses each value once when the foreign key is also the key', () => {
    const values = Array.from({ length: 30 }, (_, i) => `issue-${i}`);
    const schema: JsonSchema = { type: 'object', properties: { id: { type: 'string' }, body: { type: 'string' } } };
    const records = generate({
      connector: 'pylon',
      entity: 'messages',
      schema,
      key: { field: 'id', type: 'string' },
      references: [{ field: 'id', values }],
    });
    expect(new Set(records.map((record) => record.id))).toEqual(new Set(values));
  });
});

describe('realism', () => {
  it('Stripe: ids by object, unix seconds, cents, lower-case currencies, a customer whose name and email agree', () => {
    const customers = generate({
      connector: 'stripe',
      entity: 'customers',
      schema: stripeCustomer,
      host: 'https://api.stripe.com',
    });
    for (const customer of customers) {
      expect(customer.id).toMatch(/^cus_[A-Za-z0-9]{14}$/);
      expect(customer.created).toBeGreaterThan(Date.UTC(2024, 0) / 1000);
      expect(customer.created).toBeLessThan(Date.UTC(2026, 6) / 1000);
      if (customer.email !== null) expect(customer.email).toMatch(EMAIL);
      if (customer.currency !== null) expect(customer.currency).toMatch(/^[a-z]{3}$/);
      const paymentMethod = (customer.invoice_settings as { default_payment_method: string | null })
        .default_payment_method;
      if (paymentMethod !== null) expect(paymentMethod).toMatch(/^pm_/);
    }
    const named = customers.filter((customer) => customer.name && customer.email);
    expect(named.length).toBeGreaterThan(20);
    for (const { name, email } of named) {
      const last = String(name)
        .split(' ')
        .at(-1)!
        .normalize('NFD')
        .replace(/[^A-Za-z]/g, '')
        .toLowerCase();
      expect(String(email)).toContain(last);
    }
    const invoices = generate({
      connector: 'stripe',
      entity: 'invoices',
      schema: stripeInvoice,
      host: 'https://api.stripe.com',
    });
    for (const invoice of invoices) {
      expect(invoice.id).toMatch(/^in_/);
      expect(invoice.customer).toMatch(/^cus_/);
      expect(Number.isInteger(invoice.amount_due)).toBe(true);
      if (invoice.hosted_invoice_url !== null)
        expect(invoice.hosted_invoice_url).toMatch(/^https:\/\/api\.stripe\.com\//);
    }
  });

  it('Salesforce: 18-character Ids with the object key prefix and a valid case checksum', () => {
    const accounts = generate({ connector: 'salesforce', entity: 'accounts', schema: salesforceAccount });
    const checksum = (id15: string) =>
      [0, 5, 10]
        .map(
          (start) =>
            'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'[
              [...id15.slice(start, start + 5)].reduce((flags, char, i) => flags | (/[A-Z]/.test(char) ? 1 << i : 0), 0)
            ],
        )
        .join('');
    for (const account of accounts) {
      const id = String(account.Id);
      expect(id).toMatch(/^001[A-Za-z0-9]{15}$/);
      expect(id.slice(15)).toBe(checksum(id.slice(0, 15)));
      expect(account.OwnerId).toMatch(/^005/);
      expect(account.attributes).toEqual({ type: 'Account', url: `/services/data/v60.0/sobjects/Account/${id}` });
    }
  });

  it('GitHub: node ids, climbing issue numbers, logins, issue titles and URLs under the host', () => {
    const issues = generate({
      connector: 'github',
      entity: 'issues',
      schema: githubIssue,
      key: { field: 'number', type: 'integer' },
      host: 'https://github.com',
    });
    for (const issue of issues) {
      expect(issue.id).toMatch(/^I_kwDO[\w-]{12}$/);
      expect(issue.url).toBe(`https://github.com/airbytehq/airbyte/issues/${issue.number}`);
      expect(String(issue.title)).toMatch(/^\w+: \w/);
      if (issue.author) expect((issue.author as { login: string }).login).toMatch(/^[a-z0-9]+$/);
    }
  });

  it('HubSpot: numeric-string ids repeated in hs_object_id; archivedAt only when archived', () => {
    const contacts = generate({ connector: 'hubspot', entity: 'contacts', schema: hubspotContact, count: 40 });
    for (const contact of contacts) {
      expect(contact.id).toMatch(/^\d{11}$/);
      const properties = contact.properties as Record<string, unknown>;
      if (properties.hs_object_id !== null) expect(properties.hs_object_id).toBe(contact.id);
      if (properties.email !== null) expect(properties.email).toMatch(EMAIL);
      expect(contact.archivedAt === null).toBe(contact.archived === false);
    }
    expect(contacts.some((contact) => contact.archived === false)).toBe(true);
  });

  it('times parse, and a record is updated after it is created', () => {
    const tickets = generate({ connector: 'zendesk-support', entity: 'tickets', schema: zendeskTicket });
    for (const ticket of tickets) {
      expect(ticket.created_at).toMatch(ISO_DATE_TIME);
      expect(Number.isNaN(Date.parse(String(ticket.created_at)))).toBe(false);
      expect(Date.parse(String(ticket.updated_at))).toBeGreaterThanOrEqual(Date.parse(String(ticket.created_at)));
    }
  });

  it('spreads enum values across the records', () => {
    const tickets = generate({ connector: 'zendesk-support', entity: 'tickets', schema: zendeskTicket, count: 30 });
    const statuses = new Map<unknown, number>();
    for (const ticket of tickets) statuses.set(ticket.status, (statuses.get(ticket.status) ?? 0) + 1);
    expect(statuses.size).toBeGreaterThanOrEqual(5);
    expect(Math.max(...statuses.values())).toBeLessThanOrEqual(12);
  });

  it('keeps the fields that describe a record mostly present', () => {
    const customers = generate({ connector: 'stripe', entity: 'customers', schema: stripeCustomer, count: 40 });
    for (const field of ['name', 'email'])
      expect(customers.filter((customer) => customer[field] === null).length).toBeLessThanOrEqual(6);
    expect(
      customers.some((customer) => customer.address === null) ||
        customers.some((customer) => customer.delinquent === null),
    ).toBe(true);
  });

  it('reads like the entity: ticket subjects, deal names, people and companies', () => {
    const named: JsonSchema = {
      type: 'object',
      properties: { id: { type: 'string' }, name: { type: 'string' }, title: { type: 'string' } },
    };
    const deals = generate({ connector: 'hubspot', entity: 'deals', schema: named });
    expect(deals.every((deal) => / - /.test(String(deal.name)))).toBe(true);
    const people = generate({ connector: 'salesforce', entity: 'contacts', schema: named });
    expect(people.every((person) => /^\S+ \S+/.test(String(person.name)))).toBe(true);
    const companies = generate({ connector: 'hubspot', entity: 'companies', schema: named });
    expect(new Set(companies.map((company) => company.name)).size).toBeGreaterThan(5);
  });

  it('fills untyped fields and free-form objects by name', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        createdAt: {},
        isLocked: {},
        stargazerCount: {},
        author: {},
        email: {},
        assignee: { type: 'object' },
        address: { type: 'object' },
      },
    };
    const [record] = generate({ connector: 'gitlab', entity: 'issues', schema, count: 1 });
    expect(record!.createdAt).toMatch(ISO_DATE_TIME);
    expect(typeof record!.isLocked).toBe('boolean');
    expect(Number.isInteger(record!.stargazerCount)).toBe(true);
    expect(record!.author).toMatchObject({ name: expect.any(String), email: expect.stringMatching(EMAIL) });
    expect(record!.email).toMatch(EMAIL);
    expect(record!.address).toMatchObject({ city: expect.any(String), postal_code: expect.any(String) });
  });

  it("uses the service's own host unless told another, and names a connection's nodes after it", () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        number: { type: 'integer' },
        url: { type: 'string' },
        assignees: {
          type: 'object',
          properties: {
            totalCount: { type: 'integer' },
            nodes: { type: 'array', minItems: 1, items: { type: 'object' } },
          },
        },
      },
    };
    const [issue] = generate({
      connector: 'github',
      entity: 'issues',
      schema,
      count: 1,
      key: { field: 'number', type: 'integer' },
    });
    expect(issue!.url).toBe(`https://github.com/airbytehq/airbyte/issues/${issue!.number}`);
    expect((issue!.assignees as { nodes: object[] }).nodes[0]).toEqual({ login: expect.stringMatching(/^[a-z0-9]+$/) });
    const [elsewhere] = generate({
      connector: 'github',
      entity: 'issues',
      schema,
      count: 1,
      key: { field: 'number', type: 'integer' },
      host: 'https://ghe.example.com/',
    });
    expect(elsewhere!.url).toMatch(/^https:\/\/ghe\.example\.com\/airbytehq\//);
  });

  it('makes a field named __proto__ an own property, never the prototype', () => {
    // JSON.parse keeps "__proto__" as a property name (an object literal would set the prototype instead).
    const schema: JsonSchema = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"type":"object","properties":{"polluted":{"type":"boolean"}}}}}',
    );
    const [record] = generate({ connector: 'github', entity: 'issues', schema, count: 1 });
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.hasOwn(record!, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('schema validity', () => {
  it.each([
    ['stripe', 'customers', stripeCustomer],
    ['stripe', 'invoices', stripeInvoice],
    ['github', 'issues', githubIssue],
    ['salesforce', 'accounts', salesforceAccount],
    ['hubspot', 'contacts', hubspotContact],
    ['zendesk-support', 'tickets', zendeskTicket],
    ['orb', 'invoices', everyKeyword],
  ] as const)('%s %s: every record validates', (connector, entity, schema) => {
    for (const seed of [1, 2, 3])
      expectValid(schema, generateRecords({ connector, entity, schema, count: 40, seed }), `${connector}/${entity}`);
  });
});

// ---- every entity of every connector: from the facts, and from the definitions -------------------------------------

interface EntityPlan {
  connector: string;
  entity: string;
  /** The record schemas of the entity's actions (one or more); records are generated from the first. */
  schemas: JsonSchema[];
  key?: GenerateRecordsInput['key'];
  references: { field: string; target: string; targetKey: string }[];
}
interface Relationship {
  source_entity: string;
  target_entity: string;
  foreign_key: string;
  target_key: string;
}

const keyTypeOf = (schema: JsonSchema, field: string): 'string' | 'integer' => {
  const type = schema.properties?.[field]?.type;
  return type === 'integer' || (Array.isArray(type) && type.includes('integer')) ? 'integer' : 'string';
};

/** Keys (the entity's own, else what relationships point at) and foreign keys of a connector's entities. */
function planOf(
  connector: string,
  entities: { entity: string; schemas: JsonSchema[]; key?: string | null }[],
  relationships: readonly Relationship[],
): EntityPlan[] {
  const plans = entities.map(
    ({ entity, schemas, key }): EntityPlan => ({
      connector,
      entity,
      schemas,
      references: [],
      ...(key ? { key: { field: key, type: keyTypeOf(schemas[0]!, key) } } : {}),
    }),
  );
  const byEntity = new Map(plans.map((plan) => [plan.entity, plan]));
  for (const relationship of relationships) {
    const target = byEntity.get(relationship.target_entity);
    const source = byEntity.get(relationship.source_entity);
    if (!target || !source) continue;
    target.key ??= { field: relationship.target_key, type: keyTypeOf(target.schemas[0]!, relationship.target_key) };
    source.references.push({
      field: relationship.foreign_key,
      target: relationship.target_entity,
      targetKey: relationship.target_key,
    });
  }
  return plans;
}

/** Generates a connector's entities, related ones after the ones they point at. */
function generateConnector(plans: EntityPlan[], seed: number, count = 30): Map<string, Record<string, unknown>[]> {
  const done = new Map<string, Record<string, unknown>[]>();
  let pending = plans;
  while (pending.length > 0) {
    const ready = pending.filter((plan) =>
      plan.references.every((reference) => done.has(reference.target) || reference.target === plan.entity),
    );
    const batch = ready.length > 0 ? ready : [pending[0]!];
    for (const plan of batch) {
      const references = plan.references
        .filter((reference) => done.has(reference.target))
        .map((reference) => ({
          field: reference.field,
          values: done
            .get(reference.target)!
            .map((record) => record[reference.targetKey])
            .filter((value) => value !== null && value !== undefined),
        }));
      done.set(
        plan.entity,
        generateRecords({
          connector: plan.connector,
          entity: plan.entity,
          schema: plan.schemas[0]!,
          count,
          seed,
          key: plan.key,
          references,
        }),
      );
    }
    pending = pending.filter((plan) => !batch.includes(plan));
  }
  return done;
}

/** Every record validates, keys are unique, and foreign keys name records of the related entity. */
function checkConnector(plans: EntityPlan[]) {
  const generated = generateConnector(plans, 2026);
  for (const plan of plans) {
    const records = generated.get(plan.entity)!;
    expect(records).toHaveLength(30);
    expectValid(plan.schemas[0]!, records, `${plan.connector}/${plan.entity}`);
    // The other actions' record schemas (a get's, a search's) get records of their own.
    for (const schema of plan.schemas.slice(1)) {
      expectValid(
        schema,
        generateRecords({
          connector: plan.connector,
          entity: plan.entity,
          schema,
          count: 10,
          seed: 2026,
          key: plan.key,
        }),
        `${plan.connector}/${plan.entity} (another action)`,
      );
    }
    if (plan.key && !plan.references.some((reference) => reference.field === plan.key!.field)) {
      expect(
        new Set(records.map((record) => JSON.stringify(record[plan.key!.field]))).size,
        `${plan.entity}.${plan.key.field}`,
      ).toBe(30);
    }
    for (const reference of plan.references) {
      const targetKeys = new Set(generated.get(reference.target)!.map((record) => String(record[reference.targetKey])));
      for (const record of records) {
        const value = record[reference.field];
        const id =
          value && typeof value === 'object' && !Array.isArray(value)
            ? Object.values(value)[0]
            : Array.isArray(value)
              ? value[0]
              : value;
        if (typeof id === 'string' || typeof id === 'number')
          expect(targetKeys.has(String(id)), `${plan.entity}.${reference.field} = ${id}`).toBe(true);
      }
    }
  }
}

const factPlans = connectorFacts.map((connector: FactConnector) =>
  planOf(
    connector.name,
    entityRecordSchemas(connector).map(({ entity, schema }) => ({ entity, schemas: [schema] })),
    connector.relationships ?? [],
  ),
);

describe('every connector entity as the facts give it (untyped fields included)', () => {
  it('covers the 51 connectors and every entity with record fields (578 of 584)', () => {
    const withRecords = connectorFacts.flatMap((connector) =>
      Object.values(connector.entities).filter((entity) =>
        Object.values(entity.actions).some((action) => action.recordFields),
      ),
    );
    expect(factPlans).toHaveLength(51);
    expect(factPlans.flat()).toHaveLength(withRecords.length);
    expect(withRecords.length).toBeGreaterThanOrEqual(575);
  });

  it.each(connectorFacts.map((connector, i) => [connector.name, factPlans[i]!] as const))(
    '%s: records validate, keys are unique, foreign keys resolve',
    (_, plans) => {
      checkConnector(plans);
    },
  );
});

/** The definitions' record schemas per entity: the list action's first, then the other actions' distinct ones. */
function definitionPlans(name: string): EntityPlan[] {
  const definition = connectorDefinition(name)!;
  const entities = [...definition.entities.values()].flatMap((entity) => {
    const actions = [...entity.actions.values()].sort(
      (a, b) => Number(b.action === 'list') - Number(a.action === 'list'),
    );
    const schemas: JsonSchema[] = [];
    const seen = new Set<string>();
    for (const { record } of actions) {
      const text = JSON.stringify(record);
      if (record && !seen.has(text)) {
        seen.add(text);
        schemas.push(record);
      }
    }
    return schemas.length > 0 ? [{ entity: entity.name, schemas, key: entity.key }] : [];
  });
  return planOf(name, entities, definition.relationships);
}

describe('every connector entity as the definitions give it', () => {
  const names = connectorIndex().map((connector) => connector.name);

  it('has a definition for each of the 51 connectors', () => {
    expect(names).toHaveLength(51);
  });

  it.each(names)('%s: records validate for every action, keys are unique, foreign keys resolve', (name) => {
    checkConnector(definitionPlans(name));
  });
});

/** A full garbage collection on demand (V8's gc, exposed for this measurement), so heap figures are what is kept. */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
