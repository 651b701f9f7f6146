// Realistic primitive values (people, companies, addresses, times, text, ids) drawn from one seeded stream. Every
// function takes the Draw it consumes, so a record's values depend only on its seed.
import { seededRandom } from '../../service/random.js';
import {
  ADDRESSES,
  CAMPAIGN_AUDIENCES,
  CAMPAIGN_THEMES,
  CHANGE_SUBJECTS,
  CHANGE_VERBS,
  CHANNEL_NAMES,
  COMPANIES,
  DEAL_KINDS,
  DOCUMENT_TITLES,
  EVENT_TITLES,
  FILE_EXTENSIONS,
  FIRST_NAMES,
  GENERIC_ADJECTIVES,
  ISSUE_AREAS,
  ISSUE_PROBLEMS,
  JOB_TITLES,
  LABEL_NAMES,
  LAST_NAMES,
  PRODUCT_NAMES,
  PROGRAMMING_LANGUAGES,
  PROJECT_NAMES,
  REPOSITORY_NAMES,
  SENTENCES_BY_KIND,
  TASK_TITLES,
  TEAM_NAMES,
  TICKET_SUBJECTS,
} from './vocabulary.js';

const CODE_BUFFER = new Uint16Array(64);

/** One seeded stream with the draws the generator needs. */
export class Draw {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  /** A float in [0, 1). */
  unit(): number {
    return this.next();
  }
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  /** `length` characters of `alphabet`, built as one flat string (no chain of concatenations for the heap to keep). */
  chars(alphabet: string, length: number): string {
    const codes = length <= CODE_BUFFER.length ? CODE_BUFFER.subarray(0, length) : new Uint16Array(length);
    for (let i = 0; i < length; i++) codes[i] = alphabet.charCodeAt(Math.floor(this.next() * alphabet.length));
    return String.fromCharCode.apply(null, codes as unknown as number[]);
  }
  /** Decimal digits without a leading zero, so the length is the number of digits asked for. */
  digits(length: number): string {
    return String(this.int(1, 9)) + this.chars(DECIMAL, length - 1);
  }
}

export const DECIMAL = '0123456789';
export const HEX = '0123456789abcdef';
export const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CROCKFORD32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// ---- mixing seeds -------------------------------------------------------------------------------------------------

