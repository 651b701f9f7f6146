/**
 * The typed client of Airbyte's Agent Engine API (`createAgentEngineClient`) and of the Embedded endpoints of the
 * Airbyte API (`createAirbyteApiClient`), their errors, and the types of both APIs generated from the specs under
 * openapi/.
 * @module agent-engine-kit
 */
import type * as AgentEngine from '../generated/agent-engine.js';
import type * as AirbyteApiV1 from '../generated/airbyte-api-v1.js';

export {
  createAgentEngineClient,
  type AgentEngineClient,
  type AgentEngineClientOptions,
  type AgentEngineRawClient,
  type WorkspaceClient,
} from './client.js';
export type { ConnectorsResource, ExecuteAnswer, FindConnectorQuery } from './resources/connectors.js';
export type { DefinitionsResource } from './resources/definitions.js';
export type { OAuthResource } from './resources/oauth.js';
export type { SkillsResource } from './resources/skills.js';
export type { ConnectionTemplatesResource, SourceTemplatesResource, TemplatesResource } from './resources/templates.js';
export type { ScopedTokenOptions, TokensResource } from './resources/tokens.js';
export type { WorkspacesResource } from './resources/workspaces.js';
export type * from './schemas.js';
export {
  createAirbyteApiClient,
  AIRBYTE_API_BASE_URL,
  type AirbyteApiAccessTokenResponse,
  type AirbyteApiClient,
  type AirbyteApiClientOptions,
  type AirbyteApiRawClient,
  type AirbyteApiTokensResource,
  type AirbyteApiWorkspaceCreateRequest,
  type AirbyteApiWorkspaceListQuery,
  type AirbyteApiWorkspaceResponse,
  type AirbyteApiWorkspacesResource,
  type AirbyteApiWorkspacesResponse,
  type AirbyteApiWorkspaceUpdateRequest,
} from './airbyte-api-v1.js';
export {
  AgentEngineError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  PayloadTooLargeError,
  ValidationError,
  RateLimitError,
  ServerError,
  ConnectionError,
  TimeoutError,
  AbortError,
  ConfigurationError,
  UnexpectedResponseError,
  ConnectorNotFoundError,
  AmbiguousConnectorError,
  SpecViolationError,
  type ErrorContext,
  type FieldError,
  type SpecViolation,
} from './core/errors.js';
export type { PagingStyle } from './core/pagination.js';
export type { PagingRule } from '../generated/connector-paging.js';
export { DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, type ClientOptions } from './core/options.js';
export type { RawCallOptions } from './core/context.js';
export type { CallOptions, Logger, Transport } from './core/transport.js';
export type { ExecutePagesOptions } from './core/execute-paging.js';
export type {
  ActionAnswer,
  ActionMeta,
  ActionName,
  ActionOptions,
  ActionParams,
  ActionResult,
  AllOptions,
  ConnectorName,
  EntityName,
  EntityRecord,
  TypedConnector,
  TypedConnectorBase,
  TypedEntity,
  TypedExecuteRequest,
} from './connectors/typed.js';
export type { ConnectorPaths } from '../generated/connectors/index.js';

/** Every path of the Agent Engine API and its operations, as openapi-typescript generated them from the spec. */
export type AgentEnginePaths = AgentEngine.paths;
/** The Agent Engine API's components: `schemas`, `parameters`, `responses`. */
export type AgentEngineComponents = AgentEngine.components;
/** Every operation of the Agent Engine API by operationId: parameters, request body, responses. */
export type AgentEngineOperations = AgentEngine.operations;
/** Every path of the Airbyte API's Embedded endpoints and its operations, as generated from the spec. */
export type AirbyteApiV1Paths = AirbyteApiV1.paths;
/** The Airbyte API's components: `schemas`, `parameters`, `responses`. */
export type AirbyteApiV1Components = AirbyteApiV1.components;
/** Every operation of the Airbyte API's Embedded endpoints by operationId. */
export type AirbyteApiV1Operations = AirbyteApiV1.operations;

/** Every named schema of the Agent Engine API, e.g. `AgentEngineSchemas['ConnectorResponse']`. */
export type AgentEngineSchemas = AgentEngineComponents['schemas'];
/** Every named schema of the Airbyte API's Embedded endpoints, e.g. `AirbyteApiV1Schemas['WorkspaceResponse']`. */
export type AirbyteApiV1Schemas = AirbyteApiV1Components['schemas'];
