// Ids and object names in each service's own style: Stripe `cus_…` by object, Salesforce 18-character Ids with the object's key
// prefix and checksum, GitHub node ids, Twilio SIDs, Airtable and Slack prefixes, and each connector's usual id
// shape (numeric strings, UUIDs, ULIDs, hex). A "target" is the thing an id names as a compact singular word
// ('customer', 'pullrequest', 'account'): the entity for a record's own id, the stem of a foreign key otherwise.
import { BASE62, DECIMAL, type Draw, HEX, type RecordKind, UPPER_ALNUM, ulid, uuid } from './fake-values.js';

export type StringIdMaker = (draw: Draw, createdMs: number) => string;

const numeric =
  (length: number): StringIdMaker =>
  (draw) =>
    draw.digits(length);
const hex =
  (length: number): StringIdMaker =>
  (draw) =>
    draw.chars(HEX, length);
const alnum =
  (length: number): StringIdMaker =>
  (draw) =>
    draw.chars(BASE62, length);
const LOWER_ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Each connector's usual string id when nothing more specific applies. */
const CONNECTOR_STRING_IDS: Record<string, StringIdMaker> = {
  hubspot: numeric(11),
  asana: numeric(16),
  jira: numeric(5),
  confluence: numeric(9),
  sentry: numeric(10),
  gong: numeric(19),
  monday: numeric(10),
  'zoho-crm': numeric(19),
  pinterest: numeric(18),
  'tiktok-marketing': numeric(19),
  freshdesk: numeric(11),
  'google-ads': numeric(10),
  'linkedin-ads': numeric(9),
  'amazon-ads': numeric(15),
  'facebook-marketing': numeric(17),
  amplitude: numeric(9),
  greenhouse: numeric(8),
  harvest: numeric(8),
  gitlab: numeric(8),
  woocommerce: numeric(4),
  shopify: numeric(13),
  'zendesk-support': numeric(12),
  'zendesk-talk': numeric(12),
  'zendesk-chat': numeric(12),
  'google-analytics-data-api': numeric(9),
  mailchimp: hex(10),
  intercom: hex(24),
  gmail: hex(16),
  klaviyo: (draw, ms) => ulid(draw, ms),
  'incident-io': (draw, ms) => ulid(draw, ms),
  notion: uuid,
  linear: uuid,
  pylon: uuid,
  granola: uuid,
  'snapchat-marketing': uuid,
  ashby: uuid,
  sendgrid: uuid,
  'google-drive': (draw) => `1${draw.chars(`${BASE62}-_`, 32)}`,
  typeform: alnum(8),
  chargebee: alnum(16),
  orb: alnum(22),
  'clickup-api': numeric(10),
  'paypal-transaction': (draw) => draw.chars(UPPER_ALNUM, 17),
  'amazon-seller-partner': (draw) => `B0${draw.chars(UPPER_ALNUM, 8)}`,
};

/** Digits of each connector's integer ids (as the services issue them today); 8 elsewhere. */
const INTEGER_ID_DIGITS: Record<string, number> = {
  github: 9,
  gitlab: 8,
  shopify: 13,
  woocommerce: 4,
  freshdesk: 11,
  greenhouse: 8,
  harvest: 9,
  'linkedin-ads': 9,
  'zendesk-support': 12,
  'zendesk-talk': 12,
  'zendesk-chat': 9,
  sentry: 10,
  typeform: 6,
};
export const integerIdDigits = (connector: string) => INTEGER_ID_DIGITS[connector] ?? 8;

