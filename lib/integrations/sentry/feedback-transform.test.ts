import { describe, expect, it } from "vitest";
import { feedbackQuery, searchValue, toUserFeedback } from "./feedback-transform";

const issue = {
  id: "901",
  shortId: "WEB-FB-1",
  title: "User Feedback: The checkout is so slow",
  status: "unresolved",
  permalink: "https://sentry.example/issues/901/",
  firstSeen: "2026-12-01T10:00:00Z",
  issueCategory: "feedback",
  project: { id: "2", slug: "web" },
  metadata: {
    title: "User Feedback",
    value: "The checkout is so slow since yesterday",
    message: "The checkout is so slow since yesterday",
    name: "Ada",
    contact_email: "ada@example.com",
    source: "new_feedback_envelope",
    summary: "The checkout is so slow",
    associated_event_id: "abc123",
  },
};

describe("toUserFeedback", () => {
  it("reads the message, who sent it and the linked event from the metadata", () => {
    expect(toUserFeedback(issue, "2.14.0")).toEqual({
      id: "901",
      shortId: "WEB-FB-1",
      message: "The checkout is so slow since yesterday",
      name: "Ada",
      contactEmail: "ada@example.com",
      source: "new_feedback_envelope",
      associatedEventId: "abc123",
      projectSlug: "web",
      release: "2.14.0",
      status: "unresolved",
      firstSeen: "2026-12-01T10:00:00Z",
      permalink: "https://sentry.example/issues/901/",
    });
  });

  it("falls back to the title without its prefix, and leaves out what is not feedback", () => {
    expect(toUserFeedback({ ...issue, metadata: null })?.message).toBe("The checkout is so slow");
    expect(toUserFeedback({ ...issue, metadata: null })?.release).toBeNull();
    expect(toUserFeedback({ ...issue, issueCategory: "error" })).toBeNull();
    expect(toUserFeedback({ id: 1 })).toBeNull();
  });
});

describe("feedbackQuery", () => {
  it("always names the feedback category, which Sentry's default search hides", () => {
    expect(feedbackQuery({})).toBe("issue.category:feedback");
  });

  it("adds the release, the linked events and the text, quoting what needs it", () => {
    expect(feedbackQuery({ release: "2.14.0", eventIds: ["a1", "b2"], text: " slow checkout " })).toBe(
      "issue.category:feedback release:2.14.0 associated_event_id:[a1,b2] slow checkout",
    );
    expect(feedbackQuery({ release: "web@2.14.0 beta" })).toBe('issue.category:feedback release:"web@2.14.0 beta"');
    expect(feedbackQuery({ text: "is:resolved" })).toBe('issue.category:feedback "is:resolved"');
  });

  it("escapes quotes inside a quoted value", () => {
    expect(searchValue('say "hi"')).toBe('"say \\"hi\\""');
  });
});
