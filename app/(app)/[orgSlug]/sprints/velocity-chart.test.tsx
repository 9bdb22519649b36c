import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Velocity } from "@/lib/domain/capacity";
import { VelocityChart } from "./velocity-chart";

const sprint = (n: number, committedPoints: number, completedPoints: number) => ({
  sprintId: n,
  name: `ACME Sprint ${n}`,
  startedAt: `2026-10-${String(n * 7).padStart(2, "0")}`,
  committedPoints,
  completedPoints,
});
const velocity: Velocity = {
  sprints: [sprint(1, 20, 18), sprint(2, 24, 21), sprint(3, 22, 16)],
  averageCompleted: 18.3,
  averageCommitted: 22,
  completionRatio: 0.83,
};
const html = renderToStaticMarkup(<VelocityChart velocity={velocity} />);

describe("VelocityChart", () => {
  it("labels the points axis with round ticks and its unit, and each sprint by its short name", () => {
    expect(html).toContain(">points</text>");
    for (const tick of [0, 5, 10, 15, 20, 25]) expect(html).toContain(`>${tick}</text>`);
    for (const name of ["Sprint 1", "Sprint 2", "Sprint 3"]) expect(html).toContain(`>${name}</text>`);
    expect(html).toContain(">closed sprint, oldest first</text>");
  });

  it("keeps the summary and makes each bar focusable with its points", () => {
    expect(html).toMatch(/role="img" aria-label="Velocity: ACME Sprint 1 committed 20, completed 18; /);
    expect(html).toContain('tabindex="0" role="img" aria-label="Completed, ACME Sprint 2: 21 points"');
    // The label's lines, after its heading.
    expect(html).toContain("\nCommitted: 22 points");
    expect(html.match(/tabindex="0"/g)).toHaveLength(6);
  });

  it("names both series and the average in the legend", () => {
    for (const entry of ["Committed", "Completed", "Average completed (last 3): 18.3 points"])
      expect(html).toContain(`${entry}</li>`);
  });

  it("has one table row per sprint", () => {
    expect(html).toContain("Show as table");
    expect(html).toContain("Velocity: points per closed sprint</caption>");
    expect(html).toContain('<th scope="row">ACME Sprint 3</th><td>22</td><td>16</td>');
  });

  it("says so before the first closed sprint", () => {
    const empty: Velocity = { sprints: [], averageCompleted: null, averageCommitted: null, completionRatio: null };
    expect(renderToStaticMarkup(<VelocityChart velocity={empty} />)).toContain("No closed sprints yet.");
  });
});
