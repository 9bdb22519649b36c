import { describe, expect, it } from "vitest";
import { writeSummary } from "./write-summary";

describe("writeSummary", () => {
  it("reads the summary a write was recorded with", () => {
    const payload = {
      args: {},
      meta: { summary: "Invite ada@example.com as member", actorLabel: "grace@example.com" },
    };
    expect(writeSummary({ operation: "workos.invite", payload })).toBe("Invite ada@example.com as member");
  });

  it("falls back to the operation's name for a payload without a summary in that shape", () => {
    for (const payload of [null, "text", {}, { meta: {} }, { meta: { summary: 3 } }, { meta: null }])
      expect(writeSummary({ operation: "workos.invite", payload })).toBe("workos.invite");
  });
});
