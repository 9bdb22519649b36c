import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { SENTRY_DEMO_AUTH_TOKEN } from "@/emulators/seed/world";
import { db } from "@/lib/db/client";
import {
  addTeamMemberAction,
  createTeamAction,
  importOwnershipAction,
  saveOwnershipRulesAction,
  testOwnershipRuleAction,
} from "./actions";

/** The ownership settings' actions, through orgAction, against a real database and the Sentry emulator. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_ownership",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  updateTag: () => undefined,
  revalidateTag: () => undefined,
}));

describe("ownership settings actions", () => {
  let sentry: RunningSentryEmulator;
  let acme: string;

  beforeAll(async () => {
    sentry = await startSentryEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "ownershipactions",
    seed: () => ({ urls: { sentry: sentry.url, jira: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    acme = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  afterAll(() => sentry.close());

  const storedRules = async (projectSlug: string) =>
    (
      await db.ownershipRuleSet.findUnique({
        where: { orgId_sentryProjectSlug: { orgId: acme, sentryProjectSlug: projectSlug } },
      })
    )?.raw;

  it("a member reads and tests but cannot change rules or teams", async () => {
    Object.assign(session, demoSession("linus"));
    const before = await storedRules("web");
    expect(
      await saveOwnershipRulesAction({ orgSlug: "acme", projectSlug: "web", raw: "path:* #platform" }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/does not allow this/),
    });
    expect(await createTeamAction({ orgSlug: "acme", slug: "x", name: "X" })).toMatchObject({ ok: false });
    expect(await importOwnershipAction({ orgSlug: "acme", projectSlug: "web" })).toMatchObject({ ok: false });
    expect(await storedRules("web")).toBe(before);
    const tested = await testOwnershipRuleAction({
      orgSlug: "acme",
      projectSlug: "web",
      raw: "path:* #payments",
      issue: "NOPE-1",
    });
    expect(tested).toEqual({ ok: false, error: "Sentry has no issue NOPE-1 in this organization." });
  });

  it("an outsider gets a 404 and changes nothing", async () => {
    Object.assign(session, demoSession("hedy"));
    const before = await storedRules("web");
    await expect(
      saveOwnershipRulesAction({ orgSlug: "acme", projectSlug: "web", raw: "path:* #cargo" }),
    ).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    await expect(
      testOwnershipRuleAction({ orgSlug: "acme", projectSlug: "web", raw: "", issue: "WEB-1" }),
    ).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    expect(await storedRules("web")).toBe(before);
  });

  it("a manager's save is refused with each unreadable line named as its own field", async () => {
    Object.assign(session, demoSession("grace"));
    const result = await saveOwnershipRulesAction({
      orgSlug: "acme",
      projectSlug: "web",
      raw: "path:src/* #platform\npth:src/* #platform\n# fine\npath:src/*",
    });
    expect(result).toEqual({
      ok: false,
      error: "2 lines cannot be read; nothing was saved.",
      fieldErrors: {
        "raw.2": 'unknown rule type "pth": use path, module, url, tags.<key> or codeowners',
        "raw.4": '"src/*" has no owners: add e-mails or #teams after it',
      },
    });
  });

  it("a manager saves rules, and the change is audited under the request", async () => {
    Object.assign(session, demoSession("grace"));
    const result = await saveOwnershipRulesAction({
      orgSlug: "acme",
      projectSlug: "web",
      raw: "path:src/* #platform\npath:src/checkout/* #payments",
    });
    expect(result).toEqual({ ok: true, data: { message: "Saved 2 rules for web.", warnings: [] } });
    expect(await storedRules("web")).toBe("path:src/* #platform\npath:src/checkout/* #payments");
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: acme, action: "ownership.rules_saved" } });
    expect(audit.actorLabel).toBe("grace@acme.test");
    expect(audit.requestId).toBeTruthy();
  });

  it("validates inputs and names the field", async () => {
    Object.assign(session, demoSession("ada"));
    expect(await createTeamAction({ orgSlug: "acme", slug: "Bad Slug!", name: "" })).toMatchObject({
      ok: false,
      fieldErrors: { slug: expect.any(String), name: "is required" },
    });
    expect(
      await testOwnershipRuleAction({ orgSlug: "acme", projectSlug: "web", raw: "", issue: "not an id" }),
    ).toMatchObject({ ok: false, fieldErrors: { issue: expect.stringContaining("short id") } });
    const globexUser = await db.user.findUniqueOrThrow({ where: { email: "alan@globex.test" } });
    const team = await db.team.findFirstOrThrow({ where: { orgId: acme, slug: "payments" } });
    expect(await addTeamMemberAction({ orgSlug: "acme", teamId: team.id, userId: globexUser.id })).toMatchObject({
      ok: false,
    });
  });

  it("imports from Sentry and tests the imported rules against a real issue", async () => {
    Object.assign(session, demoSession("ada"));
    const imported = await importOwnershipAction({ orgSlug: "acme", projectSlug: "api" });
    expect(imported).toMatchObject({ ok: true, data: { message: expect.stringMatching(/^Imported 4 rules for api/) } });
    const token = `Bearer ${SENTRY_DEMO_AUTH_TOKEN}`;
    const issues = (await (
      await fetch(`${sentry.url}/api/0/organizations/acme/issues/?query=is:unresolved&limit=100`, {
        headers: { authorization: token },
      })
    ).json()) as { shortId: string; project: { slug: string } }[];
    const api = issues.find((i) => i.project.slug === "api");
    if (!api) throw new Error("the demo has no api issue");
    const raw = (await storedRules("api")) ?? "";
    const tested = await testOwnershipRuleAction({ orgSlug: "acme", projectSlug: "api", raw, issue: api.shortId });
    expect(tested).toMatchObject({ ok: true, data: { sentence: expect.stringMatching(/^This issue would go to/) } });
    if (tested.ok) expect(tested.data.facts[0]).toMatch(/^In-app frames: /);
  });
});
