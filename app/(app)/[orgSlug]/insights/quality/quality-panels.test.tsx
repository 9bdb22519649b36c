import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { QualityRow } from "@/lib/domain/quality";
import type { QualityPage } from "@/lib/features/quality";
import { QualityBody } from "./quality-panels";

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

/** The Quality page body from a loader answer: what a member reads, without Jira or Sentry. */
const now = new Date("2026-12-03T08:00:00Z");
const row = (label: string, overrides: Partial<QualityRow> = {}): QualityRow => ({
  id: label,
  label,
  start: new Date("2026-11-02T00:00:00Z"),
  end: new Date("2026-11-16T00:00:00Z"),
  bugsCreated: 4,
  bugsResolved: 3,
  escapedDefects: 2,
  bugShare: 0.25,
  firstSeenToTicketHours: 6,
  ticketToFixHours: 30,
  ...overrides,
});
const board = { id: 7, name: "ACME board", type: "scrum", projectKey: "ACME" };
const page = (overrides: Partial<Extract<QualityPage, { status: "ok" }>> = {}): Promise<QualityPage> =>
  Promise.resolve({
    status: "ok",
    boards: [board],
    board,
    quality: {
      sprints: [row("Sprint 12"), row("Sprint 11", { bugShare: null })],
      releases: [row("2.15.0", { bugShare: null })],
      critical: { open: 3, meanAgeDays: 4.25 },
      overall: {
        firstSeenToTicketHours: 6,
        firstSeenToTicketCount: 5,
        ticketToFixHours: 30,
        ticketToFixCount: 4,
        escapedDefects: 9,
      },
    },
    jira: { status: "ok", fetchedAt: now, stale: false, error: null },
    sentry: { status: "ok", fetchedAt: now, stale: false, error: null },
    ...overrides,
  });
const render = async (answer: Promise<QualityPage>) =>
  renderToStaticMarkup(await QualityBody({ orgSlug: "acme", page: answer, now }));

describe("quality page body", () => {
  it("shows the headline figures with their sources, the per-sprint and per-release tables and their exports", async () => {
    const html = await render(page());
    expect(html).toContain("Open Critical issues");
    expect(html).toContain("4.3 d");
    expect(html).toContain("median of 4 fixed of 9 linked");
    expect(html).toContain("25%");
    expect(html).toContain("table=quality-sprints&amp;format=csv&amp;board=7");
    expect(html).toContain("table=quality-releases&amp;format=md");
    expect(html).toMatch(
      /role="img" aria-label="Bugs filed, resolved and escaped per sprint, Sprint 11 to Sprint 12: 8 bugs filed/,
    );
    expect(html).toContain("Escaped defects: Sentry issues Bosun filed or linked");
  });

  it("says which figures are left out when Sentry is not connected", async () => {
    const html = await render(page({ sentry: { status: "not-connected" } }));
    expect(html).toContain("Sentry is not connected, so the open Critical issues and first-seen times are left out");
  });

  it("answers not found for a board that is not the org's", async () => {
    await expect(render(Promise.resolve({ status: "not-found" }))).rejects.toThrow("NEXT_NOT_FOUND");
  });
});
