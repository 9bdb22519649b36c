type Rect = { top: number; bottom: number; left: number };
type Size = { width: number; height: number };

/** Space kept between the panel and the viewport's edges, and between the panel and its button. */
const EDGE = 8;
const GAP = 4;

/**
 * Where a popover panel goes next to the button that opened it, in viewport pixels (for `position: fixed`): below
 * the button and aligned with its left edge, moved left to stay on screen, and above the button when there is no
 * room below but there is above. Stands in for CSS anchor positioning, which not every browser has.
 */
export function placeNextTo(anchor: Rect, panel: Size, viewport: Size): { top: number; left: number } {
  const maxLeft = Math.max(EDGE, viewport.width - panel.width - EDGE);
  const left = Math.min(Math.max(anchor.left, EDGE), maxLeft);
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - panel.height;
  const fitsBelow = below + panel.height <= viewport.height - EDGE;
  const top = fitsBelow || above < EDGE ? below : above;
  return { top, left };
}
