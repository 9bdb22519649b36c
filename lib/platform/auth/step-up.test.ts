import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { JIRA_DEMO_API_TOKEN, SENTRY_DEMO_AUTH_TOKEN } from "@/lib/platform/config/demo";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { type RunningWorkosEmulator, startWorkosEmulator, totp } from "@/emulators/workos";
import { buildWorld } from "@/emulators/seed/world";
import type * as MfaActions from "@/app/(auth)/mfa/actions";
import type * as PlanActions from "@/app/(app)/[orgSlug]/sprints/plan/actions";
import type * as TicketActions from "@/app/(app)/[orgSlug]/tickets/new/actions";
import type * as ErrorActions from "@/app/(app)/[orgSlug]/errors/actions";
import type * as NotesActions from "@/app/(app)/[orgSlug]/releases/[version]/notes/actions";
import type * as MemberActions from "@/app/(app)/[orgSlug]/settings/members/actions";
import type * as ApiKeyActions from "@/app/(app)/[orgSlug]/settings/api-keys/actions";
import { db } from "@/lib/db/client";

/**
 * Step-up before bulk writes, through the real actions: a real database, the
 * Jira, Sentry and WorkOS emulators, and only the AuthKit session swapped in.
 * Acme requires MFA; ada's session passed a code once, longer ago than the
 * 15 minutes a bulk write accepts, and steps up on /mfa as the prompt says.
 */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, updateTag: () => undefined }));

const world = buildWorld();
const person = (key: string) => world.people.find((p) => p.key === key)!;
const orgOf = (slug: string) => world.orgs.find((o) => o.slug === slug)!;
const ADA_SECRET = "ONSWG4TFORZWK3DPONSWG4TFOQ";
const SESSION = "session_ada_stepup";

type Result = { ok: boolean; error?: string; stepUp?: { url: string } };

/** The path a redirect() thrown by an action points at. */
async function redirectTarget(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { digest?: string },
  );
  const match = /^NEXT_REDIRECT;\w+;([^;]+);/.exec(error?.digest ?? "");
  if (!match) throw new Error(`expected a redirect, got ${String(error)}`);
  return match[1]!;
}

