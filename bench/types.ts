/** One measured figure of the benchmark, as printed and as written to JSON. */
export type Figure = {
  /** The figure's number, as listed in bench/README.md. */
  figure: number;
  name: string;
  /** Human-readable value, e.g. "min 12.1 ms / median 13.0 ms". */
  value: string;
  goal: string;
  pass: boolean;
  method: string;
  /** Every raw number behind `value`. */
  data: Record<string, unknown>;
};

export type FigureError = { figure: number; name: string; error: string };
