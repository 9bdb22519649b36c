import { describe, expect, it } from "vitest";
import { acceptsGzip, dashboardPageRequest } from "./page-requests";

const browser = { host: "bosun.test", cookie: "wos-session=abc; tz=Europe/Berlin", "accept-encoding": "gzip, br" };

describe("dashboardPageRequest", () => {
  it("takes a browser's GET of the overview, sprints, errors, releases and performance pages", () => {
    for (const url of ["/acme", "/acme/sprints", "/acme/errors?period=24h", "/acme/releases", "/acme/performance"])
      expect(dashboardPageRequest("GET", url, browser), url).toMatchObject({ orgSlug: "acme", acceptsGzip: true });
  });

  it("takes the Insights pages a manager reads: delivery, sprints, forecasts and quality", () => {
    for (const url of [
      "/acme/insights?days=90",
      "/acme/insights/sprints",
      "/acme/insights/forecasts",
      "/acme/insights/quality",
    ])
      expect(dashboardPageRequest("GET", url, browser), url).toMatchObject({ orgSlug: "acme" });
    // The printable report and a board's sprint reports are opened once, not reloaded.
    for (const url of [
      "/acme/insights/report",
      "/acme/insights/sprints/12",
      "/acme/insights/",
      "/acme/sprints/insights",
    ])
      expect(dashboardPageRequest("GET", url, browser), url).toBeNull();
  });

  it("leaves other pages, methods, router fetches and cookie-less requests alone", () => {
    expect(dashboardPageRequest("POST", "/acme/errors", browser)).toBeNull();
    expect(dashboardPageRequest("HEAD", "/acme/errors", browser)).toBeNull();
    for (const url of ["/acme/settings", "/acme/sprints/plan", "/acme/errors/", "/Acme/errors", "/", "/api/health"])
      expect(dashboardPageRequest("GET", url, browser), url).toBeNull();
    expect(dashboardPageRequest("GET", "/acme/errors?_rsc=1x", browser)).toBeNull();
    for (const header of ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action"])
      expect(dashboardPageRequest("GET", "/acme/errors", { ...browser, [header]: "1" }), header).toBeNull();
    expect(dashboardPageRequest("GET", "/acme/errors", { host: "bosun.test" })).toBeNull();
  });

  it("gives the same key only for the same host, URL and cookies", () => {
    const key = (url: string, headers: Record<string, string>) => dashboardPageRequest("GET", url, headers)?.key;
    const base = key("/acme/errors", browser);
    expect(key("/acme/errors", { ...browser, "accept-encoding": "" })).toBe(base);
    expect(key("/acme/errors?q=x", browser)).not.toBe(base);
    expect(key("/acme/errors", { ...browser, cookie: "wos-session=abd; tz=Europe/Berlin" })).not.toBe(base);
    expect(key("/acme/errors", { ...browser, cookie: "wos-session=abc; tz=UTC" })).not.toBe(base);
    expect(key("/acme/errors", { ...browser, host: "other.test" })).not.toBe(base);
  });
});

describe("acceptsGzip", () => {
  it("reads Accept-Encoding, q=0 included", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
