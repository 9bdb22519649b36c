import { describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import * as actions from "./actions";

/** The org's retry window for outbound writes, set through the real action against a real database. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_outbox_retry",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  updateTag: () => undefined,
  revalidateTag: () => undefined,
}));

describe("outbound write retry window", () => {
  useSeededDatabase({ label: "outboxretry" });

  const storedHours = async () =>
    ((await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).settings as Record<string, unknown> | null)
      ?.outboxRetryHours;

  it("defect 2 (outage poisons writes): an admin sets how many hours writes are retried, audited, from 1 to 168", async () => {
    Object.assign(session, demoSession("ada"));
    expect(await actions.updateOutboxRetryHoursAction({ orgSlug: "acme", outboxRetryHours: 48 })).toEqual({
      ok: true,
      data: { outboxRetryHours: 48 },
    });
    expect(await storedHours()).toBe(48);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "org.outbox_retry_updated" } })).toMatchObject({
      actorLabel: "ada@acme.test",
      summary: "Outbound writes are retried for 48 h (was 24 h)",
    });

    for (const outboxRetryHours of [0, 169, 2.5]) {
      expect(await actions.updateOutboxRetryHoursAction({ orgSlug: "acme", outboxRetryHours })).toMatchObject({
        ok: false,
        fieldErrors: { outboxRetryHours: expect.any(String) },
      });
    }
    expect(await storedHours()).toBe(48);
  });

  it("defect 2 (outage poisons writes): a member cannot change the retry window", async () => {
    Object.assign(session, demoSession("linus"));
    expect(await actions.updateOutboxRetryHoursAction({ orgSlug: "acme", outboxRetryHours: 1 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/does not allow this/),
    });
    expect(await storedHours()).toBe(48);
  });
});
