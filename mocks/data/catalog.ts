// Ids, names and support levels: the `definitionId`, `name` and `supportLevel` of each connector's metadata.yaml in
// airbytehq/airbyte (airbyte-integrations/connectors/*/metadata.yaml); beside them, every agent connector definition
// (openapi/connectors) that is not among them, under its definition id.
import type { components } from '../../generated/agent-engine.js';
import { connectorIndex } from '../connectors/definitions.js';

type Schemas = components['schemas'];
type Spec = Schemas['ConnectorSpecification'];
type Properties = Record<string, unknown>;

export interface SourceCatalogEntry {
  definition: Schemas['ActorDefinition'];
  spec: Spec;
  exampleQuestions: { direct: string[]; search: string[] };
}

export interface DestinationCatalogEntry {
  definition: Schemas['ActorDefinition'];
  spec: Spec;
}

/**
 * Salesforce's definition id. The seed documents print `b117307c-14b6-41aa-9571-75e6871e6d44`; the agent connector
 * definition and the connector registry (metadata.yaml) both have this one, which is canonical here. The seeds' id
 * still resolves (DEFINITION_ID_ALIASES) on get and create, so a caller that copied it keeps working.
 */
const SALESFORCE_ID = 'b117307c-14b6-41aa-9422-947e34922962';

/** Ids that resolve to another definition: the id a document printed -> the canonical id. */
export const DEFINITION_ID_ALIASES: Readonly<Record<string, string>> = {
  'b117307c-14b6-41aa-9571-75e6871e6d44': SALESFORCE_ID,
};

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

const str = (title: string, extra: Properties = {}) => ({ title, type: 'string', ...extra });
const secret = (title: string, extra: Properties = {}) => ({ title, type: 'string', airbyte_secret: true, ...extra });
const int = (title: string, extra: Properties = {}) => ({ title, type: 'integer', ...extra });
const bool = (title: string, fallback: boolean) => ({ title, type: 'boolean', default: fallback });
const dateTime = (title = 'Start date') => ({
  title,
  type: 'string',
  format: 'date-time',
  examples: ['2024-01-01T00:00:00Z'],
});
const constant = (value: string, order = 0) => ({ type: 'string', const: value, order });

/** One authentication option of a `oneOf`. */
function option(title: string, required: string[], properties: Properties) {
  return { title, type: 'object', required, properties };
}

function connectionSpecification(
  title: string,
  required: string[],
  properties: Properties,
): Spec['connectionSpecification'] {
  return { $schema: DRAFT_07, title, type: 'object', required, additionalProperties: true, properties };
}

/** The OAuth flow of a connector: the field that selects it, where the tokens land, and the app's client id and secret. */
function oauth2(
  predicateKey: string[],
  predicateValue: string,
  outputs: Record<string, string[]>,
  clientPath: string[],
  userInput: Record<string, string[]> | null = null,
): Schemas['AdvancedAuth'] {
  const withPaths = (fields: Record<string, string[]>) =>
    Object.fromEntries(
      Object.entries(fields).map(([name, path]) => [name, { type: 'string', path_in_connector_config: path }]),
    );
  return {
    auth_flow_type: 'oauth2.0',
    predicate_key: predicateKey,
    predicate_value: predicateValue,
    oauth_config_specification: {
      oauth_user_input_from_connector_config_specification: userInput
        ? { type: 'object', additionalProperties: false, properties: withPaths(userInput) }
        : null,
      oauth_connector_input_specification: null,
      complete_oauth_output_specification: {
        type: 'object',
        additionalProperties: false,
        properties: withPaths(outputs),
      },
      complete_oauth_server_input_specification: {
        type: 'object',
        additionalProperties: false,
        properties: { client_id: { type: 'string' }, client_secret: { type: 'string' } },
      },
      complete_oauth_server_output_specification: {
        type: 'object',
        additionalProperties: false,
        properties: withPaths({
          client_id: [...clientPath, 'client_id'],
          client_secret: [...clientPath, 'client_secret'],
        }),
      },
    },
  };
}

function sourceSpec(
  docs: string,
  specification: Spec['connectionSpecification'],
  advancedAuth: Schemas['AdvancedAuth'] | null = null,
): Spec {
  return {
    documentationUrl: `https://docs.airbyte.com/integrations/sources/${docs}`,
    connectionSpecification: specification,
    advanced_auth: advancedAuth,
    supported_destination_sync_modes: null,
  };
}

/** The small specification of the connectors without a hand-written one: an API key and an optional start date. */
function genericSourceSpec(docs: string, name: string): Spec {
  return sourceSpec(
    docs,
    connectionSpecification(`${name} Spec`, ['credentials'], {
      credentials: {
        title: 'Authentication',
        type: 'object',
        order: 0,
        required: ['api_key'],
        properties: { api_key: secret('API Key', { description: `An API key of your ${name} account.` }) },
      },
      start_date: { ...dateTime(), order: 1 },
    }),
  );
}

