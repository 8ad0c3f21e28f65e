/** @aikynetix/mcp: the AIKYNETIX API as MCP tools, derived from the core's operation registry. */
export { createMcpServer, type McpServerOptions } from './server';
export { startHttp, MCP_PATH, type HttpHandle, type HttpOptions } from './http';
export { allTools, operationTools, waitTools, toolNameOf, type ToolDef, type TransportKind } from './tools';
export { errorText } from './tools/errors';
export { condense } from './tools/condense';
