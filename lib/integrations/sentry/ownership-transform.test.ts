import { describe, expect, it } from "vitest";
import { toProjectOwnership } from "./ownership-transform";

describe("toProjectOwnership", () => {
  it("reads Sentry's documented example", () => {
    expect(
      toProjectOwnership({
        raw: "path:src/views/checkout jane.smith@org.com \nurl:https://example.com/checkout jane.smith@org.com",
        fallthrough: true,
        dateCreated: "2023-10-03T20:25:18.539823Z",
        lastUpdated: "2023-10-03T22:49:12.294741Z",
        isActive: true,
        autoAssignment: "Auto Assign to Issue Owner",
        codeownersAutoSync: true,
        schema: { $version: 1, rules: [] },
      }),
    ).toEqual({
      raw: "path:src/views/checkout jane.smith@org.com \nurl:https://example.com/checkout jane.smith@org.com",
      isActive: true,
      lastUpdated: "2023-10-03T22:49:12.294741Z",
    });
  });

  it("reads a project that never had rules as empty text", () => {
    expect(toProjectOwnership({ raw: null, isActive: true, schema: null })).toEqual({
      raw: "",
      isActive: true,
      lastUpdated: null,
    });
  });

  it.each([[null], ["<html>"], [[]], [{ raw: 42 }]])("is null for %j", (answer) => {
    expect(toProjectOwnership(answer)).toBeNull();
  });
});
