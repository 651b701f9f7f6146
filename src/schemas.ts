// The Agent Engine API's requests, responses and list queries under readable names: aliases of generated/ (so the
// spec's field descriptions show on hover), never copies. The client's signatures use these names.
import type { components, operations } from '../generated/agent-engine.js';

type Schemas = components['schemas'];
type QueryOf<Id extends keyof operations> = NonNullable<operations[Id]['parameters']['query']>;

// Tokens
/** An organization-wide application token, from `tokens.application`. */
export type ApplicationTokenResponse = Schemas['ApplicationTokenResponse'];
/** A scoped or widget token, from `tokens.scoped` and `tokens.widget`. */
export type TokenResponse = Schemas['TokenResponse'];
/** The body of `tokens.widget`: the workspace, and the one origin the token is accepted from. */
export type WidgetTokenRequest = Schemas['WidgetTokenRequest'];
/** The workspace and organization of a scoped token, from `tokens.scopedInfo`. */
export type ScopedTokenInfoResponse = Schemas['ScopedTokenInfoResponse'];

// Connector definitions (the catalog)
/** The query of `definitions.listSources`. */
export type SourceDefinitionListQuery = QueryOf<'list_integrations_definitions_sources'>;
/** The source catalog, from `definitions.listSources`. */
export type SourceDefinitionListResponse = Schemas['SourceDefinitionListResponse'];
/** One source definition with its configuration specification, from `definitions.getSource`. */
export type SourceDefinitionDetailResponse = Schemas['SourceDefinitionDetailResponse'];
/** The query of `definitions.listDestinations`. */
export type DestinationDefinitionListQuery = QueryOf<'list_integrations_definitions_destinations'>;
/** The destination catalog, from `definitions.listDestinations`. */
export type DestinationDefinitionListResponse = Schemas['DestinationDefinitionListResponse'];
/** One destination definition with its configuration specification, from `definitions.getDestination`. */
export type DestinationDefinitionDetailResponse = Schemas['DestinationDefinitionDetailResponse'];

// Connectors
/** The body of `connectors.create` and `connectors.check`. */
export type ConnectorCreateRequest = Schemas['ConnectorCreateRequest'];
/** The body of `connectors.update` and `connectors.checkExisting`; fields left out keep their value. */
export type ConnectorUpdateRequest = Schemas['ConnectorUpdateRequest'];
/** A stored connector (credentials are never returned), from `connectors.create`, `get` and `update`. */
export type ConnectorResponse = Schemas['ConnectorResponse'];
/** The query of `connectors.list`. */
export type ConnectorListQuery = QueryOf<'list_integrations_connectors'>;
/** Every matching connector, from `connectors.list`. */
export type ConnectorListResponse = Schemas['ConnectorListResponse'];
/** One connector of a list, from `connectors.list` and `connectors.find`. */
export type ConnectorSummary = Schemas['ConnectorSummary'];
/** The deletion job, from `connectors.delete`. */
export type ConnectorDeleteResponse = Schemas['ConnectorDeleteResponse'];
/** The outcome of a connection check, from `connectors.check` and `connectors.checkExisting`. */
export type ConnectorCheckResponse = Schemas['ConnectorCheckResponse'];
/** What an agent checks before its first execute, from `connectors.inspect`. */
export type ConnectorInspectResponse = Schemas['ConnectorInspectResponse'];
/** The body of `connectors.execute`: one action on one entity of the connected service. */
export type ExecuteRequest = Schemas['ExecuteRequest'];
/** The answer of `connectors.execute`: the records or record, the connector's metadata and the execution's. */
export type ExecuteResponse = Schemas['ExecuteResponse'];

