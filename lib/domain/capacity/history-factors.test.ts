import { describe, expect, it } from "vitest";
import {
  DEFAULT_INTERRUPT_RATE,
  deriveFocusFactor,
  deriveInterruptRate,
  suggestedBufferPercent,
} from "./history-factors";

describe("deriveFocusFactor", () => {
  it("is the ratio of the sums, not the mean of ratios", () => {
    // Ratios 1.0 and 0.5 average 0.75; the sums give 45 / 60.
    expect(
      deriveFocusFactor(
        [
          { completedPoints: 40, availablePersonDays: 40 },
          { completedPoints: 5, availablePersonDays: 20 },
        ],
        0.6,
      ),
    ).toBe(0.75);
    expect(
      deriveFocusFactor(
        [
          { completedPoints: 10, availablePersonDays: 40 },
          { completedPoints: 5, availablePersonDays: 20 },
        ],
        0.6,
      ),
    ).toBe(0.25);
  });

  it("skips sprints without available days and falls back when nothing is usable", () => {
    expect(
      deriveFocusFactor(
        [
          { completedPoints: 8, availablePersonDays: 0 },
          { completedPoints: 6, availablePersonDays: 10 },
        ],
        0.9,
      ),
    ).toBe(0.6);
    expect(deriveFocusFactor([{ completedPoints: 8, availablePersonDays: 0 }], 0.6)).toBe(0.6);
    expect(deriveFocusFactor([], 0.7)).toBe(0.7);
    expect(deriveFocusFactor([{ completedPoints: Number.NaN, availablePersonDays: 10 }], 0.7)).toBe(0.7);
  });
});

describe("deriveInterruptRate", () => {
  it("is added ÷ committed over the history", () => {
    expect(
      deriveInterruptRate([
        { committedPoints: 40, addedPoints: 4 },
        { committedPoints: 60, addedPoints: 16 },
      ]),
    ).toBe(0.2);
  });

  it("clamps to 0–1", () => {
    expect(deriveInterruptRate([{ committedPoints: 10, addedPoints: 30 }])).toBe(1);
    expect(deriveInterruptRate([{ committedPoints: 10, addedPoints: -5 }])).toBe(0);
  });

  it("defaults to 10% when there is no commitment to compare with", () => {
    expect(DEFAULT_INTERRUPT_RATE).toBe(0.1);
    expect(deriveInterruptRate([])).toBe(0.1);
    expect(deriveInterruptRate([{ committedPoints: 0, addedPoints: 5 }])).toBe(0.1);
  });
});

describe("suggestedBufferPercent", () => {
  it("rounds to a whole percent between 0 and 50", () => {
    expect(suggestedBufferPercent(0.124)).toBe(12);
    expect(suggestedBufferPercent(0.125)).toBe(13);
    expect(suggestedBufferPercent(0.8)).toBe(50);
    expect(suggestedBufferPercent(-0.1)).toBe(0);
    expect(suggestedBufferPercent(Number.NaN)).toBe(0);
  });
});