describe("finding 2 (MFA): step-up before bulk writes", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let workos: RunningWorkosEmulator;
  let mfa: typeof MfaActions;
  let plan: typeof PlanActions;
  let tickets: typeof TicketActions;
  let errors: typeof ErrorActions;
  let notes: typeof NotesActions;
  let members: typeof MemberActions;
  let apiKeys: typeof ApiKeyActions;

  const signInAs = (key: string, org: string, sessionId: string) => {
    session.user = { id: person(key).workosUserId, email: person(key).email };
    session.sessionId = sessionId;
    session.organizationId = orgOf(org).workosOrgId;
  };
  /** ada's session as it is after a code entered `minutes` ago. */
  const verifiedMinutesAgo = (minutes: number) =>
    db.userSession.update({
      where: { workosSessionId: SESSION },
      data: { mfaVerified: true, mfaVerifiedAt: new Date(Date.now() - minutes * 60_000) },
    });

  /** The action refused with a step-up prompt back to `page`, and did nothing. */
  const expectStepUp = (result: Result, page: string) => {
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/code from your authenticator app.*15 minutes/),
      stepUp: { url: `/mfa?org=acme&returnTo=${encodeURIComponent(page)}` },
    });
  };
  /** Follows the prompt: a code on /mfa, which sends the browser back to the page. */
  const stepUp = async (result: Result) => {
    const returnTo = new URL(result.stepUp!.url, "http://bosun.invalid").searchParams.get("returnTo")!;
    expect(await redirectTarget(mfa.verifyMfaCodeAction({ orgSlug: "acme", code: totp(ADA_SECRET), returnTo }))).toBe(
      returnTo,
    );
  };
  const jiraApi = async <T>(path: string): Promise<T> =>
    (
      await fetch(`${jira.url}/acme${path}`, { headers: { authorization: `Bearer ${JIRA_DEMO_API_TOKEN}` } })
    ).json() as Promise<T>;

  beforeAll(async () => {
    [jira, sentry, workos] = await Promise.all([
      startJiraEmulator({ port: 0 }),
      startSentryEmulator({ port: 0 }),
      startWorkosEmulator({ port: 0 }),
    ]);
  });
  useSeededDatabase({ label: "stepup", seed: () => ({ urls: { jira: jira.url, sentry: sentry.url } }) });
  beforeAll(async () => {
    setTestEnv({ WORKOS_API_PORT: String(workos.port) });
    [mfa, plan, tickets, errors, notes, members, apiKeys] = await Promise.all([
      import("@/app/(auth)/mfa/actions"),
      import("@/app/(app)/[orgSlug]/sprints/plan/actions"),
      import("@/app/(app)/[orgSlug]/tickets/new/actions"),
      import("@/app/(app)/[orgSlug]/errors/actions"),
      import("@/app/(app)/[orgSlug]/releases/[version]/notes/actions"),
      import("@/app/(app)/[orgSlug]/settings/members/actions"),
      import("@/app/(app)/[orgSlug]/settings/api-keys/actions"),
    ]);
    await fetch(`${workos.url}/user_management/users/${person("ada").workosUserId}/auth_factors`, {
      method: "POST",
      headers: { authorization: `Bearer ${workos.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ type: "totp", totp_secret: ADA_SECRET }),
    });
    const ada = await db.user.findUniqueOrThrow({ where: { email: "ada@acme.test" } });
    const acme = await db.organization.update({ where: { slug: "acme" }, data: { requireMfa: true } });
    await db.userSession.create({ data: { workosSessionId: SESSION, userId: ada.id, orgId: acme.id } });
  });
  beforeEach(async () => {
    signInAs("ada", "acme", SESSION);
    await verifiedMinutesAgo(20);
  });
  afterAll(async () => {
    restoreTestEnv();
    await Promise.all([jira?.close(), sentry?.close(), workos?.close()]);
  });

  it("applying a sprint plan", async () => {
    const board = (await jiraApi<{ values: { id: number }[] }>("/rest/agile/1.0/board?maxResults=1")).values[0]!;
    const preview = await plan.previewPlanAction({
      orgSlug: "acme",
      boardId: board.id,
      name: "Stepped-up sprint",
      goal: "",
      startDate: "2031-01-06",
      endDate: "2031-01-17",
      bufferPercent: 10,
    });
    if (!preview.ok) throw new Error(preview.error);
    const apply = () =>
      plan.applyPlanStepAction({
        orgSlug: "acme",
        planId: preview.data.preview.id,
        step: { kind: "sprint" },
        isLast: false,
      });

    const refused = await apply();
    expectStepUp(refused, "/acme/sprints/plan");
    const sprintNames = async () =>
      (
        await jiraApi<{ values: { name: string }[] }>(`/rest/agile/1.0/board/${board.id}/sprint?maxResults=100`)
      ).values.map((s) => s.name);
    expect(await sprintNames()).not.toContain("Stepped-up sprint");

    await stepUp(refused);
    expect(await apply()).toMatchObject({ ok: true, data: { status: "done" } });
    expect(await sprintNames()).toContain("Stepped-up sprint");
  });

  it("creating a feature's tickets", async () => {
    const preview = await tickets.previewTicketsAction({
      orgSlug: "acme",
      name: "Berth booking",
      jiraProjectKey: "ACME",
      stories: [{ title: "Pick a berth" }],
    });
    if (!preview.ok) throw new Error(preview.error);
    const create = () =>
      tickets.createTicketsStepAction({ orgSlug: "acme", previewId: preview.data.preview.id, step: { kind: "epic" } });

    const refused = await create();
    expectStepUp(refused, "/acme/tickets/new");
    expect(
      await db.outboxIntent.count({ where: { operation: { in: ["jira.issue.create", "jira.issues.create_bulk"] } } }),
    ).toBe(0);

    await stepUp(refused);
    const created = await create();
    expect(created).toMatchObject({
      ok: true,
      data: { status: "done", created: [{ ref: "epic", key: expect.stringMatching(/^ACME-\d+$/) }] },
    });
  });

  it("triaging more than 10 issues at once (10 or fewer need no step-up)", async () => {
    const listed = (await (
      await fetch(`${sentry.url}/api/0/organizations/acme/issues/?statsPeriod=30d&limit=25`, {
        headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}` },
      })
    ).json()) as { id: string }[];
    expect(listed.length).toBeGreaterThanOrEqual(12);
    const triage = (ids: string[]) =>
      errors.triageAction({ orgSlug: "acme", issueIds: ids, action: "ignore", idempotencyKey: randomUUID() });

    expect(await triage(listed.slice(0, 1).map((i) => i.id))).toMatchObject({ ok: true });
    const eleven = listed.slice(1, 12).map((i) => i.id);
    const refused = await triage(eleven);
    expectStepUp(refused, "/acme/errors");
    expect(await db.outboxIntent.count({ where: { operation: "sentry.issues.update" } })).toBe(1);

    await stepUp(refused);
    expect(await triage(eleven)).toMatchObject({ ok: true, data: { status: "succeeded" } });
  });

  it("publishing release notes", async () => {
    const saved = await notes.saveReleaseNotesAction({
      orgSlug: "acme",
      version: "2.14.0",
      variant: "internal",
      markdown: "# Release 2.14.0\n\nBerths can be booked.",
    });
    if (!saved.ok) throw new Error(saved.error);
    const publish = () =>
      notes.publishReleaseNotesAction({
        orgSlug: "acme",
        version: "2.14.0",
        variant: "internal",
        revision: saved.data.revision,
        markJiraReleased: false,
        closeCompleted: false,
      });

    const refused = await publish();
    expectStepUp(refused, "/acme/releases/2.14.0/notes");
    expect(await db.auditLog.count({ where: { action: "release_notes.published" } })).toBe(0);

    await stepUp(refused);
    expect(await publish()).toMatchObject({ ok: true });
    expect(await db.auditLog.count({ where: { action: "release_notes.published" } })).toBe(1);
  });

  it("changing a member's role", async () => {
    const linus = await db.user.findUniqueOrThrow({ where: { email: "linus@acme.test" } });
    const change = () =>
      members.changeMemberRoleAction({
        orgSlug: "acme",
        userId: linus.id,
        role: "manager",
        idempotencyKey: randomUUID(),
      });
    const roleOfLinus = async () =>
      (await db.membership.findFirstOrThrow({ where: { userId: linus.id, org: { slug: "acme" } } })).role;

    const refused = await change();
    expectStepUp(refused, "/acme/settings/members");
    expect(await roleOfLinus()).toBe("member");

    await stepUp(refused);
    expect(await change()).toMatchObject({ ok: true, data: { status: "succeeded" } });
    expect(await roleOfLinus()).toBe("manager");
  });

  it("creating an API key (a key's writes count as stepped up, so only a stepped-up admin mints one)", async () => {
    const create = () =>
      apiKeys.createApiKeyAction({ orgSlug: "acme", name: "Release agent", scope: "read_write", role: "manager" });
    const refused = await create();
    expectStepUp(refused, "/acme/settings/api-keys");
    expect(await db.apiKey.count({ where: { name: "Release agent" } })).toBe(0);

    await stepUp(refused);
    expect(await create()).toMatchObject({ ok: true, data: { key: expect.stringMatching(/^bsn_/) } });
  });

  it("an org that does not require MFA asks for no step-up", async () => {
    signInAs("hedy", "globex", "session_hedy_plain");
    const radia = await db.user.findUniqueOrThrow({ where: { email: "radia@globex.test" } });
    expect(
      await members.changeMemberRoleAction({
        orgSlug: "globex",
        userId: radia.id,
        role: "manager",
        idempotencyKey: randomUUID(),
      }),
    ).toMatchObject({ ok: true });
  });
});
