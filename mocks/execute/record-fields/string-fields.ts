// String values by format and by what the field's name says it holds: ids in the service's style, times, emails,
// names, URLs under the service's host, statuses, codes and text that reads like the record.
import {
  BASE62,
  DECIMAL,
  HEX,
  UPPER_ALNUM,
  base64,
  headline,
  isoDate,
  isoDateTime,
  kebab,
  paragraph,
  semver,
  unixSeconds,
  uuid,
} from './fake-values.js';
import {
  type FieldName,
  type StringKind,
  foreignTargetOf,
  isDateOnlyName,
  isTimeName,
  nameOf,
  nullChanceOfTime,
  objectKindOf,
  stringKindOf,
  timeRoleOf,
} from './field-kinds.js';
import {
  type EntityContext,
  type FieldMaker,
  type FieldPlace,
  type Make,
  type RecordState,
  type Scope,
  timeOf,
} from './record-state.js';
import { integerFieldOf } from './number-fields.js';
import { integerIdDigits, salesforceObjectOf, stringIdMaker } from './service-ids.js';
import {
  CHANGE_SUBJECTS,
  CHANNELS_OF_CONTACT,
  COLOR_NAMES,
  ERROR_CODES,
  ERROR_MESSAGES,
  VALUES_BY_FIELD,
  COUNTRY_CODES,
  COUNTRY_NAMES,
  CURRENCIES,
  DEPARTMENTS,
  DOCUMENT_TITLES,
  FILE_EXTENSIONS,
  GENERIC_ADJECTIVES,
  GENERIC_WORDS,
  INDUSTRIES,
  JOB_TITLES,
  LABEL_NAMES,
  LANGUAGES,
  LOCALES,
  PRIORITIES,
  PROGRAMMING_LANGUAGES,
  REASONS,
  ROLES,
  SEVERITIES,
  STAGES,
  STATUS_BY_KIND,
  TIME_ZONES,
  TYPES_BY_KIND,
} from './vocabulary.js';

/** Fields that describe the record (its name, email, title, creation) are rarely null; closings and due dates often. */
const RARELY_NULL = new Set<StringKind>([
  'ownId',
  'recordKey',
  'objectName',
  'email',
  'fullName',
  'firstName',
  'lastName',
  'username',
  'companyName',
  'headline',
  'status',
  'stage',
  'pipeline',
  'slackTs',
  'sobjectType',
  'sobjectUrl',
  'shopifyGlobalId',
]);
/** An address's parts are there together (only its second line is often empty). */
const ADDRESS_PARTS = new Set<StringKind>(['street', 'city', 'region', 'postalCode', 'country', 'countryName']);

const GITHUB_STATES = { workItem: ['OPEN', 'OPEN', 'CLOSED'], change: ['OPEN', 'CLOSED', 'MERGED', 'MERGED'] } as const;
const HUBSPOT_DEAL_STAGES = [
  'appointmentscheduled',
  'qualifiedtobuy',
  'presentationscheduled',
  'decisionmakerboughtin',
  'contractsent',
  'closedwon',
  'closedlost',
] as const;
const HUBSPOT_LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
] as const;
const USER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
] as const;
/** Services whose records say their own kind in a top-level `type` (JSON:API style): 'profile', 'contact'. */
const TYPED_RECORDS = new Set(['klaviyo', 'intercom']);
/** The record's own URL: fields that are the record's address rather than one of its attachments. */
const OWN_URL_NAMES = new Set([
  'url',
  'htmlurl',
  'weburl',
  'self',
  'permalink',
  'href',
  'link',
  'uri',
  'permalinkurl',
  'appurl',
  'adminurl',
]);
const GITHUB_PATHS: Record<string, string> = {
  issues: 'issues',
  pull_requests: 'pull',
  comments: 'issues',
  pr_comments: 'pull',
  reviews: 'pull',
  commits: 'commit',
  releases: 'releases/tag',
  milestones: 'milestone',
  discussions: 'discussions',
  labels: 'labels',
  branches: 'tree',
  tags: 'releases/tag',
  projects: 'projects',
  project_items: 'projects',
};

