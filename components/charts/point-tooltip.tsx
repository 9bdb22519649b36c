import type { CSSProperties } from "react";

/**
 * A data point (or bar, or a column of stacked values) that shows its figures on hover and on keyboard focus,
 * with CSS only so it works before and without JavaScript. It is one element of the chart's overlay (an HTML layer
 * laid over the drawing, see chart-frame.tsx): its box is the hit area, its `::before` the ring and its `::after`
 * the label, drawn by the `chart-tip` rules in app/globals.css. One element rather than an SVG group of seven
 * keeps a page of charts small: a week of web vitals has about two hundred points, each sent twice (as HTML and in
 * React's payload).
 */
export type HitArea = { x: number; y: number; width: number; height: number };
export type Bounds = { width: number; height: number };

export function PointTooltip({
  label,
  lines,
  anchor,
  hit: area,
  ring = [anchor],
  bounds,
}: {
  /** What a screen reader announces on focus: "Completed, Sprint 7: 21 points". */
  label: string;
  /** What the visible label shows, one line each (the first is the heading). */
  lines: string[];
  /** Where the label points: the data point, or the top of the bar. */
  anchor: { x: number; y: number };
  /** The area that reacts to the pointer; around the point or the whole bar or column. */
  hit: HitArea;
  /** A bar's outline, or a line down a column of several points; otherwise a circle round the anchor. */
  ring?: { x: number; y: number }[] | { rect: HitArea };
  /** The drawing's size in its own units, to place everything in percentages of it. */
  bounds: Bounds;
}) {
  const { side, align } = labelPlacement(anchor, bounds);
  // Inside the drawing: the first and last points' areas would reach past its sides, and the page would scroll.
  const hit = clampToBounds(area, bounds);
  // Positions inside the point's own box, in percent of it.
  const inX = (x: number) => percent(x - hit.x, hit.width);
  const inY = (y: number) => percent(y - hit.y, hit.height);
  const style: Record<string, string> = {
    left: percent(hit.x, bounds.width),
    top: percent(hit.y, bounds.height),
    width: percent(hit.width, bounds.width),
    height: percent(hit.height, bounds.height),
    "--ay": inY(anchor.y),
  };
  const anchorX = inX(anchor.x);
  if (anchorX !== "50%") style["--ax"] = anchorX;
  let ringKind: "column" | "bar" | undefined;
  if (!Array.isArray(ring)) {
    ringKind = "bar";
    Object.assign(style, {
      "--rx": inX(ring.rect.x),
      "--ry": inY(ring.rect.y),
      "--rw": percent(ring.rect.width, hit.width),
      "--rh": percent(ring.rect.height, hit.height),
    });
  } else if (ring.length > 1) ringKind = "column";
  // Only the attributes that differ from the default, so they are not sent as "$undefined" in React's payload.
  const placement: Record<string, string> = {};
  if (ringKind) placement["data-ring"] = ringKind;
  if (side) placement["data-side"] = side;
  if (align) placement["data-align"] = align;
  return (
    <span
      tabIndex={0}
      role="img"
      aria-label={label}
      className="chart-tip"
      data-tip={lines.join("\n")}
      {...placement}
      style={style as CSSProperties}
    />
  );
}

/**
 * Where the label sits: above the point unless it is near the top, and centred on it unless it is near a side,
 * where it grows inwards so it stays inside the chart. Undefined is the default (above, centred).
 */
export function labelPlacement(
  anchor: { x: number; y: number },
  bounds: Bounds,
): { side?: "below"; align?: "start" | "end" } {
  const side = anchor.y < bounds.height * 0.4 ? "below" : undefined;
  const align = anchor.x < bounds.width * 0.25 ? "start" : anchor.x > bounds.width * 0.75 ? "end" : undefined;
  return { side, align };
}

function clampToBounds(area: HitArea, bounds: Bounds): HitArea {
  const x = Math.max(0, area.x);
  const y = Math.max(0, area.y);
  return {
    x,
    y,
    width: Math.min(area.x + area.width, bounds.width) - x,
    height: Math.min(area.y + area.height, bounds.height) - y,
  };
}

/** A share in percent to a tenth, e.g. "41.2%": below a pixel at any size a chart is drawn. */
function percent(part: number, whole: number): string {
  return `${Math.round((part / (whole || 1)) * 1000) / 10}%`;
}
