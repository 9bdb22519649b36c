import { fitsIn } from "./limits";

/** An issue to pack: its points, and the bin it sits in now (null for one not planned yet). */
export type PackItem = { points: number; bin: number | null; preferredBin?: number | null };

/** Search nodes left, shared by every search for one plan and spent as they go. */
export type SearchBudget = { nodes: number };

/**
 * Finds a bin for every item, each bin within its room, or null. Depth-first,
 * largest item first; an item tries its current (or preferred) bin before the
 * others, so the first packing found moves little of what is already planned.
 * `budget` caps the search nodes (`perSearch` for this one, `shared` for the
 * whole plan): packing is NP-hard, and giving up only means an issue stays
 * out, so the planner's running time stays bounded whatever the backlog.
 *
 * `unit` is the grid all points lie on (0 when unknown): a bin with 2.7 points
 * of room holds at most 2 when every issue is a whole number of points, and
 * that tighter bound prunes most hopeless searches at once.
 */
export function packItems(
  rooms: readonly number[],
  items: readonly PackItem[],
  { perSearch, shared, unit }: { perSearch: number; shared: SearchBudget; unit: number },
): number[] | null {
  const order = items
    .map((_, index) => index)
    .sort((a, b) => (items[b]?.points ?? 0) - (items[a]?.points ?? 0) || a - b);
  const pointsLeft = order.map((index) => items[index]?.points ?? 0);
  for (let position = pointsLeft.length - 2; position >= 0; position--)
    pointsLeft[position] = (pointsLeft[position] ?? 0) + (pointsLeft[position + 1] ?? 0);
  const room = [...rooms];
  const binOf = items.map((item) => item.bin ?? -1);
  let nodes = 0;

  const place = (position: number): boolean => {
    const index = order[position];
    if (index === undefined) return true;
    if (++nodes > perSearch || --shared.nodes < 0 || !fitsIn(usableRoom(room, unit), pointsLeft[position] ?? 0))
      return false;
    const item = items[index] as PackItem;
    const first = item.bin ?? item.preferredBin ?? -1;
    const tried = new Set<number>();
    for (let step = -1; step < room.length; step++) {
      const bin = step === -1 ? first : step;
      if (bin < 0 || (step >= 0 && bin === first)) continue;
      const free = room[bin] ?? 0;
      // Two bins with the same room left are interchangeable for the items still to pack.
      if (tried.has(free) || !fitsIn(free, item.points)) continue;
      tried.add(free);
      room[bin] = free - item.points;
      binOf[index] = bin;
      if (place(position + 1)) return true;
      room[bin] = free;
    }
    return false;
  };
  return place(0) ? binOf : null;
}

/** Total room that whole multiples of `unit` can fill; the plain total when the unit is unknown. */
export function usableRoom(rooms: readonly number[], unit: number): number {
  return rooms.reduce((total, free) => total + usable(free, unit), 0);
}

/** Slack for float sums of tenths: generous, since this only bounds a search. */
const GRID_EPSILON = 1e-6;

function usable(free: number, unit: number): number {
  if (free <= 0) return 0;
  return unit > 0 ? Math.floor(free / unit + GRID_EPSILON) * unit : free;
}

/** The largest step all the points are multiples of, in tenths (estimates are rounded to those); 0 when there is none. */
export function pointUnit(points: readonly number[]): number {
  let tenths = 0;
  for (const value of points) {
    const scaled = value * 10;
    // Strict: an issue off the grid (0.25, or 1e-7) must not be rounded away as if it took no room.
    if (Math.abs(scaled - Math.round(scaled)) > 1e-9) return 0;
    tenths = gcd(tenths, Math.round(scaled));
  }
  return tenths / 10;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}
