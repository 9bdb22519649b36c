/*
 * Settings → Integrations: connecting Jira, Sentry and GitHub (settings, sealed secrets, a live check), each change
 * audited. Server-only: client components import its types with `import type`.
 */
export { disconnectConnection, listConnections, saveConnection, testConnection, type Provider } from "./manage";
export { integrationInputSchema, type ConnectionCheck } from "@/lib/integrations/settings";