// Condensed from the connectors' own specifications: the same field names, option titles and OAuth predicates.
const SPECS: Record<string, Spec> = {
  github: sourceSpec(
    'github',
    connectionSpecification('GitHub Source Spec', ['credentials', 'repositories'], {
      credentials: {
        title: 'Authentication',
        type: 'object',
        order: 0,
        oneOf: [
          option('OAuth', ['access_token'], {
            option_title: constant('OAuth Credentials'),
            access_token: secret('Access Token'),
            client_id: secret('Client Id'),
            client_secret: secret('Client secret'),
          }),
          option('Personal Access Token', ['personal_access_token'], {
            option_title: constant('PAT Credentials'),
            personal_access_token: secret('Personal Access Tokens'),
          }),
        ],
      },
      repositories: {
        title: 'GitHub Repositories',
        type: 'array',
        order: 1,
        minItems: 1,
        items: { type: 'string' },
        examples: ['airbytehq/airbyte', 'airbytehq/*'],
      },
      start_date: { ...dateTime('Start date'), order: 2 },
      api_url: str('API URL', {
        order: 3,
        default: 'https://api.github.com/',
        examples: ['https://github.com', 'https://github.company.org'],
      }),
      branches: {
        title: 'Branches',
        type: 'array',
        order: 4,
        items: { type: 'string' },
        examples: ['airbytehq/airbyte/master'],
      },
      max_waiting_time: int('Max Waiting Time (in minutes)', { order: 5, default: 10, minimum: 1, maximum: 60 }),
    }),
    oauth2(['credentials', 'option_title'], 'OAuth Credentials', { access_token: ['credentials', 'access_token'] }, [
      'credentials',
    ]),
  ),
  salesforce: sourceSpec(
    'salesforce',
    connectionSpecification('Salesforce Source Spec', ['client_id', 'client_secret', 'refresh_token'], {
      is_sandbox: { ...bool('Sandbox', false), order: 1 },
      auth_type: { type: 'string', const: 'Client' },
      client_id: str('Client ID', { order: 2 }),
      client_secret: secret('Client Secret', { order: 3 }),
      refresh_token: secret('Refresh Token', { order: 4 }),
      start_date: { ...dateTime('Start Date'), order: 5 },
      force_use_bulk_api: { ...bool('Force to use BULK API', false), order: 6 },
      stream_slice_step: str('Stream Slice Step for Incremental sync', {
        order: 7,
        default: 'P30D',
        examples: ['PT12H', 'P7D', 'P30D'],
      }),
      streams_criteria: {
        title: 'Filter Salesforce Objects',
        type: 'array',
        order: 8,
        items: {
          type: 'object',
          required: ['criteria', 'value'],
          properties: {
            criteria: {
              title: 'Search criteria',
              type: 'string',
              enum: [
                'starts with',
                'ends with',
                'contains',
                'exacts',
                'starts not with',
                'ends not with',
                'not contains',
                'not exacts',
              ],
              default: 'contains',
            },
            value: str('Search value'),
          },
        },
      },
    }),
    oauth2(['auth_type'], 'Client', { refresh_token: ['refresh_token'] }, [], { is_sandbox: ['is_sandbox'] }),
  ),
  hubspot: sourceSpec(
    'hubspot',
    connectionSpecification('HubSpot Source Spec', ['credentials'], {
      credentials: {
        title: 'Authentication',
        type: 'object',
        order: 0,
        oneOf: [
          option('OAuth', ['client_id', 'client_secret', 'refresh_token', 'credentials_title'], {
            credentials_title: constant('OAuth Credentials'),
            client_id: str('Client ID'),
            client_secret: secret('Client Secret'),
            refresh_token: secret('Refresh Token'),
          }),
          option('Private App', ['access_token', 'credentials_title'], {
            credentials_title: constant('Private App Credentials'),
            access_token: secret('Access token'),
          }),
        ],
      },
      start_date: { ...dateTime('Start date'), order: 1 },
      enable_experimental_streams: { ...bool('Enable experimental streams', false), order: 2 },
      lookback_window: int('Lookback Window', { order: 3, minimum: 0, default: 0 }),
    }),
    oauth2(
      ['credentials', 'credentials_title'],
      'OAuth Credentials',
      { refresh_token: ['credentials', 'refresh_token'] },
      ['credentials'],
    ),
  ),
  stripe: sourceSpec(
    'stripe',
    connectionSpecification('Stripe Source Spec', ['client_secret', 'account_id'], {
      account_id: str('Account ID', { order: 0, examples: ['acct_1234567890'] }),
      client_secret: secret('Secret Key', { order: 1, examples: ['sk_live_...'] }),
      start_date: { ...dateTime('Replication start date'), order: 2 },
      lookback_window_days: int('Lookback Window in days', { order: 3, minimum: 0, default: 0 }),
      slice_range: int('Data request time increment in days', { order: 4, minimum: 1, default: 365 }),
      num_workers: int('Number of concurrent workers', { order: 5, minimum: 1, maximum: 20, default: 10 }),
      call_rate_limit: int('Max concurrent API calls', { order: 6 }),
    }),
  ),
  linear: sourceSpec(
    'linear',
    connectionSpecification('Linear Spec', ['api_key'], {
      api_key: secret('API Key', { order: 0 }),
    }),
  ),
  jira: sourceSpec(
    'jira',
    connectionSpecification('Jira Spec', ['api_token', 'domain', 'email'], {
      api_token: secret('API Token', { order: 0 }),
      domain: str('Domain', { order: 1, examples: ['<your-domain>.atlassian.net', '<your-domain>.jira.com'] }),
      email: str('Email', { order: 2 }),
      projects: { title: 'Projects', type: 'array', order: 3, items: { type: 'string' }, examples: ['PROJ1', 'PROJ2'] },
      start_date: { ...dateTime('Start Date'), order: 4 },
      lookback_window_minutes: int('Lookback window', { order: 5, minimum: 0, maximum: 576000, default: 0 }),
      enable_experimental_streams: { ...bool('Enable Experimental Streams', false), order: 6 },
    }),
  ),
  'zendesk-support': sourceSpec(
    'zendesk-support',
    connectionSpecification('Source Zendesk Support Spec', ['subdomain'], {
      subdomain: str('Subdomain', { order: 0 }),
      start_date: { ...dateTime('Start Date'), order: 1 },
      credentials: {
        title: 'Authentication',
        type: 'object',
        order: 2,
        oneOf: [
          option('OAuth2.0', ['access_token'], {
            credentials: constant('oauth2.0'),
            access_token: secret('Access Token'),
            client_id: secret('Client ID'),
            client_secret: secret('Client Secret'),
          }),
          option('API Token', ['email', 'api_token'], {
            credentials: constant('api_token'),
            email: str('Email'),
            api_token: secret('API Token'),
          }),
        ],
      },
      ignore_pagination: { ...bool('Should the connector read the second and further pages of data.', false) },
    }),
    oauth2(
      ['credentials', 'credentials'],
      'oauth2.0',
      { access_token: ['credentials', 'access_token'] },
      ['credentials'],
      { subdomain: ['subdomain'] },
    ),
  ),
  slack: sourceSpec(
    'slack',
    connectionSpecification('Slack Spec', ['start_date', 'lookback_window', 'join_channels'], {
      start_date: { ...dateTime('Start Date'), order: 0 },
      lookback_window: int('Threads Lookback window (Days)', {
        order: 1,
        minimum: 0,
        maximum: 365,
        default: 0,
        examples: [7, 14],
      }),
      join_channels: { ...bool('Join all channels', true), order: 2 },
      include_private_channels: { ...bool('Include private channels', false), order: 3 },
      channel_filter: {
        title: 'Channel name filter',
        type: 'array',
        order: 4,
        default: [],
        items: { type: 'string', minLength: 0 },
        examples: ['channel_one', 'channel_two'],
      },
      credentials: {
        title: 'Authentication mechanism',
        type: 'object',
        order: 5,
        oneOf: [
          option('Sign in via Slack (OAuth)', ['option_title', 'client_id', 'client_secret', 'access_token'], {
            option_title: constant('Default OAuth2.0 authorization'),
            client_id: str('Client ID'),
            client_secret: secret('Client Secret'),
            access_token: secret('Access token'),
          }),
          option('API Token', ['option_title', 'api_token'], {
            option_title: constant('API Token Credentials'),
            api_token: secret('API Token'),
          }),
        ],
      },
    }),
    oauth2(
      ['credentials', 'option_title'],
      'Default OAuth2.0 authorization',
      { access_token: ['credentials', 'access_token'] },
      ['credentials'],
    ),
  ),
  notion: sourceSpec(
    'notion',
    connectionSpecification('Notion Source Spec', [], {
      start_date: { ...dateTime('Start date'), order: 0 },
      credentials: {
        title: 'Authentication Method',
        type: 'object',
        order: 1,
        oneOf: [
          option('OAuth2.0', ['auth_type', 'client_id', 'client_secret', 'access_token'], {
            auth_type: constant('OAuth2.0'),
            client_id: secret('Client ID'),
            client_secret: secret('Client Secret'),
            access_token: secret('Access Token'),
          }),
          option('Access Token', ['auth_type', 'token'], {
            auth_type: constant('token'),
            token: secret('Access Token'),
          }),
        ],
      },
    }),
    oauth2(['credentials', 'auth_type'], 'OAuth2.0', { access_token: ['credentials', 'access_token'] }, [
      'credentials',
    ]),
  ),
};

