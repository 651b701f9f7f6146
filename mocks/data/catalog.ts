// The connector catalog the mock serves: real Airbyte connectors with their definition ids (the `definitionId` of
// each connector's metadata.yaml in airbytehq/airbyte), icons and support levels, and a specification for each.
import type { components } from '../../generated/agent-engine.js';

type Schemas = components['schemas'];

export interface SourceCatalogEntry {
  definition: Schemas['ActorDefinition'];
  spec: Schemas['ConnectorSpecification'];
  exampleQuestions: { direct: string[]; search: string[] };
}

export interface DestinationCatalogEntry {
  definition: Schemas['ActorDefinition'];
  spec: Schemas['ConnectorSpecification'];
}

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
const secret = (title: string) => ({ title, type: 'string', airbyte_secret: true });

function oauth(predicateValue: string, tokenField: string): Schemas['AdvancedAuth'] {
  return {
    auth_flow_type: 'oauth2.0',
    predicate_key: ['credentials', 'auth_type'],
    predicate_value: predicateValue,
    oauth_config_specification: {
      oauth_user_input_from_connector_config_specification: null,
      oauth_connector_input_specification: null,
      complete_oauth_output_specification: { type: 'object', properties: { [tokenField]: { type: 'string', path_in_connector_config: ['credentials', tokenField] } } },
      complete_oauth_server_input_specification: { type: 'object', properties: { client_id: { type: 'string' }, client_secret: { type: 'string' } } },
      complete_oauth_server_output_specification: {
        type: 'object',
        properties: {
          client_id: { type: 'string', path_in_connector_config: ['credentials', 'client_id'] },
          client_secret: { type: 'string', path_in_connector_config: ['credentials', 'client_secret'] },
        },
      },
    },
  };
}

function spec(slug: string, title: string, properties: Record<string, unknown>, required: string[], advancedAuth: Schemas['AdvancedAuth'] | null = null): Schemas['ConnectorSpecification'] {
  return {
    documentationUrl: `https://docs.airbyte.com/integrations/sources/${slug}`,
    connectionSpecification: { $schema: DRAFT_07, title: `${title} Source Spec`, type: 'object', required, properties },
    advanced_auth: advancedAuth,
    supported_destination_sync_modes: null,
  };
}

/** Connectors authenticated by one API key or token. */
const apiKeySpec = (slug: string, title: string) => spec(slug, title, { api_key: secret('API Key'), start_date: { title: 'Start date', type: 'string', format: 'date-time' } }, ['api_key']);

/** Connectors with OAuth or a personal token, told apart by `credentials.auth_type`. */
function oauthOrTokenSpec(slug: string, title: string, tokenTitle: string, extra: Record<string, unknown> = {}, extraRequired: string[] = []) {
  return spec(
    slug,
    title,
    {
      credentials: {
        title: 'Authentication',
        type: 'object',
        oneOf: [
          { title: 'OAuth2.0', type: 'object', required: ['auth_type', 'access_token'], properties: { auth_type: { type: 'string', const: 'OAuth' }, client_id: { type: 'string' }, client_secret: secret('Client Secret'), access_token: secret('Access Token') } },
          { title: tokenTitle, type: 'object', required: ['auth_type', 'api_token'], properties: { auth_type: { type: 'string', const: 'Token' }, api_token: secret(tokenTitle) } },
        ],
      },
      ...extra,
    },
    ['credentials', ...extraRequired],
    oauth('OAuth', 'access_token'),
  );
}

