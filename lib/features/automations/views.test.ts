import { describe, expect, it } from "vitest";
import { parseRunStatus } from "./views";

describe("parseRunStatus", () => {
  it("takes the run log's four outcomes and nothing else, so a crafted query string shows every run", () => {
    for (const status of ["failed", "pending", "succeeded", "skipped"]) expect(parseRunStatus(status)).toBe(status);
    for (const raw of [undefined, "", "FAILED", "in_flight", ["failed"], "failed "])
      expect(parseRunStatus(raw)).toBeUndefined();
  });
});
