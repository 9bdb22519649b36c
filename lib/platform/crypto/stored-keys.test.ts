import { describe, expect, it } from "vitest";
import { seedDatabase } from "@/prisma/seed-data";
import { useSeededDatabase } from "@/test/fixtures/database";
import type { Keyring } from "./credentials";
import { db } from "@/lib/db/client";
import * as storedKeys from "./stored-keys";

const key = (keyId: string, fill: number) => ({ keyId, key: Buffer.alloc(32, fill).toString("base64") });

/** The check web and worker processes run before they start, against a real database holding the demo's sealed credentials. */
describe("stored credential keys at startup", () => {
  const seedWith = (keyring: Keyring) =>
    seedDatabase(database.url, { urls: { jira: "http://127.0.0.1:1", sentry: "http://127.0.0.1:1" }, keyring });

  const database = useSeededDatabase({ label: "storedkeys", seed: false });

  it("starts with no stored credentials at all", async () => {
    await expect(storedKeys.assertStoredCredentialsOpen({ current: key("k2", 2), previous: [] })).resolves.toEqual({
      keyIds: [],
    });
  });

  it("finding 11 (key rotation): refuses to start when credentials are sealed with a key id that is not configured, naming it and the fix", async () => {
    await seedWith({ current: key("old", 1), previous: [] });
    const check = storedKeys.assertStoredCredentialsOpen({ current: key("new", 2), previous: [] });
    await expect(check).rejects.toThrow(storedKeys.StoredCredentialsKeyError);
    await expect(check).rejects.toThrow(
      'Stored integration credentials (7 connections) are sealed with key id "old", which is not configured: set BOSUN_PREVIOUS_ENCRYPTION_KEYS to include it (old:<its base64 key>), or set BOSUN_ENCRYPTION_KEY_ID and BOSUN_ENCRYPTION_KEY back to it.',
    );
  });

  it("finding 11 (key rotation): names every unknown key id, and none that is configured", async () => {
    const acmeJira = await db.integrationConnection.findFirstOrThrow({
      where: { provider: "jira", org: { slug: "acme" } },
    });
    await db.integrationConnection.update({ where: { id: acmeJira.id }, data: { credentialsKeyId: "older" } });
    await expect(storedKeys.assertStoredCredentialsOpen({ current: key("new", 2), previous: [] })).rejects.toThrow(
      /sealed with key ids "old" and "older", which are not configured/,
    );
    await db.integrationConnection.update({ where: { id: acmeJira.id }, data: { credentialsKeyId: "old" } });
  });

  it("finding 11 (key rotation): refuses when the key under a configured id no longer opens the rows: it changed without a new id", async () => {
    await seedWith({ current: key("primary", 1), previous: [] });
    await expect(storedKeys.assertStoredCredentialsOpen({ current: key("primary", 9), previous: [] })).rejects.toThrow(
      'Key id "primary" no longer opens stored credentials: the key changed without a new BOSUN_ENCRYPTION_KEY_ID. Set BOSUN_ENCRYPTION_KEY back to the old key, or give the new key a new BOSUN_ENCRYPTION_KEY_ID and list the old one as primary:<old base64 key> in BOSUN_PREVIOUS_ENCRYPTION_KEYS.',
    );
  });

  it("finding 11 (key rotation): refuses when a previous key's material is wrong for its id", async () => {
    await seedWith({ current: key("k1", 1), previous: [] });
    await expect(
      storedKeys.assertStoredCredentialsOpen({ current: key("k2", 2), previous: [key("k1", 7)] }),
    ).rejects.toThrow(
      'Key id "k1" no longer opens stored credentials: BOSUN_PREVIOUS_ENCRYPTION_KEYS holds a different key under that id; list the key that sealed them.',
    );
  });

  it("starts when every key id in use opens its credentials, and says how many rows a re-seal would move", async () => {
    await seedWith({ current: key("k1", 1), previous: [] });
    await expect(
      storedKeys.assertStoredCredentialsOpen({ current: key("k2", 2), previous: [key("k1", 1)] }),
    ).resolves.toEqual({ keyIds: [{ keyId: "k1", connections: 7, needsResealing: true }] });
    await expect(storedKeys.assertStoredCredentialsOpen({ current: key("k1", 1), previous: [] })).resolves.toEqual({
      keyIds: [{ keyId: "k1", connections: 7, needsResealing: false }],
    });
  });

  it("ignores disconnected connections, whose credentials were deleted", async () => {
    await db.integrationConnection.updateMany({
      where: { org: { slug: "acme" } },
      data: { status: "disconnected", encryptedCredentials: "", credentialsKeyId: "gone" },
    });
    await expect(storedKeys.assertStoredCredentialsOpen({ current: key("k1", 1), previous: [] })).resolves.toEqual({
      keyIds: [{ keyId: "k1", connections: 3, needsResealing: false }],
    });
  });
});
