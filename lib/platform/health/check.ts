import "server-only";
import { pingDatabase as queryDatabase } from "@/lib/db/system/ping";
import { APP_VERSION, env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/observability/logger";

export type HealthReport = {
  status: "ok" | "degraded";
  database: "ok" | "unreachable";
  mode: "demo" | "live";
  version: string;
};

const DATABASE_TIMEOUT_MS = 2_000;

/** Whether the database answered; what the driver said goes to the log only. */
async function pingDatabase(): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      queryDatabase(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)), DATABASE_TIMEOUT_MS);
      }),
    ]);
    return true;
  } catch (error) {
    logger.error({ err: error, detail: describeError(error) }, "health check: database unreachable");
    return false;
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

/**
 * Anyone may call /api/health, so the report says only whether the database
 * answered: driver messages name hosts, ports, users and databases.
 */
export async function checkHealth(): Promise<HealthReport> {
  const healthy = await pingDatabase();
  return {
    status: healthy ? "ok" : "degraded",
    database: healthy ? "ok" : "unreachable",
    mode: env.mode,
    version: APP_VERSION,
  };
}
