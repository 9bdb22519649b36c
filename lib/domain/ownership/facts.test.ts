import { describe, expect, it } from "vitest";
import { MAX_FRAME_FACTS, ownershipFactsFromEvent } from "./facts";

const restEvent = {
  eventID: "abc",
  tags: [
    { key: "environment", value: "production" },
    { key: "transaction", value: "/checkout" },
  ],
  entries: [
    {
      type: "exception",
      data: {
        values: [
          {
            type: "TypeError",
            stacktrace: {
              frames: [
                { filename: "node_modules/react/index.js", absPath: "/app/node_modules/react/index.js", inApp: false },
                {
                  filename: "src/checkout/cart.ts",
                  absPath: "/app/src/checkout/cart.ts",
                  module: "checkout.cart",
                  inApp: true,
                },
                {
                  filename: "src/checkout/pay.ts",
                  absPath: "src/checkout/pay.ts",
                  module: "checkout.pay",
                  inApp: true,
                },
              ],
            },
          },
        ],
      },
    },
    { type: "request", data: { url: "https://shop.example.com/checkout", method: "POST" } },
    { type: "breadcrumbs", data: { values: [] } },
  ],
};

const webhookEvent = {
  event_id: "def",
  tags: [
    ["environment", "staging"],
    ["browser", "Chrome"],
  ],
  request: { url: "https://shop.example.com/api/orders" },
  exception: {
    values: [
      {
        type: "Error",
        stacktrace: {
          frames: [
            { filename: "src/api/orders.ts", abs_path: "/srv/src/api/orders.ts", module: "api.orders", in_app: true },
            { filename: "internal/process.js", in_app: false },
          ],
        },
      },
    ],
  },
};

describe("ownershipFactsFromEvent", () => {
  it("reads the REST event shape: in-app frames only, filename then absPath, innermost last", () => {
    expect(ownershipFactsFromEvent(restEvent)).toEqual({
      paths: ["src/checkout/cart.ts", "/app/src/checkout/cart.ts", "src/checkout/pay.ts"],
      modules: ["checkout.cart", "checkout.pay"],
      url: "https://shop.example.com/checkout",
      tags: { environment: "production", transaction: "/checkout" },
    });
  });

  it("reads the webhook / event-alert shape", () => {
    expect(ownershipFactsFromEvent(webhookEvent)).toEqual({
      paths: ["src/api/orders.ts", "/srv/src/api/orders.ts"],
      modules: ["api.orders"],
      url: "https://shop.example.com/api/orders",
      tags: { environment: "staging", browser: "Chrome" },
    });
  });

  it("reads chained exceptions in Sentry's order and a bare stacktrace and threads", () => {
    const facts = ownershipFactsFromEvent({
      exception: {
        values: [
          { stacktrace: { frames: [{ filename: "a.ts", in_app: true }] } },
          { stacktrace: { frames: [{ filename: "b.ts", in_app: true }] } },
        ],
      },
      stacktrace: { frames: [{ filename: "c.ts", in_app: true }] },
      threads: { values: [{ stacktrace: { frames: [{ filename: "d.ts", in_app: true }] } }] },
    });
    expect(facts.paths).toEqual(["a.ts", "b.ts", "c.ts", "d.ts"]);
  });

  it("accepts tags as a plain object and keeps the later value of a repeated key", () => {
    expect(ownershipFactsFromEvent({ tags: { level: "error" } }).tags).toEqual({ level: "error" });
    expect(
      ownershipFactsFromEvent({
        tags: [
          ["k", "1"],
          ["k", "2"],
        ],
      }).tags,
    ).toEqual({ k: "2" });
  });

  it.each([
    ["null", null],
    ["a string", "event"],
    ["a number", 42],
    ["an array", [1, 2]],
    ["an empty object", {}],
  ])("gives empty facts for %s", (_label, input) => {
    expect(ownershipFactsFromEvent(input)).toEqual({ paths: [], modules: [], url: null, tags: {} });
  });

  it("ignores hostile or malformed parts instead of throwing", () => {
    const facts = ownershipFactsFromEvent({
      entries: [
        null,
        3,
        {
          type: "exception",
          data: { values: [null, { stacktrace: { frames: [null, "x", { filename: 5, inApp: true }] } }] },
        },
      ],
      request: { url: 12 },
      tags: [["__proto__", "polluted"], [1, "x"], { key: "ok", value: 3 }, "junk"],
    });
    expect(facts.paths).toEqual([]);
    expect(facts.url).toBeNull();
    expect(Object.keys(facts.tags)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps the innermost frames of a runaway stack", () => {
    const frames = Array.from({ length: 500 }, (_, i) => ({ filename: `f${i}.ts`, in_app: true }));
    const { paths } = ownershipFactsFromEvent({ exception: { values: [{ stacktrace: { frames } }] } });
    expect(paths).toHaveLength(MAX_FRAME_FACTS);
    expect(paths.at(-1)).toBe("f499.ts");
  });

  it("skips frames whose in-app flag is missing", () => {
    expect(
      ownershipFactsFromEvent({ exception: { values: [{ stacktrace: { frames: [{ filename: "x.ts" }] } }] } }).paths,
    ).toEqual([]);
  });
});
