import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { labelPlacement, PointTooltip } from "./point-tooltip";

const bounds = { width: 400, height: 200 };

describe("labelPlacement", () => {
  it("puts the label above the point, centred, when it fits", () => {
    expect(labelPlacement({ x: 200, y: 100 }, bounds)).toEqual({ side: undefined, align: undefined });
  });

  it("drops below a point near the top and grows inwards near a side", () => {
    expect(labelPlacement({ x: 2, y: 5 }, bounds)).toEqual({ side: "below", align: "start" });
    expect(labelPlacement({ x: 399, y: 100 }, bounds)).toEqual({ side: undefined, align: "end" });
  });
});

describe("PointTooltip", () => {
  const render = (props: Partial<Parameters<typeof PointTooltip>[0]> = {}) =>
    renderToStaticMarkup(
      <PointTooltip
        label="Events, Dec 3: 12"
        lines={["Dec 3", "Events: 12"]}
        anchor={{ x: 100, y: 80 }}
        hit={{ x: 90, y: 10, width: 20, height: 150 }}
        bounds={bounds}
        {...props}
      />,
    );

  it("is one focus stop that names its value", () => {
    const html = render();
    expect(html).toContain('tabindex="0" role="img" aria-label="Events, Dec 3: 12"');
    expect(html.match(/</g)).toHaveLength(2);
  });

  it("places its box and its point in percentages of the drawing", () => {
    const html = render();
    // Hit area 90–110 × 10–160 of 400 × 200; the point at 100,80 is centred across and 46.7% down the box.
    expect(html).toContain('style="left:22.5%;top:5%;width:5%;height:75%;--ay:46.7%"');
    expect(html).toContain('data-tip="Dec 3\nEvents: 12"');
  });

  it("keeps its area inside the drawing", () => {
    // The last point's area would end at 410 of 400; its point sits off-centre, where the point is.
    const html = render({ anchor: { x: 395, y: 80 }, hit: { x: 380, y: 10, width: 30, height: 150 } });
    expect(html).toContain('style="left:95%;top:5%;width:5%;height:75%;--ay:46.7%;--ax:75%"');
  });

  it("outlines a bar, or draws a line down a column of several points", () => {
    const bar = render({ ring: { rect: { x: 95, y: 80, width: 10, height: 80 } } });
    expect(bar).toContain('data-ring="bar"');
    expect(bar).toContain("--rx:25%;--ry:46.7%;--rw:50%;--rh:53.3%");
    const column = render({
      ring: [
        { x: 100, y: 80 },
        { x: 100, y: 120 },
      ],
    });
    expect(column).toContain('data-ring="column"');
  });

  it("shows its label on hover and on focus, with CSS alone, and a ring on hover and keyboard focus", () => {
    const css = readFileSync(new URL("../../app/globals.css", import.meta.url), "utf8");
    // Hidden labels are not laid out at all, so one near a phone's edge cannot make the page scroll sideways.
    expect(css).toMatch(/\.chart-tip::after \{[^}]*content: attr\(data-tip\);[^}]*display: none;[^}]*opacity-0/);
    expect(css).toMatch(/\.chart-tip::before \{[^}]*opacity-0/);
    const shown = String.raw`\{\s*display: block;\s*opacity: 1;`;
    expect(css).toMatch(
      new RegExp(
        String.raw`@media \(hover: hover\) \{[^@]*\.chart-tip:hover::before,\s*\.chart-tip:hover::after ` + shown,
      ),
    );
    expect(css).toMatch(new RegExp(String.raw`\.chart-tip:focus::after,\s*\.chart-tip:focus-visible::before ` + shown));
  });
});