const statusList = (scope: Scope, connector: string): readonly string[] => {
  const kind = scope.kind;
  if (connector === 'github') return kind === 'change' ? GITHUB_STATES.change : GITHUB_STATES.workItem;
  if (kind === 'workItem' || kind === 'ticket' || kind === 'task') return STATUS_BY_KIND.workItem;
  if (kind === 'change') return STATUS_BY_KIND.pullRequest;
  if (kind === 'deal' || kind === 'campaign' || kind === 'order') return STATUS_BY_KIND[kind];
  return kind === 'person' || kind === 'company' ? STATUS_BY_KIND.person : STATUS_BY_KIND.general;
};
const typeList = (scope: Scope): readonly string[] => {
  const kind = scope.kind;
  if (kind === 'workItem' || kind === 'ticket' || kind === 'task') return TYPES_BY_KIND.workItem;
  return kind === 'event' || kind === 'document' || kind === 'product' ? TYPES_BY_KIND[kind] : TYPES_BY_KIND.general;
};
const titleWords = (words: readonly string[]) => words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
const projectKeyOf = (name: string) => {
  const initials = name
    .split(/\s+/)
    .map((word) => word[0] ?? '')
    .join('')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
  return initials.length >= 2
    ? initials.slice(0, 4)
    : name
        .replace(/[^A-Za-z]/g, '')
        .slice(0, 3)
        .toUpperCase();
};
const singularTitle = (entity: string) =>
  entity
    .replace(/ies$/, 'y')
    .replace(/s$/, '')
    .split(/[_-]/)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');

/** A string field's maker from its `format` first (the schema's promise), then from its name. */
export function stringFieldOf(format: string | undefined, place: FieldPlace, entity: EntityContext): FieldMaker {
  const { field } = place;
  const kind =
    place.topLevel && field.compact === 'type' && TYPED_RECORDS.has(entity.connector)
      ? 'objectName'
      : stringKindOf(field, place.names);
  switch (format) {
    case 'date-time':
      return { make: timeMaker(field, false), nullChance: nullChanceOfTime(field) };
    case 'date':
      return { make: timeMaker(field, true), nullChance: nullChanceOfTime(field) };
    case 'email':
      return { make: (_, scope) => emailOf(scope), nullChance: 0.05 };
    case 'uuid':
      return { make: ({ draw }) => uuid(draw), nullChance: 0.05 };
    case 'byte':
      return { make: ({ draw }) => base64(draw, draw.int(12, 48)), nullChance: 0.2 };
    case 'uri':
    case 'url':
    case 'iri':
      return {
        make:
          kind === 'url' || kind === 'imageUrl' || kind === 'website'
            ? kindMaker(kind, place, entity)
            : otherUrlMaker(field, entity),
        nullChance: 0.1,
      };
    case 'int64':
    case 'int32': {
      const digits = kind === 'ownId' || kind === 'foreignId' ? integerIdDigits(entity.connector) : 6;
      return { make: ({ draw }) => draw.digits(format === 'int32' ? Math.min(digits, 9) : digits), nullChance: 0.1 };
    }
  }
  const nullChance =
    kind === 'time'
      ? nullChanceOfTime(field)
      : RARELY_NULL.has(kind) || ADDRESS_PARTS.has(kind)
        ? 0.03
        : kind === 'street2'
          ? 0.5
          : kind === 'foreignId'
            ? 0.15
            : 0.2;
  return { make: kindMaker(kind, place, entity), nullChance };
}

function timeMaker(field: FieldName, dateOnly: boolean): Make<string> {
  const role = isTimeName(field) ? timeRoleOf(field) : 'other';
  return dateOnly ? (record) => isoDate(timeOf(record, role)) : (record) => isoDateTime(timeOf(record, role));
}

function emailOf(scope: Scope): string {
  // A company's own address is a role mailbox; anything else is the scope's person.
  return scope.kind === 'company'
    ? `${scope.record.draw.pick(['billing', 'hello', 'support', 'sales', 'finance'])}@${scope.company().domain}`
    : scope.person().email;
}

