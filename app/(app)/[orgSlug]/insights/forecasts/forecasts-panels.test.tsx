import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { forecastCompletion, type ThroughputSprint } from "@/lib/domain/forecast";
import type { ForecastRow, ForecastsPage } from "@/lib/features/forecasts";
import { ForecastsBody } from "./forecasts-panels";

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

/** The Forecasts page body from a loader answer: what a member reads, without Jira. */
const now = new Date("2026-12-03T08:00:00Z");
const history: ThroughputSprint[] = [1, 2, 3].map((n) => ({
  name: `Sprint ${n}`,
  start: new Date(Date.UTC(2026, 9, 1 + (n - 1) * 14)),
  end: new Date(Date.UTC(2026, 9, 1 + n * 14)),
  completedPoints: 10 * n,
  completedIssues: 3 * n,
}));
const row = (kind: ForecastRow["kind"], key: string, name: string, points: number, issues: number): ForecastRow => {
  const remaining = { points, issues, unestimatedIssues: 0 };
  const forecast = forecastCompletion({ history, remaining, activeSprintEnd: null, now, seed: 1 });
  return { kind, key, name, remaining, forecast };
};
const board = { id: 7, name: "ACME board", type: "scrum", projectKey: "ACME" };
const page = (overrides: Partial<Extract<ForecastsPage, { status: "ok" }>> = {}): Promise<ForecastsPage> =>
  Promise.resolve({
    status: "ok",
    boards: [board],
    board,
    activeSprint: null,
    history,
    historyFilling: false,
    freshness: { fetchedAt: now, stale: false, error: null },
    epics: [row("epic", "ACME-3", "Checkout <b>v2</b>", 40, 9)],
    versions: [row("fixVersion", "2.15.0", "2.15.0", 12, 4)],
    ...overrides,
  });
const render = async (answer: Promise<ForecastsPage>, selected: string | null = null) =>
  renderToStaticMarkup(await ForecastsBody({ orgSlug: "acme", page: answer, selected, now }));

describe("forecasts page body", () => {
  it("lists each epic and version with its P50, P85 and P95 dates and an export of each table", async () => {
    const html = await render(page());
    const epic = (await page()) as Extract<ForecastsPage, { status: "ok" }>;
    const forecast = epic.epics[0]!.forecast;
    if (forecast.status !== "ok") throw new Error(forecast.status);
    expect(html).toContain(forecast.p85.date.toISOString().slice(0, 10));
    expect(html).toContain("Checkout &lt;b&gt;v2&lt;/b&gt;");
    expect(html).toContain("table=forecast-epics&amp;format=csv&amp;board=7");
    expect(html).toContain("table=forecast-versions&amp;format=md&amp;board=7");
    expect(html).toMatch(/History used: 3 closed sprints/);
  });

  it("charts the chosen row's distribution, with a summary and a table of the same figures", async () => {
    const html = await render(page(), "fixVersion:2.15.0");
    expect(html).toContain("Distribution — 2.15.0");
    expect(html).toMatch(/role="img" aria-label="fixVersion 2.15.0: of 10,000 simulated futures/);
    expect(html).toContain("Show as table");
    // Row links carry the item encoded, whatever a version is named.
    expect(html).toContain("item=fixVersion%3A2.15.0");
  });

  it("says why a row cannot be forecast, and what to do when no sprint is recorded", async () => {
    const remaining = { points: 5, issues: 2, unestimatedIssues: 0 };
    const cannot: ForecastRow = {
      kind: "epic",
      key: "ACME-9",
      name: "Search",
      remaining,
      forecast: forecastCompletion({ history: [], remaining, activeSprintEnd: null, now, seed: 1 }),
    };
    const html = await render(page({ history: [], epics: [cannot], versions: [] }));
    expect(html).toContain("No closed sprint of this board has been recorded yet");
    expect(html).toContain("No unreleased fixVersion holds open work");
    const filling = await render(page({ history: [], historyFilling: true, epics: [cannot], versions: [] }));
    expect(filling).toContain("Filling sprint history from Jira…");
  });

  it("answers not found for a board that is not the org's", async () => {
    await expect(render(Promise.resolve({ status: "not-found" }))).rejects.toThrow("NEXT_NOT_FOUND");
  });
});
