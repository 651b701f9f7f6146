// What a field holds, read from its name (and the connector and record it sits in): `customer_id` is a foreign id,
// `createdAt` a creation time, `amount_due` money, `isArchived` a mostly-false flag. Runs once per field when a
// schema is compiled, never per record, so the regular expressions here cost nothing at generation time.
import type { RecordKind } from './fake-values.js';
import { stripeObjectOf } from './service-ids.js';
import { VALUES_BY_FIELD } from './vocabulary.js';

export interface FieldName {
  raw: string;
  /** Lower-case words: 'hs_lastModifiedDate' → ['hs', 'last', 'modified', 'date']. */
  words: string[];
  last: string;
  /** The words run together: 'lastmodifieddate'. */
  compact: string;
}

const WORD = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;
/** Field names repeat within a schema (id, name, created_at at every level): each is split once per compile. */
const namesSeen = new Map<string, FieldName>();
/** Empties the memos: they serve the compiling of one schema, and nothing should stay in memory between calls. */
export function forgetFieldNames(): void {
  namesSeen.clear();
  stringKindsSeen.clear();
}
export function nameOf(raw: string): FieldName {
  let name = namesSeen.get(raw);
  if (!name) {
    const words = (raw.match(WORD) ?? []).map((word) => word.toLowerCase());
    // Zoho's `Record_Status__s` and Salesforce's `Tier__c` mark system and custom fields: the suffix says nothing.
    if (words.length > 1 && (words[words.length - 1] === 's' || words[words.length - 1] === 'c')) words.pop();
    name = { raw, words, last: words[words.length - 1] ?? '', compact: words.join('') };
    if (namesSeen.size > 20_000) namesSeen.clear();
    namesSeen.set(raw, name);
  }
  return name;
}

/** 'opportunities' → 'opportunity', 'addresses' → 'address', 'pull_requests' → 'pullrequest' (compact in, compact out). */
export function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh|us)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}
export const compactSingular = (name: string) => singular(nameOf(name).compact);

// ---- the kind of record an entity or an object field holds ---------------------------------------------------------
const KIND_BY_WORD: Record<string, RecordKind> = {};
const kinds: [RecordKind, string][] = [
  [
    'person',
    'user contact customer lead member person people candidate employee agent requester author assignee owner creator reporter follower stargazer viewer profile subscriber recipient participant collaborator attendee applicant submitter sender actor admin teammate visitor mergedby createdby modifiedby updatedby manager approver committer answerchosenby organizer editor',
  ],
  ['company', 'company account organization org business brand vendor client merchant partner'],
  ['adAccount', 'adaccount accessiblecustomer advertiser'],
  ['workItem', 'issue bug incident'],
  ['ticket', 'ticket case conversation request discussion'],
  ['task', 'task subtask todo item projectitem'],
  ['change', 'pullrequest mergerequest pull commit patch'],
  ['comment', 'comment reply note review story worklog post feedback annotation prcomment'],
  ['deal', 'deal opportunity quote'],
  ['campaign', 'campaign adset adsquad adgroup ad creative audience segment flow insight promotion adgroupad'],
  [
    'product',
    'product variant productvariant price plan sku lineitem collection smartcollection inventoryitem coupon pricerule discountcode',
  ],
  [
    'order',
    'order invoice charge payment refund transaction payout dispute subscription balancetransaction fulfillment draftorder paymentintent checkoutsession creditnote orderrefund fulfillmentorder',
  ],
  ['project', 'project board space folder list workspace base site goal portfolio section initiative cycle sprint'],
  ['repository', 'repository repo orgrepository viewerrepository'],
  ['team', 'team group department queue squad'],
  ['channel', 'channel'],
  [
    'label',
    'label tag topic category keyword customfield issuefield ticketfield interest interestcategory stage status workflowstate opportunitystage priority issuetype state resolution language primarylanguage license licenseinfo',
  ],
  [
    'file',
    'file attachment image video media contentversion asset recording productimage directorycontent filecontent',
  ],
  [
    'document',
    'document doc page article form report dashboard sheet template draft macro trigger automation view transcript block content sitemap',
  ],
  ['event', 'event meeting call conference appointment engagement'],
  ['release', 'release version milestone'],
  ['branch', 'branch ref'],
  ['message', 'message email thread sms channelmessage chat'],
  ['address', 'address location billingaddress shippingaddress customeraddress mailingaddress billingdetail'],
  ['job', 'job opening requisition jobpost'],
];
for (const [kind, words] of kinds) for (const word of words.split(' ')) KIND_BY_WORD[word] = kind;

/**
 * The kind of record an entity holds, from its name: 'ticket_comments' → comment, 'ad_accounts' → adAccount. Words are
 * tried from the last, so 'workspace_task_search' is a task.
 */
