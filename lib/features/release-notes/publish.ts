import "server-only";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { forgetCached } from "@/lib/platform/cache/read-through";
import { findReleaseNote, findRevision, markPublished } from "@/lib/db/queries/release-notes";
import type { ReleaseNoteVariant } from "@/lib/db/types";
import { DEFAULT_STATUS_ORDER } from "@/lib/domain/automations";
import { performWrite, type WriteOutcome } from "@/lib/platform/outbox";
import { loadReleaseDetail } from "@/lib/features/releases";
import { readJiraVersions } from "./load";

/**
 * Publishing a release's notes: the chosen revision becomes the published one,
 * and — when asked — Jira learns about it too: each version of that name is
 * marked released today, and the release's completed issues that were never
 * closed (still "In Review": the work is done, the ticket was left open) are
 * moved to Done. Each Jira write goes through the outbox and is audited.
 */
export type PublishOptions = { markJiraReleased: boolean; closeCompleted: boolean };
export type PublishResult = {
  status: "done" | "pending" | "failed";
  message: string;
  writes: { summary: string; status: WriteOutcome["status"] }[];
};

/** Statuses that mean "finished but not closed" in the workflow Bosun moves issues along. */
const COMPLETED_NOT_CLOSED = new Set(["in review"]);

export async function publishReleaseNotes({
  orgId,
  version,
  variant,
  revision,
  options,
  actor,
  requestId,
  today,
}: {
  orgId: string;
  version: string;
  variant: ReleaseNoteVariant;
  revision: number;
  options: PublishOptions;
  actor: { id: string; label: string };
  requestId: string;
  today: string;
}): Promise<PublishResult> {
  const note = await findReleaseNote({ orgId, version, variant });
  if (!note || !(await findRevision({ orgId, noteId: note.id, revision })))
    return { status: "failed", message: "Save the notes before publishing them.", writes: [] };
  await markPublished({ orgId, noteId: note.id, revision, userId: actor.id });

  const who = { type: "user" as const, id: actor.id, label: actor.label };
  const writes: { summary: string; outcome: WriteOutcome }[] = [];
  if (options.markJiraReleased) {
    for (const jiraVersion of await readJiraVersions({ orgId, version, requestId, force: true })) {
      if (jiraVersion.released) continue;
      const summary = `Marked ${jiraVersion.projectKey} version ${version} released on ${today}`;
      const outcome = await performWrite({
        orgId,
        operation: "jira.version.release",
        args: { versionId: jiraVersion.id, releaseDate: today },
        orderingKey: `jira-version:${jiraVersion.id}`,
        idempotencyKey: `release:${version}:${jiraVersion.id}:released`,
        actor: who,
        summary,
        target: { type: "jira_version", id: jiraVersion.id },
        requestId,
      });
      writes.push({ summary, outcome });
    }
  }
  if (options.closeCompleted) {
    // Statuses as Jira has them now, not as a page load cached them minutes ago.
    await forgetCached({ orgId, prefix: `jira:fix-version:${version}` });
    const detail = await loadReleaseDetail({ orgId, version, requestId });
    for (const issue of (detail.jiraIssues ?? []).filter((i) => COMPLETED_NOT_CLOSED.has(i.status.toLowerCase()))) {
      const summary = `Closed ${issue.key} with release ${version}`;
      const outcome = await performWrite({
        orgId,
        operation: "jira.issue.transition_forward",
        args: { issueKey: issue.key, targetStatus: "Done", statusOrder: DEFAULT_STATUS_ORDER },
        orderingKey: `jira:${issue.key}`,
        idempotencyKey: `release:${version}:close:${issue.key}`,
        actor: who,
        summary,
        target: { type: "jira_issue", id: issue.key },
        requestId,
      });
      writes.push({ summary, outcome });
    }
  }
  await appendAuditEntry({
    orgId,
    actor: who,
    action: "release_notes.published",
    target: { type: "release", id: version },
    summary: `Published the ${variant} release notes of ${version} (revision ${revision})`,
    changes: { variant, revision, ...options },
    requestId,
  });
  // The next page load reads Jira's versions and the release's issues afresh.
  if (writes.length > 0) {
    await readJiraVersions({ orgId, version, requestId, force: true }).catch(() => []);
    await forgetCached({ orgId, prefix: `jira:fix-version:${version}` });
  }

  const failed = writes.filter((w) => w.outcome.status === "failed");
  const pending = writes.filter((w) => w.outcome.status === "pending");
  const list = writes.map((w) => ({ summary: w.summary, status: w.outcome.status }));
  if (failed.length > 0)
    return {
      status: "failed",
      message: `Published, but ${failed.length} Jira change(s) failed: ${failed.flatMap((f) => (f.outcome.status === "failed" ? [f.outcome.error] : [])).join("; ")}`,
      writes: list,
    };
  if (pending.length > 0)
    return {
      status: "pending",
      message: `Published; Jira is not answering, so ${pending.length} change(s) will be applied when it is back.`,
      writes: list,
    };
  return {
    status: "done",
    message: writes.length > 0 ? `Published, and ${writes.length} Jira change(s) made.` : "Published.",
    writes: list,
  };
}
