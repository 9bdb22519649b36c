import { describe, expect, it } from "vitest";
import { toEventUsers, toIssueDetail, toReportEvent } from "./events-transform";

const event = {
  eventID: "abc123",
  dateCreated: "2026-11-20T11:00:00Z",
  release: { version: "2.15.0" },
  tags: [
    { key: "environment", value: "production" },
    { key: "browser", value: "Chrome 131" },
  ],
  user: { id: "u1", email: "grace@acme.test", ip_address: "203.0.113.24" },
  entries: [
    {
      type: "exception",
      data: {
        values: [
          {
            type: "TypeError",
            value: "x is undefined",
            mechanism: { type: "onerror", handled: false },
            stacktrace: {
              frames: [
                { filename: "node_modules/react-dom/index.js", function: "render", lineNo: 10, colNo: 2, inApp: false },
                {
                  filename: "src/checkout/cart.ts",
                  absPath: "/app/src/checkout/cart.ts",
                  function: "addItem",
                  lineNo: 42,
                  colNo: null,
                  inApp: true,
                },
                "not a frame",
              ],
            },
          },
        ],
      },
    },
    {
      type: "breadcrumbs",
      data: {
        values: [
          {
            timestamp: "2026-11-20T10:59:58Z",
            category: "fetch",
            level: "info",
            data: { url: "/api", status_code: 500 },
          },
          { timestamp: 1763636399.5, category: "console", message: "hello" },
        ],
      },
    },
    { type: "request", data: { url: "https://app.example/cart", method: "POST" } },
  ],
};

describe("toReportEvent", () => {
  it("maps exception frames, breadcrumbs, request, tags and user", () => {
    const report = toReportEvent(event)!;
    expect(report).toMatchObject({
      eventId: "abc123",
      release: "2.15.0",
      environment: "production",
      request: { method: "POST", url: "https://app.example/cart" },
      user: { id: "u1", email: "grace@acme.test", ipAddress: "203.0.113.24" },
    });
    expect(report.exceptions[0]).toMatchObject({ type: "TypeError", mechanism: "onerror", handled: false });
    expect(report.exceptions[0]!.frames).toEqual([
      {
        filename: "node_modules/react-dom/index.js",
        absPath: null,
        module: null,
        function: "render",
        lineNo: 10,
        colNo: 2,
        inApp: false,
      },
      {
        filename: "src/checkout/cart.ts",
        absPath: "/app/src/checkout/cart.ts",
        module: null,
        function: "addItem",
        lineNo: 42,
        colNo: null,
        inApp: true,
      },
    ]);
    expect(report.breadcrumbs).toEqual([
      {
        timestamp: "2026-11-20T10:59:58.000Z",
        type: null,
        category: "fetch",
        level: "info",
        message: null,
        data: [
          { key: "url", value: "/api" },
          { key: "status_code", value: "500" },
        ],
      },
      {
        timestamp: "2025-11-20T10:59:59.500Z",
        type: null,
        category: "console",
        level: null,
        message: "hello",
        data: [],
      },
    ]);
  });

  it("survives missing and malformed parts, and refuses what is not an event", () => {
    expect(toReportEvent({ eventID: "e1", entries: "nope", tags: [{ nokey: 1 }] })).toMatchObject({
      eventId: "e1",
      exceptions: [],
      breadcrumbs: [],
      request: null,
      tags: [],
      user: null,
      release: null,
    });
    expect(toReportEvent(null)).toBeNull();
    expect(toReportEvent({ entries: [] })).toBeNull();
  });

  it("clips hostile lengths", () => {
    const long = "x".repeat(50_000);
    const report = toReportEvent({
      ...event,
      entries: [{ type: "exception", data: { values: [{ type: long, value: long }] } }],
    })!;
    expect(report.exceptions[0]!.value.length).toBeLessThanOrEqual(2_000);
  });
});

describe("toIssueDetail", () => {
  it("reads the issue, its releases and its 24 h and 30 d event series", () => {
    const detail = toIssueDetail({
      id: "61",
      shortId: "WEB-1",
      title: "TypeError",
      culprit: "src/a.ts in f",
      level: "error",
      status: "unresolved",
      permalink: "https://sentry/61",
      project: { slug: "web" },
      count: "12",
      userCount: 3,
      firstSeen: "2026-11-01T00:00:00Z",
      lastSeen: "2026-11-20T00:00:00Z",
      firstRelease: { version: "2.14.0" },
      lastRelease: null,
      stats: { "24h": [[1763596800, 2]], "30d": [[1763596800, null]] },
    })!;
    expect(detail.issue).toMatchObject({
      eventCount: 12,
      firstRelease: "2.14.0",
      lastRelease: null,
      projectSlug: "web",
    });
    expect(detail.last24h).toEqual([{ at: "2025-11-20T00:00:00.000Z", count: 2 }]);
    expect(detail.last30d).toEqual([{ at: "2025-11-20T00:00:00.000Z", count: 0 }]);
    expect(toIssueDetail({ id: 1 })).toBeNull();
  });
});

describe("toEventUsers", () => {
  it("keys each event by user id, else e-mail, else IP", () => {
    expect(
      toEventUsers([
        { dateCreated: "a", user: { id: "u1" } },
        { dateCreated: "b", user: { email: "x@y.z" } },
        { dateCreated: "c", user: null },
        { nope: true },
      ]),
    ).toEqual([
      { at: "a", user: "u1" },
      { at: "b", user: "x@y.z" },
      { at: "c", user: null },
    ]);
    expect(toEventUsers("nope")).toEqual([]);
  });
});
