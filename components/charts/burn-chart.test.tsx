import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { BurnDay } from "@/lib/domain/sprint-report";
import { BurnChart } from "./burn-chart";

const day = (n: number, completed: number, ideal: number | null): BurnDay => ({
  day: `2026-10-${String(n).padStart(2, "0")}`,
  scope: 20,
  completed,
  remaining: 20 - completed,
  ideal,
  added: n === 3 ? 2 : 0,
  removed: 0,
  estimated: 0,
  burned: 0,
});
const days = [day(1, 0, 20), day(2, 5, 10), day(3, 12, 0)];
const html = renderToStaticMarkup(<BurnChart days={days} label="Sprint 2 burndown and burnup" timeZone="UTC" />);

describe("BurnChart", () => {
  it("labels the points axis with round ticks and the day axis with dates", () => {
    expect(html).toContain(">points</text>");
    for (const tick of [0, 5, 10, 15, 20]) expect(html).toContain(`>${tick}</text>`);
    for (const label of ["1 Oct", "2 Oct", "3 Oct"]) expect(html).toContain(`>${label}</text>`);
    expect(html).toContain(">day (UTC, at its end)</text>");
  });

  it("makes each day one focus stop with all four figures", () => {
    expect(html).toContain(
      'tabindex="0" role="img" aria-label="2 Oct: Scope 20 points, Completed (burnup) 5 points, Remaining (burndown) 15 points, Guideline 10 points"',
    );
    // The label's lines, after its heading.
    expect(html).toContain("\nCompleted (burnup): 5 points");
    expect(html.match(/tabindex="0"/g)).toHaveLength(3);
  });

  it("names every line in the legend", () => {
    for (const entry of ["Scope", "Completed (burnup)", "Remaining (burndown)", "Guideline"])
      expect(html).toContain(`${entry}</li>`);
  });

  it("has every day as a table row", () => {
    expect(html).toContain("Show as table");
    expect(html).toContain("Sprint 2 burndown and burnup, points per day (UTC)</caption>");
    expect(html).toContain('<th scope="row">2026-10-03</th><td>20</td><td>12</td><td>8</td><td>0</td><td>2</td>');
  });

  it("says so when there are no days", () => {
    expect(renderToStaticMarkup(<BurnChart days={[]} label="x" timeZone="UTC" />)).toContain("no days to chart yet");
  });
});
