// agent-engine-kit: the types of both APIs, generated from openapi/ (the typed client lands on top of them).
import type { components as AgentEngineComponents } from '../generated/agent-engine.js';
import type { components as AirbyteApiV1Components } from '../generated/airbyte-api-v1.js';

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