const SPECS: Record<string, Schemas['ConnectorSpecification']> = {
  github: {
    ...spec(
      'github',
      'GitHub',
      {
        credentials: {
          title: 'Authentication',
          type: 'object',
          oneOf: [
            { title: 'OAuth', type: 'object', required: ['access_token'], properties: { option_title: { type: 'string', const: 'OAuth Credentials' }, access_token: secret('Access Token') } },
            { title: 'Personal Access Token', type: 'object', required: ['personal_access_token'], properties: { option_title: { type: 'string', const: 'PAT Credentials' }, personal_access_token: secret('Personal Access Tokens') } },
          ],
        },
        repositories: { title: 'GitHub Repositories', type: 'array', items: { type: 'string' }, examples: ['airbytehq/airbyte', 'airbytehq/*'] },
        start_date: { title: 'Start date', type: 'string', format: 'date-time' },
      },
      ['credentials', 'repositories'],
    ),
    advanced_auth: { ...oauth('OAuth Credentials', 'access_token'), predicate_key: ['credentials', 'option_title'] },
  },
  salesforce: {
    ...spec('salesforce', 'Salesforce', { is_sandbox: { title: 'Sandbox', type: 'boolean', default: false }, client_id: { title: 'Client ID', type: 'string' }, client_secret: secret('Client Secret'), refresh_token: secret('Refresh Token'), start_date: { title: 'Start Date', type: 'string', format: 'date-time' } }, ['client_id', 'client_secret', 'refresh_token']),
    advanced_auth: { ...oauth('Client', 'refresh_token'), predicate_key: ['auth_type'] },
  },
  hubspot: oauthOrTokenSpec('hubspot', 'HubSpot', 'Private App Access Token', { start_date: { title: 'Start date', type: 'string', format: 'date-time' } }),
  stripe: spec('stripe', 'Stripe', { account_id: { title: 'Account ID', type: 'string' }, client_secret: secret('Secret Key'), start_date: { title: 'Replication start date', type: 'string', format: 'date-time' } }, ['client_secret', 'account_id']),
  linear: spec('linear', 'Linear', { api_key: secret('API Key') }, ['api_key']),
  jira: spec('jira', 'Jira', { domain: { title: 'Domain', type: 'string', examples: ['<your-domain>.atlassian.net'] }, email: { title: 'Email', type: 'string' }, api_token: secret('API Token'), projects: { type: 'array', items: { type: 'string' } } }, ['domain', 'email', 'api_token']),
  'zendesk-support': oauthOrTokenSpec('zendesk-support', 'Zendesk Support', 'API Token', { subdomain: { title: 'Subdomain', type: 'string' } }, ['subdomain']),
  slack: oauthOrTokenSpec('slack', 'Slack', 'API Token', { lookback_window: { title: 'Threads Lookback window (Days)', type: 'integer', minimum: 0, maximum: 365 }, join_channels: { type: 'boolean', default: true } }),
  notion: oauthOrTokenSpec('notion', 'Notion', 'Internal Integration Token'),
};

interface SourceSeed {
  id: string;
  name: string;
  slug: string;
  supportLevel: 'certified' | 'community';
  questions?: [string, string];
}

