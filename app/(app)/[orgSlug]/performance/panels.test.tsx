import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { compareWithBefore, DEFAULT_PERFORMANCE_SETTINGS } from "@/lib/domain/performance";
import type { PerformancePage } from "@/lib/features/performance";
import { ApiLatencyPanel, VitalSeriesPanel } from "./charts-panel";
import { TransactionsPanel } from "./transactions-panel";
import { VitalsPanel } from "./vitals-panel";

vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

/** The Performance panels rendered from a loader answer: what a member reads, without Sentry. */
const fetchedAt = new Date("2026-12-03T08:00:00Z");
const ok = <T,>(value: T) => Promise.resolve({ status: "ok" as const, value, fetchedAt, stale: false, error: null });
const HOUR = 3_600_000;

function loaded(overrides: Partial<Extract<PerformancePage, { status: "ok" }>> = {}): Promise<PerformancePage> {
  return Promise.resolve({
    status: "ok",
    filters: { period: "24h", sort: "p95" },
    options: ok({ projects: [], environments: [] }),
    ignored: { project: null, environment: null },
    settings: DEFAULT_PERFORMANCE_SETTINGS,
    vitals: ok([
      { vital: "lcp", p75: 2900, samples: 41_000, shares: { good: 60, needsImprovement: 30, poor: 10 } },
      { vital: "inp", p75: 150, samples: 9_000, shares: { good: 90, needsImprovement: 8, poor: 2 } },
      { vital: "cls", p75: 0.3, samples: 40_000, shares: { good: 50, needsImprovement: 20, poor: 30 } },
      { vital: "fcp", p75: null, samples: 0, shares: null },
      { vital: "ttfb", p75: 700, samples: 41_000, shares: { good: 80, needsImprovement: 15, poor: 5 } },
    ]),
    transactions: ok(
      compareWithBefore(
        [
          {
            transaction: "/checkout",
            op: "pageload",
            count: 41_000,
            perMinute: 28.5,
            p50: 1800,
            p95: 4200,
            failureRate: 0.004,
            apdex: 0.42,
          },
          {
            transaction: "GET /api/orders",
            op: "http.server",
            count: 20_000,
            perMinute: 13.9,
            p50: 90,
            p95: 480,
            failureRate: 0.021,
            apdex: 0.91,
          },
        ],
        { "/checkout": { p95: 3360, count: 39_000 } },
      ),
    ),
    vitalSeries: ok({
      series: ["lcp", "inp", "cls", "fcp", "ttfb"].map((v) => ({
        yAxis: `p75(measurements.${v})`,
        points: [0, 1, 2].map((i) => ({
          time: 1_764_720_000_000 + i * HOUR,
          value: i === 1 ? null : 1000 + i,
          samples: i === 1 ? 0 : 5,
          incomplete: false,
        })),
      })),
    }),
    apiSeries: ok({ series: [] }),
    ...overrides,
  });
}

const render = async (element: Promise<React.ReactNode>) => renderToStaticMarkup(<>{await element}</>);
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("performance panels", () => {
  it("shows each vital's p75 with its band and the band shares, and says when a vital has no samples", async () => {
    const html = text(await render(VitalsPanel({ page: loaded() })));
    expect(html).toContain("LCP Largest Contentful Paint 2.9 s Needs improvement");
    expect(html).toContain("60% good · 30% needs improvement · 10% poor");
    expect(html).toContain("INP Interaction to Next Paint 150 ms Good");
    expect(html).toContain("CLS Cumulative Layout Shift 0.30 Poor");
    expect(html).toContain("FCP First Contentful Paint — No samples");
    expect(html).toContain("41k samples · good ≤ 2.5 s, poor &gt; 4.0 s");
  });

  it("lists the transactions with throughput, p50/p95, the change, failure rate and apdex, and links each sort", async () => {
    const html = await render(
      TransactionsPanel({ page: loaded(), order: { key: "p95", dir: "desc" }, params: { period: "7d" } }),
    );
    const words = text(html);
    expect(words).toContain("Transactions (slowest p95 first)");
    expect(words).toContain("/checkout Page 41k (28.5/min) 1.8 s 4.2 s +25% 0.4% 0.42");
    expect(words).toContain("GET /api/orders API 20k (13.9/min) 90 ms 480 ms — 2.1% 0.91");
    expect(words).toContain("satisfied at or under 300 ms (T) and tolerating at or under 1200 ms (4T)");
    expect(html).toContain('aria-sort="descending"');
    // Each header links to its order, keeping the page's other parameters; the sorted one flips its direction.
    expect(html).toContain('href="?period=7d&amp;sort=regressed&amp;dir=desc"');
    expect(html).toContain('href="?period=7d&amp;sort=p95&amp;dir=asc"');
  });

  it("draws a chart per vital with axes and a gap where a bucket had no samples", async () => {
    const html = await render(VitalSeriesPanel({ page: loaded() }));
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(5);
    expect(html).toContain('aria-label="p75 LCP from 00:00 to 02:00: lowest 1.0 s, highest 1.0 s, latest 1.0 s"');
    // Two points around a gap: two separate one-point runs, no line drawn across the empty bucket.
    expect(html.match(/<polyline/g)).toHaveLength(10);
  });

  it("names each point of a week's chart by its day and hour, as four points share each day", async () => {
    const points = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({
      time: Date.UTC(2026, 10, 27) + i * 6 * HOUR,
      value: 2000 + i * 100,
      samples: 5,
      incomplete: false,
    }));
    const week = loaded({
      filters: { period: "7d", sort: "p95" },
      vitalSeries: ok({
        series: ["lcp", "inp", "cls", "fcp", "ttfb"].map((v) => ({ yAxis: `p75(measurements.${v})`, points })),
      }),
    });
    const html = await render(VitalSeriesPanel({ page: week }));
    // The axis keeps to days; the points and the table say which six hours they are.
    expect(html).toContain('aria-label="p75 LCP from Nov 27 to Nov 28: lowest 2.0 s, highest 2.7 s, latest 2.7 s"');
    expect(html).toContain('aria-label="p75 LCP, Nov 27, 06:00: 2.1 s"');
    expect(text(html)).toContain("Nov 27, 18:00 2.3 s Nov 28, 00:00 2.4 s");
  });

  it("says there is nothing to chart, and what Sentry answered when it is down with nothing cached", async () => {
    expect(text(await render(ApiLatencyPanel({ page: loaded() })))).toContain("No samples in this period.");
    const down = loaded({ apiSeries: Promise.resolve({ status: "unavailable", message: "Sentry answered 503" }) });
    expect(text(await render(ApiLatencyPanel({ page: down })))).toContain(
      "Sentry is not answering right now (Sentry answered 503), and nothing is cached yet.",
    );
  });
});
