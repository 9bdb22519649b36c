/** The eight data masks of ISO/IEC 18004 and the penalty rules that choose between them. */

const MASK_CONDITIONS: readonly ((row: number, col: number) => boolean)[] = [
  (row, col) => (row + col) % 2 === 0,
  (row) => row % 2 === 0,
  (_row, col) => col % 3 === 0,
  (row, col) => (row + col) % 3 === 0,
  (row, col) => (Math.floor(row / 2) + Math.floor(col / 3)) % 2 === 0,
  (row, col) => ((row * col) % 2) + ((row * col) % 3) === 0,
  (row, col) => (((row * col) % 2) + ((row * col) % 3)) % 2 === 0,
  (row, col) => (((row + col) % 2) + ((row * col) % 3)) % 2 === 0,
];

export const MASK_COUNT = MASK_CONDITIONS.length;

/** Whether `mask` inverts the module at (row, col). */
export function isMaskedModule(mask: number, row: number, col: number): boolean {
  return MASK_CONDITIONS[mask]!(row, col);
}

/** A finder-like run, dark-light-dark³-light-dark, with four light modules on one side. */
const FINDER_LIKE_PATTERNS = ["10111010000", "00001011101"];

/** Rules 1 and 3 on one row or column: long same-colour runs, and finder look-alikes. */
function linePenalty(line: readonly boolean[]): number {
  let penalty = 0;
  let runLength = 1;
  for (let i = 1; i <= line.length; i++) {
    if (i < line.length && line[i] === line[i - 1]) {
      runLength++;
      continue;
    }
    if (runLength >= 5) penalty += 3 + (runLength - 5);
    runLength = 1;
  }
  const text = line.map((isDark) => (isDark ? "1" : "0")).join("");
  for (const pattern of FINDER_LIKE_PATTERNS) {
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) penalty += 40;
  }
  return penalty;
}

/**
 * The standard's penalty score of a finished symbol (lower reads more reliably): runs of five or more,
 * 2×2 blocks of one colour, finder look-alikes, and the distance of the dark share from 50 %.
 */
export function penaltyScore(dark: readonly (readonly boolean[])[]): number {
  const size = dark.length;
  let penalty = 0;
  for (let i = 0; i < size; i++) {
    penalty += linePenalty(dark[i]!);
    penalty += linePenalty(dark.map((row) => row[i]!));
  }
  for (let row = 0; row < size - 1; row++) {
    const upper = dark[row]!;
    const lower = dark[row + 1]!;
    for (let col = 0; col < size - 1; col++) {
      const colour = upper[col];
      if (upper[col + 1] === colour && lower[col] === colour && lower[col + 1] === colour) {
        penalty += 3;
      }
    }
  }
  const darkCount = dark.reduce((sum, row) => sum + row.filter(Boolean).length, 0);
  const darkPercent = (darkCount * 100) / (size * size);
  penalty += Math.floor(Math.abs(darkPercent - 50) / 5) * 10;
  return penalty;
}
