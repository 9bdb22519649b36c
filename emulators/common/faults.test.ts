import { describe, expect, it } from "vitest";
import { createFaultController } from "./faults";

const POST_ISSUE = { method: "POST", path: "/acme/rest/api/3/issue" };
const GET_ISSUE = { method: "GET", path: "/acme/rest/api/3/issue/ACME-1" };

describe("dropped responses", () => {
  it("dropResponseRate 1 drops every matching response, after the other faults had their say", async () => {
    const faults = createFaultController();
    expect(faults.set({ dropResponseRate: 1 })).toEqual({ ok: true });
    expect(await faults.apply(POST_ISSUE)).toBe("drop");
    expect(await faults.apply(GET_ISSUE)).toBe("drop");
    faults.set({ errorRate: 1 });
    expect(await faults.apply(POST_ISSUE)).toMatchObject({ status: 503 });
  });

  it("dropResponseCount 2 drops exactly the next two matching responses, then answers and shows 0 left", async () => {
    const faults = createFaultController();
    faults.set({ dropResponseCount: 2, methods: ["POST"] });
    expect(await faults.apply(GET_ISSUE)).toBeNull();
    expect(await faults.apply(POST_ISSUE)).toBe("drop");
    expect(faults.get().dropResponseCount).toBe(1);
    expect(await faults.apply(POST_ISSUE)).toBe("drop");
    expect(await faults.apply(POST_ISSUE)).toBeNull();
    expect(faults.get().dropResponseCount).toBe(0);
  });

  it("respects pathPrefix and methods for every fault, and matches methods whatever their case", async () => {
    const faults = createFaultController();
    faults.set({ errorRate: 1, dropResponseRate: 1, pathPrefix: "/acme/rest/api/3/issue", methods: ["post", "PUT"] });
    expect(faults.get().methods).toEqual(["POST", "PUT"]);
    expect(await faults.apply(GET_ISSUE)).toBeNull();
    expect(await faults.apply({ method: "POST", path: "/acme/rest/api/3/search/jql" })).toBeNull();
    expect(await faults.apply(POST_ISSUE)).toMatchObject({ status: 503 });
    faults.set({ errorRate: 0, methods: null });
    expect(await faults.apply(GET_ISSUE)).toBe("drop");
  });

  it("clear() forgets the drop modes and the method filter", async () => {
    const faults = createFaultController();
    faults.set({ dropResponseRate: 0.5, dropResponseCount: 3, methods: ["DELETE"] });
    faults.clear();
    expect(faults.get()).toMatchObject({ dropResponseRate: 0, dropResponseCount: 0, methods: null });
    expect(await faults.apply(POST_ISSUE)).toBeNull();
  });
});

describe("validation of the new fault fields", () => {
  it.each([
    [{ dropResponseRate: 1.5 }, "dropResponseRate must be between 0 and 1"],
    [{ dropResponseRate: -0.1 }, "dropResponseRate must be a non-negative number"],
    [{ dropResponseRate: "1" }, "dropResponseRate must be a non-negative number"],
    [{ dropResponseCount: 1.5 }, "dropResponseCount must be a whole number from 0 to 1000000"],
    [{ dropResponseCount: -1 }, "dropResponseCount must be a non-negative number"],
    [{ dropResponseCount: 1e9 }, "dropResponseCount must be a whole number from 0 to 1000000"],
    [
      { methods: "POST" },
      "methods must be null or a non-empty array of HTTP methods (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS)",
    ],
    [
      { methods: [] },
      "methods must be null or a non-empty array of HTTP methods (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS)",
    ],
    [
      { methods: ["POST", "FETCH"] },
      "methods must be null or a non-empty array of HTTP methods (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS)",
    ],
    [
      { methods: [1] },
      "methods must be null or a non-empty array of HTTP methods (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS)",
    ],
  ])("refuses %j naming the field", (patch, error) => {
    const faults = createFaultController();
    expect(faults.set(patch)).toEqual({ ok: false, error });
    expect(faults.get()).toMatchObject({ dropResponseRate: 0, dropResponseCount: 0, methods: null });
  });
});
