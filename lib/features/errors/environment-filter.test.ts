import { describe, expect, it } from "vitest";
import { chooseEnvironment, unknownEnvironmentMessage } from "./environment-filter";

const known = ["production", "staging"];

describe("chooseEnvironment", () => {
  it("no value (or only spaces) means every environment", () => {
    expect(chooseEnvironment(undefined, known)).toEqual({ kind: "all" });
    expect(chooseEnvironment("", known)).toEqual({ kind: "all" });
    expect(chooseEnvironment("   ", known)).toEqual({ kind: "all" });
  });

  it("accepts exactly the names Sentry lists", () => {
    expect(chooseEnvironment("staging", known)).toEqual({ kind: "known", name: "staging" });
    expect(chooseEnvironment(" production ", known)).toEqual({ kind: "known", name: "production" });
  });

  it("anything else is unknown, whatever its case or shape", () => {
    expect(chooseEnvironment("Production", known)).toEqual({ kind: "unknown", name: "Production" });
    expect(chooseEnvironment("prod", known)).toEqual({ kind: "unknown", name: "prod" });
    expect(chooseEnvironment("staging", [])).toEqual({ kind: "unknown", name: "staging" });
  });

  it("shortens an overlong value for display and never accepts it", () => {
    const long = "x".repeat(500);
    expect(chooseEnvironment(long, [long])).toEqual({ kind: "unknown", name: `${"x".repeat(64)}…` });
  });

  it("says what happened in words", () => {
    expect(unknownEnvironmentMessage("qa")).toBe('No environment named "qa" in Sentry; showing all environments.');
  });
});
