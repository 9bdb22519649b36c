import type { QrGrid } from "./function-patterns";

/**
 * The data modules of a symbol in reading order: two-column strips from the right edge leftwards,
 * alternately upwards and downwards, the right module of each pair before the left one; column 6
 * (the vertical timing pattern) is skipped as a whole.
 */
export function dataModuleOrder(grid: Pick<QrGrid, "size" | "isFunction">): [number, number][] {
  const { size, isFunction } = grid;
  const order: [number, number][] = [];
  let isUpward = true;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let step = 0; step < size; step++) {
      const row = isUpward ? size - 1 - step : step;
      for (const col of [right, right - 1]) {
        if (!isFunction[row]![col]) order.push([row, col]);
      }
    }
    isUpward = !isUpward;
  }
  return order;
}

/** Writes the codewords' bits, most significant first; modules left over (remainder bits) stay light. */
export function placeCodewords(grid: QrGrid, codewords: readonly number[]): void {
  dataModuleOrder(grid).forEach(([row, col], index) => {
    const codeword = codewords[index >> 3];
    grid.dark[row]![col] = codeword !== undefined && ((codeword >>> (7 - (index & 7))) & 1) === 1;
  });
}
