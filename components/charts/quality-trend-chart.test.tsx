import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QualityTrendChart } from "./quality-trend-chart";

const points = [
  { label: "Sprint 11", filed: 5, resolved: 3, escaped: 1 },
  { label: "Sprint 12", filed: 3, resolved: 6, escaped: 0 },
];
const html = renderToStaticMarkup(<QualityTrendChart label="Bugs per sprint" points={points} />);

describe("QualityTrendChart", () => {
  it("labels the count axis with round ticks and its unit, and each period", () => {
    expect(html).toContain(">bugs</text>");
    for (const tick of [0, 2, 4, 6, 8, 10]) expect(html).toContain(`>${tick}</text>`);
    for (const period of ["Sprint 11", "Sprint 12"]) expect(html).toContain(`>${period}</text>`);
  });

  it("makes each bar focusable with its series, period and count", () => {
    expect(html).toContain('tabindex="0" role="img" aria-label="Bugs resolved, Sprint 12: 6"');
    // The label's lines, after its heading.
    expect(html).toContain("\nBugs resolved: 6");
    expect(html.match(/tabindex="0"/g)).toHaveLength(6);
  });

  it("names the three series in the legend", () => {
    for (const entry of ["Bugs filed", "Bugs resolved", "Escaped defects"]) expect(html).toContain(`${entry}</li>`);
  });

  it("has one table row per period", () => {
    expect(html).toContain("Bugs per sprint</caption>");
    expect(html).toContain('<th scope="row">Sprint 11</th><td>5</td><td>3</td><td>1</td>');
  });
});
