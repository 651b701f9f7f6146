// agent-engine-kit: a typed client for Airbyte's Agent Engine API (and the Embedded endpoints of the Airbyte API),
// with the types of both APIs generated from the specs under openapi/.
import type { components as AgentEngineComponents } from '../generated/agent-engine.js';
import type { components as AirbyteApiV1Components } from '../generated/airbyte-api-v1.js';

export { createAgentEngineClient, type AgentEngineClient, type AgentEngineClientOptions, type WorkspaceClient } from './client.js';
export { createAirbyteApiClient, AIRBYTE_API_BASE_URL, type AirbyteApiClient, type AirbyteApiClientOptions } from './airbyte-api-v1.js';
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
  ConnectorNotFoundError,
  AmbiguousConnectorError,
  SpecViolationError,
  type FieldError,
  type SpecViolation,
} from './core/errors.js';
export type { PagingStyle } from './core/pagination.js';
export type { PagingRule } from '../generated/connector-paging.js';
export { DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, type ClientOptions } from './core/options.js';
export type { CallOptions, Logger } from './core/transport.js';
export type { ExecutePagesOptions, FindConnectorQuery } from './resources/connectors.js';
export type { SkillDocsQuery, SkillListQuery, SkillSearchQuery } from './resources/skills.js';
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

export type {
  paths as AgentEnginePaths,
  components as AgentEngineComponents,
  operations as AgentEngineOperations,
} from '../generated/agent-engine.js';
export type {
  paths as AirbyteApiV1Paths,
  components as AirbyteApiV1Components,
  operations as AirbyteApiV1Operations,
} from '../generated/airbyte-api-v1.js';

/** Every named schema of the Agent Engine API, e.g. `AgentEngineSchemas['ConnectorResponse']`. */
export type AgentEngineSchemas = AgentEngineComponents['schemas'];
/** Every named schema of the Airbyte API's Embedded endpoints, e.g. `AirbyteApiV1Schemas['WorkspaceResponse']`. */
export type AirbyteApiV1Schemas = AirbyteApiV1Components['schemas'];
