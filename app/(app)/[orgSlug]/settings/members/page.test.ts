import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { startCountingProxy } from "@/test/counting-proxy";
import { settleStreamedProps } from "@/test/streamed";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningWorkosEmulator, startWorkosEmulator } from "@/emulators/workos";
import * as page from "./page";
import { db } from "@/lib/db/client";

/** The members page's data loading, run as the server runs it, against the Jira and WorkOS emulators. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_members_page",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

describe("members page", () => {
  let jira: JiraEmulator;
  let workos: RunningWorkosEmulator;
  let proxy: Awaited<ReturnType<typeof startCountingProxy>>;

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
    proxy = await startCountingProxy(jira.url);
    workos = await startWorkosEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "memberspage",
    seed: () => ({ urls: { jira: proxy.url, sentry: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    setTestEnv({ WORKOS_API_PORT: String(workos.port) });
  });
  afterAll(async () => {
    restoreTestEnv();
    await proxy.close();
    await jira.close();
    await workos.close();
  });

  it("makes one Jira search for N deactivated members, and none on the next view while it is fresh", async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "acme" } });
    const leavers = await db.membership.findMany({
      where: { orgId: org.id, role: { not: "admin" }, jiraAccountId: { not: null } },
      take: 4,
    });
    expect(leavers.length).toBe(4);
    await db.membership.updateMany({
      where: { id: { in: leavers.map((m) => m.id) } },
      data: { status: "deactivated" },
    });
    Object.assign(session, demoSession("ada"));

    proxy.reset();
    await settleStreamedProps(await page.default({ params: Promise.resolve({ orgSlug: "acme" }) }));
    expect(proxy.count()).toBe(1);

    proxy.reset();
    await settleStreamedProps(await page.default({ params: Promise.resolve({ orgSlug: "acme" }) }));
    expect(proxy.count()).toBe(0);
  });
});
