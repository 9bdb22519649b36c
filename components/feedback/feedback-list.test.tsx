import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ViewerTime } from "@/components/ui/local-time";
import type { UserFeedback, UserFeedbackList } from "@/lib/features/performance";
import { FeedbackPanel } from "./feedback-list";

const item = (id: string, overrides: Partial<UserFeedback> = {}): UserFeedback => ({
  id,
  shortId: `WEB-FB-${id}`,
  message: `Feedback ${id}`,
  name: null,
  contactEmail: null,
  source: "new_feedback_envelope",
  associatedEventId: null,
  projectSlug: "web",
  release: null,
  status: "unresolved",
  firstSeen: "2026-11-20T09:00:00Z",
  permalink: `https://sentry.example/feedback/${id}`,
  ...overrides,
});
/** A viewer in Berlin, a fortnight after the feedback came in. */
const time: ViewerTime = { zone: { id: "Europe/Berlin", isFallback: false }, now: new Date("2026-12-03T14:00:00Z") };
const ok = (items: UserFeedback[], isComplete = true): Promise<UserFeedbackList> =>
  Promise.resolve({ status: "ok", items, isComplete, fetchedAt: new Date(), stale: false, error: null });

describe("FeedbackPanel", () => {
  it("lists feedback in the order read (newest first) with who sent it, the linked event and the release", async () => {
    const html = renderToStaticMarkup(
      await FeedbackPanel({
        title: "User feedback on 2.14.0",
        query: "",
        release: "2.14.0",
        time,
        list: ok([
          item("2", {
            message: "The berth map is so slow since the update",
            name: "Ada",
            contactEmail: "ada@example.com",
            associatedEventId: "a1b2c3d4e5f60718293a4b5c6d7e8f90",
            firstSeen: "2026-11-21T10:30:00Z",
          }),
          item("1", { release: "2.14.0-hotfix" }),
        ]),
      }),
    );
    expect(html).toContain("User feedback on 2.14.0 (2)");
    expect(html.indexOf("so slow")).toBeLessThan(html.indexOf("Feedback 1"));
    expect(html).toContain("Ada &lt;ada@example.com&gt;");
    // When it came in, in the viewer's zone (11:30 in Berlin), with the instant itself for machines.
    expect(html).toContain('dateTime="2026-11-21T10:30:00.000Z"');
    expect(html).toContain("21 Nov 11:30");
    expect(html).toMatch(/event <span class="font-mono">a1b2c3d4e5f6<\/span>/);
    expect(html).toMatch(/release <span class="font-mono">2.14.0<\/span>/);
    // An item that knows its own release shows it rather than the list's.
    expect(html).toMatch(/release <span class="font-mono">2.14.0-hotfix<\/span>/);
    expect(html).toContain("no linked event");
    expect(html).toContain('name="feedback"');
  });

  it("says what the search found nothing for, and marks an incomplete count", async () => {
    const empty = renderToStaticMarkup(await FeedbackPanel({ title: "User feedback", query: "slow", list: ok([]) }));
    expect(empty).toContain("No feedback mentions “slow”.");
    expect(empty).toContain("clear the search");
    expect(empty).toContain('role="status"');
    const none = renderToStaticMarkup(await FeedbackPanel({ title: "User feedback", query: "", list: ok([]) }));
    expect(none).toContain("Nobody has sent feedback here yet.");
    expect(none).toContain("feedback widget");
    expect(empty).toContain('value="slow"');
    const many = renderToStaticMarkup(
      await FeedbackPanel({ title: "User feedback", query: "", list: ok([item("1")], false) }),
    );
    expect(many).toContain("User feedback (1+)");
  });

  it("keeps the page's other filters in the search form", async () => {
    const html = renderToStaticMarkup(
      await FeedbackPanel({ title: "User feedback", query: "", list: ok([]), hidden: { shortId: "WEB-1A" } }),
    );
    expect(html).toContain('<input type="hidden" name="shortId" value="WEB-1A"/>');
  });

  it("says why Sentry could not be read", async () => {
    const html = renderToStaticMarkup(
      await FeedbackPanel({ title: "User feedback", query: "", list: Promise.resolve({ status: "not-connected" }) }),
    );
    expect(html).toContain("Connect Sentry in Settings → Integrations to see user feedback.");
  });
});
