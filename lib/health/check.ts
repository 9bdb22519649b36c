import "server-only";
import { db } from "@/lib/db/client";
import { APP_VERSION, env } from "@/lib/env";

export type HealthReport = {
  status: "ok" | "degraded";
  database: "ok" | "unreachable";
  mode: "demo" | "live";
  version: string;
  error?: string;
};

const DATABASE_TIMEOUT_MS = 2_000;

async function pingDatabase(): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)), DATABASE_TIMEOUT_MS);
      }),
    ]);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.split("\n")[0] ?? "unknown error" : String(error);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(): Promise<HealthReport> {
  const databaseError = await pingDatabase();
  return {
    status: databaseError ? "degraded" : "ok",
    database: databaseError ? "unreachable" : "ok",
    mode: env.mode,
    version: APP_VERSION,
    ...(databaseError ? { error: `database: ${databaseError}` } : {}),
  };
}