// Definition ids as published in each connector's metadata.yaml.
const SOURCES: SourceSeed[] = [
  { id: 'ef69ef6e-aa7f-4af1-a01d-ef775033524e', name: 'GitHub', slug: 'github', supportLevel: 'certified', questions: ['open issues labelled bug', 'pull requests merged this week'] },
  { id: 'b117307c-14b6-41aa-9571-75e6871e6d44', name: 'Salesforce', slug: 'salesforce', supportLevel: 'certified', questions: ['opportunities closing this quarter', 'accounts in the software industry'] },
  { id: '36c891d9-4bd9-43ac-bad2-10e12756272c', name: 'HubSpot', slug: 'hubspot', supportLevel: 'certified', questions: ['contacts who became customers this month', 'deals above $50k'] },
  { id: 'e094cb9a-26de-4645-8761-65c0c425d1de', name: 'Stripe', slug: 'stripe', supportLevel: 'certified', questions: ['failed charges today', 'customers with overdue invoices'] },
  { id: '1c5d8316-ed42-4473-8fbc-2626f03f070c', name: 'Linear', slug: 'linear', supportLevel: 'community', questions: ['urgent issues in the current cycle', 'issues assigned to me'] },
  { id: '68e63de2-bb83-4c7e-93fa-a8a9051e3993', name: 'Jira', slug: 'jira', supportLevel: 'certified', questions: ['blocked tickets in the current sprint', 'bugs reported this week'] },
  { id: '79c1aa37-dae3-42ae-b333-d1c105477715', name: 'Zendesk Support', slug: 'zendesk-support', supportLevel: 'certified', questions: ['open tickets with high priority', 'tickets solved yesterday'] },
  { id: '40d24d0f-b8f9-4fe0-9e6c-b06c0f3f45e4', name: 'Zendesk Chat', slug: 'zendesk-chat', supportLevel: 'certified', questions: ['chats missed this morning', 'agents with the longest chats'] },
  { id: 'c2281cee-86f9-4a86-bb48-d23286b4c7bd', name: 'Slack', slug: 'slack', supportLevel: 'certified', questions: ['messages mentioning the outage', 'channels created this month'] },
  { id: '6e00b415-b02e-4160-bf02-58176a0ae687', name: 'Notion', slug: 'notion', supportLevel: 'certified', questions: ['pages edited this week', 'databases in the engineering space'] },
  { id: '32382e40-3b49-4b99-9c5c-4076501914e7', name: 'Gong', slug: 'gong', supportLevel: 'community', questions: ['calls with the Acme account', 'longest calls last week'] },
  { id: 'd8313939-3782-41b0-be29-b3ca20d8dd3a', name: 'Intercom', slug: 'intercom', supportLevel: 'certified', questions: ['open conversations older than a day', 'companies with the most conversations'] },
  { id: '9da77001-af33-4bcd-be46-6252bf9342b9', name: 'Shopify', slug: 'shopify', supportLevel: 'certified', questions: ['orders refunded this week', 'products out of stock'] },
  { id: 'd0243522-dccf-4978-8ba0-37ed47a0bdbf', name: 'Asana', slug: 'asana', supportLevel: 'community', questions: ['tasks due this week', 'projects without an owner'] },
  { id: '14c6e7ea-97ed-4f5e-a7b5-25e9a80b8212', name: 'Airtable', slug: 'airtable', supportLevel: 'certified', questions: ['records added to the leads table', 'bases shared with me'] },
  { id: '71607ba1-c0ac-4799-8049-7f4b90dd50f7', name: 'Google Sheets', slug: 'google-sheets', supportLevel: 'certified', questions: ['rows where status is pending', 'sheets updated today'] },
  { id: '9f8dda77-1048-4368-815b-269bf54ee9b8', name: 'Google Drive', slug: 'google-drive', supportLevel: 'certified', questions: ['files shared with the finance team', 'documents modified this week'] },
  { id: 'ec4b9503-13cb-48ab-a4ab-6ade4be46567', name: 'Freshdesk', slug: 'freshdesk', supportLevel: 'certified', questions: ['tickets waiting on the customer', 'agents with the most tickets'] },
  { id: 'd8286229-c680-4063-8c59-23b9b391c700', name: 'Pipedrive', slug: 'pipedrive', supportLevel: 'community', questions: ['deals in the negotiation stage', 'activities overdue'] },
  { id: '80a54ea2-9959-4040-aac1-eee42423ec9b', name: 'Monday', slug: 'monday', supportLevel: 'certified', questions: ['items stuck in review', 'boards updated today'] },
  { id: 'cf40a7f8-71f8-45ce-a7fa-fca053e4028c', name: 'Confluence', slug: 'confluence', supportLevel: 'community', questions: ['pages about onboarding', 'spaces created this year'] },
  { id: '59f1e50a-331f-4f09-b3e8-2e8d4d355f44', name: 'Greenhouse', slug: 'greenhouse', supportLevel: 'certified', questions: ['candidates in the onsite stage', 'open jobs in engineering'] },
  { id: '95e8cffd-b8c4-4039-968e-d32fb4a69bde', name: 'Klaviyo', slug: 'klaviyo', supportLevel: 'certified', questions: ['campaigns sent this month', 'profiles who unsubscribed'] },
  { id: 'b03a9f3e-22a5-11eb-adc1-0242ac120002', name: 'Mailchimp', slug: 'mailchimp', supportLevel: 'certified', questions: ['campaigns with the best open rate', 'lists with the most members'] },
  { id: 'b9dc6155-672e-42ea-b10d-9f1f1fb95ab1', name: 'Twilio', slug: 'twilio', supportLevel: 'certified', questions: ['failed messages today', 'calls longer than ten minutes'] },
  { id: 'e7eff203-90bf-43e5-a240-19ea3056c474', name: 'Typeform', slug: 'typeform', supportLevel: 'certified', questions: ['responses to the NPS survey', 'forms with no responses'] },
  { id: 'e7778cfc-e97c-4458-9ecb-b4f2bba8946c', name: 'Facebook Marketing', slug: 'facebook-marketing', supportLevel: 'certified', questions: ['campaigns with the highest spend', 'ads paused this week'] },
  { id: '253487c0-2246-43ba-a21f-5116b20a2c50', name: 'Google Ads', slug: 'google-ads', supportLevel: 'certified', questions: ['keywords with the lowest CPC', 'campaigns over budget'] },
  { id: 'cdaf146a-9b75-49fd-9dd2-9d64a0bb4781', name: 'Sentry', slug: 'sentry', supportLevel: 'community', questions: ['unresolved issues in production', 'errors since the last release'] },
  { id: '5e6175e5-68e1-4c17-bff9-56103bbb0d80', name: 'GitLab', slug: 'gitlab', supportLevel: 'certified', questions: ['merge requests waiting for review', 'failed pipelines today'] },
  { id: '2817b3f0-04e4-4c7a-9f32-7a5e8a83db95', name: 'PagerDuty', slug: 'pagerduty', supportLevel: 'community', questions: ['incidents triggered last night', 'services with the most incidents'] },
  { id: '8da67652-004c-11ec-9a03-0242ac130003', name: 'Trello', slug: 'trello', supportLevel: 'community', questions: ['cards in the doing list', 'boards archived this month'] },
  { id: '12928b32-bf0a-4f1e-964f-07e12e37153a', name: 'Mixpanel', slug: 'mixpanel', supportLevel: 'certified', questions: ['events from the signup funnel', 'top cohorts this week'] },
  { id: 'fa9f58c6-2d03-4237-aaa4-07d75e0c1396', name: 'Amplitude', slug: 'amplitude', supportLevel: 'certified', questions: ['active users yesterday', 'events with the biggest drop'] },
  { id: '686473f1-76d9-4994-9cc7-9b13da46147c', name: 'Chargebee', slug: 'chargebee', supportLevel: 'certified', questions: ['subscriptions cancelled this month', 'invoices not paid'] },
  { id: 'cd42861b-01fc-4658-a8ab-5d11d0510f01', name: 'Recurly', slug: 'recurly', supportLevel: 'community', questions: ['accounts in dunning', 'plans with the most subscribers'] },
];

