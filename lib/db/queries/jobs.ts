import "server-only";
import { db } from "@/lib/db/client";
import type { Job, JobStatus } from "@/lib/db/types";

/** What an org sees of the job queue; every write to it is in lib/db/system/jobs.ts. */

/** An org's jobs, newest first. */
export function listJobsOfOrg({
  orgId,
  statuses,
  limit,
}: {
  orgId: string;
  statuses?: JobStatus[];
  limit: number;
}): Promise<Job[]> {
  return db.job.findMany({
    where: { orgId, ...(statuses ? { status: { in: statuses } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

/** How many of an org's jobs are in each status (zero for the rest). */
export async function countJobsOfOrg({ orgId }: { orgId: string }): Promise<Record<JobStatus, number>> {
  const groups = await db.job.groupBy({ by: ["status"], where: { orgId }, _count: { _all: true } });
  const counts: Record<JobStatus, number> = { queued: 0, running: 0, succeeded: 0, failed: 0, dead: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}
