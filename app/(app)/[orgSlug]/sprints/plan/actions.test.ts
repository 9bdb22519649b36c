import { beforeAll, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { buildWorld } from "@/emulators/seed/world";
import * as actions from "./actions";

/**
 * The plan form's dates, through the real action and a real database. Jira is
 * configured at an address nothing answers on, so a request that got past the
 * schema would end in a connection error rather than a field error.
 */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  organizationId: undefined as string | undefined,
  sessionId: "session_plan_dates",
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const world = buildWorld();
const grace = world.people.find((p) => p.key === "grace")!;
/** Signed in under Acme: requireOrg admits a session only into the org it is in. */
const acmeWorkosOrgId = world.orgs.find((o) => o.slug === "acme")!.workosOrgId;

describe("plan next sprint: dates", () => {
  const request = { orgSlug: "acme", boardId: 1, name: "Sprint 99", goal: "", bufferPercent: 10 };

  useSeededDatabase({
    label: "plandates",
    seed: { urls: { jira: "http://127.0.0.1:1", sentry: "http://127.0.0.1:1" } },
  });
  beforeAll(async () => {
    Object.assign(session, { user: { id: grace.workosUserId, email: grace.email }, organizationId: acmeWorkosOrgId });
  });

  it("finding 10 (sprint dates): a plan from 1000-01-01 to 9999-12-28 is refused with field errors, before anything is built", async () => {
    const result = await actions.previewPlanAction({ ...request, startDate: "1000-01-01", endDate: "9999-12-28" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { startDate: "must be in the years 2000 to 2100", endDate: "must be in the years 2000 to 2100" },
    });
  });

  it("finding 10 (sprint dates): a sprint longer than 8 weeks is refused at the end date", async () => {
    const result = await actions.previewPlanAction({ ...request, startDate: "2026-03-02", endDate: "2026-04-28" });
    expect(result).toEqual({
      ok: false,
      error: "endDate: a sprint can be at most 8 weeks long",
      fieldErrors: { endDate: "a sprint can be at most 8 weeks long" },
    });
  });

  it("finding 10 (sprint dates): a date that is not in the calendar is a field error, not a crash", async () => {
    const result = await actions.previewPlanAction({ ...request, startDate: "2026-02-30", endDate: "2026-03-13" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { startDate: "is not a date in the calendar" } });
  });
});