function questionsFor(seed: SourceSeed) {
  const [direct, search] = seed.questions ?? ['the latest records', 'records changed this week'];
  return {
    direct: [`Which ${direct} are there in ${seed.name}?`, `Show me the ${direct}.`],
    search: [`Find ${search} in ${seed.name}.`, `How many ${search} are there?`],
  };
}

export const SOURCE_CATALOG: readonly SourceCatalogEntry[] = SOURCES.map((seed) => ({
  definition: {
    sourceDefinitionId: seed.id,
    destinationDefinitionId: null,
    name: seed.name,
    dockerRepository: `airbyte/source-${seed.slug}`,
    iconUrl: `https://connectors.airbyte.com/files/metadata/airbyte/source-${seed.slug}/latest/icon.svg`,
    custom: false,
    supportLevel: seed.supportLevel,
  },
  spec: SPECS[seed.slug] ?? apiKeySpec(seed.slug, seed.name),
  exampleQuestions: questionsFor(seed),
}));

function destinationSpec(slug: string, title: string, properties: Record<string, unknown>, required: string[], modes: string[]): Schemas['ConnectorSpecification'] {
  return {
    documentationUrl: `https://docs.airbyte.com/integrations/destinations/${slug}`,
    connectionSpecification: { $schema: DRAFT_07, title: `${title} Destination Spec`, type: 'object', required, properties },
    advanced_auth: null,
    supported_destination_sync_modes: modes,
  };
}

