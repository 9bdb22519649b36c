import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TimeSeriesChart } from "./time-series-chart";

const HOUR = 3_600_000;
const start = Date.parse("2026-12-02T09:00:00Z");
const hour = (time: number) => `${new Date(time).toISOString().slice(11, 13)}:00`;
const ms = (value: number) => `${Math.round(value)} ms`;
const points = Array.from({ length: 24 }, (_, i) => ({ time: start + i * HOUR, value: i === 5 ? null : 100 + i * 10 }));

const render = (extra: Partial<Parameters<typeof TimeSeriesChart>[0]> = {}) =>
  renderToStaticMarkup(
    <TimeSeriesChart
      label="p95 API latency"
      points={points}
      formatValue={ms}
      formatTime={hour}
      unit="duration at p95"
      {...extra}
    />,
  );

describe("TimeSeriesChart", () => {
  it("labels the value axis with round ticks and its unit, and the time axis with round hours", () => {
    const html = render();
    expect(html).toContain(">duration at p95</text>");
    for (const tick of ["0 ms", "100 ms", "200 ms", "300 ms", "400 ms"]) expect(html).toContain(`>${tick}</text>`);
    for (const tick of ["12:00", "18:00", "00:00", "06:00"]) expect(html).toContain(`>${tick}</text>`);
    expect(html).toContain(">time (UTC)</text>");
  });

  it("keeps the summary on the drawing and makes every point with a value focusable with its value", () => {
    const html = render();
    expect(html).toMatch(/role="img" aria-label="p95 API latency from 09:00 to 08:00: lowest 100 ms, highest 330 ms/);
    expect(html).toContain('tabindex="0" role="img" aria-label="p95 API latency, 10:00: 110 ms"');
    // The label's lines, after its heading.
    expect(html).toContain("\np95 API latency: 110 ms");
    expect(html.match(/tabindex="0"/g)).toHaveLength(23);
    expect(html).toContain('class="chart-tip" data-tip="10:00\np95 API latency: 110 ms"');
  });

  it("shows a legend only with reference lines", () => {
    expect(render()).not.toContain('aria-label="Legend"');
    const html = render({
      references: [
        { value: 200, label: "Good up to 200 ms", tone: "good" },
        { value: 300, label: "Poor above 300 ms", tone: "poor" },
      ],
    });
    expect(html).toContain('aria-label="Legend"');
    for (const entry of ["p95 API latency", "Good up to 200 ms", "Poor above 300 ms"])
      expect(html).toContain(`${entry}</li>`);
  });

  it("has the figures as a table, gaps included", () => {
    const html = render();
    expect(html).toContain("Show as table");
    expect(html).toContain("<caption");
    expect(html).toContain('<th scope="col" class="text-right font-medium">p95 API latency (duration at p95)</th>');
    expect(html).toContain('<th scope="row">10:00</th><td>110 ms</td>');
    // Every column after the time is a figure: one rule on the table aligns them (and plain row headers).
    expect(html).toMatch(/<table class="[^"]*\[&amp;_td\]:text-right[^"]*"/);
    expect(html).toMatch(/<table class="[^"]*\[&amp;_tbody_th\]:font-normal/);
    expect(html).toContain(">no samples</td>");
  });

  it("zooms the value axis to the data when asked", () => {
    const html = render({
      zoomToData: true,
      points: points.map((p) => ({ ...p, value: p.value && 9990 + p.value / 100 })),
    });
    expect(html).toContain(">9990 ms</text>");
    expect(html).not.toContain(">0 ms</text>");
  });

  it("draws the line through the points, and a dot only for a point with no neighbour to join", () => {
    const html = render();
    // Two runs (the sixth hour has no samples): two lines and no dots.
    expect(html.match(/<polyline /g)).toHaveLength(2);
    expect(html).not.toContain("<circle");
    const lonely = render({ points: points.map((p, i) => ({ ...p, value: i === 1 || i === 3 ? null : p.value })) });
    // With the second, fourth and sixth hours empty, the first, third and fifth stand alone.
    expect(lonely.match(/<circle /g)).toHaveLength(3);
  });

  it("says so when there are no samples", () => {
    expect(render({ points: [{ time: start, value: null }] })).toContain("No samples in this period.");
  });
});
