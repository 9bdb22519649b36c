// Whether the database answers at all is a question about the deployment, not about any org.
import "server-only";
import { db } from "@/lib/db/client";

/** One round trip to the database; rejects with the driver's error when it does not answer. */
export async function pingDatabase(): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