type SupportLevel = 'certified' | 'community';

interface SourceSeed {
  id: string;
  name: string;
  /** The connector's directory, `source-<slug>`, which also names its image, icon and documentation page. */
  slug: string;
  supportLevel: SupportLevel;
  /** Hand-written questions, or two things the connector holds, from which generic ones are made. */
  questions: { direct: string[]; search: string[] } | [recent: string, filtered: string];
}

const SOURCES: SourceSeed[] = [
  {
    id: 'ef69ef6e-aa7f-4af1-a01d-ef775033524e',
    name: 'GitHub',
    slug: 'github',
    supportLevel: 'certified',
    questions: {
      direct: ['List the open pull requests in airbytehq/airbyte.', 'Who opened issue #123 and what is its status?'],
      search: [
        'Which issues labelled bug were closed in the last 30 days?',
        'Which contributors merged the most pull requests this quarter?',
      ],
    },
  },
  {
    id: SALESFORCE_ID,
    name: 'Salesforce',
    slug: 'salesforce',
    supportLevel: 'certified',
    questions: {
      direct: ['Show the opportunities for the Acme account.', 'Who owns the lead from Globex?'],
      search: [
        'Which opportunities above $100k are expected to close this quarter?',
        'Which accounts have had no activity in 90 days?',
      ],
    },
  },
  {
    id: '36c891d9-4bd9-43ac-bad2-10e12756272c',
    name: 'HubSpot',
    slug: 'hubspot',
    supportLevel: 'certified',
    questions: {
      direct: ['Get the contact with the email jane@example.com.', 'List the deals of the Initech company.'],
      search: ['Which deals moved to closed-won this month?', 'Which contacts became customers after a webinar?'],
    },
  },
  {
    id: 'e094cb9a-26de-4645-8761-65c0c425d1de',
    name: 'Stripe',
    slug: 'stripe',
    supportLevel: 'certified',
    questions: {
      direct: ['Show the latest invoice of customer cus_123.', 'List the charges made today.'],
      search: [
        'Which subscriptions were cancelled in the last two weeks?',
        'Which customers had more than one failed payment this month?',
      ],
    },
  },
  {
    id: '1c5d8316-ed42-4473-8fbc-2626f03f070c',
    name: 'Linear',
    slug: 'linear',
    supportLevel: 'community',
    questions: {
      direct: ['List the issues assigned to me in the current cycle.', 'What is the status of ENG-42?'],
      search: [
        'Which urgent issues have been open for more than a week?',
        'Which projects have the most unfinished issues?',
      ],
    },
  },
  {
    id: '68e63de2-bb83-4c7e-93fa-a8a9051e3993',
    name: 'Jira',
    slug: 'jira',
    supportLevel: 'certified',
    questions: {
      direct: ['Show the issues in the active sprint of project PROJ.', 'Who is the assignee of PROJ-101?'],
      search: [
        'Which bugs with the highest priority are still unresolved?',
        'Which issues were moved back to In Progress this week?',
      ],
    },
  },
  {
    id: '79c1aa37-dae3-42ae-b333-d1c105477715',
    name: 'Zendesk Support',
    slug: 'zendesk-support',
    supportLevel: 'certified',
    questions: {
      direct: ['Show ticket #4521 and its comments.', 'List the tickets assigned to the billing group.'],
      search: [
        'Which high-priority tickets have waited more than a day for a reply?',
        'Which organizations opened the most tickets this month?',
      ],
    },
  },
  {
    id: '40d24d0f-b8f9-4fe0-9e6c-b06c0f3f45e4',
    name: 'Zendesk Chat',
    slug: 'zendesk-chat',
    supportLevel: 'certified',
    questions: ['chats', 'missed chats'],
  },
  {
    id: 'c2281cee-86f9-4a86-bb48-d23286b4c7bd',
    name: 'Slack',
    slug: 'slack',
    supportLevel: 'certified',
    questions: {
      direct: ['List the members of the #engineering channel.', 'Show the latest messages in #incidents.'],
      search: [
        'Which threads mentioned the deploy freeze last week?',
        'Which channels were the most active this month?',
      ],
    },
  },
  {
    id: '6e00b415-b02e-4160-bf02-58176a0ae687',
    name: 'Notion',
    slug: 'notion',
    supportLevel: 'certified',
    questions: {
      direct: ['Open the page called Onboarding checklist.', 'List the databases shared with the integration.'],
      search: [
        'Which pages about the pricing change were edited this week?',
        'Which pages has nobody updated in six months?',
      ],
    },
  },
  {
    id: '32382e40-3b49-4b99-9c5c-4076501914e7',
    name: 'Gong',
    slug: 'gong',
    supportLevel: 'community',
    questions: ['calls', 'calls with a competitor mentioned'],
  },
  {
    id: 'd8313939-3782-41b0-be29-b3ca20d8dd3a',
    name: 'Intercom',
    slug: 'intercom',
    supportLevel: 'certified',
    questions: ['conversations', 'unanswered conversations'],
  },
  {
    id: '9da77001-af33-4bcd-be46-6252bf9342b9',
    name: 'Shopify',
    slug: 'shopify',
    supportLevel: 'certified',
    questions: ['orders', 'refunded orders'],
  },
  {
    id: 'd0243522-dccf-4978-8ba0-37ed47a0bdbf',
    name: 'Asana',
    slug: 'asana',
    supportLevel: 'community',
    questions: ['tasks', 'overdue tasks'],
  },
  {
    id: '14c6e7ea-97ed-4f5e-a7b5-25e9a80b8212',
    name: 'Airtable',
    slug: 'airtable',
    supportLevel: 'certified',
    questions: ['records', 'records with an empty status'],
  },
  {
    id: '71607ba1-c0ac-4799-8049-7f4b90dd50f7',
    name: 'Google Sheets',
    slug: 'google-sheets',
    supportLevel: 'certified',
    questions: ['rows', 'rows marked pending'],
  },
  {
    id: '9f8dda77-1048-4368-815b-269bf54ee9b8',
    name: 'Google Drive',
    slug: 'google-drive',
    supportLevel: 'certified',
    questions: ['files', 'files shared outside the company'],
  },
  {
    id: 'f7833dac-fc18-4feb-a2a9-94b22001edc6',
    name: 'Gmail',
    slug: 'gmail',
    supportLevel: 'community',
    questions: ['messages', 'messages with attachments'],
  },
  {
    id: 'ec4b9503-13cb-48ab-a4ab-6ade4be46567',
    name: 'Freshdesk',
    slug: 'freshdesk',
    supportLevel: 'certified',
    questions: ['tickets', 'tickets waiting on the customer'],
  },
  {
    id: 'd8286229-c680-4063-8c59-23b9b391c700',
    name: 'Pipedrive',
    slug: 'pipedrive',
    supportLevel: 'community',
    questions: ['deals', 'deals stuck in negotiation'],
  },
  {
    id: '80a54ea2-9959-4040-aac1-eee42423ec9b',
    name: 'Monday',
    slug: 'monday',
    supportLevel: 'certified',
    questions: ['items', 'items marked stuck'],
  },
  {
    id: '311a7a27-3fb5-4f7e-8265-5e4afe258b66',
    name: 'ClickUp',
    slug: 'clickup-api',
    supportLevel: 'community',
    questions: ['tasks', 'tasks without an assignee'],
  },
  {
    id: 'cf40a7f8-71f8-45ce-a7fa-fca053e4028c',
    name: 'Confluence',
    slug: 'confluence',
    supportLevel: 'community',
    questions: ['pages', 'pages about onboarding'],
  },
  {
    id: '59f1e50a-331f-4f09-b3e8-2e8d4d355f44',
    name: 'Greenhouse',
    slug: 'greenhouse',
    supportLevel: 'certified',
    questions: ['candidates', 'candidates in the onsite stage'],
  },
  {
    id: '95e8cffd-b8c4-4039-968e-d32fb4a69bde',
    name: 'Klaviyo',
    slug: 'klaviyo',
    supportLevel: 'certified',
    questions: ['campaigns', 'profiles who unsubscribed'],
  },
  {
    id: 'b03a9f3e-22a5-11eb-adc1-0242ac120002',
    name: 'Mailchimp',
    slug: 'mailchimp',
    supportLevel: 'certified',
    questions: ['campaigns', 'campaigns with a low open rate'],
  },
  {
    id: 'b9dc6155-672e-42ea-b10d-9f1f1fb95ab1',
    name: 'Twilio',
    slug: 'twilio',
    supportLevel: 'certified',
    questions: ['messages', 'undelivered messages'],
  },
  {
    id: 'e7eff203-90bf-43e5-a240-19ea3056c474',
    name: 'Typeform',
    slug: 'typeform',
    supportLevel: 'certified',
    questions: ['responses', 'responses with a low score'],
  },
  {
    id: 'e7778cfc-e97c-4458-9ecb-b4f2bba8946c',
    name: 'Facebook Marketing',
    slug: 'facebook-marketing',
    supportLevel: 'certified',
    questions: ['campaigns', 'ads with the highest spend'],
  },
  {
    id: '253487c0-2246-43ba-a21f-5116b20a2c50',
    name: 'Google Ads',
    slug: 'google-ads',
    supportLevel: 'certified',
    questions: ['campaigns', 'campaigns over budget'],
  },
  {
    id: 'cdaf146a-9b75-49fd-9dd2-9d64a0bb4781',
    name: 'Sentry',
    slug: 'sentry',
    supportLevel: 'certified',
    questions: ['issues', 'unresolved issues in production'],
  },
  {
    id: '2544ac39-02be-4bf5-82ad-f52bbb833bf5',
    name: 'Pagerduty',
    slug: 'pagerduty',
    supportLevel: 'community',
    questions: ['incidents', 'incidents triggered overnight'],
  },
  {
    id: '5e6175e5-68e1-4c17-bff9-56103bbb0d80',
    name: 'Gitlab',
    slug: 'gitlab',
    supportLevel: 'certified',
    questions: ['merge requests', 'pipelines that failed'],
  },
  {
    id: '8da67652-004c-11ec-9a03-0242ac130003',
    name: 'Trello',
    slug: 'trello',
    supportLevel: 'community',
    questions: ['cards', 'cards past their due date'],
  },
  {
    id: 'ae390de9-bdd5-4bfa-9d14-34010b44ca50',
    name: 'Front',
    slug: 'front',
    supportLevel: 'community',
    questions: ['conversations', 'conversations tagged urgent'],
  },
  {
    id: '12928b32-bf0a-4f1e-964f-07e12e37153a',
    name: 'Mixpanel',
    slug: 'mixpanel',
    supportLevel: 'certified',
    questions: ['events', 'cohorts that grew'],
  },
  {
    id: 'fa9f58c6-2d03-4237-aaa4-07d75e0c1396',
    name: 'Amplitude',
    slug: 'amplitude',
    supportLevel: 'certified',
    questions: ['events', 'events from new users'],
  },
  {
    id: '686473f1-76d9-4994-9cc7-9b13da46147c',
    name: 'Chargebee',
    slug: 'chargebee',
    supportLevel: 'certified',
    questions: ['subscriptions', 'invoices not yet paid'],
  },
  {
    id: 'cd42861b-01fc-4658-a8ab-5d11d0510f01',
    name: 'Recurly',
    slug: 'recurly',
    supportLevel: 'community',
    questions: ['accounts', 'accounts in dunning'],
  },
];

