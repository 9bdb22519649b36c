import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { startCountingProxy } from "@/test/counting-proxy";
import { useSeededDatabase } from "@/test/fixtures/database";
import { renderStreamedPanel, settleStreamedProps } from "@/test/streamed";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { SprintsPanel } from "@/components/overview/sprints-panel";
import { ReleasesPanel } from "@/components/overview/releases-panel";
import * as page from "./page";

/** The Overview page run as the server runs it, counting its requests to the Jira and Sentry emulators. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_overview_page",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));

describe("overview page", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let jiraProxy: Awaited<ReturnType<typeof startCountingProxy>>;
  let sentryProxy: Awaited<ReturnType<typeof startCountingProxy>>;

  beforeAll(async () => {
    [jira, sentry] = await Promise.all([startJiraEmulator({ port: 0 }), startSentryEmulator({ port: 0 })]);
    [jiraProxy, sentryProxy] = await Promise.all([startCountingProxy(jira.url), startCountingProxy(sentry.url)]);
  });
  useSeededDatabase({
    label: "overviewpage",
    seed: () => ({ urls: { jira: jiraProxy.url, sentry: sentryProxy.url } }),
  });
  afterAll(async () => {
    await Promise.all([jiraProxy.close(), sentryProxy.close()]);
    await Promise.all([jira.close(), sentry.close()]);
  });

  const view = () => page.default({ params: Promise.resolve({ orgSlug: "acme" }) });
  const requests = () => jiraProxy.count() + sentryProxy.count();
  const reset = () => {
    jiraProxy.reset();
    sentryProxy.reset();
  };

  it("a manager's cold view reads Jira and Sentry; a warm one asks neither, and its panels still render", async () => {
    Object.assign(session, demoSession("grace"));
    reset();
    await settleStreamedProps(await view());
    expect(jiraProxy.count()).toBeGreaterThan(0);
    expect(sentryProxy.count()).toBeGreaterThan(0);

    reset();
    const warm = await view();
    await settleStreamedProps(warm);
    expect(requests()).toBe(0);
    expect(await renderStreamedPanel(warm, SprintsPanel)).toContain('href="/acme/sprints?board=');
    expect(await renderStreamedPanel(warm, ReleasesPanel)).toContain("Crash-free sessions");
  }, 120_000);

  it("another org's member gets the same not-found as a missing org, and neither service is asked", async () => {
    Object.assign(session, demoSession("hedy"));
    reset();
    await expect(view()).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    expect(requests()).toBe(0);
  });
});
