import { describe, expect, it } from "vitest";
import { mergeBulkOutcome, missingIndexes } from "./bulk-retry";

const issue = (n: number) => ({ id: String(10_000 + n), key: `ACME-${n}` });

describe("missingIndexes", () => {
  it("lists the positions not found upstream, in order", () => {
    expect(
      missingIndexes(
        5,
        new Map([
          [1, issue(1)],
          [3, issue(3)],
        ]),
      ),
    ).toEqual([0, 2, 4]);
    expect(missingIndexes(3, new Map())).toEqual([0, 1, 2]);
    expect(
      missingIndexes(
        2,
        new Map([
          [0, issue(0)],
          [1, issue(1)],
        ]),
      ),
    ).toEqual([]);
  });
});

describe("mergeBulkOutcome", () => {
  it("maps the retry's indexes back to the original positions and keeps the found elements", () => {
    const found = new Map([
      [1, issue(101)],
      [3, issue(103)],
    ]);
    const merged = mergeBulkOutcome(found, [0, 2, 4], {
      created: [
        { index: 0, ...issue(200) },
        { index: 2, ...issue(204) },
      ],
      errors: [{ index: 1, message: "priority: invalid" }],
    });
    expect(merged).toEqual({
      created: [
        { index: 0, ...issue(200) },
        { index: 1, ...issue(101) },
        { index: 3, ...issue(103) },
        { index: 4, ...issue(204) },
      ],
      errors: [{ index: 2, message: "priority: invalid" }],
    });
  });

  it("with everything found, is the found elements alone", () => {
    expect(mergeBulkOutcome(new Map([[0, issue(1)]]), [], { created: [], errors: [] })).toEqual({
      created: [{ index: 0, ...issue(1) }],
      errors: [],
    });
  });

  it("refuses an answer for an element that was not sent, rather than misplace it", () => {
    expect(() => mergeBulkOutcome(new Map(), [0], { created: [{ index: 1, ...issue(1) }], errors: [] })).toThrow(
      RangeError,
    );
  });
});
