import { describe, expect, it } from "vitest";
import { CREATE_MARKER_PREFIX, createMarker, withMarker } from "./create-marker";

describe("createMarker", () => {
  it("is the prefix and 20 hex digits of the write's hash, a valid Jira label", () => {
    const marker = createMarker("org_1", "sentry-ticket:42");
    expect(marker).toMatch(/^bosun-w-[0-9a-f]{20}$/);
    expect(marker.startsWith(CREATE_MARKER_PREFIX)).toBe(true);
    // Pinned: markers already on issues in Jira must keep matching, so the derivation may never drift.
    expect(marker).toBe("bosun-w-9d7af66875d963de7ab6");
    expect(createMarker("org_1", "tickets:x:stories:0", 7)).toBe("bosun-w-1fc0c3123d73359da565");
  });

  it("is the same for the same write and different for another key, org or element", () => {
    const base = createMarker("org_1", "k");
    expect(createMarker("org_1", "k")).toBe(base);
    expect(
      new Set([
        base,
        createMarker("org_2", "k"),
        createMarker("org_1", "k2"),
        createMarker("org_1", "k", 0),
        createMarker("org_1", "k", 1),
      ]).size,
    ).toBe(5);
  });

  it("keeps a bulk element apart from a single create whose key ends like the element's position", () => {
    expect(createMarker("org_1", "k", 3)).not.toBe(createMarker("org_1", "k:3"));
    expect(createMarker("org_1k", "x")).not.toBe(createMarker("org_1", "kx"));
  });
});

describe("withMarker", () => {
  it("adds the marker after the labels asked for, once", () => {
    expect(withMarker(["bosun", "sentry"], "bosun-w-abc")).toEqual(["bosun", "sentry", "bosun-w-abc"]);
    expect(withMarker(["bosun-w-abc"], "bosun-w-abc")).toEqual(["bosun-w-abc"]);
    expect(withMarker([], "bosun-w-abc")).toEqual(["bosun-w-abc"]);
  });
});
