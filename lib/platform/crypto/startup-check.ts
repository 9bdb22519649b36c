import "server-only";
import { logger } from "@/lib/platform/observability/logger";
import { assertStoredCredentialsOpen, StoredCredentialsKeyError } from "./stored-keys";

/**
 * Run before a web or worker process starts: false when the configured
 * encryption keys cannot open the stored credentials, after printing why and
 * what to set; the caller then exits rather than fail every integration call.
 * A database that does not answer is not a reason to refuse (the health check
 * reports it, and nothing can be opened or sealed until it answers anyway).
 */
export async function checkCredentialKeysAtStartup(processName: "web" | "worker"): Promise<boolean> {
  try {
    const { keyIds } = await assertStoredCredentialsOpen();
    const older = keyIds.filter((use) => use.needsResealing);
    if (older.length > 0) {
      const count = older.reduce((sum, use) => sum + use.connections, 0);
      logger.warn(
        { keyIds: older.map((use) => use.keyId) },
        `${count} stored credential(s) are sealed with an older key: run npm run keys:reseal`,
      );
    }
    return true;
  } catch (error) {
    if (error instanceof StoredCredentialsKeyError) {
      // Printed as well as logged: whatever LOG_LEVEL says, the reason a process will not start must be seen.
      console.error(`Bosun's ${processName} process will not start. ${error.message}`);
      logger.fatal({ processName }, error.message);
      return false;
    }
    logger.error({ err: error }, "could not check the keys of stored credentials; starting anyway");
    return true;
  }
}
