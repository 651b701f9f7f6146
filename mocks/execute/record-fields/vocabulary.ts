// Word lists the record generator draws from: people, companies, places, and phrases that read like each kind of
// record. Data only; the rules that choose between them live in field-kinds.ts and fake-values.ts.

export const FIRST_NAMES = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Dennis',
  'Barbara',
  'Ken',
  'Radia',
  'Tim',
  'Frances',
  'Priya',
  'Mateo',
  'Amara',
  'Kenji',
  'Sofia',
  'Omar',
  'Ingrid',
  'Tomás',
  'Mei',
  'Jamal',
  'Elena',
  'Noah',
  'Aisha',
  'Lukas',
  'Chloé',
  'Ravi',
  'Hana',
  'Diego',
  'Zara',
  'Felix',
] as const;

export const LAST_NAMES = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Perlman',
  'Nakamura',
  'Okafor',
  'García',
  'Patel',
  'Kowalski',
  'Andersson',
  'Haddad',
  'Rossi',
  'Chen',
  'Müller',
  'Dubois',
  'Silva',
  'Kim',
  'Novak',
  "O'Brien",
  'Mensah',
  'Ivanova',
  'Schmidt',
  'Costa',
  'Reyes',
] as const;

/** Fictional companies with the domains their people's emails and websites use. */
export const COMPANIES = [
  ['Northwind Traders', 'northwind.io'],
  ['Globex', 'globex.com'],
  ['Initech', 'initech.com'],
  ['Umbrella Analytics', 'umbrella-analytics.com'],
  ['Hooli', 'hooli.xyz'],
  ['Vandelay Industries', 'vandelay.com'],
  ['Wonka Foods', 'wonkafoods.com'],
  ['Tyrell Systems', 'tyrell.systems'],
  ['Soylent Labs', 'soylentlabs.co'],
  ['Pied Piper', 'piedpiper.com'],
  ['Cyberdyne Robotics', 'cyberdyne.ai'],
  ['Bluth Company', 'bluth.co'],
  ['Stark Logistics', 'starklogistics.com'],
  ['Massive Dynamic', 'massivedynamic.com'],
  ['Oceanic Air', 'oceanicair.com'],
  ['Dunder Paper', 'dunderpaper.com'],
  ['Gringotts Capital', 'gringotts.finance'],
  ['Aperture Health', 'aperturehealth.org'],
  ['Sterling Cooper', 'sterlingcooper.com'],
  ['Prestige Worldwide', 'prestigeworldwide.net'],
] as const;

export const INDUSTRIES = [
  'Software',
  'Financial Services',
  'Healthcare',
  'Retail',
  'Manufacturing',
  'Media',
  'Education',
  'Logistics',
  'Energy',
  'Hospitality',
] as const;
export const JOB_TITLES = [
  'VP of Engineering',
  'Head of Data',
  'Account Executive',
  'Customer Success Manager',
  'Product Manager',
  'CTO',
  'Data Engineer',
  'Marketing Director',
  'Support Lead',
  'Operations Manager',
  'Founder & CEO',
  'Solutions Architect',
] as const;
export const DEPARTMENTS = [
  'Engineering',
  'Sales',
  'Marketing',
  'Customer Success',
  'Finance',
  'Operations',
  'Support',
  'Product',
] as const;

/** US addresses, each street with a city, state and ZIP that agree. */
export const ADDRESSES = [
  ['500 Howard St', 'San Francisco', 'CA', '94105'],
  ['1 Market St', 'San Francisco', 'CA', '94105'],
  ['350 5th Ave', 'New York', 'NY', '10118'],
  ['233 S Wacker Dr', 'Chicago', 'IL', '60606'],
  ['1100 Congress Ave', 'Austin', 'TX', '78701'],
  ['400 Broad St', 'Seattle', 'WA', '98109'],
  ['77 Massachusetts Ave', 'Cambridge', 'MA', '02139'],
  ['1600 Pennsylvania Ave', 'Denver', 'CO', '80203'],
  ['200 Peachtree St NW', 'Atlanta', 'GA', '30303'],
  ['1 Infinite Loop', 'Cupertino', 'CA', '95014'],
] as const;
export const ADDRESS_SECOND_LINES = ['Suite 400', 'Floor 12', 'Unit 7B', 'Suite 1200'] as const;
export const COUNTRY_CODES = ['US', 'US', 'US', 'GB', 'DE', 'FR', 'CA', 'AU', 'JP', 'BR', 'IN', 'NL'] as const;
export const COUNTRY_NAMES = [
  'United States',
  'United Kingdom',
  'Germany',
  'France',
  'Canada',
  'Australia',
  'Japan',
  'Brazil',
  'India',
  'Netherlands',
] as const;
export const TIME_ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'America/Chicago',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Tokyo',
  'Australia/Sydney',
  'UTC',
] as const;
export const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP', 'pt-BR', 'es-ES'] as const;
export const LANGUAGES = ['en', 'en', 'de', 'fr', 'es', 'ja', 'pt'] as const;
export const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY'] as const;
export const PROGRAMMING_LANGUAGES = ['TypeScript', 'Python', 'Go', 'Kotlin', 'Java', 'Rust', 'Ruby'] as const;

