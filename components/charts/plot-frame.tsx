import type { ComponentProps, ReactNode } from "react";
import { BottomAxis } from "./bottom-axis";
import { ChartFrame } from "./chart-frame";
import type { PlotLayout } from "./plot-layout";
import { ValueGrid } from "./value-grid";

/**
 * A chart whose plot has a value axis up its left side and a labelled axis along its bottom, both placed by the
 * chart's layout; the chart's own `marks` (bars, lines) are drawn over them.
 */
export function PlotFrame({
  layout,
  valueAxis,
  bottomAxis,
  marks,
  ...frame
}: Omit<ComponentProps<typeof ChartFrame>, "width" | "height" | "drawing"> & {
  layout: PlotLayout;
  valueAxis: Omit<ComponentProps<typeof ValueGrid>, "left" | "right">;
  bottomAxis: Omit<ComponentProps<typeof BottomAxis>, "left" | "right" | "baseline">;
  marks: ReactNode;
}) {
  const { left, right } = layout;
  return (
    <ChartFrame
      {...frame}
      width={layout.width}
      height={layout.height}
      drawing={
        <>
          <ValueGrid {...valueAxis} left={left} right={right} />
          <BottomAxis {...bottomAxis} left={left} right={right} baseline={layout.baseline} />
          {marks}
        </>
      }
    />
  );
}