/** Entities whose name misleads: Sentry's events are errors, an analytics event is no meeting. */
const ENTITY_KINDS_BY_CONNECTOR: Readonly<Record<string, Readonly<Record<string, RecordKind>>>> = {
  sentry: { events: 'workItem', issues: 'workItem' },
  github: { tags: 'release' },
  gitlab: { tags: 'release' },
  amplitude: { events: 'general' },
  klaviyo: { events: 'general' },
  'google-analytics-data-api': { events: 'general' },
};

export function entityKindOf(entity: string, connector = ''): RecordKind {
  const overridden = ENTITY_KINDS_BY_CONNECTOR[connector]?.[entity];
  if (overridden) return overridden;
  const name = nameOf(entity);
  const whole = KIND_BY_WORD[singular(name.compact)];
  if (whole) return whole;
  for (let i = name.words.length - 1; i >= 0; i--) {
    const kind = KIND_BY_WORD[singular(name.words[i]!)];
    if (kind) return kind;
  }
  return 'general';
}

/** The kind an object field holds, if its name says ('author' → person); undefined to stay in the parent's kind. */
export function objectKindOf(field: FieldName): RecordKind | undefined {
  if (field.last === 'field' || field.last === 'fields' || field.last === 'properties') return undefined;
  // created_by, last_edited_by, merged_by: someone.
  if (field.last === 'by' && field.words.length > 1) return 'person';
  const kind = KIND_BY_WORD[singular(field.compact)] ?? KIND_BY_WORD[singular(field.last)];
  // An email, web or IP "address" is not a postal one.
  return kind === 'address' && /email|web|ip|social|mac|wallet/.test(field.compact) ? undefined : kind;
}

// ---- times ----------------------------------------------------------------------------------------------------------
export type TimeRole = 'created' | 'updated' | 'closed' | 'future' | 'start' | 'end' | 'birth' | 'other';

const TIME_SUFFIXES = new Set(['at', 'time', 'timestamp', 'date', 'datetime', 'dt', 'deadline', 'until']);
const TIME_VERBS = new Set([
  'created',
  'updated',
  'modified',
  'changed',
  'started',
  'ended',
  'completed',
  'published',
  'deleted',
  'archived',
  'closed',
  'resolved',
  'paid',
  'sent',
  'received',
  'expires',
  'expired',
  'submitted',
  'posted',
  'committed',
  'authored',
]);
const BARE_TIMES = new Set([
  'created',
  'updated',
  'modified',
  'start',
  'end',
  'due',
  'expires',
  'expiry',
  'deadline',
  'started',
  'ended',
  'birthday',
  'timestamp',
  'date',
  'datetime',
  'time',
  'createdate',
  'closedate',
  'lastmodifieddate',
]);
const COMPACT_DATES = /(create|close|modified|due|start|end|birth|activity|publish)date$/;

/** Whether a name is a point in time (created_at, CreatedDate, dueOn, Stripe's `created`, hs_lastmodifieddate). */
export function isTimeName(field: FieldName): boolean {
  // A zone word at the end (date_created_gmt) does not change what the field is.
  if (field.words.length > 2 && (field.last === 'gmt' || field.last === 'utc' || field.last === 'local'))
    return isTimeName(nameOf(field.words.slice(0, -1).join('_')));
  const { words, last, compact } = field;
  if ((words[0] === 'date' || words[0] === 'timestamp') && words.length > 1 && !/format|range|type/.test(compact))
    return true;
  // last_open, last_click, lastSeen, firstSeen: when it last (or first) happened.
  if (
    (words[0] === 'last' || words[0] === 'first') &&
    words.length === 2 &&
    /^(open|click|seen|login|sync|run|activity|message|contact|update|modified|visit|sent|reply|used|changed|active|event)/.test(
      words[1]!,
    )
  )
    return true;
  if (BARE_TIMES.has(compact)) return true;
  if (words.length < 2) return COMPACT_DATES.test(compact);
  if (TIME_SUFFIXES.has(last) || COMPACT_DATES.test(last))
    return !/format|zone|spent|type|range|window|unit/.test(compact);
  if (last === 'on') return !/^(turn|add|opt|log)/.test(words[words.length - 2]!);
  if (TIME_VERBS.has(last)) return words[0] === 'date' || words.includes('last') || words[words.length - 2] === 'at';
  return last === 'start' || last === 'end' || last === 'due' || last === 'expires';
}

/** Which moment of a record's life a time field marks, so created ≤ updated and closings can be absent. */
export function timeRoleOf(field: FieldName): TimeRole {
  const c = field.compact;
  if (/birth|dob/.test(c)) return 'birth';
  if (/due|expir|deadline|until|next|renew|schedul|remind/.test(c)) return 'future';
  if (/start|begin|since/.test(c)) return 'start';
  if (/end$|enddate|endtime|endsat|finish/.test(c)) return 'end';
  if (
    /clos|resolv|complet|merg|answer|delet|archiv|cancel|ended|paid|finaliz|void|convert|remov|expired|disabl|accept|solv|ship|fulfill|deliver|refund|trash|dismiss|declin|reject|revok|terminat|suspend|locked/.test(
      c,
    )
  )
    return 'closed';
  if (/creat|insert|regist|join|signup|submit|opened|added|first|generated/.test(c)) return 'created';
  if (/updat|modif|chang|edit|last|sync|push|refresh|seen|activ|login/.test(c)) return 'updated';
  return 'other';
}

