import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { buildWorld } from "@/emulators/seed/world";
import { type RunningWorkosEmulator, startWorkosEmulator } from "@/emulators/workos";
import { SENTRY_DEMO_AUTH_TOKEN } from "@/lib/platform/config/demo";
import * as outbox from "@/lib/platform/outbox";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { recordFigure } from "./figures";
import { db } from "@/lib/db/client";

/**
 * The other creates Bosun makes: a Sentry issue's link to its Jira ticket and a
 * WorkOS invitation. Neither service takes an idempotency key for them, and both
 * refuse a second one (Sentry keeps one link per issue and app, WorkOS one pending
 * invitation per address and org), so a retry after a lost answer must find the
 * first instead of failing over its own success or doubling it.
 */
describe("Sentry links and WorkOS invitations are exactly-once when the answer is lost", () => {
  let sentry: RunningSentryEmulator;
  let workos: RunningWorkosEmulator;
  let orgId: string;
  const world = buildWorld();
  const acmeWorkosOrgId = world.orgs.find((o) => o.slug === "acme")!.workosOrgId;
  const actor = { type: "user" as const, label: "ada@acme.test" };

  const setFaults = async (url: string, faults: Record<string, unknown> | null) => {
    const response = await fetch(
      `${url}/__emulator/faults`,
      faults
        ? { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(faults) }
        : { method: "DELETE" },
    );
    expect(response.ok).toBe(true);
  };
  const sentryGet = async <T>(path: string): Promise<T> =>
    (
      await fetch(`${sentry.url}/api/0${path}`, { headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}` } })
    ).json() as Promise<T>;
  const workosGet = async <T>(path: string): Promise<T> =>
    (
      await fetch(`${workos.url}${path}`, { headers: { authorization: "Bearer sk_test_bosun_demo" } })
    ).json() as Promise<T>;

  let clock = Date.now();
  const pass = () => {
    clock += 16 * 60_000;
    return outbox.drainOutbox({ now: () => new Date(clock), random: () => 0.5 });
  };

  beforeAll(async () => {
    [sentry, workos] = await Promise.all([startSentryEmulator({ port: 0 }), startWorkosEmulator({ port: 0 })]);
  });
  useSeededDatabase({
    label: "faultslinkinvite",
    seed: () => ({ urls: { jira: "http://127.0.0.1:1", sentry: sentry.url } }),
  });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    setTestEnv({ WORKOS_API_PORT: String(workos.port) });
  });
  afterEach(async () => {
    await Promise.all([setFaults(sentry.url, null), setFaults(workos.url, null)]);
  });
  afterAll(async () => {
    restoreTestEnv();
    await Promise.all([sentry.close(), workos.close()]);
  });

  it("defect (Sentry link at-least-once): an external-issue link whose answer was dropped is found on the retry, and the issue shows one link", async () => {
    const [installation] = await sentryGet<{ uuid: string }[]>("/organizations/acme/sentry-app-installations/");
    const [issue] = await sentryGet<{ id: string }[]>("/organizations/acme/issues/?limit=1&statsPeriod=14d");
    const webUrl = "http://127.0.0.1:4102/acme/browse/ACME-4242";
    await setFaults(sentry.url, {
      dropResponseRate: 1,
      methods: ["POST"],
      pathPrefix: "/api/0/sentry-app-installations/",
    });
    const first = await outbox.performWrite({
      orgId,
      operation: "sentry.issue.link_external",
      args: { installationUuid: installation!.uuid, issueId: issue!.id, webUrl, project: "ACME", identifier: "4242" },
      orderingKey: `sentry-issue:${issue!.id}`,
      idempotencyKey: `sentry-ticket:${issue!.id}:external-link`,
      actor,
      summary: "Showed ACME-4242 on the Sentry issue",
    });
    expect(first).toMatchObject({ status: "pending" });
    // Still dropping: the retry must not post again (Sentry would answer a second link with a 500).
    expect((await pass()).map((o) => o.status)).toEqual(["succeeded"]);

    const links = await sentryGet<{ webUrl: string; displayName: string }[]>(
      `/organizations/acme/issues/${issue!.id}/external-issues/`,
    );
    expect(links).toEqual([expect.objectContaining({ webUrl, displayName: "ACME#4242" })]);
    expect(await db.auditLog.count({ where: { orgId, action: "sentry.issue.link_external", result: "success" } })).toBe(
      1,
    );
    recordFigure({
      id: "R2",
      scenario: "Sentry drops the answer to an external-issue link",
      measure: "links on the Sentry issue",
      value: links.length,
      goal: 1,
      met: true,
    });
  });

  it("defect (WorkOS invitation at-least-once): an invitation whose answer was dropped is found on the retry instead of failing as already invited", async () => {
    const email = "dropped.invite@acme.test";
    await setFaults(workos.url, { dropResponseRate: 1, methods: ["POST"], pathPrefix: "/user_management/invitations" });
    const first = await outbox.performWrite({
      orgId,
      operation: "workos.invitation.send",
      args: { email, workosOrgId: acmeWorkosOrgId, role: "member" },
      orderingKey: `invitation:${email}`,
      idempotencyKey: "invite-dropped",
      actor,
      summary: `Invited ${email}`,
    });
    expect(first).toMatchObject({ status: "pending" });
    const [retried] = await pass();
    expect(retried).toMatchObject({
      status: "succeeded",
      result: { email, state: "pending", organizationId: acmeWorkosOrgId },
    });

    const invitations = await workosGet<{ data: { id: string; email: string; state: string }[] }>(
      `/user_management/invitations?organization_id=${acmeWorkosOrgId}&email=${encodeURIComponent(email)}`,
    );
    expect(invitations.data.map((i) => [i.email, i.state])).toEqual([[email, "pending"]]);
    expect((retried as { result: { id: string } }).result.id).toBe(invitations.data[0]!.id);
    recordFigure({
      id: "R2",
      scenario: "WorkOS drops the answer to an invitation",
      measure: "invitations sent to the address",
      value: invitations.data.length,
      goal: 1,
      met: true,
    });
  });
});