function questionsFor(seed: SourceSeed): SourceCatalogEntry['exampleQuestions'] {
  if (!Array.isArray(seed.questions)) return { direct: [...seed.questions.direct], search: [...seed.questions.search] };
  const [recent, filtered] = seed.questions;
  return {
    direct: [`List the ten most recent ${recent} in ${seed.name}.`, `Show the details of the latest of the ${recent}.`],
    search: [
      `Which ${filtered} are there in ${seed.name} from the last 30 days?`,
      `How many ${filtered} were there this month compared with last month?`,
    ],
  };
}

const entryOf = (seed: SourceSeed): SourceCatalogEntry => ({
  definition: {
    sourceDefinitionId: seed.id,
    destinationDefinitionId: null,
    name: seed.name,
    dockerRepository: `airbyte/source-${seed.slug}`,
    iconUrl: `https://connectors.airbyte.com/files/metadata/airbyte/source-${seed.slug}/latest/icon.svg`,
    custom: false,
    supportLevel: seed.supportLevel,
  },
  spec: SPECS[seed.slug] ?? genericSourceSpec(seed.slug, seed.name),
  exampleQuestions: questionsFor(seed),
});

let sourceEntries: readonly SourceCatalogEntry[] | null = null;

/**
 * Every source: the list above, and beside it every agent connector definition (openapi/connectors) it lacks, named by
 * its definition's title (support level not in the definitions; inferred: community). Built on first use, so that
 * a browser registers the definitions before anything reads them.
 */
