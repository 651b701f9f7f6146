// Seeded records for the execute engine, in each service's own field names: the same seed gives the same records,
// byte for byte (no clock, no Math.random). Each connector draws from a PRNG stream of its own, so adding an entity to
// one connector leaves the others' records as they were.

import { seededRandom } from '../service/random.js';

export type ConnectorKind = 'github' | 'salesforce' | 'hubspot' | 'stripe' | 'linear';
export type EntityRecords = Record<string, Record<string, unknown>[]>;

/** A fixed instant all seeded times are offsets from (never the clock). */
const BASE_TIME = Date.parse('2026-01-05T09:00:00Z');
const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Radia', 'Tim', 'Frances'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Perlman', 'Berners-Lee', 'Allen'];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Vandelay'];
const INDUSTRIES = ['Software', 'Finance', 'Healthcare', 'Retail', 'Manufacturing', 'Media'];
const TOPICS = ['rate limit errors when syncing', 'timeout on large workspaces', 'OAuth refresh fails after an hour', 'pagination skips records', 'schema change not detected', 'memory use grows during sync', 'scoped tokens example missing', 'retry storms on 503', 'wrong timezone in timestamps', 'duplicate rows after reset'];
const AREAS = ['connectors', 'platform', 'documentation', 'api', 'ui'];

function generator(seed: number) {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const hex = (length: number) => Array.from({ length }, () => int(0, 15).toString(16)).join('');
  const alnum = (length: number) => Array.from({ length }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[int(0, 61)]).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  /** ISO time `days` (plus a seeded part of a day) after the base time. */
  const time = (days: number) => new Date(BASE_TIME + days * 86_400_000 + int(0, 86_399) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const person = () => {
    const first = pick(FIRST);
    const last = pick(LAST);
    return { first, last, login: `${first}${last}`.toLowerCase().replace(/[^a-z]/g, '').slice(0, 12), email: `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.com' };
  };
  return { int, pick, hex, alnum, uuid, time, person };
}

function github(g: ReturnType<typeof generator>): EntityRecords {
  const repositories = ['airbyte', 'airbyte-platform', 'airbyte-python-cdk', 'airbyte-agent-sdk', 'docs', 'connector-builder'].map((name, i) => ({
    id: 283046497 + i * 1171,
    name,
    full_name: `airbytehq/${name}`,
    private: false,
    stargazers_count: g.int(40, 16000),
    default_branch: 'main',
    language: g.pick(['Python', 'Kotlin', 'TypeScript', 'Java']),
  }));
  const issues = Array.from({ length: 64 }, (_, i) => {
    const number = 48100 + i * 3;
    const closed = g.int(0, 3) === 0;
    const created = i * 4;
    return {
      number,
      title: `${g.pick(['Source GitHub', 'Platform', 'API', 'Docs', 'Destination S3'])}: ${g.pick(TOPICS)}`,
      state: closed ? 'CLOSED' : 'OPEN',
      body: `Seen on version 1.${g.int(0, 9)}.${g.int(0, 20)}. Steps to reproduce are in the linked thread.`,
      html_url: `https://github.com/airbytehq/airbyte/issues/${number}`,
      author: { login: g.person().login },
      labels: [`area/${g.pick(AREAS)}`, g.pick(['type/bug', 'type/enhancement', 'type/question'])],
      comments_count: g.int(0, 24),
      created_at: g.time(created),
      updated_at: g.time(created + g.int(0, 3)),
      closed_at: closed ? g.time(created + 4) : null,
    };
  });
  const pullRequests = Array.from({ length: 36 }, (_, i) => {
    // Issues and pull requests share one number space on GitHub: issues take 48100 + 3i, pull requests 48101 + 3i.
    const number = 48101 + i * 3;
    const state = g.pick(['OPEN', 'CLOSED', 'MERGED', 'MERGED']);
    return {
      number,
      title: `${g.pick(['fix', 'feat', 'chore', 'docs'])}: ${g.pick(TOPICS)}`,
      state,
      head_ref: `${g.person().login}/${g.pick(AREAS)}-${g.int(100, 999)}`,
      base_ref: 'main',
      html_url: `https://github.com/airbytehq/airbyte/pull/${number}`,
      author: { login: g.person().login },
      additions: g.int(1, 900),
      deletions: g.int(0, 400),
      created_at: g.time(i * 6),
      merged_at: state === 'MERGED' ? g.time(i * 6 + 2) : null,
    };
  });
  const commits = Array.from({ length: 48 }, (_, i) => {
    const sha = g.hex(40);
    const author = g.person();
    return {
      sha,
      message: `${g.pick(['Fix', 'Add', 'Update', 'Remove'])} ${g.pick(TOPICS)}`,
      author: { name: `${author.first} ${author.last}`, email: author.email, date: g.time(i * 5) },
      html_url: `https://github.com/airbytehq/airbyte/commit/${sha}`,
    };
  });
  return { issues, pull_requests: pullRequests, repositories, commits };
}

