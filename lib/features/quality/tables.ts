import "server-only";
import type { QualityRow } from "@/lib/domain/quality";
import { classifySeverity, severityInputFromIssue } from "@/lib/domain/severity";
import type { ExportCell, ExportTable } from "@/lib/domain/tables/export";
import { readCacheEntry } from "@/lib/db/queries/cache";
import type { JiraBoard } from "@/lib/integrations/jira";
import type { SentryIssueSummary } from "@/lib/integrations/sentry";
import { getSeveritySettings } from "@/lib/features/errors";
import type { InsightTableLoader } from "@/lib/features/insights/table-loader";
import { readStoredBugs, toBugs } from "./bugs";
import { buildQuality, type SentryIssueLite } from "./build";
import { QUALITY_NOTES } from "./notes";
import { loadStoredInputs } from "./stored-inputs";

const day = (date: Date) => date.toISOString().slice(0, 10);
const round = (value: number | null, places = 1) => (value === null ? null : Number(value.toFixed(places)));

const COLUMNS = [
  { key: "label", label: "Period" },
  { key: "start", label: "From" },
  { key: "end", label: "To" },
  { key: "bugsCreated", label: "Bugs filed" },
  { key: "bugsResolved", label: "Bugs resolved" },
  { key: "escapedDefects", label: "Escaped defects" },
  { key: "bugShare", label: "Bug share of completed points (%)" },
  { key: "firstSeenToTicketHours", label: "First seen → ticket (median h)" },
  { key: "ticketToFixHours", label: "Ticket → fix (median h)" },
];

/** One quality row as export cells. */
export function qualityCells(row: QualityRow): Record<string, ExportCell> {
  return {
    label: row.label,
    start: day(row.start),
    end: day(row.end),
    bugsCreated: row.bugsCreated,
    bugsResolved: row.bugsResolved,
    escapedDefects: row.escapedDefects,
    bugShare: row.bugShare === null ? null : round(row.bugShare * 100),
    firstSeenToTicketHours: round(row.firstSeenToTicketHours),
    ticketToFixHours: round(row.ticketToFixHours),
  };
}

async function storedValue<T>(orgId: string, key: string): Promise<T | null> {
  const entry = await readCacheEntry({ orgId, key });
  return entry?.changed ? (entry.value as T) : null;
}

/** Sentry's last cached list of unresolved issues (all environments), classified by the org's severity rules. */
async function storedSentryIssues(orgId: string): Promise<SentryIssueLite[] | null> {
  const list = await storedValue<{ issues: SentryIssueSummary[] }>(orgId, "sentry:issues:14d:*");
  if (!list) return null;
  const settings = await getSeveritySettings({ orgId });
  return list.issues.map((issue) => ({
    id: issue.id,
    firstSeen: issue.firstSeen,
    firstReleaseVersion: issue.firstReleaseVersion,
    severity: classifySeverity(severityInputFromIssue(issue), settings).severity,
  }));
}

/** The quality figures from what Bosun stored: cached Jira and Sentry reads, ticket links, deploys, snapshots. */
async function storedQuality({ orgId, params, now }: Parameters<InsightTableLoader>[0]) {
  const boards = (await storedValue<JiraBoard[]>(orgId, "jira:boards")) ?? [];
  const requested = params.get("board");
  const board = requested ? boards.find((b) => String(b.id) === requested) : (boards[0] ?? null);
  if (board === undefined) return null;
  const [bugs, sentryIssues, stored] = await Promise.all([
    readStoredBugs({ orgId }),
    storedSentryIssues(orgId),
    loadStoredInputs({ orgId, now }),
  ]);
  const quality = buildQuality({
    bugs: toBugs(bugs?.value ?? []),
    sentryIssues,
    stored,
    board: board ? { id: board.id, projectKey: board.projectKey } : null,
    now,
  });
  const notes = [
    `Jira bugs as read on ${bugs ? bugs.fetchedAt.toISOString() : "no read yet"} (Bosun's cache).`,
    ...QUALITY_NOTES,
  ];
  return { board, quality, notes };
}

export const qualityTables: Record<string, InsightTableLoader> = {
  "quality-sprints": async (input) => {
    const stored = await storedQuality(input);
    if (!stored) return null;
    const table: ExportTable = {
      id: "quality-sprints",
      title: `Quality per sprint${stored.board ? ` — ${stored.board.name}` : ""}`,
      columns: COLUMNS,
      rows: stored.quality.sprints.map(qualityCells),
      notes: stored.notes,
    };
    return table;
  },
  "quality-releases": async (input) => {
    const stored = await storedQuality(input);
    if (!stored) return null;
    return {
      id: "quality-releases",
      title: "Quality per release",
      columns: COLUMNS.filter((c) => c.key !== "bugShare"),
      rows: stored.quality.releases.map(qualityCells),
      notes: stored.notes,
    };
  },
};
