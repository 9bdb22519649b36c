import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { renderStreamedPanel } from "@/test/streamed";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { FeedbackPanel } from "@/components/feedback/feedback-list";
import * as listPage from "./page";
import * as releasePage from "./[version]/page";
import { ReleasesPanel } from "./releases-panels";
import { ScorecardPanel } from "./scorecard-card";

/**
 * The releases list and a release's page as the server renders them, over the Sentry emulator's seeded world: the
 * deliberate slowdown and crash regression of 2.14.0 are both flagged with their reasons, and the release's user
 * feedback lists the complaints about slowness.
 */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_releases_page",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));

const rowOf = (html: string, version: string) => {
  const start = html.indexOf(`>${version}</a>`);
  return html.slice(start, html.indexOf("</tr>", start));
};
const LCP_REASON = /p75 LCP [\d.]+ s vs [\d.]+ s in 2\.13\.0, \+\d+%, [\d.]+k? page loads/;

describe("release scorecards against the Sentry emulator", () => {
  let sentry: RunningSentryEmulator;
  beforeAll(async () => {
    sentry = await startSentryEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "releasespage",
    seed: () => ({ urls: { sentry: sentry.url, jira: "http://127.0.0.1:1" } }),
  });
  beforeAll(() => {
    Object.assign(session, demoSession("linus"));
  });
  afterAll(async () => {
    await sentry.close();
  });

  it("the releases list flags 2.14.0 for both the crash-free and the performance regression, with the reasons", async () => {
    const tree = await listPage.default({
      params: Promise.resolve({ orgSlug: "acme" }),
      searchParams: Promise.resolve({}),
    });
    const html = await renderStreamedPanel(tree, ReleasesPanel);
    const row = rowOf(html, "2.14.0");
    expect(row.match(/>Regression</g)).toHaveLength(1);
    expect(row).toMatch(/Crash-free:<\/span> crash-free sessions/);
    expect(row).toMatch(new RegExp(`Performance:</span> ${LCP_REASON.source}`));
    expect(rowOf(html, "2.13.0")).not.toContain(">Regression<");
  });

  it("the release page shows the scorecard against 2.13.0 and the release's feedback, searchable", async () => {
    const view = (search: Record<string, string>) =>
      releasePage.default({
        params: Promise.resolve({ orgSlug: "acme", version: "2.14.0" }),
        searchParams: Promise.resolve(search),
      });
    const tree = await view({});
    const scorecard = await renderStreamedPanel(tree, ScorecardPanel);
    expect(scorecard).toContain("Scorecard vs 2.13.0");
    expect(scorecard).toMatch(LCP_REASON);
    expect(scorecard).toMatch(/User feedback<\/th><td[^>]*>[1-9]/);

    const feedback = await renderStreamedPanel(tree, FeedbackPanel);
    expect(feedback).toMatch(/User feedback on 2\.14\.0 \([1-9]\d*\)/);
    expect(feedback).toMatch(/slow/i);
    const searched = await renderStreamedPanel(await view({ feedback: "zzz-nothing-says-this" }), FeedbackPanel);
    expect(searched).toContain("No feedback mentions “zzz-nothing-says-this”.");
  });
});
