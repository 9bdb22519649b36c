import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorChart } from "./error-chart";

const HOUR = 3_600_000;
const start = Date.parse("2026-12-02T09:00:00Z");
const intervals = Array.from({ length: 24 }, (_, i) => new Date(start + i * HOUR).toISOString());
const series = {
  intervals,
  projects: [
    { projectId: "1", values: intervals.map((_, i) => (i === 3 ? 7 : 1)) },
    { projectId: "2", values: intervals.map((_, i) => (i === 3 ? 5 : 0)) },
  ],
};
const projects = [
  { id: "1", slug: "web" },
  { id: "2", slug: "api" },
];
const html = renderToStaticMarkup(<ErrorChart series={series} projects={projects} />);

describe("ErrorChart", () => {
  it("labels the events axis with round ticks and its unit, and the time axis with round hours", () => {
    expect(html).toContain(">events per interval</text>");
    for (const tick of [0, 5, 10, 15, 20]) expect(html).toContain(`>${tick}</text>`);
    for (const tick of ["12:00", "18:00", "00:00", "06:00"]) expect(html).toContain(`>${tick}</text>`);
    expect(html).toContain(">interval start (UTC)</text>");
  });

  it("keeps the summary and makes each interval focusable with its total and each project's count", () => {
    expect(html).toMatch(/role="img" aria-label="Error events: 35 in the period, web 30, api 5"/);
    expect(html).toContain('tabindex="0" role="img" aria-label="Error events, Dec 2, 12:00: 12 (web: 7, api: 5)"');
    // The label's heading.
    expect(html).toContain('data-tip="Dec 2, 12:00: 12 events\n');
    expect(html.match(/tabindex="0"/g)).toHaveLength(24);
  });

  it("names each project with its total in the legend", () => {
    expect(html).toContain("web: 30</li>");
    expect(html).toContain("api: 5</li>");
  });

  it("has one table row per interval with a column per project", () => {
    expect(html).toContain("Error events per interval and project (UTC)</caption>");
    expect(html).toContain('<th scope="row">Dec 2, 12:00</th><td>7</td><td>5</td><td>12</td>');
  });
});