/** How often a nullable time is null: creation and updates nearly never, closings and due dates often. */
export function nullChanceOfTime(field: FieldName): number {
  const role = timeRoleOf(field);
  return role === 'created' || role === 'updated'
    ? 0.03
    : role === 'closed'
      ? 0.55
      : role === 'future' || role === 'end'
        ? 0.4
        : 0.2;
}

/** Dates without a time: CloseDate, due_date, birthday (not CreatedDate or date_created, which are instants). */
export function isDateOnlyName(field: FieldName): boolean {
  const { last, compact } = field;
  if (/creat|modif|updat|commit|system|time/.test(compact)) return false;
  return (
    last === 'date' ||
    last === 'day' ||
    last === 'birthday' ||
    /(close|due|start|end|birth|activity)date$/.test(compact)
  );
}

// ---- strings --------------------------------------------------------------------------------------------------------
export type StringKind =
  | 'ownId'
  | 'foreignId'
  | 'recordKey'
  | 'externalId'
  | 'slackTs'
  | 'time'
  | 'email'
  | 'phone'
  | 'url'
  | 'imageUrl'
  | 'website'
  | 'domain'
  | 'ip'
  | 'userAgent'
  | 'firstName'
  | 'lastName'
  | 'fullName'
  | 'username'
  | 'initials'
  | 'jobTitle'
  | 'companyName'
  | 'industry'
  | 'department'
  | 'street'
  | 'street2'
  | 'city'
  | 'region'
  | 'postalCode'
  | 'country'
  | 'countryName'
  | 'timezone'
  | 'locale'
  | 'language'
  | 'programmingLanguage'
  | 'currency'
  | 'color'
  | 'sha'
  | 'shortSha'
  | 'version'
  | 'apiVersion'
  | 'mime'
  | 'fileName'
  | 'filePath'
  | 'branch'
  | 'tagName'
  | 'token'
  | 'code'
  | 'sku'
  | 'documentNumber'
  | 'issueKey'
  | 'projectKey'
  | 'slug'
  | 'repoFullName'
  | 'headline'
  | 'body'
  | 'html'
  | 'status'
  | 'stage'
  | 'lifecycleStage'
  | 'priority'
  | 'severity'
  | 'recordType'
  | 'role'
  | 'visibility'
  | 'channel'
  | 'reason'
  | 'objectName'
  | 'pipeline'
  | 'labelWord'
  | 'labelList'
  | 'money'
  | 'sobjectType'
  | 'sobjectUrl'
  | 'shopifyGlobalId'
  | 'numericText'
  | 'direction'
  | 'namedValue'
  | 'errorCode'
  | 'errorMessage'
  | 'location'
  | 'statementDescriptor'
  | 'resourceName'
  | 'httpMethod'
  | 'currencySymbol'
  | 'refPrefix'
  | 'md5'
  | 'sha256'
  | 'last4'
  | 'asin'
  | 'namedHeadline'
  | 'genericName'
  | 'genericWord';

export interface NameContext {
  connector: string;
  kind: RecordKind;
  /** The name of the object field this one sits in ('' at the top of a record). */
  parent: string;
  inAddress: boolean;
}

const OWN_ID_NAMES = new Set(['id', 'gid', 'sid', 'uuid', 'nodeid', 'databaseid']);
const ID_WORDS = new Set(['id', 'ids', 'gid', 'sid', 'uuid', 'key']);
const MONEY_WORDS = new Set([
  'amount',
  'price',
  'total',
  'subtotal',
  'cost',
  'balance',
  'fee',
  'fees',
  'spend',
  'spent',
  'revenue',
  'budget',
  'bid',
  'salary',
  'msrp',
  'tcv',
  'acv',
  'arr',
  'mrr',
  'tax',
  'taxes',
  'discounts',
  'duties',
]);
/** Numbers a service sends as strings ('duration': '42'), as their number kinds. */
const NUMERIC_TEXT_KINDS = new Set<NumberKind>([
  'count',
  'bigCount',
  'duration',
  'quantity',
  'bytes',
  'percent',
  'rate',
  'score',
  'dimension',
  'position',
  'weight',
]);
const PERSON_NAMES =
  /^(fullname|displayname|realname|name|individualname|ownername|customername|contactname|authorname|sendername|assigneename|requestername|membername)$/;