/** FNV-1a over a string: a stable 32-bit number for a connector and entity name. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A 32-bit avalanche (murmur3's finalizer) of two numbers: nearby inputs give unrelated seeds. */
export function mixSeeds(a: number, b: number): number {
  let h = (a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---- time ---------------------------------------------------------------------------------------------------------

/** The instant seeded data is "now" for (never the clock): records are created in the months before it. */
export const REFERENCE_TIME = Date.parse('2026-01-05T09:00:00Z');
const DAY = 86_400_000;
/** Record i is created about 4.5 days after record i-1, starting 200 days before the reference time. */
export function creationTime(draw: Draw, index: number): number {
  return REFERENCE_TIME - 200 * DAY + index * 4.5 * DAY + draw.int(0, 4 * DAY);
}
export const days = (count: number) => count * DAY;
export const isoDateTime = (ms: number) => `${new Date(ms - (ms % 1000)).toISOString().slice(0, 19)}Z`;
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const unixSeconds = (ms: number) => Math.floor(ms / 1000);

// ---- people, companies, places ------------------------------------------------------------------------------------

export interface Person {
  first: string;
  last: string;
  full: string;
  login: string;
  email: string;
}
export interface Company {
  name: string;
  domain: string;
}
export type Address = (typeof ADDRESSES)[number];

/** Names folded to ASCII once, for logins and email local parts. */
const asciiOf = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
const FIRST_ASCII = FIRST_NAMES.map(asciiOf);
const LAST_ASCII = LAST_NAMES.map(asciiOf);

const COMPANY_VALUES: readonly Company[] = COMPANIES.map(([name, domain]) => ({ name, domain }));
export const company = (draw: Draw): Company => draw.pick(COMPANY_VALUES);

/** A person whose email is at their company's domain, so a record's name, login and email agree. */
export function person(draw: Draw, employer: Company): Person {
  const f = draw.int(0, FIRST_NAMES.length - 1);
  const l = draw.int(0, LAST_NAMES.length - 1);
  const first = FIRST_NAMES[f]!;
  const last = LAST_NAMES[l]!;
  const login = draw.chance(0.5)
    ? `${FIRST_ASCII[f]}${LAST_ASCII[l]}`
    : `${FIRST_ASCII[f]![0]}${LAST_ASCII[l]}${draw.int(1, 99)}`;
  return {
    first,
    last,
    full: `${first} ${last}`,
    login,
    email: `${FIRST_ASCII[f]}.${LAST_ASCII[l]}@${employer.domain}`,
  };
}

/** A phone number in the 555-01xx block that North American numbering keeps for fiction. */
export const phoneNumber = (draw: Draw) =>
  `+1${draw.pick(['415', '212', '312', '512', '206', '617'])}55501${draw.chars(DECIMAL, 2)}`;
/** An address from the documentation ranges (RFC 5737), never a real host. */
export const ipAddress = (draw: Draw) => `${draw.pick(['192.0.2', '198.51.100', '203.0.113'])}.${draw.int(1, 254)}`;

// ---- ids ----------------------------------------------------------------------------------------------------------

export const uuid = (draw: Draw) =>
  `${draw.chars(HEX, 8)}-${draw.chars(HEX, 4)}-4${draw.chars(HEX, 3)}-${draw.pick(['8', '9', 'a', 'b'])}${draw.chars(HEX, 3)}-${draw.chars(HEX, 12)}`;

/** A ULID: 10 characters of time, then 16 random, in Crockford's base 32. */
export function ulid(draw: Draw, ms: number): string {
  let time = '';
  for (let rest = ms, i = 0; i < 10; i++, rest = Math.floor(rest / 32)) time = CROCKFORD32[rest % 32] + time;
  return time + draw.chars(CROCKFORD32, 16);
}

/** Base64 text of `bytes` random bytes' length, as format `byte` asks. */
export function base64(draw: Draw, bytes: number): string {
  const full = Math.floor(bytes / 3) * 4;
  const rest = bytes % 3;
  return draw.chars(BASE64, full) + (rest === 0 ? '' : draw.chars(BASE64, rest + 1) + '='.repeat(3 - rest));
}

// ---- text ---------------------------------------------------------------------------------------------------------

export type RecordKind =
  | 'person'
  | 'company'
  | 'adAccount'
  | 'workItem'
  | 'ticket'
  | 'task'
  | 'change'
  | 'comment'
  | 'deal'
  | 'campaign'
  | 'product'
  | 'order'
  | 'project'
  | 'repository'
  | 'team'
  | 'channel'
  | 'label'
  | 'document'
  | 'file'
  | 'event'
  | 'release'
  | 'branch'
  | 'message'
  | 'address'
  | 'job'
  | 'general';

const titleCase = (text: string) =>
  text.replace(/(^|[\s_-])([a-z])/g, (_, space: string, letter: string) => (space ? ' ' : '') + letter.toUpperCase());
export const kebab = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
export const semver = (draw: Draw) => `${draw.int(0, 4)}.${draw.int(0, 20)}.${draw.int(0, 12)}`;

/**
 * The line that names a record of this kind: an issue title, a ticket subject, a deal name, a product name. `noun` is
 * the entity's singular (e.g. 'sla policy') for kinds without a vocabulary of their own.
 */
export function headline(draw: Draw, kind: RecordKind, noun: string, owner: () => Company, who: () => Person): string {
  switch (kind) {
    case 'person':
      return who().full;
    case 'company':
      return owner().name;
    case 'adAccount':
      return `${owner().name} - ${draw.pick(['US', 'EMEA', 'Brand', 'Performance', 'Retargeting'])}`;
    case 'workItem':
      return `${draw.pick(ISSUE_AREAS)}: ${draw.pick(ISSUE_PROBLEMS)}`;
    case 'ticket':
    case 'message':
      return draw.pick(TICKET_SUBJECTS);
    case 'task':
      return draw.pick(TASK_TITLES);
    case 'change':
      return `${draw.pick(CHANGE_VERBS)}: ${draw.pick(CHANGE_SUBJECTS)}`;
    case 'comment':
      return draw.pick(SENTENCES_BY_KIND.comment);
    case 'deal':
      return `${owner().name} - ${draw.pick(DEAL_KINDS)}`;
    case 'campaign':
      return `${draw.pick(CAMPAIGN_THEMES)} ${draw.int(2024, 2026)} - ${draw.pick(CAMPAIGN_AUDIENCES)}`;
    case 'product':
      return draw.pick(PRODUCT_NAMES);
    case 'order':
      return `#${draw.int(1001, 9999)}`;
    case 'project':
      return draw.pick(PROJECT_NAMES);
    case 'repository':
      return draw.pick(REPOSITORY_NAMES);
    case 'team':
      return draw.pick(TEAM_NAMES);
    case 'channel':
      return draw.pick(CHANNEL_NAMES);
    case 'label':
      return draw.pick(labelVocabularyOf(noun));
    case 'document':
      return draw.pick(DOCUMENT_TITLES);
    case 'file': {
      const [extension] = draw.pick(FILE_EXTENSIONS);
      return `${kebab(draw.pick(DOCUMENT_TITLES))}.${extension}`;
    }
    case 'event':
      return `${draw.pick(EVENT_TITLES)} with ${owner().name}`;
    case 'release':
      return `v${semver(draw)}`;
    case 'branch':
      return /default|base|target/.test(noun) ? 'main' : `${who().login}/${kebab(draw.pick(CHANGE_SUBJECTS))}`;
    case 'address':
      return draw.pick(ADDRESSES)[1];
    case 'job':
      return draw.pick(JOB_TITLES);
    case 'general':
      return `${draw.pick(GENERIC_ADJECTIVES)} ${titleCase(noun)}`;
  }
}

/** What a label-like thing is called, by what it labels: a status, a priority, a language, a license. */
const LABEL_VOCABULARIES: [RegExp, readonly string[]][] = [
  [/status|state/, ['To Do', 'In Progress', 'In Review', 'Done']],
  [/priority/, ['Highest', 'High', 'Medium', 'Low']],
  [/issuetype|^type/, ['Bug', 'Task', 'Story', 'Epic']],
  [/resolution/, ['Done', "Won't Do", 'Duplicate']],
  [/language/, PROGRAMMING_LANGUAGES],
  [/license/, ['MIT License', 'Apache License 2.0', 'BSD 3-Clause "New" or "Revised" License']],
];
const labelVocabularies = new Map<string, readonly string[]>();
export function labelVocabularyOf(noun: string): readonly string[] {
  let vocabulary = labelVocabularies.get(noun);
  if (!vocabulary) {
    const compact = noun.replace(/\s+/g, '');
    vocabulary = LABEL_VOCABULARIES.find(([pattern]) => pattern.test(compact))?.[1] ?? LABEL_NAMES;
    labelVocabularies.set(noun, vocabulary);
  }
  return vocabulary;
}

const SENTENCE_BANK: Partial<Record<RecordKind, readonly string[]>> = {
  workItem: SENTENCES_BY_KIND.workItem,
  task: SENTENCES_BY_KIND.workItem,
  change: SENTENCES_BY_KIND.workItem,
  ticket: SENTENCES_BY_KIND.ticket,
  message: SENTENCES_BY_KIND.ticket,
  comment: SENTENCES_BY_KIND.comment,
  deal: SENTENCES_BY_KIND.deal,
  product: SENTENCES_BY_KIND.product,
  company: SENTENCES_BY_KIND.company,
};

/** One to three sentences that read like the body of a record of this kind. */
export function paragraph(draw: Draw, kind: RecordKind): string {
  const bank = SENTENCE_BANK[kind] ?? SENTENCES_BY_KIND.general;
  const count = draw.int(1, 3);
  let text = draw.pick(bank);
  for (let i = 1; i < count; i++) text += ` ${draw.pick(bank)}`;
  return text;
}
