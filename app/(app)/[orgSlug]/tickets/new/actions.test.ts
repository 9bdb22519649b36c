import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { buildWorld } from "@/emulators/seed/world";
import * as actions from "./actions";

/** The creation steps through the real actions, a real database and the Jira emulator. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  organizationId: undefined as string | undefined,
  sessionId: "session_tickets_steps",
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const world = buildWorld();
const grace = world.people.find((p) => p.key === "grace")!;
const acme = world.orgs.find((o) => o.slug === "acme")!;

describe("create a feature's tickets: steps", () => {
  let jira: JiraEmulator;

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
  });
  const database = useSeededDatabase({
    label: "ticketsteps",
    seed: () => ({ urls: { jira: jira.url, sentry: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    Object.assign(session, { user: { id: grace.workosUserId, email: grace.email }, organizationId: acme.workosOrgId });
  });
  afterAll(async () => {
    await jira.close();
  });

  it("fuzz: a step the preview does not have is refused, naming the step, instead of an empty write failing (a 500)", async () => {
    const preview = await actions.previewTicketsAction({
      orgSlug: "acme",
      name: "One story",
      jiraProjectKey: acme.jira.projects[0]!.key,
      stories: [{ title: "A story", checklist: ["one subtask"] }],
    });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.steps).toEqual([
      { kind: "epic" },
      { kind: "stories", batch: 0 },
      { kind: "subtasks", batch: 0 },
    ]);

    const result = await actions.createTicketsStepAction({
      orgSlug: "acme",
      previewId: preview.data.preview.id,
      step: { kind: "subtasks", batch: 1 },
    });
    expect(result).toEqual({
      ok: false,
      error: "step: is not a step of this preview",
      fieldErrors: { step: "is not a step of this preview" },
    });
    expect(
      await actions.createTicketsStepAction({
        orgSlug: "acme",
        previewId: preview.data.preview.id,
        step: { kind: "epic" },
      }),
    ).toMatchObject({ ok: true, data: { status: "done" } });
  });

  it("a failed intent blocks its key forever: a step given up on after a day-long Jira outage is retried and the feature carries on", async () => {
    // The app's own client, pointed at this file's database.
    const { db } = database;
    const preview = await actions.previewTicketsAction({
      orgSlug: "acme",
      name: "Outage feature",
      jiraProjectKey: acme.jira.projects[0]!.key,
      stories: [{ title: "A story", checklist: [] }],
    });
    if (!preview.ok) throw new Error(preview.error);
    const previewId = preview.data.preview.id;
    await fetch(`${jira.url}/__emulator/faults`, {
      method: "PUT",
      body: JSON.stringify({ errorRate: 1, errorStatus: 503 }),
    });
    try {
      expect(
        await actions.createTicketsStepAction({ orgSlug: "acme", previewId, step: { kind: "epic" } }),
      ).toMatchObject({ ok: true, data: { status: "pending" } });
      const { drainOutbox } = await import("@/lib/platform/outbox");
      const dayLater = Date.now() + 25 * 3_600_000;
      expect((await drainOutbox({ now: () => new Date(dayLater), random: () => 0.5 })).map((o) => o.status)).toEqual([
        "failed",
      ]);
    } finally {
      await fetch(`${jira.url}/__emulator/faults`, { method: "DELETE" });
    }
    // Resuming as before returns the failure: the same request would fail the same way.
    expect(await actions.createTicketsStepAction({ orgSlug: "acme", previewId, step: { kind: "epic" } })).toMatchObject(
      { ok: true, data: { status: "failed", message: expect.stringContaining("gave up after 24 h") } },
    );
    // "Retry" sends it again; the next step then follows.
    expect(
      await actions.createTicketsStepAction({ orgSlug: "acme", previewId, step: { kind: "epic" }, retry: true }),
    ).toMatchObject({ ok: true, data: { status: "done", created: [{ ref: "epic" }] } });
    expect(
      await actions.createTicketsStepAction({
        orgSlug: "acme",
        previewId,
        step: { kind: "stories", batch: 0 },
        retry: true,
      }),
    ).toMatchObject({ ok: true, data: { status: "done" } });
    expect(await db.auditLog.count({ where: { action: "outbox.write_retried", actorLabel: grace.email } })).toBe(1);
  });
});