const SLACK_REFERENCES = new Set(['channel', 'user', 'team', 'bot', 'creator', 'inviter', 'parentuser']);
const BODY_LAST_WORDS = new Set([
  'description',
  'notes',
  'note',
  'body',
  'content',
  'text',
  'memo',
  'feedback',
  'conditions',
  'excerpt',
  'comment',
  'message',
  'bio',
]);
/** Strings that name another record outright hold its id (a Stripe-like `customer`, Asana's `workspace`). */
const REFERENCE_NOUNS = new Set([
  'parent',
  'owner',
  'user',
  'creator',
  'assignee',
  'campaign',
  'account',
  'customer',
  'project',
  'team',
  'workspace',
  'organization',
  'base',
  'template',
  'schedule',
  'board',
  'folder',
  'space',
  'list',
  'contact',
  'conversation',
  'member',
  'group',
  'form',
  'pipeline',
  'segment',
  'audience',
  'file',
  'media',
  'document',
  'page',
  'block',
  'ticket',
  'issue',
  'task',
  'invoice',
  'order',
  'product',
  'plan',
]);
const ADDRESS_OWNERS = new Set(['billing', 'shipping', 'mailing', 'other', 'home', 'work']);
/** The address part a word names (for Billing_Code and the like), if any. */
function addressPartOf(word: string): StringKind | undefined {
  if (word === 'street') return 'street';
  if (word === 'city') return 'city';
  if (word === 'state' || word === 'province') return 'region';
  if (word === 'code' || word === 'zip' || word === 'postcode') return 'postalCode';
  if (word === 'country') return 'country';
  return undefined;
}

/** Whether this name is the record's own id ('id', 'Id', 'gid', Twilio's 'sid', GitHub's 'databaseId'). */
export const isOwnIdName = (field: FieldName) => OWN_ID_NAMES.has(field.compact) || field.raw === '_id';

/** The thing a foreign key names, as a compact singular ('customer_id' → 'customer', 'AccountSid' → 'account'). */
export function foreignTargetOf(field: FieldName): string | undefined {
  if (field.words.length < 2 || !ID_WORDS.has(field.last)) return undefined;
  return singular(field.words.slice(0, -1).join(''));
}

/** Kinds by field and context, for the same reason. */
const stringKindsSeen = new Map<string, StringKind>();
export function stringKindOf(field: FieldName, context: NameContext): StringKind {
  const memoKey = `${context.connector}|${context.kind}|${context.parent}|${context.inAddress}|${field.raw}`;
  let kind = stringKindsSeen.get(memoKey);
  if (kind === undefined) {
    kind = classifyString(field, context);
    if (stringKindsSeen.size > 20_000) stringKindsSeen.clear();
    stringKindsSeen.set(memoKey, kind);
  }
  return kind;
}