export function sourceCatalog(): readonly SourceCatalogEntry[] {
  if (!sourceEntries) {
    const extra: SourceSeed[] = connectorIndex()
      .filter((connector) => !SOURCES.some((seed) => seed.id === connector.definitionId))
      .map((connector) => ({
        id: connector.definitionId,
        name: connector.title,
        slug: connector.name,
        supportLevel: 'community',
        questions: [connector.title, `${connector.title} records changed this week`],
      }));
    sourceEntries = [...SOURCES, ...extra].map(entryOf);
  }
  return sourceEntries;
}

const SYNC_MODES = {
  files: ['overwrite', 'append'],
  tables: ['overwrite', 'append', 'append_dedup'],
} as const;

function destinationSpec(
  docs: string,
  title: string,
  required: string[],
  properties: Properties,
  modes: readonly string[],
): Spec {
  return {
    documentationUrl: `https://docs.airbyte.com/integrations/destinations/${docs}`,
    connectionSpecification: connectionSpecification(title, required, properties),
    advanced_auth: null,
    supported_destination_sync_modes: [...modes],
  };
}

const fileFormat = (formats: string[]) => ({
  title: 'Output Format',
  type: 'object',
  oneOf: formats.map((format) =>
    option(format, ['format_type'], { format_type: { type: 'string', const: format.replace(/ .*/, '') } }),
  ),
});

