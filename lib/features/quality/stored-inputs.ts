import "server-only";
import type { CompletedItem, EscapedDefect, ReleaseDeploy, SprintQualityInput } from "@/lib/domain/quality";
import {
  listCloseSnapshotsSince,
  listProductionDeploysSince,
  listTicketLinksWithStatusSince,
} from "@/lib/db/queries/quality";
import { CLOSED } from "@/lib/domain/sync/guards";
import { QUALITY_WINDOW_DAYS } from "./bugs";

const DAY_MS = 86_400_000;

/** What Sentry's cached issue list tells of a linked issue (absent once it is resolved and drops off the list). */
export type SentryIssueFacts = { firstSeen: Date; firstRelease: string | null };

type LinkRow = Awaited<ReturnType<typeof listTicketLinksWithStatusSince>>[number];
type SnapshotRow = Awaited<ReturnType<typeof listCloseSnapshotsSince>>[number];

/** Pure: a ticket link with what Sentry and the sync know of it; the ticket's resolution comes from the bug search. */
export function toEscapedDefect(
  link: LinkRow,
  sentry: Map<string, SentryIssueFacts>,
  ticketResolved: Map<string, Date | null>,
): EscapedDefect {
  const status = link.fieldStates[0];
  const facts = sentry.get(link.sentryIssueId);
  return {
    sentryIssueId: link.sentryIssueId,
    jiraIssueKey: link.jiraIssueKey,
    linkedAt: link.createdAt,
    firstSeen: facts?.firstSeen ?? null,
    firstRelease: facts?.firstRelease ?? null,
    ticketResolvedAt: ticketResolved.get(link.jiraIssueKey) ?? null,
    sentryResolvedAt: status?.sentryValue === CLOSED ? status.sentryChangedAt : null,
  };
}

/** Pure: a close snapshot as a sprint quality input (items read as optional: older snapshots lack issueType). */
export function toSprintInput(snapshot: SnapshotRow): SprintQualityInput {
  const items = ((snapshot.issues as { items?: CompletedItem[] } | null)?.items ?? []).map((item) => ({
    points: item.points,
    statusCategory: item.statusCategory,
    issueType: item.issueType ?? null,
  }));
  return {
    id: `${snapshot.boardId}:${snapshot.sprintId}`,
    label: snapshot.sprintName,
    start: snapshot.sprintStart ?? new Date(snapshot.takenAt.getTime() - 14 * DAY_MS),
    end: snapshot.sprintEnd ?? snapshot.takenAt,
    completedPoints: snapshot.completedPoints,
    items,
  };
}

/** What Bosun stores for the quality figures over the window: ticket links, production deploys and sprint closes. */
export async function loadStoredInputs({ orgId, now }: { orgId: string; now: Date }) {
  const since = new Date(now.getTime() - QUALITY_WINDOW_DAYS * DAY_MS);
  const [links, deploys, snapshots] = await Promise.all([
    listTicketLinksWithStatusSince({ orgId, since }),
    listProductionDeploysSince({ orgId, since }),
    listCloseSnapshotsSince({ orgId, since }),
  ]);
  return {
    links,
    deploys: deploys.map((d): ReleaseDeploy => ({ version: d.version, finishedAt: d.dateFinished })),
    snapshots,
  };
}
