/**
 * What Bosun accepts in one request body (webhooks, MCP, server actions): far above any real delivery or form,
 * far below what hurts a process. Kept free of imports so next.config.ts can read it.
 */
export const MAX_BODY_BYTES = 1_000_000;