const DESTINATIONS: [id: string, name: string, slug: string, Schemas['ConnectorSpecification']][] = [
  ['4816b78f-1489-44c1-9060-4b19d5fa9362', 'S3', 's3', destinationSpec('s3', 'S3', { s3_bucket_name: { type: 'string' }, s3_bucket_path: { type: 'string' }, s3_bucket_region: { type: 'string', default: 'us-east-1' }, access_key_id: secret('Access Key ID'), secret_access_key: secret('Secret Access Key'), format: { type: 'object' } }, ['s3_bucket_name', 's3_bucket_path', 's3_bucket_region', 'format'], ['overwrite', 'append'])],
  ['424892c4-daac-4491-b35d-c6688ba547ba', 'Snowflake', 'snowflake', destinationSpec('snowflake', 'Snowflake', { host: { type: 'string' }, role: { type: 'string' }, warehouse: { type: 'string' }, database: { type: 'string' }, schema: { type: 'string' }, username: { type: 'string' }, credentials: { type: 'object' } }, ['host', 'role', 'warehouse', 'database', 'schema', 'username'], ['overwrite', 'append', 'append_dedup'])],
  ['22f6c74f-5699-40ff-833c-4a879ea40133', 'BigQuery', 'bigquery', destinationSpec('bigquery', 'BigQuery', { project_id: { type: 'string' }, dataset_location: { type: 'string' }, dataset_id: { type: 'string' }, credentials_json: secret('Service Account Key JSON') }, ['project_id', 'dataset_location', 'dataset_id'], ['overwrite', 'append', 'append_dedup'])],
  ['25c5221d-dce2-4163-ade9-739ef790f503', 'Postgres', 'postgres', destinationSpec('postgres', 'Postgres', { host: { type: 'string' }, port: { type: 'integer', default: 5432 }, database: { type: 'string' }, schema: { type: 'string', default: 'public' }, username: { type: 'string' }, password: secret('Password') }, ['host', 'port', 'database', 'schema', 'username'], ['overwrite', 'append', 'append_dedup'])],
  ['ca8f6566-e555-4b40-943a-545bf123117a', 'Google Cloud Storage (GCS)', 'gcs', destinationSpec('gcs', 'GCS', { gcs_bucket_name: { type: 'string' }, gcs_bucket_path: { type: 'string' }, credential: { type: 'object' }, format: { type: 'object' } }, ['gcs_bucket_name', 'gcs_bucket_path', 'credential', 'format'], ['overwrite', 'append'])],
  ['f7a7d195-377f-cf5b-70a5-be6b819019dc', 'Redshift', 'redshift', destinationSpec('redshift', 'Redshift', { host: { type: 'string' }, port: { type: 'integer', default: 5439 }, database: { type: 'string' }, schema: { type: 'string', default: 'public' }, username: { type: 'string' }, password: secret('Password') }, ['host', 'port', 'database', 'schema', 'username', 'password'], ['overwrite', 'append', 'append_dedup'])],
];

export const DESTINATION_CATALOG: readonly DestinationCatalogEntry[] = DESTINATIONS.map(([id, name, slug, destination]) => ({
  definition: {
    sourceDefinitionId: null,
    destinationDefinitionId: id,
    name,
    dockerRepository: `airbyte/destination-${slug}`,
    iconUrl: `https://connectors.airbyte.com/files/metadata/airbyte/destination-${slug}/latest/icon.svg`,
    custom: false,
    supportLevel: 'certified',
  },
  spec: destination,
}));
