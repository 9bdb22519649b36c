import { formatInformationBits, versionInformationBits } from "./format-bits";
import { alignmentCentres, symbolSize } from "./version-table";

/**
 * A symbol under construction: `dark[row][col]` is the colour of each module and `isFunction[row][col]`
 * marks the modules that patterns and format/version information own, which data never uses.
 */
export type QrGrid = { size: number; dark: boolean[][]; isFunction: boolean[][] };

function setFunctionModule(grid: QrGrid, row: number, col: number, isDark: boolean): void {
  grid.dark[row]![col] = isDark;
  grid.isFunction[row]![col] = true;
}

/** A 7×7 finder (dark ring, light ring, 3×3 dark core) with its light separator, clipped to the symbol. */
function drawFinder(grid: QrGrid, centreRow: number, centreCol: number): void {
  for (let dy = -4; dy <= 4; dy++) {
    for (let dx = -4; dx <= 4; dx++) {
      const row = centreRow + dy;
      const col = centreCol + dx;
      if (row < 0 || col < 0 || row >= grid.size || col >= grid.size) continue;
      const ring = Math.max(Math.abs(dy), Math.abs(dx));
      setFunctionModule(grid, row, col, ring !== 2 && ring !== 4);
    }
  }
}

/** A 5×5 alignment pattern: dark ring, light ring, dark centre. */
function drawAlignment(grid: QrGrid, centreRow: number, centreCol: number): void {
  for (let dy = -2; dy <= 2; dy++) {
    for (let dx = -2; dx <= 2; dx++) {
      setFunctionModule(grid, centreRow + dy, centreCol + dx, Math.max(Math.abs(dy), Math.abs(dx)) !== 1);
    }
  }
}

/**
 * Writes the format information for `mask` in both its places: around the top-left finder, and split
 * between the bottom-left and top-right finders (bit 14 is the most significant).
 */
export function drawFormatInformation(grid: QrGrid, mask: number): void {
  const bits = formatInformationBits(mask);
  const { size } = grid;
  for (let i = 0; i < 15; i++) {
    const isDark = ((bits >>> i) & 1) === 1;
    // Top-left: bits 0–7 run down column 8 (skipping the timing row), bits 8–14 run left along row 8.
    if (i < 6) setFunctionModule(grid, i, 8, isDark);
    else if (i < 8) setFunctionModule(grid, i + 1, 8, isDark);
    else if (i === 8) setFunctionModule(grid, 8, 7, isDark);
    else setFunctionModule(grid, 8, 14 - i, isDark);
    // Second copy: bits 0–7 along row 8 from the right edge, bits 8–14 up column 8 from the bottom.
    if (i < 8) setFunctionModule(grid, 8, size - 1 - i, isDark);
    else setFunctionModule(grid, size - 15 + i, 8, isDark);
  }
  // The module above the bottom-left format bits is always dark.
  setFunctionModule(grid, size - 8, 8, true);
}

/** Versions 7 and up carry their number twice, in 6×3 blocks beside the top-right and bottom-left finders. */
function drawVersionInformation(grid: QrGrid, version: number): void {
  if (version < 7) return;
  const bits = versionInformationBits(version);
  for (let i = 0; i < 18; i++) {
    const isDark = ((bits >>> i) & 1) === 1;
    const along = Math.floor(i / 3);
    const across = grid.size - 11 + (i % 3);
    setFunctionModule(grid, along, across, isDark);
    setFunctionModule(grid, across, along, isDark);
  }
}

/** An empty symbol of `version` with every function pattern drawn and the format area reserved (mask 0). */
export function createFunctionPatterns(version: number): QrGrid {
  const size = symbolSize(version);
  const grid: QrGrid = {
    size,
    dark: Array.from({ length: size }, () => new Array<boolean>(size).fill(false)),
    isFunction: Array.from({ length: size }, () => new Array<boolean>(size).fill(false)),
  };
  for (let i = 0; i < size; i++) {
    setFunctionModule(grid, 6, i, i % 2 === 0);
    setFunctionModule(grid, i, 6, i % 2 === 0);
  }
  drawFinder(grid, 3, 3);
  drawFinder(grid, 3, size - 4);
  drawFinder(grid, size - 4, 3);

  const centres = alignmentCentres(version);
  const last = centres.length - 1;
  centres.forEach((row, i) => {
    centres.forEach((col, j) => {
      const overlapsFinder = (i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0);
      if (!overlapsFinder) drawAlignment(grid, row, col);
    });
  });
  drawFormatInformation(grid, 0);
  drawVersionInformation(grid, version);
  return grid;
}