function classifyString(field: FieldName, context: NameContext): StringKind {
  const { words, last, compact } = field;
  const { connector, kind, inAddress } = context;
  const parent = context.parent.toLowerCase();

  if (connector === 'salesforce' && parent === 'attributes') return last === 'url' ? 'sobjectUrl' : 'sobjectType';
  // Zoho's Billing_City, Shipping_Code, Mailing_Street: an address part under the name of its address.
  if (words.length === 2 && ADDRESS_OWNERS.has(words[0]!) && !inAddress) {
    const part = addressPartOf(words[1]!);
    if (part) return part;
  }
  if (VALUES_BY_FIELD[compact]) return 'namedValue';
  if (connector === 'google-ads' && compact === 'resourcename') return 'resourceName';
  if (compact === 'admingraphqlapiid') return 'shopifyGlobalId';
  if (compact === 'hsobjectid' || compact === 'objectid') return 'recordKey';
  if (isOwnIdName(field)) return 'ownId';
  if (
    compact === 'externalid' ||
    compact === 'requestid' ||
    compact === 'idempotencykey' ||
    compact === 'objectwritetraceid'
  )
    return 'externalId';
  if (compact === 'key')
    return kind === 'project' || kind === 'team'
      ? 'projectKey'
      : kind === 'workItem' || kind === 'ticket' || kind === 'task'
        ? 'issueKey'
        : 'slug';
  if (foreignTargetOf(field) !== undefined && last !== 'key') return 'foreignId';
  if (connector === 'stripe' && stripeObjectOf(compact) && compact !== 'source') return 'foreignId';
  if (connector === 'slack' && (SLACK_REFERENCES.has(compact) || /^(ts|threadts|latestreply|lastread)$/.test(compact)))
    return SLACK_REFERENCES.has(compact) ? 'foreignId' : 'slackTs';
  if (compact.includes('md5')) return 'md5';
  if (compact.includes('sha256')) return 'sha256';
  if (compact === 'last4' || compact === 'lastfour') return 'last4';
  if (compact === 'asin') return 'asin';
  if (
    last === 'sha' ||
    compact === 'sha1checksum' ||
    compact === 'oid' ||
    compact === 'hash' ||
    compact === 'etag' ||
    compact === 'checksum' ||
    compact === 'md5' ||
    compact === 'fingerprint' ||
    compact === 'commitsha'
  )
    return 'sha';
  if (compact === 'abbreviatedoid' || compact === 'shortsha' || compact === 'shortid') return 'shortSha';
  if (isTimeName(field)) return 'time';

  if (
    /email(address|addr|alias)?(e?s)?$/.test(compact) ||
    compact === 'replyto' ||
    (compact === 'recipient' && connector !== 'twilio')
  )
    return 'email';
  if (
    /phone|mobile|fax|msisdn/.test(compact) ||
    (connector === 'twilio' && /^(to|from|forwardedfrom|callerid|toformatted|fromformatted)$/.test(compact))
  )
    return 'phone';
  if (
    /^(avatar|picture|photo|image|logo|icon|thumbnail|profilepicture|profilephoto|src)$/.test(compact) ||
    /avatar/.test(parent)
  )
    return 'imageUrl';
  if (
    last === 'url' ||
    last === 'uri' ||
    last === 'href' ||
    last === 'link' ||
    last === 'permalink' ||
    compact === 'self' ||
    last === 'website' ||
    last === 'homepage' ||
    last === 'urls' ||
    last === 'pdf' ||
    /^(webui|editui|edituiv2|tinyui)$/.test(compact)
  ) {
    if (/avatar|picture|photo|image|logo|icon|thumbnail|thumb|gravatar/.test(compact)) return 'imageUrl';
    if (/website|homepage|site|domain|company/.test(compact)) return 'website';
    return 'url';
  }
  if (last === 'domain' || compact === 'hostname') return 'domain';
  if (compact === 'ip' || compact === 'ipaddress' || words.includes('ip')) return 'ip';
  if (last === 'callback' || last === 'webhook' || (words.includes('url') && words.length > 1)) return 'url';
  if (compact === 'cursor' || compact.endsWith('cursor') || compact.endsWith('pagetoken')) return 'token';
  if (last === 'method' && /voice|sms|callback|http|request/.test(compact)) return 'httpMethod';
  if (compact.endsWith('useragent') || compact === 'browser') return 'userAgent';

  if (compact === 'firstname' || compact === 'givenname' || compact === 'first') return 'firstName';
  if (compact === 'lastname' || compact === 'familyname' || compact === 'surname' || compact === 'last')
    return 'lastName';
  if (compact === 'handle' && kind !== 'person') return 'slug';
  if (
    compact === 'login' ||
    compact === 'username' ||
    compact === 'handle' ||
    compact === 'screenname' ||
    compact === 'twitterusername' ||
    compact === 'slackhandle'
  )
    return 'username';
  if (compact === 'initials') return 'initials';
  if (
    (connector === 'github' || connector === 'gitlab') &&
    /^(fullname|namewithowner|pathwithnamespace)$/.test(compact)
  )
    return 'repoFullName';
  if (PERSON_NAMES.test(compact) && ((compact !== 'name' && compact !== 'displayname') || kind === 'person'))
    return 'fullName';
  if (
    last === 'name' &&
    words.length > 1 &&
    (KIND_BY_WORD[words[words.length - 2]!] === 'person' ||
      /^(from|to|sender|replyto|caller|callee)$/.test(words[words.length - 2]!))
  )
    return 'fullName';
  if (
    compact === 'jobtitle' ||
    compact === 'position' ||
    (kind === 'person' && (compact === 'title' || compact === 'occupation'))
  )
    return 'jobTitle';
  if (
    /^(company|companyname|businessname|organization|organizationname|accountname|employer|vendor|merchant|brand)$/.test(
      compact,
    ) ||
    (compact === 'name' && kind === 'company')
  )
    return 'companyName';
  if (compact === 'industry' || compact === 'sector') return 'industry';
  if (compact === 'department' || (compact === 'team' && kind === 'person')) return 'department';

  if (
    /^(line1|address1|addressline1|street|street1|streetaddress|address)$/.test(compact) ||
    (inAddress && compact === 'line')
  )
    return 'street';
  if (/^(line2|address2|addressline2|street2)$/.test(compact)) return 'street2';
  if (compact === 'city' || compact === 'town' || compact === 'locality') return 'city';
  if (
    /^(province|statecode|provincecode|region|stateorregion|stateorprovince)$/.test(compact) ||
    (inAddress && compact === 'state')
  )
    return 'region';
  if (/^(postalcode|postcode|zip|zipcode|postal)$/.test(compact)) return 'postalCode';
  if (/^(country|countrycode|countryiso|countryiso2)$/.test(compact) || last === 'country') return 'country';
  if (compact === 'countryname') return 'countryName';
  if (compact === 'timezone' || compact === 'tz' || compact === 'ianatimezone') return 'timezone';
  if (compact === 'locale' || last === 'locale') return 'locale';
  if (compact === 'language' || compact === 'lang' || compact === 'primarylanguage' || last === 'language') {
    return connector === 'github' || connector === 'gitlab' ? 'programmingLanguage' : 'language';
  }
  if (compact === 'currencysymbol') return 'currencySymbol';
  if (
    last === 'currency' ||
    compact.endsWith('currencycode') ||
    compact === 'currencyisocode' ||
    compact === 'isocurrency' ||
    compact === 'priceunit'
  )
    return 'currency';
  if (compact === 'direction') return 'direction';

  if (last === 'color' || last === 'colour' || last === 'rgb') return 'color';
  if (compact === 'apiversion') return 'apiVersion';
  if (last === 'version' || compact === 'semver') return 'version';
  if (/^(mimetype|contenttype|mediatype|filetype)$/.test(compact)) return 'mime';
  if (/^(filename|originalfilename|fname|title)$/.test(compact) && kind === 'file') return 'fileName';
  if (compact === 'filename' || compact === 'originalfilename') return 'fileName';
  if (compact === 'path' || compact === 'filepath' || compact === 'fullpath' || compact === 'relativepath')
    return 'filePath';
  if (/^(branch|ref|defaultbranch|baserefname|headrefname|headref|baseref|sourcebranch|targetbranch)$/.test(compact))
    return 'branch';
  if (compact === 'tagname' || compact === 'releasetag') return 'tagName';
  if (/token|secret|apikey|password|signature/.test(compact)) return 'token';
  if (
    last === 'code' &&
    words.some(
      (word) => word === 'error' || word === 'failure' || word === 'decline' || word === 'advice' || word === 'reason',
    )
  )
    return 'errorCode';
  if (last === 'message' && (words[0] === 'failure' || words[0] === 'error')) return 'errorMessage';
  if (compact === 'location' || compact === 'hometown') return 'location';
  if (/statementdescriptor/.test(compact)) return 'statementDescriptor';
  if (compact === 'identifier')
    return kind === 'workItem' || kind === 'ticket' || kind === 'task' ? 'issueKey' : 'slug';
  if (compact === 'namespace') return 'slug';
  if (connector === 'github' && compact === 'prefix') return 'refPrefix';
  if (compact === 'code' || last === 'prefix' || /^(couponcode|promocode|discountcode|promotioncode)$/.test(compact))
    return 'code';
  if (compact === 'sku') return 'sku';
  if (last === 'number' || compact === 'reference' || compact === 'receiptnumber') return 'documentNumber';
  if (compact === 'slug' || compact === 'permalinkslug') return 'slug';
  if (compact === 'fullname' || compact === 'namewithowner' || compact === 'pathwithnamespace') return 'repoFullName';

  if (MONEY_WORDS.has(last) || words[0] === 'amount' || words[0] === 'cost' || compact === 'cpc' || compact === 'cpm')
    return 'money';
  if (
    /^(title|subject|summary|headline|rawtitle|rawsubject|topic|dealname|campaignname|subjectline|messageheadline|friendlyname|alt|display)$/.test(
      compact,
    )
  )
    return 'headline';
  if (
    compact === 'name' ||
    compact === 'displayname' ||
    compact === 'label' ||
    compact === 'nickname' ||
    compact === 'shortdescription'
  )
    return compact === 'shortdescription' ? 'body' : 'headline';
  if (compact.includes('html')) return 'html';
  if (
    /^(body|description|content|text|message|comment|note|notes|snippet|details|bio|about|preview|excerpt|instructions|plainbody|bodytext|richtext|plaintext|memo|reasontext|answer|question|footer|header|annotation|feedback)$/.test(
      compact,
    ) ||
    BODY_LAST_WORDS.has(last)
  )
    return 'body';

  if (compact === 'dealstage' || compact === 'stage' || compact === 'stagename' || compact === 'hspipelinestage')
    return 'stage';
  if (compact === 'lifecyclestage') return 'lifecycleStage';
  if (last === 'status' || last === 'state' || compact === 'phase' || compact === 'statereason')
    return compact === 'statereason' ? 'reason' : 'status';
  if (last === 'priority') return 'priority';
  if (last === 'severity' || compact === 'urgency' || compact === 'impact') return 'severity';
  if (compact === 'object' || compact === 'resourcetype' || compact === 'objecttype' || compact === 'sobjecttype')
    return 'objectName';
  if (
    last === 'type' ||
    last === 'kind' ||
    last === 'category' ||
    compact === 'format' ||
    compact === 'subtype' ||
    compact === 'resourcesubtype'
  )
    return 'recordType';
  if (
    last === 'role' ||
    compact === 'access' ||
    last === 'permission' ||
    compact === 'permissionlevel' ||
    compact === 'accesslevel'
  )
    return 'role';
  if (compact === 'visibility' || compact === 'privacy' || compact === 'sharing') return 'visibility';
  if (/^(channel|source|via|origin|medium|platform|utmsource|leadsource)$/.test(compact)) return 'channel';
  if (last === 'reason') return 'reason';
  if (compact === 'pipeline' || compact === 'hspipeline') return 'pipeline';
  if (compact === 'tags' || compact === 'labels' || compact === 'keywords') return 'labelList';
  if (compact === 'tag' || compact === 'keyword' || compact === 'label' || compact === 'topic') return 'labelWord';
  // Strings named after another record (parent, owner, campaign) hold its id.
  if (
    last === 'parent' ||
    REFERENCE_NOUNS.has(compact) ||
    (words.length === 2 && /^(parent|default|latest|top|current|primary)$/.test(words[0]!) && REFERENCE_NOUNS.has(last))
  )
    return 'foreignId';
  if (last === 'name' && words.length > 1 && KIND_BY_WORD[singular(words[words.length - 2]!)]) return 'namedHeadline';
  if (compact.includes('name') || last === 'title') return 'genericName';
  return NUMERIC_TEXT_KINDS.has(numberKindOf(field)) ? 'numericText' : 'genericWord';
}

