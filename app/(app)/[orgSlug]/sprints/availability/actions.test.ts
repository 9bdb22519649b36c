import { beforeAll, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { buildWorld } from "@/emulators/seed/world";
import { db } from "@/lib/db/client";
import * as actions from "./actions";

/** Time off and on call as typed into the availability form, through the real action and a real database. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  organizationId: undefined as string | undefined,
  sessionId: "session_availability_dates",
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const world = buildWorld();
const linus = world.people.find((p) => p.key === "linus")!;
/** Signed in under Acme: requireOrg admits a session only into the org it is in. */
const acmeWorkosOrgId = world.orgs.find((o) => o.slug === "acme")!.workosOrgId;

describe("availability: dates", () => {
  let userId: string;
  const entries = () => db.availability.count({ where: { membership: { userId } } });

  useSeededDatabase({ label: "availdates" });
  beforeAll(async () => {
    userId = (await db.user.findUniqueOrThrow({ where: { email: linus.email } })).id;
    Object.assign(session, { user: { id: linus.workosUserId, email: linus.email }, organizationId: acmeWorkosOrgId });
  });

  it("finding 10 (sprint dates): 50 years of time off is refused at the end date and nothing is stored", async () => {
    const before = await entries();
    const result = await actions.addAvailabilityAction({
      orgSlug: "acme",
      userId,
      kind: "time_off",
      startsOn: "2026-01-05",
      endsOn: "2076-01-04",
    });
    expect(result).toEqual({
      ok: false,
      error: "endsOn: can be at most a year long; add another entry for longer",
      fieldErrors: { endsOn: "can be at most a year long; add another entry for longer" },
    });
    expect(await entries()).toBe(before);
  });

  it("finding 10 (sprint dates): years outside 2000 to 2100 and dates not in the calendar are field errors", async () => {
    const result = await actions.addAvailabilityAction({
      orgSlug: "acme",
      userId,
      kind: "on_call",
      startsOn: "1000-01-01",
      endsOn: "2026-02-30",
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { startsOn: "must be in the years 2000 to 2100", endsOn: "is not a date in the calendar" },
    });
  });

  it("finding 10 (sprint dates): a year of time off, first to last day, is accepted", async () => {
    const before = await entries();
    const result = await actions.addAvailabilityAction({
      orgSlug: "acme",
      userId,
      kind: "time_off",
      startsOn: "2028-01-01",
      endsOn: "2028-12-31",
    });
    expect(result).toMatchObject({ ok: true });
    expect(await entries()).toBe(before + 1);
  });
});
