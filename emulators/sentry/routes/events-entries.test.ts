import { describe, expect, it } from "vitest";
import type { SentryEvent } from "../../seed/sentry-types";
import { breadcrumbsEntry, breadcrumbsFromPayload, requestEntry, requestFromPayload } from "./events-entries";

describe("ingested breadcrumbs and request", () => {
  it("keeps SDK breadcrumbs given as a list or as {values}, dropping crumbs without a time", () => {
    const crumb = { timestamp: 1763636399.5, category: "fetch", data: { url: "/api" } };
    expect(breadcrumbsFromPayload({ breadcrumbs: [crumb, { message: "no time" }, "x"] })).toEqual([
      { timestamp: 1763636399.5, category: "fetch", data: { url: "/api" } },
    ]);
    expect(
      breadcrumbsFromPayload({ breadcrumbs: { values: [{ ...crumb, timestamp: "2025-11-20T10:59:59.500Z" }] } }),
    ).toEqual([{ timestamp: 1763636399.5, category: "fetch", data: { url: "/api" } }]);
    expect(breadcrumbsFromPayload({})).toBeUndefined();
  });

  it("reads the request with headers, query string and cookies as objects, pairs or text", () => {
    expect(
      requestFromPayload({
        request: {
          url: "https://app.example/cart",
          method: "POST",
          query_string: [["token", "abc"]],
          headers: { Authorization: "Bearer x" },
          cookies: { session: "s1" },
        },
      }),
    ).toEqual({
      url: "https://app.example/cart",
      method: "POST",
      query_string: "token=abc",
      headers: { Authorization: "Bearer x" },
      cookies: "session=s1",
    });
    expect(requestFromPayload({ request: "nope" })).toBeUndefined();
  });
});

describe("event detail entries", () => {
  const event = {
    breadcrumbs: [{ timestamp: 1763636399.5, category: "console", message: "hi" }],
    request: {
      url: "https://api.example/x",
      method: "GET",
      query_string: "a=1&b",
      headers: { Cookie: "s=1; t=2", Accept: "*/*" },
    },
  } as unknown as SentryEvent;

  it("serializes breadcrumbs with ISO times and defaults", () => {
    expect(breadcrumbsEntry(event)).toEqual({
      type: "breadcrumbs",
      data: {
        values: [
          {
            type: "default",
            category: "console",
            level: "info",
            message: "hi",
            data: null,
            timestamp: "2025-11-20T10:59:59.500Z",
            event_id: null,
          },
        ],
      },
    });
    expect(breadcrumbsEntry({ ...event, breadcrumbs: [] })).toBeNull();
  });

  it("serializes the request's query, headers and cookies as pairs", () => {
    expect(requestEntry(event)?.data).toMatchObject({
      url: "https://api.example/x",
      method: "GET",
      query: [
        ["a", "1"],
        ["b", ""],
      ],
      headers: [
        ["Accept", "*/*"],
        ["Cookie", "s=1; t=2"],
      ],
      cookies: [
        ["s", "1"],
        ["t", "2"],
      ],
    });
    expect(requestEntry({ ...event, request: null })).toBeNull();
  });
});
