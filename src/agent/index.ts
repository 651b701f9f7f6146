/**
 * The connectors as tools for AI agents, framework-neutral: a tool per entity and action (JSON Schema input from the
 * connector definitions) or three dynamic tools, an execute function that never throws, answers within a size limit.
 * The MCP server (`agent-engine-kit mcp`) and the framework adapters build on it.
 *
 * @module agent-engine-kit/agent
 */
export { catalogConnectors, catalogEntry } from './catalog.js';
export type { ActionToolCatalog, ConnectorToolCatalog, EntityToolCatalog } from './catalog.js';
export { toolErrorText } from './errors.js';
export { inputProblems } from './input.js';
export { DEFAULT_MAX_RESULT_BYTES, answerText } from './output.js';
export {
  MAX_STATIC_TOOLS,
  actionToolName,
  actionTools,
  connectorTools,
  dynamicTools,
  listToolConnectors,
  toolConnector,
  workspaceTools,
  type AgentTool,
  type AgentToolsOptions,
  type ExecutableConnector,
  type ListedConnector,
  type ToolCallOptions,
  type ToolsClient,
  type ToolAnnotations,
  type ToolConnector,
  type ToolInputSchema,
  type ToolOutput,
  type ToolsMode,
} from './tools.js';
