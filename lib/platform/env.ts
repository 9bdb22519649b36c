import { parseEnv } from "@/lib/platform/env/schema";

// Secrets live only in the server's environment; refuse to run in a browser bundle.
if (typeof window !== "undefined") throw new Error("lib/env is server-only");

/** Bosun's validated configuration. The only reader of process.env in app code. */
export const env = parseEnv(process.env);

/**
 * Reads process.env again into the same `env` object, for tests that start a
 * service on a port known only at run time (test/fixtures/env.ts). Modules
 * that keep a client built from `env` compare against the section they used.
 */
export function reloadEnv(): void {
  Object.assign(env, parseEnv(process.env));
}

/** Set from package.json at build time by next.config.ts. */
export const APP_VERSION = process.env.BOSUN_VERSION ?? "development";
