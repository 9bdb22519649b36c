import { chooseVersion, dataCodewords, interleavedCodewords } from "./data-codewords";
import { createFunctionPatterns, drawFormatInformation, type QrGrid } from "./function-patterns";
import { isMaskedModule, MASK_COUNT, penaltyScore } from "./masks";
import { placeCodewords } from "./place-codewords";

/** A finished QR symbol: `dark[row][col]` for each module, without the quiet zone. */
export type QrCode = { version: number; mask: number; size: number; dark: boolean[][] };

function applyMask(grid: QrGrid, mask: number): boolean[][] {
  return grid.dark.map((row, r) =>
    row.map((isDark, c) => (grid.isFunction[r]![c] ? isDark : isDark !== isMaskedModule(mask, r, c))),
  );
}

/**
 * Encodes `text` (as UTF-8) in byte mode at error-correction level M, in the smallest version that holds
 * it, with the mask of lowest penalty (or `forcedMask`, for tests that need a particular one).
 */
export function encodeQr(text: string, forcedMask?: number): QrCode {
  if (forcedMask !== undefined && !(Number.isInteger(forcedMask) && forcedMask >= 0 && forcedMask < MASK_COUNT)) {
    throw new RangeError(`No such mask: ${forcedMask}`);
  }
  const payload = new TextEncoder().encode(text);
  const version = chooseVersion(payload.length);
  const grid = createFunctionPatterns(version);
  placeCodewords(grid, interleavedCodewords(dataCodewords(payload, version), version));

  const masks = forcedMask === undefined ? [...Array(MASK_COUNT).keys()] : [forcedMask];
  let best: { mask: number; dark: boolean[][]; penalty: number } | undefined;
  for (const mask of masks) {
    drawFormatInformation(grid, mask);
    const dark = applyMask(grid, mask);
    const penalty = masks.length === 1 ? 0 : penaltyScore(dark);
    if (!best || penalty < best.penalty) best = { mask, dark, penalty };
  }
  if (!best) throw new Error("no mask was tried");
  return { version, mask: best.mask, size: grid.size, dark: best.dark };
}
