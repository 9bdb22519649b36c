// A queued retry names its automation run by id alone; the run carries its org, so this takes no orgId.
import "server-only";
import { db } from "@/lib/db/client";

/** The run with its rule, or null once it is gone. */
export async function findRunWithRule({ runId }: { runId: string }) {
  return db.automationRun.findUnique({ where: { id: runId }, include: { rule: true } });
}
