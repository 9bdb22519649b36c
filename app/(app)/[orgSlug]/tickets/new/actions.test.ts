import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDatabase } from "@/prisma/seed-data";
import { createTestDatabase } from "@/test/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { buildWorld } from "@/emulators/seed/world";
import type * as TicketActions from "./actions";

/** The creation steps through the real actions, a real database and the Jira emulator. */
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string }, organizationId: undefined as string | undefined, sessionId: "session_tickets_steps" }));
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
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let jira: JiraEmulator;
  let actions: typeof TicketActions;

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
    database = await createTestDatabase("ticketsteps");
    await seedDatabase(database.url, { urls: { jira: jira.url, sentry: "http://127.0.0.1:1" } });
    vi.stubEnv("DATABASE_URL", database.url);
    vi.resetModules();
    (globalThis as { bosunDb?: unknown }).bosunDb = undefined;
    actions = await import("./actions");
    Object.assign(session, { user: { id: grace.workosUserId, email: grace.email }, organizationId: acme.workosOrgId });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await jira.close();
    await database.drop();
  });

  it("fuzz: a step the preview does not have is refused, naming the step, instead of an empty write failing (a 500)", async () => {
    const preview = await actions.previewTicketsAction({ orgSlug: "acme", name: "One story", jiraProjectKey: acme.jira.projects[0]!.key, stories: [{ title: "A story", checklist: ["one subtask"] }] });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.steps).toEqual([{ kind: "epic" }, { kind: "stories", batch: 0 }, { kind: "subtasks", batch: 0 }]);

    const result = await actions.createTicketsStepAction({ orgSlug: "acme", previewId: preview.data.preview.id, step: { kind: "subtasks", batch: 1 } });
    expect(result).toEqual({ ok: false, error: "step: is not a step of this preview", fieldErrors: { step: "is not a step of this preview" } });
    expect(await actions.createTicketsStepAction({ orgSlug: "acme", previewId: preview.data.preview.id, step: { kind: "epic" } })).toMatchObject({ ok: true, data: { status: "done" } });
  });
});
