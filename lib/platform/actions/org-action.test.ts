import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { orgAction } from "./org-action";

vi.mock("@/lib/platform/auth/org", () => ({
  requireOrg: async (orgSlug: string) => ({
    org: {
      id: "org_1",
      slug: orgSlug,
      name: "Acme",
      workosOrgId: "org_w1",
      requireMfa: false,
      sessionIdleTimeoutMinutes: null,
    },
    user: { id: "user_1", workosUserId: "user_w1", email: "ada@acme.test", name: "Ada" },
    role: "admin",
    sessionId: "session_1",
  }),
}));

describe("orgAction", () => {
  it("turns a failed call to Jira into a failed result in plain words, keeping Jira's answer after it", async () => {
    const action = orgAction(z.object({ note: z.string().optional() }), "dashboards:view", async () => {
      throw new IntegrationError({
        service: "jira",
        reason: "bad_request",
        status: 400,
        message: "Jira answered 400: priority: Priority name 'P0' is not valid",
      });
    });
    const result = await action({ orgSlug: "acme" });
    expect(result).toEqual({
      ok: false,
      error:
        "Jira has no priority P0 — pick a priority that exists in Jira, or add it under Jira settings → Issues → Priorities. (Jira answered 400: priority: Priority name 'P0' is not valid)",
    });
  });

  it("lets any other error through, to the error page and Sentry", async () => {
    const action = orgAction(z.object({ note: z.string().optional() }), "dashboards:view", async () => {
      throw new Error("database down");
    });
    await expect(action({ orgSlug: "acme" })).rejects.toThrow("database down");
  });

  it("fuzz: refuses a NUL character anywhere in the input, naming the field, before anything reaches PostgreSQL", async () => {
    const run = vi.fn(async () => ({ ok: true as const, data: null }));
    const action = orgAction(
      z.object({ name: z.string(), stories: z.array(z.object({ title: z.string() })) }),
      "dashboards:view",
      run,
    );

    expect(await action({ orgSlug: "acme", name: "a\u0000b", stories: [] })).toEqual({
      ok: false,
      error: "name: must not contain NUL characters",
      fieldErrors: { name: "must not contain NUL characters" },
    });
    expect(
      await action({ orgSlug: "acme", name: "ok", stories: [{ title: "fine" }, { title: "\u0000" }] }),
    ).toMatchObject({ ok: false, fieldErrors: { "stories.1.title": "must not contain NUL characters" } });
    // Sparse arrays come through React's action payloads too.
    expect(await action({ orgSlug: "acme", name: "ok", stories: [, { title: "\u0000" }] as never })).toMatchObject({
      ok: false,
      fieldErrors: { "stories.1.title": "must not contain NUL characters" },
    });
    expect(run).not.toHaveBeenCalled();

    expect(await action({ orgSlug: "acme", name: "ok", stories: [{ title: "fine" }] })).toEqual({
      ok: true,
      data: null,
    });
    expect(run).toHaveBeenCalledOnce();
  });

  it("fuzz: refuses an unpaired surrogate anywhere in the input, naming the field, since PostgreSQL's JSON cannot hold one", async () => {
    const run = vi.fn(async () => ({ ok: true as const, data: null }));
    const action = orgAction(
      z.object({ name: z.string(), stories: z.array(z.object({ title: z.string() })) }),
      "dashboards:view",
      run,
    );
    for (const broken of ["\udfff\ud800", "a\ud800", "\udc00b"]) {
      expect(await action({ orgSlug: "acme", name: "ok", stories: [{ title: broken }] })).toEqual({
        ok: false,
        error: "stories.0.title: must not contain broken Unicode (an unpaired surrogate)",
        fieldErrors: { "stories.0.title": "must not contain broken Unicode (an unpaired surrogate)" },
      });
    }
    expect(run).not.toHaveBeenCalled();
    expect(await action({ orgSlug: "acme", name: "🦀 ok", stories: [{ title: "𝕏" }] })).toEqual({
      ok: true,
      data: null,
    });
  });

  it("hands the handler the signed-in user as the actor its audit entries and writes name", async () => {
    const run = vi.fn(async ({ actor }: { actor: unknown }) => ({ ok: true as const, data: actor }));
    const action = orgAction(z.object({ orgSlug: z.string() }), "dashboards:view", run);
    expect(await action({ orgSlug: "acme" })).toEqual({
      ok: true,
      data: { type: "user", id: "user_1", label: "ada@acme.test" },
    });
  });
});
