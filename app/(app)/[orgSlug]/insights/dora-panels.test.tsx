import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { computeDora, type DoraDeploy, type DoraIncident } from "@/lib/domain/dora";
import type { DoraPage } from "@/lib/features/delivery";
import { DoraCardsPanel } from "./dora-cards";
import { DoraFiltersPanel, DoraFreshness } from "./dora-filters";
import { DoraTablesPanel } from "./dora-tables";
import { DoraTrendsPanel } from "./dora-trends";

vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

/** The Delivery panels rendered from a loader answer built from a hand-made history: what a member reads. */
const NOW = new Date("2026-12-03T12:00:00Z");
const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
const deploy = (id: string, version: string, hours: number): DoraDeploy => ({
  id,
  version,
  environment: "production",
  dateFinished: ago(hours),
  projects: ["web", "api"],
});
const incident: DoraIncident = {
  kind: "critical_issue",
  version: "2.14.0",
  environment: "production",
  project: "web",
  startedAt: ago(95),
  resolvedAt: null,
  summary: "New critical issue WEB-1: <script>alert(1)</script>",
};

function page(overrides: Partial<DoraPage> = {}): Promise<DoraPage> {
  const report = computeDora(
    {
      deploys: [deploy("d1", "2.13.0", 200), deploy("d2", "2.14.0", 100), deploy("d3", "2.14.1", 80)],
      commits: [
        { version: "2.14.0", sha: "abcdef1234567890", committedAt: ago(110) },
        { version: "2.14.0", sha: "untimed", committedAt: null },
      ],
      pullRequests: [],
      incidents: [incident],
    },
    { windowDays: 30, now: NOW },
  );
  return Promise.resolve({
    report,
    history: {
      status: "ready",
      completedAt: ago(0.2),
      reachedBack: ago(24 * 180),
      note: "3 releases of the last 180 days; 0 read from Sentry this time",
      updatedAt: ago(0.2),
    },
    environments: ["production", "staging"],
    projects: ["api", "web"],
    ...overrides,
  });
}

describe("Delivery panels", () => {
  it("shows each key with its band, its threshold table and a link to the rows it rests on", async () => {
    const html = renderToStaticMarkup(await DoraCardsPanel({ page: page() }));
    expect(html).toContain("Deployment frequency");
    expect(html).toContain("0.70 / week");
    expect(html).toContain('href="#dora-deploys"');
    expect(html).toContain("Based on 3 deploys");
    expect(html).toContain("Based on 1 commits");
    expect(html).toContain("p50 10.0 h");
    expect(html).toContain("33.3 %");
    expect(html).toContain("Bands (2024)");
    expect(html).toContain("not ordered");
  });

  it("draws each trend with a summary for screen readers and the same figures as a table", async () => {
    const html = renderToStaticMarkup(await DoraTrendsPanel({ page: page() }));
    expect(html).toContain('aria-label="Deploys per week from');
    expect(html).toContain("The weekly figures as a table");
    expect(html).toContain("Value axis: deploys");
  });

  it("lists the deploys, failures, samples and exclusions with exports carrying the filters", async () => {
    const html = renderToStaticMarkup(await DoraTablesPanel({ page: page(), orgSlug: "acme" }));
    expect(html).toContain('id="dora-deploys"');
    expect(html).toContain('id="dora-failures"');
    expect(html).toContain('id="dora-lead-times"');
    expect(html).toContain("Hotfix 2.14.1 deployed after 2.14.0");
    expect(html).toContain("abcdef123456");
    expect(html).toContain("Commits without a time");
    expect(html).toContain(
      "/api/orgs/acme/insights/export?table=dora-deploys&amp;format=csv&amp;days=30&amp;environment=production",
    );
    expect(html).toContain("table=dora-lead-times");
    expect(html).toContain("table=dora-failures");
    expect(html).toContain("table=dora-summary");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("https://dora.dev/research/2024/dora-report/");
  });

  it("says history is being filled from Sentry until the first fill completes", async () => {
    const filling = page({
      history: {
        status: "filling",
        completedAt: null,
        reachedBack: null,
        note: "Read 10 of 40 releases from Sentry",
        updatedAt: null,
      },
    });
    const html = renderToStaticMarkup(await DoraFiltersPanel({ page: filling, withParams: () => "/acme/insights" }));
    expect(html).toContain("Filling history from Sentry… Read 10 of 40 releases from Sentry");
    const ready = renderToStaticMarkup(
      await DoraFiltersPanel({ page: page(), withParams: (c) => `/acme/insights?days=${c.days}` }),
    );
    expect(ready).toContain("Bosun reads the releases of the last 180 days");
    expect(ready).toContain('href="/acme/insights?days=90"');
    expect(renderToStaticMarkup(await DoraFreshness({ page: page() }))).toMatch(
      /History updated (just now|\d+ min ago)/,
    );
    expect(await DoraFreshness({ page: filling })).toBeNull();
  });
});
