// `agent-engine-kit/agent`: the connectors as tools for AI agents, framework-neutral (JSON Schema input, an execute
// function that never throws, answers within a size limit). The MCP server and the framework adapters build on it.
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
  type ToolAnnotations,
  type ToolConnector,
  type ToolInputSchema,
  type ToolOutput,
  type ToolsMode,
} from './tools.js';
