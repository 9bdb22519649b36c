import { describe, expect, it } from "vitest";
import { findUnstorableText, mayHoldUnstorableText } from "./find-unstorable-text";

describe("mayHoldUnstorableText", () => {
  const refusedBodies = [
    String.raw`{"title":"a\u0000b"}`,
    String.raw`{"title":"\ud800"}`,
    String.raw`{"title":"\uDC00x"}`,
    String.raw`{"a\u0000":1}`,
  ];

  it("is true for every JSON text whose parsed value findUnstorableText refuses", () => {
    for (const text of refusedBodies) {
      expect(findUnstorableText(JSON.parse(text))).not.toBeNull();
      expect(mayHoldUnstorableText(text)).toBe(true);
    }
  });

  it("is false for ordinary JSON, including non-ASCII text sent as UTF-8 or as escapes outside the surrogates", () => {
    for (const text of [
      `{"title":"Crash in Zürich 🚢"}`,
      String.raw`{"title":"\u00e9\u4e2d"}`,
      `{"n":[1,2,{"deep":"value"}]}`,
    ]) {
      expect(findUnstorableText(JSON.parse(text))).toBeNull();
      expect(mayHoldUnstorableText(text)).toBe(false);
    }
  });
});
