import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { CalendarForm } from "./calendar-form";

vi.mock("./calendar-actions", () => ({ updateCalendarSettingsAction: async () => ({ ok: true, data: null }) }));

const ZONES = ["UTC", "America/New_York", "Europe/Berlin"];

describe("CalendarForm", () => {
  it("offers the server's zones in a labelled menu with the saved one chosen", () => {
    const html = renderToStaticMarkup(<CalendarForm orgSlug="acme" initial="Europe/Berlin" zones={ZONES} canEdit />);
    expect(html).toMatch(/<label[^>]*>Time zone<select[^>]*name="timeZone"/);
    expect(html.match(/<option /g)).toHaveLength(ZONES.length);
    expect(html).toContain('<option value="Europe/Berlin" selected="">Europe/Berlin</option>');
    expect(html).toContain("Save time zone");
    expect(html).not.toContain("Only admins");
  });

  it("shows a non-admin the zone read-only, without a save button", () => {
    const html = renderToStaticMarkup(<CalendarForm orgSlug="acme" initial="UTC" zones={ZONES} canEdit={false} />);
    expect(html).toMatch(/<fieldset disabled=""/);
    expect(html).not.toContain("Save time zone");
    expect(html).toContain("Only admins can change these settings.");
  });
});
