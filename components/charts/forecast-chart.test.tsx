import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ForecastChart } from "./forecast-chart";

const bars = [1, 2, 3, 4].map((sprints, i) => ({
  sprints,
  date: new Date(Date.UTC(2026, 11, 3 + sprints * 14)),
  trials: [100, 500, 300, 100][i]!,
}));
const html = renderToStaticMarkup(
  <ForecastChart label="Epic ACME-12 Checkout" bars={bars} marks={{ p50: 2, p85: 3, p95: 4 }} trials={1000} />,
);

describe("ForecastChart", () => {
  it("labels the share axis in percent with its unit and each sprint on the other axis", () => {
    expect(html).toContain(">share of futures</text>");
    for (const tick of ["0%", "10%", "20%", "30%", "40%", "50%"]) expect(html).toContain(`>${tick}</text>`);
    for (const sprint of [1, 2, 3, 4]) expect(html).toContain(`>${sprint}</text>`);
    expect(html).toContain(">Sprints from now until done (1 = the current sprint)</text>");
  });

  it("makes each bar focusable with its share", () => {
    expect(html).toContain('tabindex="0" role="img" aria-label="Sprint 2 (ends 2026-12-31): 50% of futures finish"');
    // The label's lines, after its heading.
    expect(html).toContain("\n50% of futures finish");
    expect(html.match(/tabindex="0"/g)).toHaveLength(4);
  });

  it("names the bars and the three marks in the legend", () => {
    for (const entry of [
      "Share of futures finishing in that sprint",
      "P50: sprint 2",
      "P85: sprint 3",
      "P95: sprint 4",
    ])
      expect(html).toContain(`${entry}</li>`);
  });

  it("has the distribution with the running total as a table", () => {
    expect(html).toContain("Show as table");
    expect(html).toContain("Epic ACME-12 Checkout: the distribution of 1,000 simulated futures</caption>");
    expect(html).toContain(
      '<th scope="row">3</th><td>2027-01-14</td><td class="text-right">30%</td><td class="text-right">90%</td>',
    );
  });
});