// ---- numbers and flags ----------------------------------------------------------------------------------------------
export type NumberKind =
  | 'ownId'
  | 'foreignId'
  | 'recordKey'
  | 'sequence'
  | 'time'
  | 'money'
  | 'count'
  | 'bigCount'
  | 'position'
  | 'quantity'
  | 'bytes'
  | 'dimension'
  | 'duration'
  | 'percent'
  | 'rate'
  | 'year'
  | 'month'
  | 'day'
  | 'age'
  | 'score'
  | 'version'
  | 'priority'
  | 'latitude'
  | 'longitude'
  | 'exchangeRate'
  | 'weight'
  | 'plain';

const COUNT_WORDS = new Set([
  'count',
  'followers',
  'following',
  'forks',
  'stars',
  'stargazers',
  'watchers',
  'comments',
  'replies',
  'reactions',
  'votes',
  'attempts',
  'retries',
  'additions',
  'deletions',
  'changes',
  'lines',
  'seats',
  'licenses',
  'uses',
  'downloads',
  'subscribers',
  'contacts',
  'recipients',
  'members',
  'employees',
  'users',
  'files',
  'items',
  'tickets',
  'issues',
  'calls',
  'messages',
  'responses',
  'opens',
  'unsubscribes',
  'bounces',
  'forwards',
  'installs',
  'sessions',
  'pageviews',
  'visits',
  'answers',
  'questions',
  'segments',
  'credits',
  'points',
]);
const BIG_COUNT_WORDS = new Set([
  'impressions',
  'reach',
  'views',
  'clicks',
  'sends',
  'deliveries',
  'pageviews',
  'visits',
  'sessions',
  'events',
]);

