import { beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { getRollbackHookConfig } from "./connection";
import { saveRollbackHook } from "./settings";

/** Saving the rollback hook against a real database: the secret sealed, kept only for the URL it was entered with. */
describe("saveRollbackHook", () => {
  let orgId: string;
  useSeededDatabase({ label: "rollbackhook" });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "globex" } })).id;
  });
  const save = (input: Partial<Parameters<typeof saveRollbackHook>[0]["input"]>, mode: "demo" | "live" = "live") =>
    saveRollbackHook({
      orgId,
      input: { url: "https://deploy.globex.example/hooks/rollback", timeoutSeconds: 10, ...input },
      mode,
    });

  it("needs a secret to connect, and seals the one typed", async () => {
    expect(await save({})).toEqual({
      ok: false,
      error: "secret: enter a secret or generate one",
      fieldErrors: { secret: "enter a secret or generate one" },
    });
    expect(await save({ secret: "a-long-enough-secret" })).toEqual({
      ok: true,
      changedFields: ["url", "timeoutSeconds", "secret"],
      generatedSecret: null,
    });
    const row = await db.integrationConnection.findUniqueOrThrow({
      where: { orgId_provider: { orgId, provider: "rollback_hook" } },
    });
    expect(row.encryptedCredentials).not.toContain("a-long-enough-secret");
    expect(await getRollbackHookConfig({ orgId })).toEqual({
      url: "https://deploy.globex.example/hooks/rollback",
      secret: "a-long-enough-secret",
      timeoutSeconds: 10,
    });
  });

  it("keeps the stored secret while the URL stays, and asks for it again when the URL changes", async () => {
    expect(await save({ timeoutSeconds: 20 })).toMatchObject({ ok: true, changedFields: ["timeoutSeconds"] });
    expect((await getRollbackHookConfig({ orgId }))?.secret).toBe("a-long-enough-secret");
    expect(await save({ url: "https://elsewhere.example/hook", timeoutSeconds: 20 })).toMatchObject({
      ok: false,
      fieldErrors: { secret: "enter or generate the secret again: the URL changed" },
    });
    expect((await getRollbackHookConfig({ orgId }))?.url).toBe("https://deploy.globex.example/hooks/rollback");
  });

  it("generates a secret on request and hands it back once", async () => {
    const saved = await save({ url: "https://elsewhere.example/hook", generateSecret: true });
    if (!saved.ok) throw new Error(saved.error);
    expect(saved.generatedSecret).toMatch(/^[\w-]{43}$/);
    expect((await getRollbackHookConfig({ orgId }))?.secret).toBe(saved.generatedSecret);
  });

  it("refuses internal or plain-http addresses in live mode, naming the field", async () => {
    expect(await save({ url: "http://deploy.globex.example/hook", secret: "a-long-enough-secret" })).toEqual({
      ok: false,
      error: "url: must use https",
      fieldErrors: { url: "must use https" },
    });
    expect(await save({ url: "https://127.0.0.1:4104/hooks/rollback", secret: "a-long-enough-secret" })).toMatchObject({
      ok: false,
      fieldErrors: { url: "must not point at 127.0.0.1, a loopback address" },
    });
    expect(
      await save({ url: "http://127.0.0.1:4104/hooks/rollback", secret: "a-long-enough-secret" }, "demo"),
    ).toMatchObject({ ok: true });
  });
});
