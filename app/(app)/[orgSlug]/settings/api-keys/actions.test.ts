import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { createApiKeyFormAction } from "./actions";

/**
 * The create form's action through a real database, with only the AuthKit
 * session swapped in: the one-time key comes back in the state the form
 * renders, and only its hash is stored.
 */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_key_form",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
};

describe("createApiKeyFormAction", () => {
  useSeededDatabase({ label: "apikeyform" });

  it("returns the new key in its state, empties the form, and stores only the key's hash", async () => {
    Object.assign(session, demoSession("ada"));
    const state = await createApiKeyFormAction(
      null,
      form({ orgSlug: "acme", name: " Form bot ", scope: "read_write", role: "manager" }),
    );
    if (!state.ok) throw new Error(state.error);
    expect(state.data).toMatchObject({ name: "Form bot", key: expect.stringMatching(/^bsn_/) });
    expect(state.values).toEqual({ name: "", scope: "read", role: "member" });
    const stored = await db.apiKey.findFirstOrThrow({ where: { name: "Form bot" } });
    expect(stored).toMatchObject({
      prefix: state.data.prefix,
      hashedKey: createHash("sha256").update(state.data.key).digest("hex"),
      scope: "read_write",
      role: "manager",
    });
  });

  it("keeps what was sent after a refusal, naming the field", async () => {
    Object.assign(session, demoSession("ada"));
    const sent = { orgSlug: "acme", name: "Bad scope", scope: "everything", role: "member" };
    const state = await createApiKeyFormAction(null, form(sent));
    expect(state).toMatchObject({
      ok: false,
      fieldErrors: { scope: expect.any(String) },
      values: { name: "Bad scope", scope: "everything", role: "member" },
    });
    expect(await db.apiKey.count({ where: { name: "Bad scope" } })).toBe(0);
  });

  it("refuses a manager, who may not manage keys, and answers 404 for an org that is not the caller's", async () => {
    Object.assign(session, demoSession("grace"));
    expect(
      await createApiKeyFormAction(null, form({ orgSlug: "acme", name: "Nope", scope: "read", role: "member" })),
    ).toMatchObject({ ok: false });
    Object.assign(session, demoSession("ada"));
    await expect(
      createApiKeyFormAction(null, form({ orgSlug: "globex", name: "Nope", scope: "read", role: "member" })),
    ).rejects.toMatchObject({ digest: expect.stringMatching(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/) });
    expect(await db.apiKey.count({ where: { name: "Nope" } })).toBe(0);
  });
});