/** A URL under the service's host for a field that names something other than the record itself. */
function otherUrlMaker(field: FieldName, entity: EntityContext): Make<string> {
  const words = field.words.filter((word) => word !== 'url' && word !== 'uri');
  const path = words.length > 0 ? words.join('-') : 'r';
  return ({ draw }) => `${entity.host}/${path}/${draw.chars(BASE62, 12)}`;
}

function recordUrlMaker(entity: EntityContext): Make<string> {
  const { host, connector } = entity;
  const path = entity.entity.replace(/_/g, '-');
  const keyOf = (record: RecordState) => encodeURIComponent(String(record.key ?? record.draw.digits(8)));
  if (connector === 'github') {
    if (entity.kind === 'repository') return (_, scope) => `${host}/airbytehq/${scope.headline()}`;
    if (entity.kind === 'person' || entity.kind === 'company') return (_, scope) => `${host}/${scope.person().login}`;
    const segment = GITHUB_PATHS[entity.entity] ?? path;
    return (record) => `${host}/airbytehq/airbyte/${segment}/${keyOf(record)}`;
  }
  if (connector === 'salesforce')
    return (record) => `${host}/lightning/r/${salesforceObjectOf(entity.target) ?? 'Account'}/${keyOf(record)}/view`;
  if (connector === 'jira' || connector === 'confluence')
    return (record) => `${host}/rest/api/3/${entity.target}/${keyOf(record)}`;
  if (connector.startsWith('zendesk')) return (record) => `${host}/api/v2/${entity.entity}/${keyOf(record)}.json`;
  return (record) => `${host}/${path}/${keyOf(record)}`;
}

