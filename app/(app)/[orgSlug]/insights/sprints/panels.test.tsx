import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { sprintReport, sprintTrends, type ReportInput } from "@/lib/domain/sprint-report";
import type { BoardSprintReport, SprintReportPage, SprintTrendsPage } from "@/lib/features/sprint-reports";
import { SprintReportBody } from "./[boardId]/[sprintId]/report-panels";
import { SprintTrendsBody } from "./trends-panels";

vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
vi.mock("@/lib/features/sprint-reports", () => ({ REPORT_TIME_ZONE: "UTC" }));

/** The sprint reports' page bodies from loader answers: what a member reads, without a database. */
const board = { id: 7, name: "ACME <b>board</b>" };
const input = (id: number, tracked: boolean): ReportInput => ({
  sprint: {
    id,
    name: `Sprint ${id}`,
    startDate: `2026-10-${String(id).padStart(2, "0")}T09:00:00.000Z`,
    endDate: `2026-10-${String(id + 14).padStart(2, "0")}T09:00:00.000Z`,
    completeDate: `2026-10-${String(id + 14).padStart(2, "0")}T10:00:00.000Z`,
  },
  committed: tracked
    ? [
        { key: "A-1", points: 5, statusCategory: "new" },
        { key: "A-2", points: 3, statusCategory: "new" },
      ]
    : null,
  final: [
    {
      key: "A-1",
      points: 5,
      statusCategory: "done",
      status: "Done",
      resolvedAt: `2026-10-${String(id + 3).padStart(2, "0")}T12:00:00.000Z`,
    },
    { key: "A-2", points: 3, statusCategory: "indeterminate", status: "In Review", issueType: "Story" },
  ],
  changes: [],
  now: "2026-12-01T00:00:00.000Z",
  plannedCapacity: tracked ? 10 : null,
});
const sprintOf = (id: number, tracked: boolean): BoardSprintReport => {
  const source = input(id, tracked);
  return {
    sprintId: id,
    name: source.sprint.name,
    state: "closed",
    startDate: source.sprint.startDate,
    endDate: source.sprint.endDate,
    completeDate: source.sprint.completeDate,
    plannedCapacity: source.plannedCapacity,
    origin: tracked ? "webhook" : "backfill",
    statusesReadAt: null,
    report: sprintReport(source),
  };
};
const sprints = [sprintOf(1, false), sprintOf(2, true)];
type History = Extract<SprintTrendsPage, { status: "ok" }>["history"];
const trendsPage = (
  history: History = {
    filling: false,
    connected: true,
    completedAt: "2026-12-01T00:00:00.000Z",
    reachedBack: null,
    note: null,
  },
) =>
  Promise.resolve<SprintTrendsPage>({
    status: "ok",
    boards: [board, { id: 8, name: "Other" }],
    board,
    history,
    sprints,
    trends: sprintTrends(sprints.map((s) => ({ ...s, report: s.report }))),
  });

describe("sprint trends body", () => {
  it("charts velocity, planning accuracy, interrupt rate and carryover, and lists the sprints with links and an export", async () => {
    const html = renderToStaticMarkup(await SprintTrendsBody({ orgSlug: "acme", page: trendsPage() }));
    expect(html).toContain("ACME &lt;b&gt;board&lt;/b&gt;");
    expect(html).toMatch(/role="img" aria-label="Completed points across 2 sprints/);
    expect(html).toMatch(
      /aria-label="Interrupt rate across 2 sprints[^"]*1 sprint\(s\) backfilled \(additions unknown\)/,
    );
    expect(html).toContain('href="/acme/insights/sprints/7/2"');
    expect(html).toContain("table=sprint-trends&amp;format=csv&amp;board=7");
    expect(html).toContain("1 backfilled sprint(s) are left out");
    expect(html).not.toContain("Filling sprint history");
  });

  it("says the history is filling while the backfill runs", async () => {
    const html = renderToStaticMarkup(
      await SprintTrendsBody({
        orgSlug: "acme",
        page: trendsPage({ filling: true, connected: true, completedAt: null, reachedBack: null, note: null }),
      }),
    );
    expect(html).toContain("Filling sprint history from Jira…");
  });

  it("asks to connect Jira when it is not connected", async () => {
    const html = renderToStaticMarkup(
      await SprintTrendsBody({
        orgSlug: "acme",
        page: trendsPage({ filling: false, connected: false, completedAt: null, reachedBack: null, note: null }),
      }),
    );
    expect(html).toContain("Connect Jira in Settings → Integrations");
  });

  it("is a 404 for a board that is not the org's", async () => {
    await expect(SprintTrendsBody({ orgSlug: "acme", page: Promise.resolve({ status: "not-found" }) })).rejects.toThrow(
      "NEXT_NOT_FOUND",
    );
  });
});

describe("sprint report body", () => {
  const reportPage = (sprint: BoardSprintReport, previous: BoardSprintReport[] = []): Promise<SprintReportPage> =>
    Promise.resolve({
      status: "ok",
      board,
      sprint,
      previous,
      history: {
        sprints: previous.length,
        planningAccuracy: { sprint: sprint.report.planning.points, median: 0.5 },
        capacityAccuracy: { sprint: null, median: null, sprintsWithCapacity: 0 },
        velocity: { sprint: sprint.report.figures.completedPoints, median: 5 },
      },
    });

  it("shows the burn chart with its table, the figures, accuracy against history and carryover with reasons", async () => {
    const html = renderToStaticMarkup(
      await SprintReportBody({ orgSlug: "acme", page: reportPage(sprints[1]!, [sprints[0]!]) }),
    );
    expect(html).toMatch(/role="img" aria-label="Sprint 2 burndown and burnup, 2026-10-02 to 2026-10-16 \(UTC days\)/);
    expect(html).toContain("Show as table");
    expect(html).toContain("Guideline");
    expect(html).toContain("63%"); // 5 of 8 committed points
    expect(html).toContain("50% (5 of 10 pts)"); // capacity accuracy
    expect(html).toContain("In review");
    expect(html).toContain("table=sprint-carryover&amp;format=md&amp;board=7&amp;sprint=2");
    expect(html).toContain("table=sprint-report-days&amp;format=csv&amp;board=7&amp;sprint=2");
    expect(html).not.toContain("Backfilled from issues");
  });

  it("says a backfilled sprint knows no scope change and its capacity accuracy is unknown", async () => {
    const html = renderToStaticMarkup(await SprintReportBody({ orgSlug: "acme", page: reportPage(sprints[0]!) }));
    expect(html).toContain("Backfilled from issues — no scope changes known");
    expect(html).toContain("unknown: Bosun did not record the team&#x27;s capacity at the start");
  });
});
