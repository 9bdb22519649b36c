import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TimeZoneScript, getViewerTime } from "./tz-script";

describe("TimeZoneScript", () => {
  it("carries the nonce and writes the browser's zone to the tz cookie", () => {
    const html = renderToStaticMarkup(<TimeZoneScript nonce="n0nce" />);
    expect(html).toContain('nonce="n0nce"');
    expect(html).toContain("resolvedOptions().timeZone");
    expect(html).toContain('document.cookie="tz="');
    expect(html).toContain("samesite=lax");
  });
});

describe("getViewerTime", () => {
  it("outside a request there is no cookie: times are in UTC, labelled as a fallback", async () => {
    const { zone, now } = await getViewerTime();
    expect(zone).toEqual({ id: "UTC", isFallback: true });
    expect(now).toBeInstanceOf(Date);
  });
});
