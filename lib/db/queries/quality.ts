import "server-only";
import { db } from "@/lib/db/client";

/** The Sentry issues Bosun linked to a Jira ticket since `since`, with the Sentry side's last synced status. */
export async function listTicketLinksWithStatusSince({ orgId, since }: { orgId: string; since: Date }) {
  return db.ticketLink.findMany({
    where: { orgId, createdAt: { gte: since } },
    select: {
      sentryIssueId: true,
      jiraIssueKey: true,
      createdAt: true,
      fieldStates: { where: { orgId, field: "status" }, select: { sentryValue: true, sentryChangedAt: true } },
    },
    orderBy: { createdAt: "asc" },
  });
}

/** Production deploys since `since`, oldest first: the windows the quality figures count per release. */
export async function listProductionDeploysSince({ orgId, since }: { orgId: string; since: Date }) {
  return db.deploy.findMany({
    where: { orgId, environment: "production", dateFinished: { gte: since } },
    select: { version: true, dateFinished: true },
    orderBy: { dateFinished: "asc" },
  });
}

/** The org's close snapshots since `since`, across its boards, for the per-sprint quality rows. */
export async function listCloseSnapshotsSince({ orgId, since }: { orgId: string; since: Date }) {
  return db.sprintSnapshot.findMany({
    where: { orgId, kind: "close", takenAt: { gte: since } },
    select: {
      boardId: true,
      sprintId: true,
      sprintName: true,
      sprintStart: true,
      sprintEnd: true,
      takenAt: true,
      completedPoints: true,
      issues: true,
    },
    orderBy: { takenAt: "asc" },
  });
}
