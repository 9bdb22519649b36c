import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { buildWorld } from "@/emulators/seed/world";
import * as actions from "./actions";

/** Applying a previewed plan step by step, through the real actions, a real database and the Jira emulator. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  organizationId: undefined as string | undefined,
  sessionId: "session_plan_steps",
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

describe("plan next sprint: applying steps", () => {
  let jira: JiraEmulator;

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
  });
  useSeededDatabase({ label: "plansteps", seed: () => ({ urls: { jira: jira.url, sentry: "http://127.0.0.1:1" } }) });
  beforeAll(async () => {
    Object.assign(session, { user: { id: grace.workosUserId, email: grace.email }, organizationId: acme.workosOrgId });
  });
  afterAll(async () => {
    await jira.close();
  });

  it("fuzz: a step the plan does not have is refused, naming the step, instead of an empty write failing (a 500)", async () => {
    const preview = await actions.previewPlanAction({
      orgSlug: "acme",
      boardId: acme.jira.projects[0]!.boardId,
      name: "Fuzz sprint",
      startDate: "2026-12-01",
      endDate: "2026-12-14",
      bufferPercent: 10,
    });
    if (!preview.ok) throw new Error(preview.error);
    const planId = preview.data.preview.id;
    const moves = preview.data.steps.filter((s) => s.kind === "move").length;
    expect(
      await actions.applyPlanStepAction({ orgSlug: "acme", planId, step: { kind: "sprint" }, isLast: false }),
    ).toMatchObject({ ok: true, data: { status: "done" } });

    const result = await actions.applyPlanStepAction({
      orgSlug: "acme",
      planId,
      step: { kind: "move", batch: moves },
      isLast: false,
    });
    expect(result).toEqual({
      ok: false,
      error: "step: is not a step of this plan",
      fieldErrors: { step: "is not a step of this plan" },
    });
  });
});
