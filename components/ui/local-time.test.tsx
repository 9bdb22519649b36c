import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LocalDay, LocalTime } from "./local-time";

const now = new Date("2026-12-03T14:00:00Z");

describe("LocalTime", () => {
  it("shows the relative and the absolute time in the viewer's zone, with the instant in dateTime", () => {
    const html = renderToStaticMarkup(
      <LocalTime
        at={new Date("2026-12-03T12:05:00Z")}
        time={{ zone: { id: "Europe/Berlin", isFallback: false }, now }}
      />,
    );
    expect(html).toContain('dateTime="2026-12-03T12:05:00.000Z"');
    expect(html).toContain("2 h ago");
    expect(html).toContain(" · 3 Dec 13:05");
  });

  it("labels fallback times UTC and accepts ISO strings", () => {
    const html = renderToStaticMarkup(
      <LocalTime at="2026-12-03T12:05:00Z" time={{ zone: { id: "UTC", isFallback: true }, now }} stacked />,
    );
    expect(html).toContain("3 Dec 12:05 UTC");
    expect(html).toContain('class="block text-xs');
  });
});

describe("LocalDay", () => {
  it("shows the calendar day in the given zone", () => {
    const html = renderToStaticMarkup(
      <LocalDay at={new Date("2026-12-02T23:30:00Z")} zone={{ id: "Asia/Tokyo", isFallback: false }} />,
    );
    expect(html).toContain(">3 Dec 2026</time>");
  });
});
