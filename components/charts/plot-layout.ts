import { px } from "./scale";

/*
 * Where a chart's plot sits in its drawing, in the drawing's own units. The space above the plot holds the value
 * axis's unit and the space below it the bottom axis's labels and title, so those are the same for every chart; the
 * margins beside it are each chart's own, as wide as its value labels need.
 */
const TOP = 20;
const BOTTOM = 38;

/** The room beside the plot: the value labels' on the left, an edge on the right. */
type Margin = { left: number; right: number };

/**
 * A drawing `width` by `height`: `left`, `right`, `top` and `baseline` are the plot's edges in it, `plotWidth` and
 * `plotHeight` the plot's size.
 */
export function plotLayout({ width, height, margin }: { width: number; height: number; margin: Margin }) {
  const [left, right] = [margin.left, width - margin.right];
  const [top, baseline] = [TOP, height - BOTTOM];
  return { width, height, left, right, top, baseline, plotWidth: right - left, plotHeight: baseline - top };
}

export type PlotLayout = ReturnType<typeof plotLayout>;

/** The height in the drawing of a value on a value axis from `min` at the baseline to `max` at the plot's top. */
export function valueScale(layout: PlotLayout, max: number, min = 0): (value: number) => number {
  return (value) => px(layout.top + (1 - (value - min) / (max - min)) * layout.plotHeight);
}
