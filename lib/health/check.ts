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
    return describeError(error);
  } finally {
    clearTimeout(timer);
  }
}

/** Driver errors sometimes arrive with an empty message; fall back to their code or cause. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const withDetails = error as Error & { code?: string; cause?: unknown };
  const cause = withDetails.cause instanceof Error ? withDetails.cause.message : undefined;
  return error.message.split("\n")[0] || cause || withDetails.code || error.name || "unknown error";
}

export async function checkHealth(): Promise<HealthReport> {
  const databaseError = await pingDatabase();
  const healthy = databaseError === null;
  return {
    status: healthy ? "ok" : "degraded",
    database: healthy ? "ok" : "unreachable",
    mode: env.mode,
    version: APP_VERSION,
    ...(healthy ? {} : { error: `database: ${databaseError}` }),
  };
}
