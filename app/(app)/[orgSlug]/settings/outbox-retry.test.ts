import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { seedDatabase } from "@/prisma/seed-data";
import { demoSession } from "@/test/authkit-session";
import { createTestDatabase } from "@/test/database";
import type * as SettingsActions from "./actions";

/** The org's retry window for outbound writes, set through the real action against a real database. */
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string }, sessionId: "session_outbox_retry", organizationId: undefined as string | undefined }));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, updateTag: () => undefined, revalidateTag: () => undefined }));

describe("outbound write retry window", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: PrismaClient;
  let actions: typeof SettingsActions;

  beforeAll(async () => {
    database = await createTestDatabase("outboxretry");
    await seedDatabase(database.url);
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    vi.stubEnv("DATABASE_URL", database.url);
    vi.resetModules();
    (globalThis as { bosunDb?: unknown }).bosunDb = undefined;
    actions = await import("./actions");
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await db.$disconnect();
    await database.drop();
  });

  const storedHours = async () => ((await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).settings as Record<string, unknown> | null)?.outboxRetryHours;

  it("defect 2 (outage poisons writes): an admin sets how many hours writes are retried, audited, from 1 to 168", async () => {
    Object.assign(session, demoSession("ada"));
    expect(await actions.updateOutboxRetryHoursAction({ orgSlug: "acme", outboxRetryHours: 48 })).toEqual({ ok: true, data: { outboxRetryHours: 48 } });
    expect(await storedHours()).toBe(48);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "org.outbox_retry_updated" } })).toMatchObject({ actorLabel: "ada@acme.test", summary: "Outbound writes are retried for 48 h (was 24 h)" });

    for (const outboxRetryHours of [0, 169, 2.5]) {
      expect(await actions.updateOutboxRetryHoursAction({ orgSlug: "acme", outboxRetryHours })).toMatchObject({ ok: false, fieldErrors: { outboxRetryHours: expect.any(String) } });
    }
    expect(await storedHours()).toBe(48);
  });

  it("defect 2 (outage poisons writes): a member cannot change the retry window", async () => {
    Object.assign(session, demoSession("linus"));
    expect(await actions.updateOutboxRetryHoursAction({ orgSlug: "acme", outboxRetryHours: 1 })).toMatchObject({ ok: false, error: expect.stringMatching(/does not allow this/) });
    expect(await storedHours()).toBe(48);
  });
});
