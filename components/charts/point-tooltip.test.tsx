import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { placeLabel, PointTooltip } from "./point-tooltip";

const bounds = { width: 400, height: 200 };

describe("placeLabel", () => {
  it("centres the label above the point when it fits", () => {
    const box = placeLabel(["Dec 3", "Events: 12"], { x: 200, y: 100 }, bounds);
    expect(box.x + box.width / 2).toBe(200);
    expect(box.y + box.height).toBeLessThan(100);
  });

  it("drops below a point near the top and stays inside the sides", () => {
    const left = placeLabel(["Dec 3", "Events: 12"], { x: 2, y: 5 }, bounds);
    expect(left.x).toBe(0);
    expect(left.y).toBeGreaterThan(5);
    const right = placeLabel(["Dec 3", "Events: 12"], { x: 399, y: 100 }, bounds);
    expect(right.x + right.width).toBe(400);
  });

  it("grows with the longest line and the number of lines", () => {
    const one = placeLabel(["short"], { x: 200, y: 100 }, bounds);
    const two = placeLabel(["short", "a much longer second line"], { x: 200, y: 100 }, bounds);
    expect(two.width).toBeGreaterThan(one.width);
    expect(two.height).toBeGreaterThan(one.height);
  });
});

describe("PointTooltip", () => {
  const html = renderToStaticMarkup(
    <svg>
      <PointTooltip
        label="Events, Dec 3: 12"
        lines={["Dec 3", "Events: 12"]}
        anchor={{ x: 100, y: 80 }}
        hit={{ x: 90, y: 10, width: 20, height: 150 }}
        bounds={bounds}
      />
    </svg>,
  );

  it("is one focus stop that names its value", () => {
    expect(html).toContain('tabindex="0" role="img" aria-label="Events, Dec 3: 12"');
  });

  it("shows its label on hover and on focus, with CSS alone, and a ring on keyboard focus", () => {
    expect(html).toMatch(
      /aria-hidden="true" class="[^"]*opacity-0[^"]*group-hover:opacity-100[^"]*group-focus:opacity-100/,
    );
    expect(html).toContain(">Events: 12</text>");
    expect(html).toMatch(/<circle cx="100" cy="80" r="5"[^>]*group-focus-visible:opacity-100/);
  });
});
