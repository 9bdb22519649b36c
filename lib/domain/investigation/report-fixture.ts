import type { InvestigationReport } from "./types";

/** A report holding personal data in every place an event can carry it, for tests of what leaves Bosun. */
export function reportWithPersonalData(): InvestigationReport {
  return {
    issue: {
      id: "6100000001",
      shortId: "WEB-1A",
      title: "TypeError: Cannot read properties of undefined (reading 'items') for grace@acme.test",
      culprit: "src/checkout/cart.ts in addItem",
      level: "error",
      status: "unresolved",
      permalink: "https://sentry.example/organizations/acme/issues/6100000001/",
      projectSlug: "web",
      eventCount: 5321,
      userCount: 1204,
      firstSeen: "2026-11-10T08:00:00Z",
      lastSeen: "2026-11-24T09:00:00Z",
      firstRelease: "2.14.0",
      lastRelease: "2.15.0",
    },
    latestEvent: {
      eventId: "0123456789abcdef0123456789abcdef",
      dateCreated: "2026-11-24T09:00:00Z",
      release: "2.15.0",
      environment: "production",
      exceptions: [
        {
          type: "TypeError",
          value: "Cannot read properties of undefined (reading 'items') (user ada@globex.test from 203.0.113.9)",
          mechanism: "onerror",
          handled: false,
          frames: [
            {
              filename: "node_modules/react-dom/cjs/react-dom.production.js",
              absPath: null,
              module: null,
              function: "commitRoot",
              lineNo: 5120,
              colNo: 7,
              inApp: false,
            },
            {
              filename: "src/api/orders/handler.ts",
              absPath: "/app/src/api/orders/handler.ts",
              module: null,
              function: "handleOrder",
              lineNo: 88,
              colNo: 12,
              inApp: true,
            },
            {
              filename: "src/checkout/cart.ts",
              absPath: "/app/src/checkout/cart.ts",
              module: null,
              function: "addItem",
              lineNo: 42,
              colNo: 9,
              inApp: true,
            },
          ],
        },
      ],
      breadcrumbs: [
        {
          timestamp: "2026-11-24T08:59:58Z",
          type: "http",
          category: "fetch",
          level: "info",
          message: null,
          data: [
            { key: "method", value: "GET" },
            { key: "url", value: "https://api.acme.test/cart?token=abc123secret&email=grace%40acme.test" },
          ],
        },
        {
          timestamp: "2026-11-24T08:59:59Z",
          type: "default",
          category: "console",
          level: "log",
          message: "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payloadpayload.signaturesig sent from 2001:db8::1",
          data: [],
        },
        {
          timestamp: "2026-11-24T09:00:00Z",
          type: "navigation",
          category: "navigation",
          level: "info",
          message: null,
          data: [
            { key: "from", value: "/cart" },
            { key: "to", value: "/checkout?session=xyz" },
          ],
        },
      ],
      request: { method: "POST", url: "https://shop.acme.test/checkout?api_key=k-999" },
      tags: [
        { key: "browser", value: "Chrome 131" },
        { key: "user.ip", value: "198.51.100.23" },
      ],
      user: { id: "u_grace", email: "grace@acme.test", ipAddress: "198.51.100.23" },
    },
    tags: [
      {
        key: "browser",
        name: "Browser",
        totalValues: 10,
        topValues: [
          { value: "Chrome 131", name: "Chrome 131", count: 7, lastSeen: null },
          { value: "Safari 18", name: "Safari 18", count: 3, lastSeen: null },
        ],
      },
      {
        key: "url",
        name: "URL",
        totalValues: 10,
        topValues: [
          { value: "https://shop.acme.test/checkout?email=ada@globex.test", name: "x", count: 10, lastSeen: null },
        ],
      },
    ],
    events: { last24h: [], last30d: [] },
    users: null,
    suspectCommits: [
      {
        id: "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
        message: "Cart: merge line items by SKU\n\nLonger body",
        author: { name: "Grace Hopper", email: "grace@acme.test" },
        dateCreated: "2026-11-09T10:00:00Z",
        release: "2.14.0",
        score: 5,
        source: "release-files",
        why: "In release 2.14.0: changed src/checkout/cart.ts, in-app frame 1 (addItem).",
      },
    ],
    suspectNote: "From the files changed in releases 2.14.0, 2.13.0.",
    similarIssues: [
      {
        id: "6100000002",
        shortId: "WEB-1B",
        title: "TypeError: items is undefined",
        culprit: "src/checkout/cart.ts in addItem",
        status: "resolved",
        eventCount: 12,
        lastSeen: "2026-11-01T00:00:00Z",
        reason: "culprit",
      },
    ],
    owners: {
      owners: [{ name: "Grace Hopper", email: "grace@acme.test" }],
      rule: "path:src/checkout/* grace@acme.test",
      because: "path:src/checkout/* matched src/checkout/cart.ts (the last matching rule)",
    },
    jira: null,
    gaps: [],
    generatedAt: "2026-11-24T09:05:00Z",
  };
}
