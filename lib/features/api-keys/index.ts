/*
 * What pages, server actions, route handlers, jobs and other features use of
 * this feature. Server-only: client components import its types with `import type`.
 */
export { authenticateApiKey } from "./authenticate";
export { bearerToken, generateApiKey, looksLikeApiKey } from "./keys";
export { mintApiKey, revokeOrgApiKey } from "./manage";
// Every key the org has minted, revoked ones included, for the API keys page.
export { listApiKeys } from "@/lib/db/queries/api-keys";