// ---- Stripe -------------------------------------------------------------------------------------------------------
const STRIPE_PREFIXES: Record<string, string> = {
  customer: 'cus',
  invoice: 'in',
  charge: 'ch',
  subscription: 'sub',
  refund: 're',
  product: 'prod',
  balancetransaction: 'txn',
  paymentintent: 'pi',
  price: 'price',
  checkoutsession: 'cs_test',
  paymentmethod: 'pm',
  dispute: 'dp',
  payout: 'po',
  discount: 'di',
  invoiceitem: 'ii',
  subscriptionitem: 'si',
  promotioncode: 'promo',
  testclock: 'clock',
  source: 'src',
  card: 'card',
  event: 'evt',
  file: 'file',
  account: 'acct',
  application: 'ca',
  applicationfee: 'fee',
  transfer: 'tr',
  setupintent: 'seti',
  taxrate: 'txr',
  taxid: 'txi',
  quote: 'qt',
  creditnote: 'cn',
  review: 'prv',
  coupon: 'co',
  plan: 'plan',
  lineitem: 'il',
  bankaccount: 'ba',
  mandate: 'mandate',
  paymentlink: 'plink',
  shippingrate: 'shr',
  // entities whose records are another object's (an invoice finalized, a payment intent confirmed)
  invoicefinalization: 'in',
  invoicesend: 'in',
  paymentintentconfirmation: 'pi',
  paymentintentcancellation: 'pi',
  paymentmethodattachment: 'pm',
  balance: 'txn',
};
/** Stripe fields that hold another object's id under a name other than the object's. */
const STRIPE_FIELD_OBJECTS: Record<string, string> = {
  latestinvoice: 'invoice',
  latestcharge: 'charge',
  defaultpaymentmethod: 'paymentmethod',
  defaultsource: 'card',
  failurebalancetransaction: 'balancetransaction',
  onbehalfof: 'account',
  customeraccount: 'account',
  destination: 'account',
  sourcetransfer: 'transfer',
  upcominginvoice: 'invoice',
  pendingsetupintent: 'setupintent',
  schedule: 'subscriptionschedule',
};
/** The Stripe object a field or entity names ('latest_invoice' → 'invoice'), if it is one. */
export function stripeObjectOf(target: string): string | undefined {
  const object = STRIPE_FIELD_OBJECTS[target] ?? target;
  return STRIPE_PREFIXES[object] ? object : undefined;
}
function stripeId(target: string): StringIdMaker | undefined {
  const object = stripeObjectOf(target);
  if (!object) return undefined;
  const prefix = STRIPE_PREFIXES[object]!;
  // Older object kinds keep 14 characters (cus_NffrFeUfNV2Hib); newer ones carry 24 (pi_3MtwBwLkdIwHu7ix28a3tqPa).
  const length = prefix === 'cus' || prefix === 'prod' || prefix === 'acct' || prefix === 'card' ? 14 : 24;
  return (draw) => `${prefix}_${draw.chars(BASE62, length)}`;
}

// ---- Salesforce ---------------------------------------------------------------------------------------------------
const SALESFORCE_KEY_PREFIXES: Record<string, string> = {
  Account: '001',
  Contact: '003',
  Lead: '00Q',
  Opportunity: '006',
  Task: '00T',
  Event: '00U',
  Campaign: '701',
  Case: '500',
  Note: '002',
  ContentVersion: '068',
  ContentDocument: '069',
  Attachment: '00P',
  Report: '00O',
  User: '005',
  OpportunityStage: '01J',
  RecordType: '012',
  Profile: '00e',
  UserRole: '00E',
  Pricebook2: '01s',
  Product2: '01t',
  Organization: '00D',
  Dashboard: '01Z',
  Folder: '00l',
  CampaignMember: '00v',
  Group: '00G',
};
const SALESFORCE_OBJECTS_BY_WORD: Record<string, string> = {
  ...Object.fromEntries(Object.keys(SALESFORCE_KEY_PREFIXES).map((name) => [name.toLowerCase(), name])),
  owner: 'User',
  createdby: 'User',
  lastmodifiedby: 'User',
  manager: 'User',
  delegatedapprover: 'User',
  who: 'Contact',
  what: 'Opportunity',
  reportsto: 'Contact',
  convertedaccount: 'Account',
  convertedcontact: 'Contact',
  convertedopportunity: 'Opportunity',
  sobject: 'EntityDefinition',
  query: 'Account',
};
/** The sObject a Salesforce entity or reference names ('opportunities' → 'Opportunity', 'owner' → 'User'). */
export const salesforceObjectOf = (target: string) => SALESFORCE_OBJECTS_BY_WORD[target];
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
/** The 18-character form: 15 case-sensitive characters and three that encode which of them are upper case. */
export function salesforceId(prefix: string, draw: Draw): string {
  const id15 = `${prefix}5g0000${draw.chars(BASE62, 6)}`;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const code = id15.charCodeAt(chunk * 5 + i);
      if (code >= 65 && code <= 90) flags |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET[flags];
  }
  return id15 + suffix;
}
function salesforceIdMaker(target: string, ownObject: string | undefined): StringIdMaker {
  const object = salesforceObjectOf(target) ?? ownObject;
  const prefix = (object && SALESFORCE_KEY_PREFIXES[object]) ?? 'a0X';
  return (draw) => salesforceId(prefix, draw);
}

// ---- GitHub, Twilio, Airtable, Slack, Facebook --------------------------------------------------------------------
const GITHUB_NODE_TYPES: Record<string, string> = {
  repository: 'R_kgDO',
  orgrepository: 'R_kgDO',
  viewerrepository: 'R_kgDO',
  organization: 'O_kgDO',
  issue: 'I_kwDO',
  pullrequest: 'PR_kwDO',
  comment: 'IC_kwDO',
  prcomment: 'PRRC_kwDO',
  review: 'PRR_kwDO',
  label: 'LA_kwDO',
  milestone: 'MI_kwDO',
  release: 'RE_kwDO',
  commit: 'C_kwDO',
  team: 'T_kwDO',
  discussion: 'D_kwDO',
  project: 'PVT_kwDO',
  projectitem: 'PVTI_lADO',
  branch: 'REF_kwDO',
  tag: 'REF_kwDO',
  ref: 'REF_kwDO',
  answer: 'DC_kwDO',
  category: 'DIC_kwDO',
};
const GITHUB_USERS =
  /^(user|stargazer|viewer|author|assignee|owner|mergedby|creator|answerchosenby|member|follower|editor|actor|committer)$/;