interface DestinationSeed {
  id: string;
  name: string;
  slug: string;
  supportLevel: SupportLevel;
  spec: Spec;
}

const DESTINATIONS: DestinationSeed[] = [
  {
    id: '4816b78f-1489-44c1-9060-4b19d5fa9362',
    name: 'S3',
    slug: 's3',
    supportLevel: 'certified',
    spec: destinationSpec(
      's3',
      'S3 Destination Spec',
      ['s3_bucket_name', 's3_bucket_path', 's3_bucket_region', 'format'],
      {
        access_key_id: secret('S3 Key ID', { order: 0 }),
        secret_access_key: secret('S3 Access Key', { order: 1 }),
        role_arn: str('Role ARN', { order: 2 }),
        s3_bucket_name: str('S3 Bucket Name', { order: 3, examples: ['airbyte_sync'] }),
        s3_bucket_path: str('S3 Bucket Path', { order: 4, examples: ['data_sync/test'] }),
        s3_bucket_region: str('S3 Bucket Region', {
          order: 5,
          default: '',
          enum: ['', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1'],
        }),
        format: { ...fileFormat(['CSV: Comma-Separated Values', 'JSONL', 'Avro', 'Parquet']), order: 6 },
        s3_endpoint: str('Endpoint', { order: 7, default: '', examples: ['http://localhost:9000'] }),
      },
      SYNC_MODES.files,
    ),
  },
  {
    id: '424892c4-daac-4491-b35d-c6688ba547ba',
    name: 'Snowflake',
    slug: 'snowflake',
    supportLevel: 'certified',
    spec: destinationSpec(
      'snowflake',
      'Snowflake Destination Spec',
      ['host', 'role', 'warehouse', 'database', 'schema', 'username'],
      {
        host: str('Host', { order: 0, examples: ['accountname.us-east-2.aws.snowflakecomputing.com'] }),
        role: str('Role', { order: 1, examples: ['AIRBYTE_ROLE'] }),
        warehouse: str('Warehouse', { order: 2, examples: ['AIRBYTE_WAREHOUSE'] }),
        database: str('Database', { order: 3, examples: ['AIRBYTE_DATABASE'] }),
        schema: str('Default Schema', { order: 4, examples: ['AIRBYTE_SCHEMA'] }),
        username: str('Username', { order: 5, examples: ['AIRBYTE_USER'] }),
        credentials: {
          title: 'Authorization Method',
          type: 'object',
          order: 6,
          oneOf: [
            option('Key Pair Authentication', ['private_key'], {
              auth_type: constant('Key Pair Authentication'),
              private_key: secret('Private Key', { multiline: true }),
              private_key_password: secret('Passphrase'),
            }),
            option('Username and Password', ['password'], {
              auth_type: constant('Username and Password'),
              password: secret('Password'),
            }),
          ],
        },
      },
      SYNC_MODES.tables,
    ),
  },
  {
    id: '22f6c74f-5699-40ff-833c-4a879ea40133',
    name: 'BigQuery',
    slug: 'bigquery',
    supportLevel: 'certified',
    spec: destinationSpec(
      'bigquery',
      'BigQuery Destination Spec',
      ['project_id', 'dataset_location', 'dataset_id'],
      {
        project_id: str('Project ID', { order: 0 }),
        dataset_location: str('Dataset Location', {
          order: 1,
          enum: ['US', 'EU', 'us-central1', 'us-east1', 'europe-west1', 'asia-east1'],
        }),
        dataset_id: str('Default Dataset ID', { order: 2 }),
        loading_method: {
          title: 'Loading Method',
          type: 'object',
          order: 3,
          oneOf: [
            option('Batched Standard Inserts', ['method'], { method: constant('Standard') }),
            option('GCS Staging', ['method', 'gcs_bucket_name', 'gcs_bucket_path'], {
              method: constant('GCS Staging'),
              gcs_bucket_name: str('GCS Bucket Name'),
              gcs_bucket_path: str('GCS Bucket Path'),
            }),
          ],
        },
        credentials_json: secret('Service Account Key JSON (Required for cloud, optional for open-source)', {
          order: 4,
        }),
        transformation_priority: str('Transformation Query Run Type', {
          order: 5,
          enum: ['interactive', 'batch'],
          default: 'interactive',
        }),
      },
      SYNC_MODES.tables,
    ),
  },
  {
    id: '25c5221d-dce2-4163-ade9-739ef790f503',
    name: 'Postgres',
    slug: 'postgres',
    supportLevel: 'certified',
    spec: destinationSpec(
      'postgres',
      'Postgres Destination Spec',
      ['host', 'port', 'username', 'database', 'schema'],
      {
        host: str('Host', { order: 0 }),
        port: int('Port', { order: 1, minimum: 0, maximum: 65536, default: 5432, examples: ['5432'] }),
        database: str('DB Name', { order: 2 }),
        schema: str('Default Schema', { order: 3, default: 'public', examples: ['public'] }),
        username: str('User', { order: 4 }),
        password: secret('Password', { order: 5 }),
        ssl: { ...bool('SSL Connection', false), order: 6 },
      },
      SYNC_MODES.tables,
    ),
  },
  {
    id: 'f7a7d195-377f-cf5b-70a5-be6b819019dc',
    name: 'Redshift',
    slug: 'redshift',
    supportLevel: 'certified',
    spec: destinationSpec(
      'redshift',
      'Redshift Destination Spec',
      ['host', 'port', 'database', 'username', 'password', 'schema'],
      {
        host: str('Host', { order: 1 }),
        port: int('Port', { order: 2, minimum: 0, maximum: 65536, default: 5439, examples: ['5439'] }),
        username: str('Username', { order: 3 }),
        password: secret('Password', { order: 4 }),
        database: str('Database', { order: 5 }),
        schema: str('Default Schema', { order: 6, default: 'public', examples: ['public'] }),
        uploading_method: {
          title: 'Uploading Method',
          type: 'object',
          order: 7,
          oneOf: [
            option('AWS S3 Staging', ['method', 's3_bucket_name', 's3_bucket_region'], {
              method: constant('S3 Staging'),
              s3_bucket_name: str('S3 Bucket Name'),
              s3_bucket_region: str('S3 Bucket Region'),
              access_key_id: secret('S3 Access Key Id'),
              secret_access_key: secret('S3 Secret Access Key'),
            }),
          ],
        },
      },
      SYNC_MODES.tables,
    ),
  },
  {
    id: 'ca8f6566-e555-4b40-943a-545bf123117a',
    name: 'Google Cloud Storage (GCS)',
    slug: 'gcs',
    supportLevel: 'community',
    spec: destinationSpec(
      'gcs',
      'GCS Destination Spec',
      ['gcs_bucket_name', 'gcs_bucket_path', 'credential', 'format'],
      {
        gcs_bucket_name: str('GCS Bucket Name', { order: 1, examples: ['airbyte_sync'] }),
        gcs_bucket_path: str('GCS Bucket Path', { order: 2, examples: ['data_sync/test'] }),
        gcs_bucket_region: str('GCS Bucket Region', { order: 3, default: 'us', examples: ['us', 'eu', 'us-central1'] }),
        credential: {
          title: 'Authentication',
          type: 'object',
          order: 0,
          oneOf: [
            option('HMAC Key', ['credential_type', 'hmac_key_access_id', 'hmac_key_secret'], {
              credential_type: constant('HMAC_KEY'),
              hmac_key_access_id: secret('Access ID'),
              hmac_key_secret: secret('Secret'),
            }),
          ],
        },
        format: { ...fileFormat(['Avro: Apache Avro', 'CSV: Comma-Separated Values', 'JSONL', 'Parquet']), order: 4 },
      },
      SYNC_MODES.files,
    ),
  },
  {
    id: '072d5540-f236-4294-ba7c-ade8fd918496',
    name: 'Databricks Lakehouse',
    slug: 'databricks',
    supportLevel: 'certified',
    spec: destinationSpec(
      'databricks',
      'Databricks Lakehouse Destination Spec',
      ['accept_terms', 'hostname', 'http_path', 'database', 'authentication'],
      {
        accept_terms: { ...bool('Agree to the Databricks JDBC Driver Terms & Conditions', false), order: 1 },
        hostname: str('Server Hostname', { order: 2, examples: ['abc-12345678-wxyz.cloud.databricks.com'] }),
        http_path: str('HTTP Path', { order: 3, examples: ['sql/1.0/warehouses/0000-1111111-abcd90'] }),
        port: str('Port', { order: 4, default: '443' }),
        database: str('Databricks Unity Catalog Name', { order: 5 }),
        schema: str('Default Schema', { order: 6, default: 'default', examples: ['default'] }),
        authentication: {
          title: 'Authentication',
          type: 'object',
          order: 7,
          oneOf: [
            option('OAuth2 (Recommended)', ['auth_type', 'client_id', 'secret'], {
              auth_type: constant('OAUTH'),
              client_id: str('Client ID'),
              secret: secret('OAuth Secret'),
            }),
            option('Personal Access Token', ['auth_type', 'personal_access_token'], {
              auth_type: constant('BASIC'),
              personal_access_token: secret('Access Token'),
            }),
          ],
        },
        purge_staging_data: { ...bool('Purge Staging Files and Tables', true), order: 8 },
      },
      SYNC_MODES.tables,
    ),
  },
  {
    id: '3d2b6f84-7f0d-4e3f-a5e5-7c7d4b50eabd',
    name: 'Pinecone',
    slug: 'pinecone',
    supportLevel: 'certified',
    spec: destinationSpec(
      'pinecone',
      'Pinecone Destination Config',
      ['processing', 'embedding', 'indexing'],
      {
        processing: {
          title: 'ProcessingConfigModel',
          type: 'object',
          required: ['chunk_size'],
          properties: {
            chunk_size: int('Chunk size', { minimum: 1, maximum: 8191 }),
            chunk_overlap: int('Chunk overlap', { default: 0 }),
            text_fields: {
              title: 'Text fields to embed',
              type: 'array',
              default: [],
              items: { type: 'string' },
              examples: ['text', 'user.name'],
            },
            metadata_fields: {
              title: 'Fields to store as metadata',
              type: 'array',
              default: [],
              items: { type: 'string' },
            },
          },
        },
        embedding: {
          title: 'Embedding',
          type: 'object',
          oneOf: [
            option('OpenAI', ['openai_key'], { mode: constant('openai'), openai_key: secret('OpenAI API key') }),
            option('Cohere', ['cohere_key'], { mode: constant('cohere'), cohere_key: secret('Cohere API key') }),
            option('Fake', [], { mode: constant('fake') }),
          ],
        },
        indexing: {
          title: 'Indexing',
          type: 'object',
          required: ['pinecone_key', 'pinecone_environment', 'index'],
          properties: {
            pinecone_key: secret('Pinecone API key'),
            pinecone_environment: str('Pinecone Environment', { examples: ['us-west1-gcp', 'gcp-starter'] }),
            index: str('Index'),
          },
        },
        omit_raw_text: bool('Do not store the text that gets embedded along with the vector and the metadata', false),
      },
      SYNC_MODES.tables,
    ),
  },
];

export const DESTINATION_CATALOG: readonly DestinationCatalogEntry[] = DESTINATIONS.map((seed) => ({
  definition: {
    sourceDefinitionId: null,
    destinationDefinitionId: seed.id,
    name: seed.name,
    dockerRepository: `airbyte/destination-${seed.slug}`,
    iconUrl: `https://connectors.airbyte.com/files/metadata/airbyte/destination-${seed.slug}/latest/icon.svg`,
    custom: false,
    supportLevel: seed.supportLevel,
  },
  spec: seed.spec,
}));
