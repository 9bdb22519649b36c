import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCredentials } from "@/lib/platform/crypto/credentials";
import { PrismaClient } from "@/lib/db/generated/client";
import { createTestDatabase } from "@/test/database";
import { seedDatabase } from "./seed-data";

const keyring = { current: { keyId: "test", key: Buffer.alloc(32, 9).toString("base64") }, previous: [] };

describe("demo seed", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: PrismaClient;
  beforeAll(async () => {
    database = await createTestDatabase("seed");
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("creates the demo orgs, people and roles, and is idempotent", async () => {
    await seedDatabase(database.url, { keyring });
    await seedDatabase(database.url, { keyring });
    const orgs = await db.organization.findMany({ orderBy: { slug: "asc" }, select: { slug: true, name: true } });
    expect(orgs).toEqual([
      { slug: "acme", name: "Acme Maritime" },
      { slug: "globex", name: "Globex Shipping" },
    ]);
    const roles = await db.membership.findMany({
      select: { role: true, user: { select: { email: true } }, org: { select: { slug: true } } },
    });
    const roleOf = (email: string, org: string) =>
      roles.find((r) => r.user.email === email && r.org.slug === org)?.role;
    expect(roleOf("ada@acme.test", "acme")).toBe("admin");
    expect(roleOf("grace@acme.test", "acme")).toBe("manager");
    expect(roleOf("linus@acme.test", "acme")).toBe("member");
    expect(roleOf("margaret@acme.test", "acme")).toBe("member");
    expect(roleOf("margaret@acme.test", "globex")).toBe("manager");
    expect(roleOf("hedy@globex.test", "globex")).toBe("admin");
    expect(roleOf("hedy@globex.test", "acme")).toBeUndefined();
    expect(await db.user.count()).toBe(11);
  });

  it("connects each org to its emulated services with credentials sealed at rest", async () => {
    const jira = await db.integrationConnection.findFirstOrThrow({
      where: { provider: "jira", org: { slug: "globex" } },
    });
    expect(jira.config).toEqual({ siteUrl: "http://127.0.0.1:4102/globex", email: "hedy@globex.test" });
    expect(jira.encryptedCredentials).not.toContain("jira-demo-token");
    expect(jira.encryptedCredentials).not.toContain("globex-jira-webhook-secret");
    expect(openCredentials(jira.encryptedCredentials, keyring)).toEqual({
      apiToken: "jira-demo-token",
      webhookSecret: "globex-jira-webhook-secret",
    });
    const sentry = await db.integrationConnection.findFirstOrThrow({
      where: { provider: "sentry", org: { slug: "acme" } },
    });
    expect(openCredentials(sentry.encryptedCredentials, keyring)).toEqual({
      authToken: "sentry-demo-token",
      webhookSecret: "acme-sentry-webhook-secret",
    });
  });
});