// Workspaces
/** The query of `workspaces.list`, `pages` and `all`. */
export type WorkspaceListQuery = QueryOf<'list_workspaces'>;
/** One page of workspaces, from `workspaces.list`; `next` links to the following one. */
export type WorkspaceListResponse = Schemas['WorkspaceListResponse'];
/** A workspace, from `workspaces.get` and `workspaces.update`. */
export type WorkspaceResponse = Schemas['WorkspaceResponse'];
/** The body of `workspaces.update`. */
export type WorkspaceUpdateRequest = Schemas['WorkspaceUpdateRequest'];
/** Counts of active and inactive workspaces, from `workspaces.stats`. */
export type WorkspaceStatsResponse = Schemas['WorkspaceStatsResponse'];
/** The id of what was deleted and when, from the deletes of workspaces and templates. */
export type DeletedResponse = Schemas['DeletedResponse'];

// Templates
/** The query of `templates.sources.list`. */
export type SourceTemplateListQuery = QueryOf<'list_integrations_templates_sources'>;
/** Every matching source template, from `templates.sources.list`. */
export type SourceTemplateListResponse = Schemas['SourceTemplateListResponse'];
/** The body of `templates.sources.create`: new from a definition, or a clone of another template. */
export type SourceTemplateCreateRequest = Schemas['SourceTemplateCreateRequest'];
/** The body of `templates.sources.update`. */
export type SourceTemplateUpdateRequest = Schemas['SourceTemplateUpdateRequest'];
/** A source template, from `templates.sources.create` and `update`. */
export type SourceTemplateResponse = Schemas['SourceTemplateResponse'];
/** A source template with its connector specification, from `templates.sources.get`. */
export type SourceTemplateDetailResponse = Schemas['SourceTemplateDetailResponse'];
/** The query of `templates.connections.list`. */
export type ConnectionTemplateListQuery = QueryOf<'list_integrations_templates_connections'>;
/** Every matching connection template, from `templates.connections.list`. */
export type ConnectionTemplateListResponse = Schemas['ConnectionTemplateListResponse'];
/** The body of `templates.connections.create`: a destination you host, or one Airbyte hosts. */
export type ConnectionTemplateCreateRequest = Schemas['ConnectionTemplateCreateRequest'];
/** The body of `templates.connections.update`. */
export type ConnectionTemplateUpdateRequest = Schemas['ConnectionTemplateUpdateRequest'];
/** A connection template, from `templates.connections.create`, `get` and `update`. */
export type ConnectionTemplate = Schemas['ConnectionTemplate'];
/** A cron expression in words and whether it is valid, from `templates.describeCron`. */
export type CronDescribeResponse = Schemas['CronDescribeResponse'];

// OAuth
/** The body of `oauth.setCredentials`: your own OAuth application for one connector. */
export type OAuthCredentialsRequest = Schemas['OAuthCredentialsRequest'];
/** The stored OAuth application (its id, scope and connector; never its configuration), from `oauth.setCredentials`. */
export type OAuthCredentialsResponse = Schemas['OAuthCredentialsResponse'];
/** The body of `oauth.initiate`. */
export type OAuthInitiateRequest = Schemas['OAuthInitiateRequest'];
/** Where to send the user's browser for consent, from `oauth.initiate`. */
export type OAuthInitiateResponse = Schemas['OAuthInitiateResponse'];

// Skills
/** The query of `skills.list` and `skills.all`. */
export type SkillListQuery = QueryOf<'list_skills'>;
/** The query of `skills.search`, without the search text (its first argument). */
export type SkillSearchQuery = Omit<QueryOf<'list_skills_search'>, 'query'>;
/** The query of `skills.docs`, without the skill's id (its first argument). */
export type SkillDocsQuery = Omit<QueryOf<'get_skills_docs'>, 'id'>;
/** One page of skills, from `skills.list` and `skills.search`; `next_cursor` asks for the next. */
export type SkillListResponse = Schemas['SkillListResponse'];
/** One skill of a list, from `skills.all`. */
export type SkillMetadata = Schemas['SkillMetadata'];
/** A skill's outline and overview, or one section in full, from `skills.docs`. */
export type SkillDocsResponse = Schemas['SkillDocsResponse'];
