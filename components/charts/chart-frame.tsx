import type { ReactNode } from "react";
import { ChartLegend, type LegendItem } from "./chart-legend";
import { ChartTable, type TableColumn, type TableRow } from "./chart-table";

/**
 * What every chart is made of: the drawing (an image whose name is the chart's summary), an overlay of focusable
 * points with their hover/focus labels, a legend when there is more than one series, and the same figures as a
 * table. The points sit in an HTML layer laid exactly over the drawing, placed in percentages of it, because an
 * image's children are presentational: focusable points inside `role="img"` would be hidden from screen readers.
 */
export function ChartFrame({
  width,
  height,
  summary,
  drawing,
  points,
  legend = [],
  table,
}: {
  width: number;
  height: number;
  /** The chart in one sentence, for screen readers. */
  summary: string;
  /** Axes, grid and marks. */
  drawing: ReactNode;
  /** `PointTooltip`s, placed in the drawing's coordinates. */
  points: ReactNode;
  legend?: LegendItem[];
  table: { caption: string; columns: TableColumn[]; rows: TableRow[] };
}) {
  const viewBox = `0 0 ${width} ${height}`;
  return (
    <figure className="space-y-2">
      <div className="relative">
        <svg viewBox={viewBox} role="img" aria-label={summary} className="block w-full">
          {drawing}
        </svg>
        <div role="group" aria-label="Chart values" className="absolute inset-0">
          {points}
        </div>
      </div>
      {legend.length > 1 && <ChartLegend items={legend} />}
      <ChartTable {...table} />
    </figure>
  );
}
