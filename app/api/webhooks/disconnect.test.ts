import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_GITHUB_WEBHOOK_SECRETS, DEMO_SENTRY_WEBHOOK_SECRETS } from "@/lib/platform/config/demo";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type ServedRoutes, serveRoutes } from "@/test/route-server";
import { buildWorld } from "@/emulators/seed/world";
import { pullRequestPayload, signGithubPayload } from "@/emulators/github";
import { signBody } from "@/emulators/sentry";
import type * as IntegrationActions from "@/app/(app)/[orgSlug]/settings/integrations/actions";
import type * as GithubRoute from "./github/[orgSlug]/route";
import type * as SentryRoute from "./sentry/[orgSlug]/route";

/**
 * Disconnecting an integration stops its webhooks at once: the real disconnect
 * action runs against a real database with only the AuthKit session swapped
 * in, and deliveries signed with the old secret reach the real intake.
 */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_ada",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const world = buildWorld();
const ada = world.people.find((p) => p.key === "ada")!;

describe("disconnecting an integration and its webhooks", () => {
  let bosun: ServedRoutes;
  let actions: typeof IntegrationActions;
  let sentry: typeof SentryRoute;
  let github: typeof GithubRoute;

  const params = (orgSlug: string) => ({ params: Promise.resolve({ orgSlug }) });
  let nextId = 700_001;
  const deliverSentry = async () => {
    const id = String(nextId++);
    const body = JSON.stringify({
      action: "created",
      installation: { uuid: "install-acme" },
      data: {
        issue: {
          id,
          shortId: `WEB-${id}`,
          title: "Boom",
          culprit: "x",
          level: "error",
          status: "unresolved",
          permalink: `http://sentry.test/issues/${id}/`,
          project: { id: "1", slug: "web" },
          count: "1",
          userCount: 1,
          firstSeen: new Date().toISOString(),
          lastSeen: new Date().toISOString(),
        },
      },
    });
    const headers = {
      "content-type": "application/json",
      "sentry-hook-resource": "issue",
      "sentry-hook-timestamp": String(Math.floor(Date.now() / 1000)),
      "sentry-hook-signature": signBody(body, DEMO_SENTRY_WEBHOOK_SECRETS.acme),
    };
    return (await fetch(`${bosun.url}/api/webhooks/sentry/acme`, { method: "POST", headers, body })).status;
  };
  const deliverGithub = async () => {
    const body = JSON.stringify(
      pullRequestPayload({
        repo: "acme/platform",
        number: nextId++,
        title: "ACME-1 Fix berth lookup",
        branch: "ACME-1-berths",
      }),
    );
    const headers = {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": crypto.randomUUID(),
      "x-hub-signature-256": signGithubPayload(body, DEMO_GITHUB_WEBHOOK_SECRETS.acme),
    };
    return (await fetch(`${bosun.url}/api/webhooks/github/acme`, { method: "POST", headers, body })).status;
  };

  useSeededDatabase({ label: "hookdisconnect" });
  beforeAll(async () => {
    bosun = await serveRoutes({
      "/api/webhooks/sentry/acme": (request) => sentry.POST(request, params("acme")),
      "/api/webhooks/github/acme": (request) => github.POST(request, params("acme")),
    });
    [actions, sentry, github] = await Promise.all([
      import("@/app/(app)/[orgSlug]/settings/integrations/actions"),
      import("./sentry/[orgSlug]/route"),
      import("./github/[orgSlug]/route"),
    ]);
    session.user = { id: ada.workosUserId, email: ada.email };
    session.organizationId = world.orgs.find((o) => o.slug === "acme")!.workosOrgId;
  });
  afterAll(async () => {
    await bosun.close();
  });

  it("finding 9 (webhook secret cache): a Sentry delivery signed with the old secret is refused right after disconnect", async () => {
    // Accepted first, which also puts the secret in this process's cache.
    expect(await deliverSentry()).toBe(202);
    expect(await actions.disconnectIntegrationAction({ orgSlug: "acme", provider: "sentry" })).toMatchObject({
      ok: true,
    });
    expect(await deliverSentry()).toBe(404);
  });

  it("finding 9 (webhook secret cache): a GitHub delivery signed with the old secret is refused right after disconnect", async () => {
    expect(await deliverGithub()).toBe(202);
    expect(await actions.disconnectIntegrationAction({ orgSlug: "acme", provider: "github" })).toMatchObject({
      ok: true,
    });
    expect(await deliverGithub()).toBe(404);
  });
});
