/**
 * A data point (or bar, or a column of stacked values) that shows its figures on hover and on keyboard focus,
 * with CSS only so it works before and without JavaScript. It lives in the chart's overlay layer: a transparent
 * hit area, a focus ring and a label that Tailwind's `group-hover`/`group-focus` variants fade in.
 */
export type HitArea = { x: number; y: number; width: number; height: number };
export type Bounds = { width: number; height: number };

const LINE_HEIGHT = 13;
const PADDING = 6;
/** Roughly the advance of a 10px sans-serif character; the label box is sized from it. */
const CHAR_WIDTH = 5.8;

export function PointTooltip({
  label,
  lines,
  anchor,
  hit,
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
  /** Circles around these points (the anchor by default; each line's point in a column), or an outline (a bar). */
  ring?: { x: number; y: number }[] | { rect: HitArea };
  /** The SVG's size, to keep the label inside it. */
  bounds: Bounds;
}) {
  const box = placeLabel(lines, anchor, bounds);
  return (
    <g tabIndex={0} role="img" aria-label={label} className="group cursor-default outline-none!">
      <rect {...hit} className="fill-transparent" />
      {Array.isArray(ring) ? (
        ring.map((point, i) => (
          <circle
            key={i}
            cx={point.x}
            cy={point.y}
            r={5}
            strokeWidth={2}
            className="fill-none stroke-slate-900 opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100 dark:stroke-white"
          />
        ))
      ) : (
        <rect
          {...ring.rect}
          rx={2}
          strokeWidth={2}
          className="fill-slate-900/5 stroke-slate-900 opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100 dark:fill-white/10 dark:stroke-white"
        />
      )}
      <g
        aria-hidden="true"
        className="pointer-events-none opacity-0 transition-opacity group-hover:opacity-100 group-focus:opacity-100 motion-reduce:transition-none"
      >
        <rect
          x={box.x}
          y={box.y}
          width={box.width}
          height={box.height}
          rx={3}
          className="fill-white stroke-slate-300 dark:fill-slate-800 dark:stroke-slate-600"
        />
        {lines.map((line, i) => (
          <text
            key={i}
            x={box.x + PADDING}
            y={box.y + PADDING + 9 + i * LINE_HEIGHT}
            className={`text-[10px] ${i === 0 ? "fill-slate-900 font-semibold dark:fill-white" : "fill-slate-700 dark:fill-slate-200"}`}
          >
            {line}
          </text>
        ))}
      </g>
    </g>
  );
}

/** The label box: above the anchor when it fits, else below; shifted sideways to stay inside the SVG. */
export function placeLabel(lines: string[], anchor: { x: number; y: number }, bounds: Bounds) {
  const width = Math.ceil(Math.max(...lines.map((l) => l.length)) * CHAR_WIDTH + 2 * PADDING);
  const height = lines.length * LINE_HEIGHT + PADDING;
  const x = Math.min(Math.max(0, anchor.x - width / 2), Math.max(0, bounds.width - width));
  const above = anchor.y - 8 - height;
  const y = above >= 0 ? above : Math.min(anchor.y + 8, Math.max(0, bounds.height - height));
  return { x, y, width, height };
}