function kindMaker(kind: StringKind, place: FieldPlace, entity: EntityContext): Make<string> {
  const { field } = place;
  const { connector, host } = entity;
  switch (kind) {
    case 'ownId': {
      if (field.compact === 'uuid') return ({ draw }) => uuid(draw);
      const make = stringIdMaker(connector, place.owner.target, entity.target);
      return ({ draw, createdMs }) => make(draw, createdMs);
    }
    case 'foreignId': {
      const target = foreignTargetOf(field) ?? field.compact;
      const make = stringIdMaker(connector, target, entity.target);
      // A reference back to the record's own kind inside it (a Stripe customer's cash_balance.customer) is the record.
      if (!place.topLevel && target === entity.target)
        return ({ draw, createdMs, key }) => (typeof key === 'string' ? key : make(draw, createdMs));
      return ({ draw, createdMs }) => make(draw, createdMs);
    }
    case 'recordKey': {
      const make = stringIdMaker(connector, entity.target, entity.target);
      return ({ draw, createdMs, key }) => (key === undefined || key === null ? make(draw, createdMs) : String(key));
    }
    case 'externalId':
      return ({ draw }) => `${field.words[0] === 'request' ? 'req_' : ''}${draw.chars(BASE62, 16)}`;
    case 'slackTs':
      return ({ draw, createdMs }) =>
        `${unixSeconds(createdMs) - (field.compact === 'ts' ? 0 : draw.int(60, 86_400))}.${draw.chars(DECIMAL, 6)}`;
    case 'time':
      return timeMaker(field, isDateOnlyName(field));
    case 'email':
      return (_, scope) => emailOf(scope);
    case 'phone':
      return ({ draw }) => `+1${draw.pick(['415', '212', '312', '512', '206', '617'])}55501${draw.chars(DECIMAL, 2)}`;
    case 'url': {
      // A record's own link: its `url`, or `self` in its `links`.
      const ownLink = OWN_URL_NAMES.has(field.compact) && (place.topLevel || /^_?links$/.test(place.names.parent));
      if (ownLink) return recordUrlMaker(entity);
      const other = otherUrlMaker(field, entity);
      if (!OWN_URL_NAMES.has(field.compact)) return other;
      // The page of a person the record mentions (an author, an owner).
      const profile = connector === 'github' ? `${host}/` : `${host}/users/`;
      return (record, scope) => (scope.kind === 'person' ? profile + scope.person().login : other(record, scope));
    }
    case 'imageUrl':
      return connector === 'github'
        ? ({ draw }) => `https://avatars.githubusercontent.com/u/${draw.digits(8)}?v=4`
        : ({ draw }) => `${host}/avatars/${draw.chars(HEX, 16)}.png`;
    case 'website':
      return (_, scope) => `https://www.${scope.company().domain}`;
    case 'domain':
      return (_, scope) => scope.company().domain;
    case 'ip':
      return ({ draw }) => `${draw.pick(['192.0.2', '198.51.100', '203.0.113'])}.${draw.int(1, 254)}`;
    case 'userAgent':
      return ({ draw }) => draw.pick(USER_AGENTS);
    case 'firstName':
      return (_, scope) => scope.person().first;
    case 'lastName':
      return (_, scope) => scope.person().last;
    case 'fullName':
      return (_, scope) => scope.person().full;
    // An organization's login is its name as a slug; a person's is theirs.
    case 'username':
      return (_, scope) => (scope.kind === 'company' ? kebab(scope.company().name) : scope.person().login);
    case 'initials':
      return (_, scope) => scope.person().first[0]! + scope.person().last[0]!;
    case 'jobTitle':
      return ({ draw }) => draw.pick(JOB_TITLES);
    case 'companyName':
      return (_, scope) => scope.company().name;
    case 'industry':
      return ({ draw }) => draw.pick(INDUSTRIES);
    case 'department':
      return ({ draw }) => draw.pick(DEPARTMENTS);
    case 'street':
      return (_, scope) => scope.address()[0];
    case 'street2':
      return ({ draw }) => draw.pick(['Suite 400', 'Floor 12', 'Unit 7B', 'Suite 1200']);
    case 'city':
      return (_, scope) => scope.address()[1];
    case 'region':
      return (_, scope) => scope.address()[2];
    case 'postalCode':
      return (_, scope) => scope.address()[3];
    // An address's country agrees with its US street; elsewhere a country is any of the usual ones.
    case 'country':
      return place.names.inAddress ? () => 'US' : ({ draw }) => draw.pick(COUNTRY_CODES);
    case 'countryName':
      return place.names.inAddress ? () => 'United States' : ({ draw }) => draw.pick(COUNTRY_NAMES);
    case 'timezone':
      return ({ draw }) => draw.pick(TIME_ZONES);
    case 'locale':
      return ({ draw }) => draw.pick(LOCALES);
    case 'language':
      return ({ draw }) => draw.pick(LANGUAGES);
    case 'programmingLanguage':
      return ({ draw }) => draw.pick(PROGRAMMING_LANGUAGES);
    case 'currency':
      return connector === 'stripe'
        ? ({ draw }) => draw.pick(CURRENCIES).toLowerCase()
        : ({ draw }) => draw.pick(CURRENCIES);
    case 'color': {
      const names = COLOR_NAMES[connector];
      if (names) return ({ draw }) => draw.pick(names);
      return connector === 'github' ? ({ draw }) => draw.chars(HEX, 6) : ({ draw }) => `#${draw.chars(HEX, 6)}`;
    }
    case 'sha':
      return ({ draw }) => draw.chars(HEX, 40);
    case 'shortSha':
      return ({ draw }) => draw.chars(HEX, 7);
    case 'version':
      return ({ draw }) => semver(draw);
    case 'apiVersion':
      return connector === 'stripe' ? ({ draw }) => draw.pick(['2024-06-20', '2025-03-31.basil']) : () => 'v1';
    case 'mime':
      return ({ draw }) => draw.pick(FILE_EXTENSIONS)[1];
    case 'fileName':
      return ({ draw }, scope) =>
        scope.kind === 'file' ? scope.headline() : `${kebab(scope.headline())}.${draw.pick(FILE_EXTENSIONS)[0]}`;
    case 'filePath':
      return ({ draw }) => `docs/${kebab(draw.pick(DOCUMENT_TITLES))}.md`;
    case 'branch': {
      // A change's head is a feature branch and its base the main one; an unqualified branch is either.
      const head = /^(head|source)/.test(field.compact);
      const base = /^(base|target|default)/.test(field.compact);
      return ({ draw }, scope) =>
        base || (!head && draw.chance(0.5)) ? 'main' : `${scope.person().login}/${kebab(draw.pick(CHANGE_SUBJECTS))}`;
    }
    case 'refPrefix': {
      const prefix = entity.kind === 'release' ? 'refs/tags/' : 'refs/heads/';
      return () => prefix;
    }
    case 'tagName':
      return ({ draw }, scope) => (scope.kind === 'release' ? scope.headline() : `v${semver(draw)}`);
    case 'token':
      return ({ draw }) => draw.chars(BASE62, 32);
    case 'code':
      return entity.kind === 'product' || entity.kind === 'campaign'
        ? ({ draw }) => `SAVE${draw.int(1, 9) * 5}`
        : ({ draw }) => draw.chars(UPPER_ALNUM, 6);
    case 'sku':
      return ({ draw }) => `SKU-${draw.digits(5)}`;
    case 'documentNumber': {
      // 'po_number' → PO-…, else the record's kind: INV-… for invoices, ORD-… for orders.
      const named = field.words.length > 1 ? field.words[0]!.slice(0, 4).toUpperCase() : undefined;
      const prefix =
        named ??
        (/invoice/.test(entity.entity)
          ? 'INV'
          : entity.kind === 'order'
            ? 'ORD'
            : entity.noun
                .replace(/[^a-z]/g, '')
                .slice(0, 3)
                .toUpperCase() || 'REF');
      return ({ index, draw }) => `${prefix}-${String(1001 + index * 3 + draw.int(0, 2)).padStart(5, '0')}`;
    }
    case 'issueKey': {
      const projectKey = connector === 'linear' ? 'ENG' : 'OPS';
      return ({ index }) => `${projectKey}-${101 + index}`;
    }
    case 'projectKey':
      return (_, scope) => projectKeyOf(scope.headline());
    case 'slug':
      return (_, scope) => kebab(scope.headline());
    case 'repoFullName':
      return (_, scope) => `airbytehq/${scope.kind === 'repository' ? scope.headline() : 'airbyte'}`;
    case 'headline':
      return field.compact === 'displayname' && connector === 'github'
        ? (_, scope) => scope.person().full
        : (_, scope) => scope.headline();
    case 'body':
      // A commit's message is its headline; everything else is a paragraph in the record's voice.
      return field.compact === 'message' && place.names.kind === 'change'
        ? (_, scope) => scope.headline()
        : ({ draw }, scope) => paragraph(draw, scope.kind);
    case 'html':
      return ({ draw }, scope) => `<p>${paragraph(draw, scope.kind)}</p>`;
    case 'status':
      return ({ draw }, scope) => draw.pick(statusList(scope, connector));
    case 'stage':
      return connector === 'hubspot' ? ({ draw }) => draw.pick(HUBSPOT_DEAL_STAGES) : ({ draw }) => draw.pick(STAGES);
    case 'lifecycleStage':
      return ({ draw }) => draw.pick(HUBSPOT_LIFECYCLE_STAGES);
    case 'priority':
      return ({ draw }) => draw.pick(PRIORITIES);
    case 'severity':
      return ({ draw }) => draw.pick(SEVERITIES);
    case 'recordType':
      if (field.compact.includes('paymentmethod'))
        return ({ draw }) => draw.pick(['card', 'card', 'us_bank_account', 'link']);
      return ({ draw }, scope) => draw.pick(typeList(scope));
    case 'role':
      return ({ draw }) => draw.pick(ROLES);
    case 'visibility':
      return ({ draw }) => draw.pick(['public', 'private', 'internal']);
    case 'channel':
      return ({ draw }) => draw.pick(CHANNELS_OF_CONTACT);
    case 'reason':
      return connector === 'github'
        ? ({ draw }) => draw.pick(['COMPLETED', 'NOT_PLANNED', 'REOPENED'])
        : ({ draw }) => draw.pick(REASONS);
    case 'objectName': {
      const spelled = place.owner.spelled;
      return () => spelled;
    }
    case 'pipeline':
      return () => 'default';
    case 'labelWord':
      return ({ draw }) => draw.pick(LABEL_NAMES);
    case 'labelList':
      return ({ draw }) => {
        const first = draw.int(0, LABEL_NAMES.length - 1);
        return `${LABEL_NAMES[first]}, ${LABEL_NAMES[(first + draw.int(1, LABEL_NAMES.length - 1)) % LABEL_NAMES.length]}`;
      };
    // Money as text: a few dollars to a few thousand, most of it small, with cents.
    case 'money':
      return ({ draw }) => (Math.floor(100 + draw.unit() * draw.unit() * 300_000) / 100).toFixed(2);
    case 'currencySymbol':
      return ({ draw }) => draw.pick(['$', '$', '€', '£']);
    case 'sobjectType': {
      const type = salesforceObjectOf(entity.target) ?? 'Account';
      return () => type;
    }
    case 'sobjectUrl': {
      const type = salesforceObjectOf(entity.target) ?? 'Account';
      return ({ key, draw }) => `/services/data/v60.0/sobjects/${type}/${String(key ?? draw.chars(BASE62, 18))}`;
    }
    case 'shopifyGlobalId': {
      const resource = singularTitle(entity.entity);
      return ({ key, draw }) => `gid://shopify/${resource}/${String(key ?? draw.digits(13))}`;
    }
    case 'namedValue': {
      const values = VALUES_BY_FIELD[field.compact]!;
      return ({ draw }) => draw.pick(values);
    }
    case 'errorCode':
      return ({ draw }) => draw.pick(ERROR_CODES);
    case 'httpMethod':
      return ({ draw }) => draw.pick(['POST', 'POST', 'GET']);
    case 'errorMessage':
      return ({ draw }) => draw.pick(ERROR_MESSAGES);
    case 'location':
      return (_, scope) => `${scope.address()[1]}, ${scope.address()[2]}`;
    case 'statementDescriptor':
      return (_, scope) =>
        scope
          .company()
          .name.toUpperCase()
          .replace(/[^A-Z0-9 ]/g, '')
          .slice(0, 22);
    case 'resourceName': {
      const collection = entity.entity.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
      return ({ draw, key }) => `customers/${draw.digits(10)}/${collection}/${String(key ?? draw.digits(11))}`;
    }
    case 'md5':
      return ({ draw }) => draw.chars(HEX, 32);
    case 'sha256':
      return ({ draw }) => draw.chars(HEX, 64);
    case 'last4':
      return ({ draw }) => draw.chars(DECIMAL, 4);
    case 'asin':
      return ({ draw }) => `B0${draw.chars(UPPER_ALNUM, 8)}`;
    case 'namedHeadline': {
      // 'ad_name' reads like an ad, 'list_name' like a list: the noun before 'name' picks the vocabulary.
      const noun = field.words[field.words.length - 2]!;
      const kind = objectKindOf(nameOf(noun)) ?? 'general';
      return ({ draw }, scope) =>
        headline(
          draw,
          kind,
          noun,
          () => scope.company(),
          () => scope.person(),
        );
    }
    case 'genericName': {
      const noun = titleWords(field.words.filter((word) => word !== 'name' && word !== 'title'));
      return ({ draw }) => `${draw.pick(GENERIC_ADJECTIVES)} ${noun || titleWords(entity.noun.split(' '))}`;
    }
    case 'numericText': {
      const make = integerFieldOf({}, place, entity).make;
      return (record, scope) => String(make(record, scope));
    }
    case 'direction':
      return ({ draw }) => draw.pick(['inbound', 'outbound']);
    case 'genericWord':
      return ({ draw }) => draw.pick(GENERIC_WORDS);
  }
}