export const ISSUE_AREAS = [
  'API',
  'Sync',
  'Auth',
  'Dashboard',
  'CLI',
  'Billing',
  'Webhooks',
  'Docs',
  'Search',
  'Exports',
] as const;
export const ISSUE_PROBLEMS = [
  'rate limit errors during large syncs',
  'timeout when listing more than 10k records',
  'OAuth token refresh fails after one hour',
  'pagination skips the last page',
  'schema change not detected',
  'memory grows steadily during backfill',
  'wrong timezone in exported timestamps',
  'duplicate rows after a reset',
  'retry storm on 503 responses',
  'cursor is not persisted between runs',
  'null values dropped from nested objects',
  'error message leaks the request id',
] as const;
export const TICKET_SUBJECTS = [
  'Cannot log in after password reset',
  'Invoice shows the wrong billing address',
  'Export to CSV is missing columns',
  'How do I add a teammate to my workspace?',
  'Charged twice for the same month',
  'Integration stopped syncing yesterday',
  'Request to change the account owner',
  'Two-factor code never arrives',
  'Dashboard loads very slowly',
  "Need a copy of last year's invoices",
  'API key was revoked unexpectedly',
  'Cancel my subscription at the end of the term',
] as const;
export const TASK_TITLES = [
  'Draft the Q3 launch plan',
  'Review vendor security questionnaire',
  'Update onboarding checklist',
  'Prepare board deck',
  'Migrate staging database',
  'Interview candidates for the data role',
  'Write release notes',
  'Audit unused licenses',
  'Schedule customer advisory call',
  'Refresh pricing page copy',
  'Clean up stale feature flags',
  'Plan team offsite agenda',
] as const;
export const CHANGE_VERBS = ['fix', 'feat', 'chore', 'docs', 'refactor', 'perf', 'test'] as const;
export const CHANGE_SUBJECTS = [
  'retry on 429 with Retry-After',
  'page through results with cursors',
  'validate webhook signatures',
  'cache schema discovery',
  'bump dependencies',
  'document the scoped token flow',
  'stream large exports',
  'drop the legacy v0 endpoints',
  'handle empty responses',
  'speed up record normalization',
] as const;
export const DEAL_KINDS = ['New Business', 'Renewal', 'Expansion', 'Upsell', 'Pilot', 'Platform Migration'] as const;
export const PLAN_NAMES = ['Starter', 'Team', 'Business', 'Enterprise', 'Pro', 'Growth'] as const;
export const PRODUCT_NAMES = [
  'Pro Plan',
  'Team Plan',
  'Enterprise Plan',
  'Wireless Keyboard',
  'Ergonomic Chair',
  'Standing Desk',
  'Noise-Cancelling Headphones',
  'Usage Add-on',
  'Premium Support',
  'Onboarding Package',
  'Canvas Tote Bag',
  'Ceramic Pour-Over Set',
  'Merino Wool Beanie',
] as const;
export const CAMPAIGN_THEMES = [
  'Spring Launch',
  'Black Friday',
  'Webinar Promo',
  'Retargeting',
  'Brand Awareness',
  'Product Update',
  'Win-back',
  'Holiday Sale',
] as const;
export const CAMPAIGN_AUDIENCES = ['US', 'EMEA', 'Lookalike 1%', 'Trial Users', 'Newsletter', 'Enterprise'] as const;
export const PROJECT_NAMES = [
  'Website Relaunch',
  'Data Platform Migration',
  'Mobile App v2',
  'Customer Portal',
  'Q3 Roadmap',
  'Security Audit',
  'Onboarding Revamp',
  'Partner Program',
  'Billing Overhaul',
  'Analytics Warehouse',
  'Brand Refresh',
  'Support Knowledge Base',
] as const;
export const REPOSITORY_NAMES = [
  'data-pipeline',
  'web-app',
  'api-gateway',
  'infra',
  'design-system',
  'docs',
  'mobile',
  'sdk-python',
  'sdk-typescript',
  'cli',
] as const;
export const TEAM_NAMES = [
  'Platform',
  'Growth',
  'Customer Success',
  'Data',
  'Security',
  'Design',
  'Sales EMEA',
  'Support Tier 2',
  'Infrastructure',
  'Billing',
] as const;
export const CHANNEL_NAMES = [
  'general',
  'random',
  'eng-platform',
  'support-escalations',
  'sales-wins',
  'incidents',
  'product-feedback',
  'design-reviews',
] as const;
export const LABEL_NAMES = [
  'bug',
  'enhancement',
  'question',
  'documentation',
  'good first issue',
  'priority: high',
  'needs triage',
  'billing',
  'vip',
  'wontfix',
] as const;
export const DOCUMENT_TITLES = [
  'Q3 Planning',
  'Onboarding Checklist',
  'Security Policy',
  'Incident Postmortem',
  'Pricing FAQ',
  'Release Notes',
  'Customer Interview Notes',
  'Architecture Overview',
  'How to reset your password',
  'Getting started with the API',
] as const;
export const FILE_EXTENSIONS = [
  ['pdf', 'application/pdf'],
  ['png', 'image/png'],
  ['csv', 'text/csv'],
  ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['jpg', 'image/jpeg'],
  ['json', 'application/json'],
] as const;
export const EVENT_TITLES = [
  'Weekly sync',
  'Quarterly business review',
  'Product demo',
  'Discovery call',
  'Onboarding session',
  'Renewal discussion',
  'Sprint planning',
  '1:1',
] as const;
export const STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Proposal',
  'Negotiation',
  'Closed Won',
  'Closed Lost',
] as const;

