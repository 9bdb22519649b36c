import { parseEnv } from "@/lib/platform/env/schema";

// Secrets live only in the server's environment; refuse to run in a browser bundle.
if (typeof window !== "undefined") throw new Error("lib/env is server-only");

/** Bosun's validated configuration. The only reader of process.env in app code. */
export const env = parseEnv(process.env);

/** Set from package.json at build time by next.config.ts. */
export const APP_VERSION = process.env.BOSUN_VERSION ?? "development";
