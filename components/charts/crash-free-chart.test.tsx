import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CrashFreeChart } from "./crash-free-chart";

const series = [
  { ts: "2026-12-01T00:00:00Z", crashFree: 99.5 },
  { ts: "2026-12-02T00:00:00Z", crashFree: null },
  { ts: "2026-12-03T00:00:00Z", crashFree: 97.25 },
  { ts: "2026-12-04T00:00:00Z", crashFree: 98.9 },
];
const html = renderToStaticMarkup(<CrashFreeChart series={series} />);

describe("CrashFreeChart", () => {
  it("zooms the percent axis to the data, with round ticks and its unit, and labels the days", () => {
    expect(html).toContain(">% of sessions without a crash</text>");
    for (const tick of ["95%", "96%", "97%", "98%", "99%", "100%"]) expect(html).toContain(`>${tick}</text>`);
    expect(html).not.toContain(">0%</text>");
    for (const day of ["Dec 1", "Dec 2", "Dec 3", "Dec 4"]) expect(html).toContain(`>${day}</text>`);
    expect(html).toContain(">day (UTC)</text>");
  });

  it("keeps the summary and makes each day with sessions focusable with its rate", () => {
    expect(html).toMatch(/role="img" aria-label="Crash-free sessions per day from Dec 1 to Dec 4: lowest 97.25%/);
    expect(html).toContain('tabindex="0" role="img" aria-label="Crash-free sessions, Dec 3: 97.25%"');
    // The label's lines, after its heading.
    expect(html).toContain("\nCrash-free sessions: 97.25%");
    expect(html.match(/tabindex="0"/g)).toHaveLength(3);
  });

  it("names the points so only the drawing's summary starts with the chart's title", () => {
    expect(html.match(/aria-label="Crash-free sessions per day/g)).toHaveLength(1);
  });

  it("has the days as a table, a day without sessions included", () => {
    expect(html).toContain("Show as table");
    expect(html).toContain('<th scope="row">Dec 2</th><td>no samples</td>');
  });

  it("needs two days with sessions", () => {
    expect(renderToStaticMarkup(<CrashFreeChart series={series.slice(0, 2)} />)).toContain(
      "Not enough session data for a chart.",
    );
  });
});