export function numberKindOf(field: FieldName): NumberKind {
  const { words, last, compact } = field;
  if (compact === 'hsobjectid' || compact === 'objectid') return 'recordKey';
  if (isOwnIdName(field)) return 'ownId';
  if (compact === 'iid' || (last === 'number' && !/phone|account|tax|card|routing|vat/.test(compact)))
    return 'sequence';
  if (foreignTargetOf(field) !== undefined) return 'foreignId';
  if (/^(latitude|lat)$/.test(compact)) return 'latitude';
  if (/^(longitude|lng|lon|long)$/.test(compact)) return 'longitude';
  if (compact.includes('exchangerate') || compact === 'fxrate') return 'exchangeRate';
  if (isTimeName(field) && !/duration|seconds|minutes|hours|spent|elapsed|ttl/.test(compact)) return 'time';
  if (
    last === 'count' ||
    compact.endsWith('count') ||
    (words.length > 1 &&
      (words[0] === 'num' || words[0] === 'number' || words[0] === 'total' || words[0] === 'n') &&
      !MONEY_WORDS.has(last))
  ) {
    return BIG_COUNT_WORDS.has(words[words.length - 2] ?? '') ? 'bigCount' : 'count';
  }
  if (
    MONEY_WORDS.has(last) ||
    words[0] === 'amount' ||
    compact === 'tax' ||
    compact === 'discount' ||
    compact.endsWith('cents') ||
    compact === 'unitamount' ||
    compact === 'cpc' ||
    compact === 'cpm'
  )
    return 'money';
  if (BIG_COUNT_WORDS.has(last)) return 'bigCount';
  if (COUNT_WORDS.has(last)) return 'count';
  if (/rate$|ratio$|^ctr$|share$|conversionrate/.test(compact)) return 'rate';
  if (/percent|percentage|progress/.test(compact)) return 'percent';
  if (
    /^(position|index|order|orderindex|rank|sequence|sortorder|displayorder|level|depth|step|sort|row)$/.test(
      compact,
    ) ||
    last === 'position' ||
    last === 'index' ||
    last === 'order'
  )
    return 'position';
  if (last === 'priority') return 'priority';
  if (/^(quantity|qty|units|unitcount)$/.test(compact) || last === 'quantity') return 'quantity';
  if (/page|limit|batch/.test(compact) && /size|count|number|limit/.test(compact)) return 'position';
  if (/size|bytes|bytesize|filesize|length$/.test(compact)) return 'bytes';
  if (compact === 'width' || compact === 'height' || last === 'width' || last === 'height') return 'dimension';
  if (/duration|seconds|minutes|hours|elapsed|spent|ttl|timeout|interval|days$/.test(compact)) return 'duration';
  if (last === 'weight') return 'weight';
  if (last === 'year') return 'year';
  if (last === 'month') return 'month';
  if (last === 'day' || compact === 'dayofweek') return 'day';
  if (last === 'age') return 'age';
  if (/score|rating|nps|sentiment|stars/.test(compact)) return 'score';
  if (last === 'version' || last === 'revision' || compact === 'resourceversion') return 'version';
  return 'plain';
}

