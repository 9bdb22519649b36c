import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { renderStreamedPanel } from "@/test/streamed";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { FeedbackPanel } from "@/components/feedback/feedback-list";
import * as page from "./page";

/** A Sentry issue's feedback page over the emulator: the feedback sent with the issue's own events, and no other. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_issue_feedback",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));

describe("a Sentry issue's feedback page", () => {
  let sentry: RunningSentryEmulator;
  beforeAll(async () => {
    sentry = await startSentryEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "issuefeedback",
    seed: () => ({ urls: { sentry: sentry.url, jira: "http://127.0.0.1:1" } }),
  });
  beforeAll(() => {
    Object.assign(session, demoSession("linus"));
  });
  afterAll(async () => {
    await sentry.close();
  });

  const view = (issueId: string, search: Record<string, string> = {}) =>
    page.default({ params: Promise.resolve({ orgSlug: "acme", issueId }), searchParams: Promise.resolve(search) });

  it("lists the feedback sent with the issue's events, with the linked event", async () => {
    // An error issue of the seed that a user wrote feedback about, and that feedback, from the emulator's own data.
    const org = sentry.store.org("acme")!;
    const linked = new Map(
      org.data.feedback
        .filter((f) => typeof f.metadata.associated_event_id === "string")
        .map((f) => [f.metadata.associated_event_id as string, f]),
    );
    const issue = org.data.issues.find((i) => sentry.store.events(org, i).some((e) => linked.has(e.eventId)));
    expect(issue, "an issue with feedback").toBeDefined();
    const expected = org.data.feedback.filter((f) =>
      sentry.store.events(org, issue!).some((e) => e.eventId === f.metadata.associated_event_id),
    );

    const html = await renderStreamedPanel(await view(issue!.id, { shortId: issue!.shortId }), FeedbackPanel);
    expect(html).toContain(`User feedback (${expected.length})`);
    for (const feedback of expected) expect(html).toContain(String(feedback.metadata.message).slice(0, 30));
    expect(html).toContain(
      `event <span class="font-mono">${String(expected[0]!.metadata.associated_event_id).slice(0, 12)}`,
    );
  });

  it("is not found for an id that is not Sentry's numeric issue id", async () => {
    await expect(view("WEB-1")).rejects.toThrow("NEXT_NOT_FOUND");
  });
});
