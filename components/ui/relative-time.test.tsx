import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { documentAgeMs, phraseAt, RelativeTime, TICK_MS } from "./relative-time";

const renderedAt = "2026-12-04T10:00:00.000Z";
const fetchedAt = "2026-12-04T09:57:10.000Z"; // 2 min 50 s before the render

describe("RelativeTime", () => {
  it("says on the server what the server saw", () => {
    expect(renderToStaticMarkup(<RelativeTime at={fetchedAt} renderedAt={renderedAt} kind="age" />)).toBe("3 min ago");
    expect(renderToStaticMarkup(<RelativeTime at={fetchedAt} renderedAt={renderedAt} kind="relative" />)).toBe(
      "3 min ago",
    );
    expect(
      renderToStaticMarkup(<RelativeTime at="2026-12-04T07:59:00.000Z" renderedAt={renderedAt} kind="relative" />),
    ).toBe("2 h ago");
  });

  it("counts on from the render in the browser, once half a minute or more has gone by", () => {
    expect(phraseAt("age", fetchedAt, renderedAt, TICK_MS - 1)).toBe("3 min ago");
    expect(phraseAt("age", fetchedAt, renderedAt, 40_000)).toBe("4 min ago");
    expect(phraseAt("age", renderedAt, renderedAt, 0)).toBe("just now");
    expect(phraseAt("age", renderedAt, renderedAt, 12 * 60_000)).toBe("12 min ago");
    expect(phraseAt("relative", "2026-12-04T07:59:00.000Z", renderedAt, 61 * 60_000)).toBe("3 h ago");
  });

  it("takes a kept render's age from its Server-Timing, and none outside a browser", () => {
    expect(documentAgeMs({ serverTiming: [{ name: "age", duration: 25_000 }] }, 1_200)).toBe(26_200);
    expect(documentAgeMs({ serverTiming: [{ name: "db", duration: 9 }] }, 1_200)).toBe(1_200);
    expect(documentAgeMs({}, 300)).toBe(300);
    expect(documentAgeMs(undefined, 300)).toBe(0);
  });
});
