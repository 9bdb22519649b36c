import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SprintTrendChart } from "./sprint-trend-chart";

const percent = (value: number) => `${Math.round(value * 100)}%`;
const bars = [
  { label: "Sprint 1", value: 0.8 },
  { label: "Sprint 2", value: null },
  { label: "Sprint 3", value: 0.5 },
];
const render = (median: number | null) =>
  renderToStaticMarkup(
    <SprintTrendChart
      title="Planning accuracy"
      unit="%"
      bars={bars}
      median={median}
      formatValue={percent}
      missing="had no commitment"
    />,
  );

describe("SprintTrendChart", () => {
  it("labels the value axis with round ticks and its unit, and the sprints", () => {
    const html = render(0.65);
    expect(html).toContain(">%</text>");
    for (const tick of ["0%", "20%", "40%", "60%", "80%", "100%"]) expect(html).toContain(`>${tick}</text>`);
    for (const sprint of ["Sprint 1", "Sprint 2", "Sprint 3"]) expect(html).toContain(`>${sprint}</text>`);
    expect(html).toContain(">sprint, oldest first</text>");
  });

  it("makes each bar with a value focusable with its value", () => {
    const html = render(0.65);
    expect(html).toContain('tabindex="0" role="img" aria-label="Planning accuracy, Sprint 3: 50%"');
    // The label's lines, after its heading.
    expect(html).toContain("\nPlanning accuracy: 50%");
    expect(html.match(/tabindex="0"/g)).toHaveLength(2);
  });

  it("shows a legend with the reference line, none without it", () => {
    const html = render(0.65);
    expect(html).toContain("Planning accuracy per sprint</li>");
    expect(html).toContain("Median 65%</li>");
    expect(render(null)).not.toContain('aria-label="Legend"');
  });

  it("has every sprint as a table row, a missing figure said in words", () => {
    const html = render(0.65);
    expect(html).toContain("Planning accuracy per sprint</caption>");
    expect(html).toContain('<th scope="row">Sprint 1</th><td>80%</td>');
    expect(html).toContain('<th scope="row">Sprint 2</th><td>had no commitment</td>');
  });
});
