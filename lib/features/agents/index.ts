/*
 * What pages, server actions, route handlers, jobs and other features use of
 * this feature. Server-only: client components import its types with `import type`.
 */
export { authenticateMcpRequest } from "./auth";
export { protectedResourceMetadata } from "./oauth";
export { MCP_RATE_LIMIT, TokenBuckets } from "./rate-limit";
export { createBosunMcpServer } from "./server";
