import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { seedDatabase } from "@/prisma/seed-data";
import { createTestDatabase } from "@/test/database";
import { buildWorld } from "@/emulators/seed/world";

describe("completeSignIn", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: PrismaClient;

  beforeAll(async () => {
    database = await createTestDatabase("signin");
    await seedDatabase(database.url);
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    vi.stubEnv("DATABASE_URL", database.url);
    vi.resetModules();
    (globalThis as { bosunDb?: unknown }).bosunDb = undefined;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await db.$disconnect();
    await database.drop();
  });

  it("records the sign-in in every org the user belongs to, with a request id", async () => {
    const margaret = buildWorld().people.find((p) => p.key === "margaret");
    if (!margaret) throw new Error("margaret is missing from the demo world");
    const { completeSignIn } = await import("./sign-in");
    await completeSignIn({ id: margaret.workosUserId, email: margaret.email, firstName: "Margaret", lastName: "Hamilton" });

    const user = await db.user.findUniqueOrThrow({ where: { workosUserId: margaret.workosUserId } });
    expect(user.lastSignInAt).not.toBeNull();
    const entries = await db.auditLog.findMany({ where: { action: "user.signed_in" }, include: { org: { select: { slug: true } } } });
    expect(entries.map((e) => e.org.slug).sort()).toEqual(["acme", "globex"]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ actorType: "user", actorId: user.id, actorLabel: "margaret@acme.test", targetType: "user", targetId: user.id, summary: "Margaret Hamilton signed in", result: "success" });
      expect(entry.requestId).toMatch(/^[\w-]{8,}$/);
    }
  });
});
