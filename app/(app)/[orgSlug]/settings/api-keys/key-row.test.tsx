import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { ViewerTime } from "@/components/ui/local-time";
import { KeyRow, type KeyRowData } from "./key-row";

vi.mock("./actions", () => ({ revokeApiKeyAction: async () => ({ ok: true, data: null }) }));

/** A viewer in Berlin on 3 Dec 2026 at 15:00 local time. */
const time: ViewerTime = { zone: { id: "Europe/Berlin", isFallback: false }, now: new Date("2026-12-03T14:00:00Z") };

const key = (overrides: Partial<KeyRowData> = {}): KeyRowData => ({
  id: "key_1",
  name: "CI bot",
  prefix: "bsn_abcd",
  scope: "read",
  role: "manager",
  createdBy: { name: "Ada", email: "ada@acme.test" },
  createdAt: "2026-12-01T09:00:00.000Z",
  lastUsedAt: "2026-12-03T12:00:00.000Z",
  revokedAt: null,
  ...overrides,
});

const render = (apiKey: KeyRowData) =>
  renderToStaticMarkup(
    <table>
      <tbody>
        <KeyRow orgSlug="acme" apiKey={apiKey} time={time} />
      </tbody>
    </table>,
  );

describe("KeyRow", () => {
  it("shows when the key was made and last used in the viewer's zone, relative and absolute", () => {
    const html = render(key());
    expect(html).toContain('dateTime="2026-12-01T09:00:00.000Z"');
    expect(html).toContain("1 Dec 10:00");
    expect(html).toContain("2 h ago");
    expect(html).toContain("3 Dec 13:00");
    expect(html).toContain("active");
    expect(html).toContain("Revoke");
  });

  it("says a key was never used, and when a revoked key was revoked, with no way to revoke it again", () => {
    const html = render(key({ lastUsedAt: null, revokedAt: "2026-12-02T16:30:00.000Z" }));
    expect(html).toContain("never");
    expect(html).toContain("revoked");
    expect(html).toContain('dateTime="2026-12-02T16:30:00.000Z"');
    expect(html).toContain("2 Dec 17:30");
    expect(html).not.toContain("Revoke<");
  });
});
