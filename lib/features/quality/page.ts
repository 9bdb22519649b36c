import "server-only";
import { getJiraConfig } from "@/lib/integrations/connections";
import type { JiraBoard } from "@/lib/integrations/jira";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { readBoards } from "@/lib/integrations/jira/reads";
import { loadErrorsPage } from "@/lib/features/errors";
import { readBugs, toBugs, type StoredBug } from "./bugs";
import { buildQuality, type Quality, type SentryIssueLite } from "./build";
import { loadStoredInputs } from "./stored-inputs";

/** How one upstream source of the page was read. */
export type SourceRead =
  | { status: "ok"; fetchedAt: Date; stale: boolean; error: string | null }
  | { status: "not-connected" }
  | { status: "unavailable"; message: string };

export type QualityPage =
  /** The board asked for is not one of this org's (or does not exist). */
  | { status: "not-found" }
  | {
      status: "ok";
      boards: JiraBoard[];
      board: JiraBoard | null;
      quality: Quality;
      jira: SourceRead;
      sentry: SourceRead;
    };

type LoadOptions = { orgId: string; boardId?: number; force?: boolean; now?: Date; requestId?: string };

async function readJira({ orgId, force, requestId }: LoadOptions) {
  const config = await getJiraConfig({ orgId, requestId });
  if (!config) return { read: { status: "not-connected" } as SourceRead, boards: [], bugs: [] as StoredBug[] };
  try {
    const [boards, bugs] = await Promise.all([
      readBoards({ orgId, config, force }),
      readBugs({ orgId, config, force }),
    ]);
    const stale = boards.stale || bugs.stale;
    const read: SourceRead = {
      status: "ok",
      fetchedAt: new Date(Math.min(boards.fetchedAt.getTime(), bugs.fetchedAt.getTime())),
      stale,
      error: boards.error ?? bugs.error,
    };
    return { read, boards: boards.value, bugs: bugs.value };
  } catch (error) {
    if (!(error instanceof IntegrationError)) throw error;
    return { read: { status: "unavailable", message: error.message } as SourceRead, boards: [], bugs: [] };
  }
}

/** Sentry's unresolved issues with their severity, from the errors page's own cached read. */
async function readSentry({ orgId, force, requestId }: LoadOptions) {
  const page = await loadErrorsPage({ orgId, filters: { period: "7d", sort: "severity" }, force, requestId });
  if (page.status !== "ok") return { read: page as SourceRead, issues: null };
  const issues: SentryIssueLite[] = page.issues.map((i) => ({
    id: i.id,
    firstSeen: i.firstSeen,
    firstReleaseVersion: i.firstReleaseVersion,
    severity: i.severity,
  }));
  const read: SourceRead = { status: "ok", fetchedAt: page.fetchedAt, stale: page.stale, error: page.error };
  return { read, issues };
}

/**
 * The Quality page: per sprint of one board and per release, bugs filed and resolved, escaped defects, bug share
 * and the time from first seen to ticket to fix, plus the open Critical issues' age. Jira's bugs and Sentry's issues
 * come from cached reads; everything else from PostgreSQL. A source that cannot be read leaves its figures out.
 */
export async function loadQualityPage(options: LoadOptions): Promise<QualityPage> {
  const now = options.now ?? new Date();
  const [jira, sentry, stored] = await Promise.all([
    readJira(options),
    readSentry(options),
    loadStoredInputs({ orgId: options.orgId, now }),
  ]);
  const board =
    options.boardId === undefined
      ? (jira.boards[0] ?? null)
      : (jira.boards.find((b) => b.id === options.boardId) ?? undefined);
  // A board that is not the org's is not found, but only when the boards could be read at all.
  if (board === undefined && jira.read.status === "ok") return { status: "not-found" };
  const shown = board ?? null;
  return {
    status: "ok",
    boards: jira.boards,
    board: shown,
    quality: buildQuality({
      bugs: toBugs(jira.bugs),
      sentryIssues: sentry.issues,
      stored,
      board: shown ? { id: shown.id, projectKey: shown.projectKey } : null,
      now,
    }),
    jira: jira.read,
    sentry: sentry.read,
  };
}