export const STATUS_BY_KIND = {
  workItem: ['open', 'open', 'in_progress', 'pending', 'resolved', 'closed'],
  pullRequest: ['open', 'closed', 'merged', 'merged'],
  deal: ['open', 'won', 'lost'],
  campaign: ['ACTIVE', 'ACTIVE', 'PAUSED', 'ARCHIVED'],
  order: ['paid', 'paid', 'pending', 'refunded', 'failed'],
  person: ['active', 'active', 'active', 'invited', 'inactive'],
  general: ['active', 'active', 'inactive', 'archived'],
} as const;
export const PRIORITIES = ['low', 'normal', 'normal', 'high', 'urgent'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const ROLES = ['admin', 'member', 'member', 'viewer', 'owner'] as const;
export const CHANNELS_OF_CONTACT = ['email', 'web', 'api', 'chat', 'phone'] as const;
export const REASONS = ['requested_by_customer', 'duplicate', 'fraudulent', 'expired', 'other'] as const;
export const TYPES_BY_KIND = {
  workItem: ['question', 'incident', 'problem', 'task'],
  event: ['meeting', 'call', 'webinar'],
  document: ['document', 'spreadsheet', 'presentation', 'pdf'],
  product: ['Apparel', 'Electronics', 'Furniture', 'Software', 'Service'],
  general: ['standard', 'custom', 'default'],
} as const;
/** Values of fields that are enums in practice though the schema leaves them open, by the field's compact name. */
export const VALUES_BY_FIELD: Readonly<Record<string, readonly string[]>> = {
  objective: ['CONVERSIONS', 'TRAFFIC', 'AWARENESS', 'LEAD_GENERATION', 'APP_INSTALLS'],
  bidstrategy: ['LOWEST_COST_WITHOUT_CAP', 'COST_CAP', 'LOWEST_COST_WITH_BID_CAP'],
  optimizationgoal: ['CLICKS', 'IMPRESSIONS', 'CONVERSIONS', 'REACH'],
  gateway: ['shopify_payments', 'manual', 'paypal', 'stripe'],
  action: ['created', 'updated', 'deleted', 'archived'],
  scope: ['global', 'web', 'workspace'],
  publishedscope: ['web', 'global'],
  os: ['iOS', 'Android', 'macOS', 'Windows'],
  provider: ['google', 'microsoft', 'okta', 'github'],
  method: ['card', 'bank_transfer', 'paypal'],
  frequency: ['daily', 'weekly', 'monthly'],
  periodunit: ['month', 'year', 'week'],
  unitlabel: ['seat', 'user', 'GB'],
  autocollection: ['on', 'off'],
  trialendaction: ['site_default', 'activate_subscription', 'cancel_subscription'],
  taxclass: ['standard', 'reduced-rate', 'zero-rate'],
  taxexempt: ['none', 'none', 'exempt', 'reverse'],
  backorders: ['no', 'notify', 'yes'],
  shippingclass: ['standard', 'express', 'freight'],
  authorassociation: ['MEMBER', 'CONTRIBUTOR', 'NONE', 'OWNER', 'COLLABORATOR'],
  wikiaccesslevel: ['enabled', 'private', 'disabled'],
  messagelistvisibility: ['show', 'hide'],
  labellistvisibility: ['labelShow', 'labelHide', 'labelShowIfUnread'],
  privacysetting: ['public', 'private'],
  defaultview: ['list', 'board', 'calendar', 'timeline'],
  fraudflag: ['safe', 'suspicious'],
  jurisdiction: ['US', 'EU', 'GB'],
  system: ['web', 'ios', 'android'],
  platform: ['web', 'ios', 'android'],
  rel: ['next', 'prev', 'self'],
  templatesuffix: ['alternate', 'landing'],
  mediatype: ['IMAGE', 'VIDEO', 'CAROUSEL'],
  fileextension: ['pdf', 'png', 'csv', 'docx', 'jpg'],
  fullfileextension: ['pdf', 'png', 'csv', 'docx', 'jpg'],
  paymentmethod: ['card', 'bank_transfer', 'paypal', 'cash'],
  importedfrom: ['none', 'github', 'gitlab'],
  emailtype: ['html', 'text'],
  spdxid: ['MIT', 'Apache-2.0', 'BSD-3-Clause'],
  resourcesubtype: ['default_task', 'default_task', 'milestone', 'approval'],
  projecttypekey: ['software', 'service_desk', 'business'],
};
export const ERROR_CODES = [
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'do_not_honor',
  'processing_error',
  'rate_limited',
] as const;
export const ERROR_MESSAGES = [
  'Your card was declined.',
  'The request timed out; try again later.',
  'Insufficient funds on the account.',
  'The card has expired.',
] as const;

/** Services whose colors are names, not hex codes (Notion's blocks, Asana's projects). */
export const COLOR_NAMES: Readonly<Record<string, readonly string[]>> = {
  notion: ['default', 'gray', 'brown', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'red', 'blue_background'],
  asana: ['dark-pink', 'dark-green', 'dark-blue', 'dark-red', 'light-teal', 'light-purple', 'none'],
  'clickup-api': ['#7b68ee', '#ff7fab', '#1bbc9c'],
};

export const GENERIC_WORDS = ['standard', 'default', 'primary', 'custom', 'basic', 'advanced'] as const;
export const GENERIC_ADJECTIVES = [
  'Default',
  'Standard',
  'Primary',
  'Custom',
  'Priority',
  'Global',
  'Regional',
  'Internal',
] as const;

/** Sentences a record's body, description or comment is made of, per kind of record. */
export const SENTENCES_BY_KIND = {
  workItem: [
    'Steps to reproduce are in the linked thread.',
    'Seen on the latest release in production.',
    'Started after the upgrade last Tuesday.',
    'Happens for about one in ten requests.',
    'Expected the request to succeed; it returned a 500 instead.',
    'A workaround is to retry after a minute.',
    'Logs from the failing run are attached.',
    'Affects all workspaces in the EU region.',
  ],
  ticket: [
    'Hi team, I ran into a problem this morning.',
    'Could you take a look when you have a moment?',
    'This is blocking our month-end close.',
    'I have attached a screenshot of the error.',
    'We are on the Business plan.',
    'Thanks in advance for your help!',
  ],
  comment: [
    'Thanks for the report, looking into it now.',
    'I can reproduce this on my machine.',
    'Fixed in the latest build; please try again.',
    'Could you share the request id?',
    'Merging once CI is green.',
    'LGTM, one small nit inline.',
    'Following up with the customer tomorrow.',
  ],
  deal: [
    'Champion is the VP of Engineering.',
    'Security review is in progress.',
    'Budget approved for next quarter.',
    'Competing with an in-house build.',
    'Legal is reviewing the order form.',
    'Pilot ends at the end of the month.',
  ],
  product: [
    'Designed for teams that need more room to grow.',
    'Includes priority support and onboarding.',
    'Made from recycled materials.',
    'Billed monthly; cancel any time.',
    'Ships within two business days.',
  ],
  company: [
    'Long-time customer on an annual contract.',
    'Expanding into the European market this year.',
    'Uses the product across three departments.',
    'Referred by a partner agency.',
  ],
  general: [
    'Updated as part of the quarterly review.',
    'Created from the default template.',
    'Owned by the operations team.',
    'See the shared drive for details.',
    'Review again next quarter.',
  ],
} as const;
