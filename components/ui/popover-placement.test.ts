import { describe, expect, it } from "vitest";
import { placeNextTo } from "./popover-placement";

const PHONE = { width: 390, height: 844 };
const PANEL = { width: 280, height: 120 };

describe("placeNextTo", () => {
  it("puts the panel just below the button, aligned with its left edge", () => {
    expect(placeNextTo({ top: 100, bottom: 124, left: 40 }, PANEL, PHONE)).toEqual({ top: 128, left: 40 });
  });

  it("moves the panel left so it ends 8 px inside the right edge of a phone", () => {
    expect(placeNextTo({ top: 100, bottom: 124, left: 350 }, PANEL, PHONE)).toEqual({ top: 128, left: 102 });
  });

  it("keeps 8 px from the left edge for a button that is partly scrolled out of view", () => {
    expect(placeNextTo({ top: 100, bottom: 124, left: -20 }, PANEL, PHONE).left).toBe(8);
  });

  it("opens above a button near the bottom of the viewport", () => {
    expect(placeNextTo({ top: 780, bottom: 804, left: 40 }, PANEL, PHONE)).toEqual({ top: 656, left: 40 });
  });

  it("stays below when there is no room above either, and pins a panel wider than the viewport to the left edge", () => {
    const tall = { width: 500, height: 900 };
    expect(placeNextTo({ top: 100, bottom: 124, left: 40 }, tall, PHONE)).toEqual({ top: 128, left: 8 });
  });
});