/** How likely a flag is true: `deleted` and `livemode` rarely are, `active` and `enabled` usually. */
export function flagChanceOf(field: FieldName): number {
  const c = field.compact;
  if (
    /delet|archiv|test|livemode|lock|private|hidden|disabl|suspend|spam|block|draft|fork|template|trash|pinned|muted|delinquent|minimized|bot|siteadmin|employee|banned|readonly|incident|closed|merged|fraud|exempt|cancel|refunded|overdue|failed|deactivated|default/.test(
      c,
    )
  )
    return 0.15;
  if (
    /^(is|has)?(active|enabled|success|ok|verified|visible|public|published|confirmed|valid|available|subscribed|paid|primary|current)|allow|^can|enabled$|^viewer/.test(
      c,
    )
  )
    return 0.85;
  return 0.5;
}

// ---- objects and untyped fields -------------------------------------------------------------------------------------
export type FreeObjectKind = 'person' | 'address' | 'links' | 'avatarUrls' | 'connection' | 'reference' | 'empty';

const GITHUB_CONNECTIONS =
  /^(fields|labels|assignees|comments|reviews|commits|repositories|issues|pullrequests|followers|following|starredrepositories|members|teams|releaseassets|repositorytopics|reviewrequests|associatedpullrequests|parents|organizations|memberswithrole|fieldvalues|projects|items|discussions|stargazers|watchers|releases|tags|milestones)$/;
const EMPTY_OBJECTS =
  /metadata|custom|propert|setting|attribute|extra|option|config|preference|^meta$|^data$|context|stats|capabilit|feature|extended|payload|params|parameters|details|info$|fields$|values$|history|association|trace|rendering|tax|limits|permissions|source|transfer|automatic|liability|issuer|subresource|balance|cash|credit|result|raw/;

/** What to put in an object the schema leaves free-form (no `properties`), by its name. */
export function freeObjectKindOf(field: FieldName, connector: string): FreeObjectKind {
  const c = field.compact;
  if (c === 'links' || c === 'link') return 'links';
  if (c === 'avatarurls') return 'avatarUrls';
  if (connector === 'github' && GITHUB_CONNECTIONS.test(c)) return 'connection';
  const kind = objectKindOf(field);
  if (kind === 'person') return 'person';
  if (kind === 'address') return 'address';
  if (EMPTY_OBJECTS.test(c)) return 'empty';
  if (kind) return 'reference';
  return /status|state|priority|type|project|parent|plan|workspace|language|license|branch|target|category|milestone|node|space|folder|list|board|client|group|pipeline|stage|resolution/.test(
    c,
  )
    ? 'reference'
    : 'empty';
}

export type InferredType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';

/** A type for a field the schema leaves untyped (`{}`), from its name: isLocked → boolean, author → object. */
export function inferredTypeOf(field: FieldName, connector: string): InferredType {
  const { words, compact } = field;
  if (
    words[0] === 'is' ||
    words[0] === 'has' ||
    words[0] === 'can' ||
    (words[0] === 'viewer' && (words[1] === 'can' || words[1] === 'is' || words[1] === 'has'))
  )
    return 'boolean';
  if (
    /^(locked|closed|merged|public|private|enabled|active|deleted|archived|draft|watching|verified|livemode|default)$/.test(
      compact,
    )
  )
    return 'boolean';
  if (isTimeName(field)) return 'string';
  if (compact === 'databaseid' || compact === 'number' || compact === 'iid') return 'integer';
  if (connector === 'github' && GITHUB_CONNECTIONS.test(compact)) return 'object';
  const numberKind = numberKindOf(field);
  if (
    numberKind === 'count' ||
    numberKind === 'bigCount' ||
    numberKind === 'bytes' ||
    numberKind === 'position' ||
    numberKind === 'quantity'
  )
    return 'integer';
  if (numberKind === 'percent' || numberKind === 'rate') return 'number';
  if (isOwnIdName(field) || foreignTargetOf(field) !== undefined) return 'string';
  const objectKind = objectKindOf(field);
  if (
    objectKind === 'person' ||
    (objectKind === 'address' && compact.includes('address')) ||
    /^(milestone|primarylanguage|licenseinfo|defaultbranchref|category|parentteam|target|answer|node|readme|owner|changedvalues|paymentmethoddetails)$/.test(
      compact,
    )
  )
    return 'object';
  if (/s$/.test(compact) && /fields|followers|options|items|values|ids|members|tags|labels/.test(compact))
    return 'array';
  return 'string';
}
