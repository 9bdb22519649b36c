import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { renderStreamedPanel } from "@/test/streamed";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import * as page from "./page";
import { ReportPanel } from "./report-panel";

/** A Sentry issue's investigation page over the emulator, for a member of the org, and for nobody else. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_investigation",
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

describe("a Sentry issue's investigation page", () => {
  let sentry: RunningSentryEmulator;
  beforeAll(async () => {
    sentry = await startSentryEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "investigationpage",
    seed: () => ({ urls: { sentry: sentry.url, jira: "http://127.0.0.1:1" } }),
  });
  beforeAll(() => {
    Object.assign(session, demoSession("linus"));
  });
  afterAll(async () => {
    await sentry.close();
  });

  const view = (issueId: string, orgSlug = "acme") => page.default({ params: Promise.resolve({ orgSlug, issueId }) });

  it("shows the latest event's frames, the suspect commit with its author, tags, breadcrumbs and owners", async () => {
    const org = sentry.store.org("acme")!;
    const issue = org.data.issues.find((i) => org.projectById.get(i.projectId)?.slug === "web" && i.firstRelease)!;
    const html = await renderStreamedPanel(await view(issue.id), ReportPanel);
    expect(html).toContain(issue.shortId);
    expect(html).toContain("Exception and stack trace");
    expect(html).toContain(String(issue.metadata.filename));
    expect(html).toContain("in app");
    expect(html).toContain("node_modules/react-dom/cjs/react-dom-client.production.js");
    expect(html).toMatch(/Suspect commits.*<span class="font-mono text-xs">[0-9a-f]{12}<\/span>/s);
    expect(html).toContain("Browser breakdown");
    expect(html).toContain("Breadcrumbs before the error");
    expect(html).toContain("Owners");
    expect(html).toContain("No Jira ticket is linked to this issue yet.");
  });

  it("is not found for an issue Sentry does not know, an id that is not numeric, or an org the member is not in", async () => {
    await expect(view("999999999999")).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(view("WEB-1")).rejects.toThrow("NEXT_NOT_FOUND");
    const org = sentry.store.org("acme")!;
    await expect(view(org.data.issues[0]!.id, "globex")).rejects.toThrow("NEXT_NOT_FOUND");
  });
});
