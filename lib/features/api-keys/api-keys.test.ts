import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { generateApiKey } from "./keys";
import { db } from "@/lib/db/client";
import * as actions from "@/app/(app)/[orgSlug]/settings/api-keys/actions";
import * as auth from "./authenticate";
import * as queries from "@/lib/db/queries/api-keys";
import * as keyLookups from "@/lib/db/system/api-keys";

/**
 * API keys end to end on the server: the real actions (with only the AuthKit
 * session swapped in), the real queries and a real PostgreSQL.
 */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_keys",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const signInAs = (key: string) => Object.assign(session, demoSession(key));

describe("org API keys", () => {
  let acmeId: string;

  useSeededDatabase({ label: "apikeys" });
  beforeAll(async () => {
    acmeId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  beforeEach(() => {
    session.user = null;
  });

  async function createKey(
    input: { name: string; scope: "read" | "read_write"; role: "admin" | "manager" | "member" },
    as = "ada",
  ) {
    signInAs(as);
    const result = await actions.createApiKeyAction({ orgSlug: "acme", ...input });
    if (!result.ok) throw new Error(result.error);
    return result.data;
  }

  const setRole = (email: string, role: "admin" | "manager" | "member") =>
    db.membership.updateMany({ where: { user: { email }, org: { slug: "acme" } }, data: { role } });

  it("creates a key that authenticates as the org, with its role and scope", async () => {
    const created = await createKey({ name: "  Release bot ", scope: "read_write", role: "manager" });
    expect(created.key).toMatch(/^bsn_/);
    expect(created.prefix).toBe(created.key.slice(0, 12));

    const result = await auth.authenticateApiKey(`Bearer ${created.key}`);
    expect(result).toEqual({
      ok: true,
      key: expect.objectContaining({
        name: "Release bot",
        prefix: created.prefix,
        scope: "read_write",
        role: "manager",
        grantedRole: "manager",
      }),
      org: { id: acmeId, slug: "acme", name: "Acme Maritime" },
    });
    expect(await auth.authenticateApiKey(created.key)).toMatchObject({ ok: true });
  });

  it("stores the hash and never the key, in the key row or the audit log", async () => {
    const created = await createKey({ name: "Hash check", scope: "read", role: "member" });
    const row = await db.apiKey.findFirstOrThrow({ where: { name: "Hash check" } });
    expect(row).toMatchObject({
      orgId: acmeId,
      prefix: created.prefix,
      hashedKey: sha256Hex(created.key),
      scope: "read",
      role: "member",
    });
    const secret = created.key.slice(4);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(
      await db.$queryRaw`SELECT count(*)::int AS n FROM "ApiKey" WHERE row_to_json("ApiKey")::text LIKE ${`%${secret}%`}`,
    ).toEqual([{ n: 0 }]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "api_key.created", targetId: row.id } });
    expect(audit).toMatchObject({
      actorLabel: "ada@acme.test",
      actorType: "user",
      targetType: "api_key",
      summary: `Created API key "Hash check" (${created.prefix}…, read-only, acts as member)`,
    });
    expect(
      await db.$queryRaw`SELECT count(*)::int AS n FROM "AuditLog" WHERE row_to_json("AuditLog")::text LIKE ${`%${secret}%`}`,
    ).toEqual([{ n: 0 }]);
  });

  it("a revoked key is refused, and revoking again is fine and audited once", async () => {
    const created = await createKey({ name: "Short-lived", scope: "read", role: "member" });
    const id = (await db.apiKey.findFirstOrThrow({ where: { name: "Short-lived" } })).id;
    expect(await actions.revokeApiKeyAction({ orgSlug: "acme", keyId: id })).toEqual({
      ok: true,
      data: { status: "succeeded", message: '"Short-lived" is revoked.' },
    });
    expect(await auth.authenticateApiKey(`Bearer ${created.key}`)).toEqual({ ok: false, reason: "revoked" });
    expect(await keyLookups.findActiveKeyByHash(sha256Hex(created.key))).toBeNull();
    const revokedAt = (await db.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt;
    expect(revokedAt).toBeInstanceOf(Date);

    expect(await actions.revokeApiKeyAction({ orgSlug: "acme", keyId: id })).toMatchObject({
      ok: true,
      data: { message: '"Short-lived" was already revoked.' },
    });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt).toEqual(revokedAt);
    expect(await db.auditLog.count({ where: { action: "api_key.revoked", targetId: id } })).toBe(1);
  });

  it("another org's admin cannot revoke it, through the action or the query", async () => {
    const created = await createKey({ name: "Acme only", scope: "read", role: "member" });
    const id = (await db.apiKey.findFirstOrThrow({ where: { name: "Acme only" } })).id;
    signInAs("hedy");
    await expect(actions.revokeApiKeyAction({ orgSlug: "acme", keyId: id })).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/,
    );
    expect(await actions.revokeApiKeyAction({ orgSlug: "globex", keyId: id })).toEqual({
      ok: false,
      error: "That API key does not exist in this organization.",
    });
    const globexId = (await db.organization.findUniqueOrThrow({ where: { slug: "globex" } })).id;
    expect(await queries.revokeApiKey({ orgId: globexId, keyId: id })).toEqual({ status: "not_found" });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
    expect(await auth.authenticateApiKey(`Bearer ${created.key}`)).toMatchObject({ ok: true, org: { slug: "acme" } });
  });

  it("only admins manage keys, and nobody grants above their role", async () => {
    for (const key of ["grace", "linus"]) {
      signInAs(key);
      expect(
        await actions.createApiKeyAction({ orgSlug: "acme", name: "Sneaky", scope: "read", role: "member" }),
      ).toMatchObject({ ok: false, error: expect.stringMatching(/does not allow this/) });
    }
    expect(await db.apiKey.count({ where: { name: "Sneaky" } })).toBe(0);
    signInAs("ada");
    expect(
      await actions.createApiKeyAction({
        orgSlug: "acme",
        name: " ",
        scope: "write" as "read",
        role: "owner" as "admin",
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: {
        name: "is required",
        scope: "must be read or read & write",
        role: "must be admin, manager or member",
      },
    });
    expect(
      await actions.createApiKeyAction({ orgSlug: "acme", name: "x".repeat(81), scope: "read", role: "member" }),
    ).toMatchObject({ ok: false, fieldErrors: { name: "must be at most 80 characters" } });
  });

  it("refuses missing, malformed and unknown tokens", async () => {
    for (const bearer of [null, "", "Bearer ", "   "])
      expect(await auth.authenticateApiKey(bearer)).toEqual({ ok: false, reason: "missing" });
    for (const bearer of ["Bearer nope", "Bearer bsn_short", "Basic dXNlcjpwYXNz", `Bearer ${generateApiKey().key}x`])
      expect(await auth.authenticateApiKey(bearer)).toEqual({ ok: false, reason: "malformed" });
    expect(await auth.authenticateApiKey(`Bearer ${generateApiKey().key}`)).toEqual({ ok: false, reason: "unknown" });
  });

  it("writes lastUsedAt at most once a minute", async () => {
    const created = await createKey({ name: "Hot key", scope: "read", role: "member" });
    const lastUsed = async () => (await db.apiKey.findFirstOrThrow({ where: { name: "Hot key" } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const t0 = new Date("2030-01-01T10:00:00Z");
    await auth.authenticateApiKey(created.key, { now: t0 });
    expect(await lastUsed()).toEqual(t0);
    await auth.authenticateApiKey(created.key, { now: new Date("2030-01-01T10:00:59Z") });
    expect(await lastUsed()).toEqual(t0);
    const t1 = new Date("2030-01-01T10:01:00Z");
    await auth.authenticateApiKey(created.key, { now: t1 });
    expect(await lastUsed()).toEqual(t1);

    // The throttle is in the UPDATE too, so concurrent callers write once between them.
    const id = (await db.apiKey.findFirstOrThrow({ where: { name: "Hot key" } })).id;
    const t2 = new Date("2030-01-01T10:05:00Z");
    const writes = await Promise.all(Array.from({ length: 5 }, () => keyLookups.touchKeyUsage(id, t2)));
    expect(writes.filter(Boolean)).toHaveLength(1);
  });

  it("a key acts with its creator's role once the creator is demoted, and stops when they leave", async () => {
    await setRole("margaret@acme.test", "admin");
    const created = await createKey({ name: "Margaret's admin key", scope: "read_write", role: "admin" }, "margaret");
    expect(await auth.authenticateApiKey(created.key)).toMatchObject({
      ok: true,
      key: { role: "admin", grantedRole: "admin" },
    });

    await setRole("margaret@acme.test", "member");
    expect(await auth.authenticateApiKey(created.key)).toMatchObject({
      ok: true,
      key: { role: "member", grantedRole: "admin", scope: "read_write" },
    });
    expect((await db.apiKey.findFirstOrThrow({ where: { name: "Margaret's admin key" } })).role).toBe("admin");

    await db.membership.updateMany({
      where: { user: { email: "margaret@acme.test" }, org: { slug: "acme" } },
      data: { status: "deactivated" },
    });
    expect(await auth.authenticateApiKey(created.key)).toEqual({ ok: false, reason: "revoked" });
  });

  it("lists the org's keys newest first with their creator", async () => {
    const keys = await queries.listApiKeys({ orgId: acmeId });
    expect(keys.length).toBeGreaterThan(3);
    const times = keys.map((k) => k.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(keys[0]).toMatchObject({
      name: "Margaret's admin key",
      createdBy: { name: "Margaret Hamilton", email: "margaret@acme.test" },
    });
    expect(keys[0]).not.toHaveProperty("hashedKey");
    const globexId = (await db.organization.findUniqueOrThrow({ where: { slug: "globex" } })).id;
    expect(await queries.listApiKeys({ orgId: globexId })).toEqual([]);
  });
});

/** Computed here independently of lib/api-keys/keys.ts, so a wrong hash there cannot pass. */
function sha256Hex(key: string) {
  return createHash("sha256").update(key).digest("hex");
}
