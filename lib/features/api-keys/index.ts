/*
 * What pages, server actions, route handlers, jobs and other features use of
 * this feature. Server-only: client components import its types with `import type`.
 */
export { authenticateApiKey } from "./authenticate";
export { bearerToken, generateApiKey, looksLikeApiKey } from "./keys";
export { listOrgApiKeys, mintApiKey, revokeOrgApiKey } from "./manage";
