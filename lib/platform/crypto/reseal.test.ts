import { beforeEach, describe, expect, it } from "vitest";
import { seedDatabase } from "@/prisma/seed-data";
import { useSeededDatabase } from "@/test/fixtures/database";
import { openCredentials, sealCredentials, type Keyring } from "./credentials";
import { db } from "@/lib/db/client";
import * as reseal from "./reseal";
import * as systemCredentials from "@/lib/db/queries/sealed-credentials";

const key = (keyId: string, fill: number) => ({ keyId, key: Buffer.alloc(32, fill).toString("base64") });
const OLD: Keyring = { current: key("k1", 1), previous: [] };
const ROTATED: Keyring = { current: key("k2", 2), previous: [key("k1", 1)] };

/** Re-sealing every stored credential under the current key, against a real database holding the demo's credentials. */
describe("re-sealing stored credentials", () => {
  const rows = () =>
    db.integrationConnection.findMany({
      include: { org: { select: { slug: true } } },
      orderBy: [{ orgId: "asc" }, { provider: "asc" }],
    });
  /** Re-seal entries written by this test: the log is append-only, so earlier tests' entries stay and are left out. */
  let earlierAudits: string[] = [];
  const resealAudits = () =>
    db.auditLog.findMany({
      where: { action: "credentials.resealed", id: { notIn: earlierAudits } },
      include: { org: { select: { slug: true } } },
      orderBy: { createdAt: "asc" },
    });

  const database = useSeededDatabase({ label: "reseal", seed: false });
  beforeEach(async () => {
    // Every test starts from the demo's credentials sealed with the old key, and no re-seal audited yet.
    await seedDatabase(database.url, {
      urls: { jira: "http://127.0.0.1:1", sentry: "http://127.0.0.1:1" },
      keyring: OLD,
    });
    earlierAudits = (
      await db.auditLog.findMany({ where: { action: "credentials.resealed" }, select: { id: true } })
    ).map((a) => a.id);
  });

  it("finding 11 (key rotation): moves every credential from the old key to the current one, with one audit entry per org", async () => {
    const before = await rows();
    const plain = before.map((row) => openCredentials(row.encryptedCredentials, OLD));
    const summary = await reseal.resealStoredCredentials({ keyring: ROTATED });
    expect(summary).toEqual({ keyId: "k2", resealed: 7, orgs: 2, changedMeanwhile: 0 });

    const after = await rows();
    expect(after.map((row) => row.credentialsKeyId)).toEqual(Array(7).fill("k2"));
    expect(after.every((row) => row.encryptedCredentials.startsWith("v1.k2."))).toBe(true);
    // Opens with the new key alone: the old one can now be dropped.
    expect(
      after.map((row) => openCredentials(row.encryptedCredentials, { current: key("k2", 2), previous: [] })),
    ).toEqual(plain);

    const audits = await resealAudits();
    expect(audits.map((a) => a.org.slug).sort()).toEqual(["acme", "globex"]);
    for (const audit of audits) {
      // acme's demo also has a rollback hook, whose secret is sealed like every other credential.
      const providers =
        audit.org.slug === "acme" ? ["github", "jira", "rollback_hook", "sentry"] : ["github", "jira", "sentry"];
      expect(audit).toMatchObject({
        actorType: "system",
        actorId: null,
        actorLabel: "npm run keys:reseal",
        summary: `Re-sealed the ${providers.slice(0, -1).join(", ")} and ${providers.at(-1)} credentials under encryption key "k2"`,
      });
      expect(audit.changes).toEqual({ providers, keyId: { from: ["k1"], to: "k2" } });
    }
  });

  it("finding 11 (key rotation): a second run changes nothing and says so", async () => {
    await reseal.resealStoredCredentials({ keyring: ROTATED });
    const sealed = (await rows()).map((row) => row.encryptedCredentials);
    expect(await reseal.resealStoredCredentials({ keyring: ROTATED })).toEqual({
      keyId: "k2",
      resealed: 0,
      orgs: 0,
      changedMeanwhile: 0,
    });
    expect((await rows()).map((row) => row.encryptedCredentials)).toEqual(sealed);
    expect(await resealAudits()).toHaveLength(2);
  });

  it("finding 11 (key rotation): a run stopped after one row leaves every row openable, and the next run finishes", async () => {
    const plain = (await rows()).map((row) => openCredentials(row.encryptedCredentials, OLD));
    let seen = 0;
    const failure = new Error("stopped after the first row");
    await expect(
      reseal.resealStoredCredentials({
        keyring: ROTATED,
        onResealed: () => {
          seen += 1;
          throw failure;
        },
      }),
    ).rejects.toBe(failure);
    expect(seen).toBe(1);

    const midway = await rows();
    expect(midway.map((row) => row.credentialsKeyId).sort()).toEqual(["k1", "k1", "k1", "k1", "k1", "k1", "k2"]);
    // Each row's key id and sealed value still agree, and the keys configured open all of them.
    for (const row of midway) expect(row.encryptedCredentials.startsWith(`v1.${row.credentialsKeyId}.`)).toBe(true);
    expect(midway.map((row) => openCredentials(row.encryptedCredentials, ROTATED))).toEqual(plain);
    // The row that moved is audited even though the run stopped.
    expect(await resealAudits()).toMatchObject([
      { changes: { providers: [expect.any(String)], keyId: { from: ["k1"], to: "k2" } } },
    ]);

    expect(await reseal.resealStoredCredentials({ keyring: ROTATED })).toMatchObject({ resealed: 6, orgs: 2 });
    const after = await rows();
    expect(after.map((row) => row.credentialsKeyId)).toEqual(Array(7).fill("k2"));
    expect(after.map((row) => openCredentials(row.encryptedCredentials, ROTATED))).toEqual(plain);
    // Each connection's move is in the log exactly once, across both runs.
    const audited = (await resealAudits()).flatMap((a) =>
      (a.changes as { providers: string[] }).providers.map((p) => `${a.org.slug}/${p}`),
    );
    expect(audited.sort()).toEqual(after.map((row) => `${row.org.slug}/${row.provider}`).sort());
  });

  it("finding 11 (key rotation): refuses, changing nothing, when a row cannot be opened", async () => {
    const globexGithub = await db.integrationConnection.findFirstOrThrow({
      where: { provider: "github", org: { slug: "globex" } },
    });
    const lost = sealCredentials({ webhookSecret: "s" }, { current: key("k0", 5), previous: [] });
    await db.integrationConnection.update({
      where: { id: globexGithub.id },
      data: { encryptedCredentials: lost.sealed, credentialsKeyId: lost.keyId },
    });
    const before = await rows();

    const run = reseal.resealStoredCredentials({ keyring: ROTATED });
    await expect(run).rejects.toThrow(reseal.ResealRefusedError);
    await expect(run).rejects.toThrow(
      'Nothing was re-sealed: the github credentials of globex (key id "k0") cannot be opened with the configured keys (No encryption key with id "k0" is configured). Configure that key, or enter those credentials again, then run this again.',
    );
    expect(await rows()).toEqual(before);
    expect(await resealAudits()).toEqual([]);
  });

  it("finding 11 (key rotation): writes a row only if it still holds the value that was read (compare-and-set)", async () => {
    const row = await db.integrationConnection.findFirstOrThrow({ where: { provider: "jira", org: { slug: "acme" } } });
    // Someone saves new credentials for this connection after the re-seal read it.
    const typedAgain = sealCredentials({ apiToken: "typed-again" }, ROTATED);
    await db.integrationConnection.update({
      where: { id: row.id },
      data: { encryptedCredentials: typedAgain.sealed, credentialsKeyId: typedAgain.keyId },
    });
    const stale = sealCredentials(openCredentials(row.encryptedCredentials, OLD), ROTATED);
    expect(
      await systemCredentials.replaceSealedCredentials({
        orgId: row.orgId,
        id: row.id,
        expected: row.encryptedCredentials,
        sealed: stale.sealed,
        keyId: stale.keyId,
      }),
    ).toBe(false);
    expect(
      openCredentials(
        (await db.integrationConnection.findUniqueOrThrow({ where: { id: row.id } })).encryptedCredentials,
        ROTATED,
      ),
    ).toEqual({ apiToken: "typed-again" });
  });
});