const githubNodeId =
  (type: string): StringIdMaker =>
  (draw) =>
    `${type}${draw.chars(`${BASE62}-_`, 12)}`;

const TWILIO_SID_PREFIXES: Record<string, string> = {
  account: 'AC',
  call: 'CA',
  message: 'SM',
  incomingphonenumber: 'PN',
  outgoingcallerid: 'PN',
  phonenumber: 'PN',
  recording: 'RE',
  conference: 'CF',
  address: 'AD',
  queue: 'QU',
  transcription: 'TR',
  application: 'AP',
  participant: 'CA',
  messagingservice: 'MG',
  conversation: 'CH',
  parentcall: 'CA',
};
const AIRTABLE_PREFIXES: Record<string, string> = {
  base: 'app',
  table: 'tbl',
  tableidorname: 'tbl',
  record: 'rec',
  field: 'fld',
  view: 'viw',
  user: 'usr',
  workspace: 'wsp',
  comment: 'com',
  attachment: 'att',
  collaborator: 'usr',
  webhook: 'ach',
};
const SLACK_PREFIXES: Record<string, string> = {
  channel: 'C',
  conversation: 'C',
  channelmessage: 'C',
  user: 'U',
  member: 'U',
  creator: 'U',
  inviter: 'U',
  owner: 'U',
  parentuser: 'U',
  team: 'T',
  bot: 'B',
  file: 'F',
  app: 'A',
  usergroup: 'S',
  enterprise: 'E',
};

/**
 * The maker of string ids for `target` in `connector`'s style. `ownEntity` is the record's entity as a compact
 * singular (what a Salesforce `ParentId` points back to).
 */
export function stringIdMaker(connector: string, target: string, ownEntity: string): StringIdMaker {
  switch (connector) {
    case 'stripe':
      return stripeId(target) ?? alnum(24);
    case 'salesforce':
      return salesforceIdMaker(target, salesforceObjectOf(ownEntity));
    case 'github': {
      const type = GITHUB_USERS.test(target) ? 'U_kgDO' : (GITHUB_NODE_TYPES[target] ?? 'N_kwDO');
      return githubNodeId(type);
    }
    case 'twilio': {
      const prefix = TWILIO_SID_PREFIXES[target] ?? target.slice(0, 2).toUpperCase().padEnd(2, 'X');
      return (draw) => prefix + draw.chars(HEX, 32);
    }
    case 'airtable': {
      const prefix = AIRTABLE_PREFIXES[target] ?? 'rec';
      return (draw) => prefix + draw.chars(BASE62, 14);
    }
    case 'slack': {
      const prefix = SLACK_PREFIXES[target] ?? 'C';
      return (draw) => prefix + draw.chars(UPPER_ALNUM, 10);
    }
    case 'facebook-marketing':
      return target === 'adaccount'
        ? (draw) => `act_${draw.digits(15)}`
        : target === 'account'
          ? numeric(15)
          : numeric(17);
    case 'clickup-api':
      // Workspaces, spaces and lists have numeric ids; tasks have short alphanumeric ones (86a1b2c3d).
      if (target === 'task' || target === 'subtask' || target === 'parent')
        return (draw) => `86${draw.chars(LOWER_ALNUM, 7)}`;
      break;
    case 'amazon-seller-partner':
      if (target.includes('order'))
        return (draw) => `${draw.chars(DECIMAL, 3)}-${draw.chars(DECIMAL, 7)}-${draw.chars(DECIMAL, 7)}`;
  }
  return CONNECTOR_STRING_IDS[connector] ?? alnum(16);
}

/** Asana's resource_type of an entity's records: project_tasks hold tasks, workspace_task_search finds tasks. */
const ASANA_RESOURCE_TYPES = new Set([
  'task',
  'project',
  'user',
  'team',
  'tag',
  'attachment',
  'story',
  'workspace',
  'section',
  'goal',
  'portfolio',
  'membership',
]);
const ASANA_TYPES_BY_KIND: Partial<Record<RecordKind, string>> = {
  task: 'task',
  project: 'project',
  person: 'user',
  team: 'team',
  label: 'tag',
  file: 'attachment',
  comment: 'story',
};
export function asanaResourceTypeOf(entityNoun: string, kind: RecordKind): string {
  const noun = entityNoun.split(' ').at(-1)!;
  if (noun === 'subtask' || noun === 'dependency' || noun === 'dependent') return 'task';
  return ASANA_RESOURCE_TYPES.has(noun) ? noun : (ASANA_TYPES_BY_KIND[kind] ?? noun);
}