function salesforce(g: ReturnType<typeof generator>): EntityRecords {
  const sfId = (prefix: string) => `${prefix}${g.alnum(15)}`;
  const accounts = Array.from({ length: 30 }, (_, i) => ({
    Id: sfId('001'),
    Name: `${COMPANIES[i % COMPANIES.length]}${i >= COMPANIES.length ? ` ${Math.floor(i / COMPANIES.length) + 1}` : ''}`,
    Industry: g.pick(INDUSTRIES),
    AnnualRevenue: g.int(1, 900) * 100_000,
    BillingCountry: g.pick(['United States', 'Germany', 'France', 'Japan', 'Brazil', 'Canada']),
    CreatedDate: g.time(i * 3),
  }));
  const contacts = Array.from({ length: 40 }, (_, i) => {
    const p = g.person();
    return { Id: sfId('003'), FirstName: p.first, LastName: p.last, Email: p.email, Title: g.pick(['CTO', 'VP Engineering', 'Data Engineer', 'Head of Sales']), AccountId: accounts[i % accounts.length]!.Id, CreatedDate: g.time(i * 2) };
  });
  const opportunities = Array.from({ length: 30 }, (_, i) => ({
    Id: sfId('006'),
    Name: `${accounts[i % accounts.length]!.Name} - ${g.pick(['Expansion', 'Renewal', 'New Business'])}`,
    StageName: g.pick(['Prospecting', 'Qualification', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost']),
    Amount: g.int(5, 400) * 1000,
    CloseDate: g.time(60 + i * 3).slice(0, 10),
    AccountId: accounts[i % accounts.length]!.Id,
  }));
  return { accounts, contacts, opportunities };
}

function hubspot(g: ReturnType<typeof generator>): EntityRecords {
  const contacts = Array.from({ length: 40 }, (_, i) => {
    const p = g.person();
    return { id: String(51 + i * 101), properties: { email: p.email, firstname: p.first, lastname: p.last, lifecyclestage: g.pick(['subscriber', 'lead', 'marketingqualifiedlead', 'opportunity', 'customer']), createdate: g.time(i * 2) }, archived: false };
  });
  const companies = Array.from({ length: 28 }, (_, i) => ({
    id: String(9001 + i * 37),
    properties: { name: `${COMPANIES[i % COMPANIES.length]} ${['Inc', 'GmbH', 'Ltd', 'SA'][i % 4]}`, domain: `${COMPANIES[i % COMPANIES.length]!.toLowerCase().replace(/\s+/g, '')}${i}.example.com`, industry: g.pick(INDUSTRIES).toUpperCase(), createdate: g.time(i * 3) },
    archived: false,
  }));
  const deals = Array.from({ length: 30 }, (_, i) => ({
    id: String(70001 + i * 13),
    properties: { dealname: `${companies[i % companies.length]!.properties.name} deal`, amount: String(g.int(2, 250) * 1000), dealstage: g.pick(['appointmentscheduled', 'qualifiedtobuy', 'contractsent', 'closedwon', 'closedlost']), closedate: g.time(30 + i * 2) },
    archived: false,
  }));
  return { contacts, companies, deals };
}

function stripe(g: ReturnType<typeof generator>): EntityRecords {
  const customers = Array.from({ length: 30 }, (_, i) => {
    const p = g.person();
    return { id: `cus_${g.alnum(14)}`, object: 'customer', email: p.email, name: `${p.first} ${p.last}`, created: Math.floor(BASE_TIME / 1000) + i * 86_400, currency: g.pick(['usd', 'eur', 'gbp']), delinquent: g.int(0, 6) === 0 };
  });
  const charges = Array.from({ length: 40 }, (_, i) => ({
    id: `ch_${g.alnum(24)}`,
    object: 'charge',
    amount: g.int(5, 900) * 100,
    currency: customers[i % customers.length]!.currency,
    status: g.pick(['succeeded', 'succeeded', 'succeeded', 'failed', 'pending']),
    customer: customers[i % customers.length]!.id,
    created: Math.floor(BASE_TIME / 1000) + i * 43_200,
  }));
  const invoices = Array.from({ length: 30 }, (_, i) => ({
    id: `in_${g.alnum(24)}`,
    object: 'invoice',
    customer: customers[i % customers.length]!.id,
    amount_due: g.int(10, 500) * 100,
    currency: customers[i % customers.length]!.currency,
    status: g.pick(['paid', 'paid', 'open', 'uncollectible', 'void']),
    created: Math.floor(BASE_TIME / 1000) + i * 86_400,
  }));
  return { customers, charges, invoices };
}

/** Linear teams with their issue-identifier keys (unique, as Linear requires). */
const LINEAR_TEAMS: [string, string][] = [
  ['Engineering', 'ENG'], ['Platform', 'PLT'], ['Design', 'DES'], ['Growth', 'GRO'], ['Support', 'SUP'], ['Data', 'DAT'],
  ['Infrastructure', 'INF'], ['Security', 'SEC'], ['Mobile', 'MOB'], ['Web', 'WEB'], ['API', 'API'], ['Connectors', 'CON'],
  ['Billing', 'BIL'], ['Search', 'SRC'], ['Onboarding', 'ONB'], ['Docs', 'DOC'], ['Quality', 'QA'], ['Analytics', 'ANA'],
  ['Marketing', 'MKT'], ['Sales Engineering', 'SE'], ['Developer Relations', 'DX'], ['Operations', 'OPS'], ['Finance', 'FIN'],
  ['People', 'PPL'], ['Research', 'RES'], ['Integrations', 'INT'],
];

function linear(g: ReturnType<typeof generator>): EntityRecords {
  const teams = LINEAR_TEAMS.map(([name, key], i) => ({ id: g.uuid(), name, key, private: false, createdAt: g.time(i - 400) }));
  const projects = Array.from({ length: 25 }, (_, i) => ({
    id: g.uuid(),
    name: `${g.pick(['Q1', 'Q2', 'Q3', 'Q4'])} ${g.pick(['onboarding', 'billing', 'search', 'sync engine', 'connectors', 'widget'])} ${i + 1}`,
    state: g.pick(['planned', 'started', 'paused', 'completed']),
    targetDate: g.time(90 + i * 4).slice(0, 10),
  }));
  const issues = Array.from({ length: 45 }, (_, i) => {
    // Most work sits in the first few teams, as in a real workspace.
    const team = teams[i % 6]!;
    return {
      id: g.uuid(),
      identifier: `${team.key}-${100 + i}`,
      title: g.pick(TOPICS),
      priority: g.int(0, 4),
      state: { name: g.pick(['Backlog', 'Todo', 'In Progress', 'In Review', 'Done']) },
      assignee: { name: `${g.pick(FIRST)} ${g.pick(LAST)}` },
      team: { id: team.id, name: team.name },
      createdAt: g.time(i * 2),
    };
  });
  return { issues, projects, teams };
}

const BUILDERS: Record<ConnectorKind, (g: ReturnType<typeof generator>) => EntityRecords> = { github, salesforce, hubspot, stripe, linear };

/** Every connector's entities and records for a seed; each connector draws from a stream of its own. */
export function seedRecords(seed: number): Record<ConnectorKind, EntityRecords> {
  const kinds = Object.keys(BUILDERS) as ConnectorKind[];
  return Object.fromEntries(kinds.map((kind, i) => [kind, BUILDERS[kind](generator(seed * 31 + i + 1))])) as Record<ConnectorKind, EntityRecords>;
}
