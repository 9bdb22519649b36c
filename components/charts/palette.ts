/**
 * Colours for charts with any number of series (one per project). Each reaches 3:1 against white in light mode and
 * against slate-900 in dark mode, as WCAG asks of graphics; the class names are written out whole so Tailwind
 * finds them.
 */
export type SeriesColour = { fill: string; swatch: string };

export const SERIES_COLOURS: SeriesColour[] = [
  { fill: "fill-brand-600 dark:fill-brand-300", swatch: "bg-brand-600 dark:bg-brand-300" },
  { fill: "fill-amber-600 dark:fill-amber-400", swatch: "bg-amber-600 dark:bg-amber-400" },
  { fill: "fill-emerald-700 dark:fill-emerald-400", swatch: "bg-emerald-700 dark:bg-emerald-400" },
  { fill: "fill-rose-600 dark:fill-rose-400", swatch: "bg-rose-600 dark:bg-rose-400" },
  { fill: "fill-sky-700 dark:fill-sky-400", swatch: "bg-sky-700 dark:bg-sky-400" },
  { fill: "fill-violet-600 dark:fill-violet-400", swatch: "bg-violet-600 dark:bg-violet-400" },
];

export const colourOf = (index: number): SeriesColour => SERIES_COLOURS[index % SERIES_COLOURS.length]!;
