import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SENTRY_DEMO_AUTH_TOKEN } from "@/lib/platform/config/demo";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import type * as TriageModule from "./triage";
import { db } from "@/lib/db/client";
import * as triage from "./triage";

type SentryIssue = {
  id: string;
  shortId: string;
  status: string;
  substatus: string | null;
  assignedTo: { type: string; id: string; email: string } | null;
};

/**
 * Triage against a real database and the Sentry emulator, as the MCP tool
 * calls it (an agent actor, an email assignee): the change reaches Sentry
 * through the outbox, is audited as the agent, and a repeat writes nothing new.
 */
describe("triageSentryIssues, end to end", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let orgId: string;
  const actor = { type: "agent" as const, id: "key_triage_test", label: "Triage test key" };

  const sentryApi = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${sentry.url}/api/0${path}`, {
      headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}` },
    });
    if (!response.ok) throw new Error(`Sentry ${path} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<T>;
  };
  const sentryIssue = (id: string) => sentryApi<SentryIssue>(`/organizations/acme/issues/${id}/`);
  /** A fresh issue per test, so tests never triage each other's. */
  const newIssue = async (label: string) => {
    const response = await fetch(`${sentry.url}/__emulator/orgs/acme/issues`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ project: "web", type: "TypeError", value: `${label} ${randomUUID()}`, level: "error" }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { issue: { id: string } }).issue.id;
  };
  const setSentryFaults = (faults: object | null) =>
    fetch(
      `${sentry.url}/__emulator/faults`,
      faults ? { method: "PUT", body: JSON.stringify(faults) } : { method: "DELETE" },
    );
  const run = (
    input: Partial<Parameters<typeof TriageModule.triageSentryIssues>[0]> & {
      issueIds: string[];
      action: TriageModule.TriageAction;
    },
  ) => triage.triageSentryIssues({ orgId, actor, requestId: "req-triage", idempotencyKey: randomUUID(), ...input });

  beforeAll(async () => {
    [jira, sentry] = await Promise.all([startJiraEmulator({ port: 0 }), startSentryEmulator({ port: 0 })]);
  });
  useSeededDatabase({ label: "triage", seed: () => ({ urls: { jira: jira.url, sentry: sentry.url } }) });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  beforeEach(async () => {
    await setSentryFaults(null);
  });
  afterAll(async () => {
    await Promise.all([jira?.close(), sentry?.close()]);
  });

  it("resolves issues in Sentry, audited as the agent", async () => {
    const ids = [await newIssue("Resolve me"), await newIssue("Resolve me too")];
    const key = randomUUID();
    const outcome = await run({ issueIds: ids, action: "resolve", idempotencyKey: key });
    expect(outcome).toEqual({ ok: true, data: { status: "succeeded", message: "Resolved: 2 issue(s)." } });
    for (const id of ids) expect((await sentryIssue(id)).status).toBe("resolved");

    const intent = await db.outboxIntent.findUniqueOrThrow({
      where: { orgId_idempotencyKey: { orgId, idempotencyKey: `triage:${key}` } },
    });
    expect(intent).toMatchObject({
      operation: "sentry.issues.update",
      status: "succeeded",
      actorType: "agent",
      actorId: actor.id,
      requestId: "req-triage",
      orderingKey: `sentry-bulk:${key}`,
    });
    const audit = await db.auditLog.findMany({ where: { orgId, targetId: ids.join(",") } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: "sentry.issues.update",
        actorType: "agent",
        actorId: actor.id,
        actorLabel: actor.label,
        result: "success",
      }),
    ]);
  });

  it("archives until escalating, and a repeat with the same key writes nothing new", async () => {
    const id = await newIssue("Archive me");
    const key = randomUUID();
    expect(await run({ issueIds: [id], action: "ignore", idempotencyKey: key })).toMatchObject({
      ok: true,
      data: { status: "succeeded", message: "Archived until escalating: 1 issue(s)." },
    });
    // Sentry's "archive until escalating" is the substatus, not a statusDetails flag.
    expect(await sentryIssue(id)).toMatchObject({ status: "ignored", substatus: "archived_until_escalating" });
    expect(await run({ issueIds: [id], action: "ignore", idempotencyKey: key })).toMatchObject({
      ok: true,
      data: { status: "succeeded" },
    });
    expect(await db.outboxIntent.count({ where: { orgId, idempotencyKey: `triage:${key}` } })).toBe(1);
    expect(await db.auditLog.count({ where: { orgId, targetId: id } })).toBe(1);
  });

  it("assigns to an active member by email, in any case, and unassigns without one", async () => {
    const id = await newIssue("Assign me");
    const member = await db.membership.findFirstOrThrow({
      where: { orgId, status: "active" },
      include: { user: true },
      orderBy: { createdAt: "asc" },
    });
    const outcome = await run({ issueIds: [id], action: "assign", assigneeEmail: member.user.email.toUpperCase() });
    expect(outcome).toEqual({
      ok: true,
      data: { status: "succeeded", message: `Assigned to ${member.user.name}: 1 issue(s).` },
    });
    expect((await sentryIssue(id)).assignedTo).toMatchObject({ type: "user", email: member.user.email });

    expect(await run({ issueIds: [id], action: "assign" })).toMatchObject({
      ok: true,
      data: { message: "Assigned to nobody: 1 issue(s)." },
    });
    expect((await sentryIssue(id)).assignedTo).toBeNull();
  });

  it("refuses to assign to someone who is not an active member, writing nothing", async () => {
    const id = await newIssue("Nobody to assign");
    const outsider = await db.user.findFirstOrThrow({ where: { memberships: { none: { orgId } } } });
    const before = await db.outboxIntent.count({ where: { orgId } });
    expect(await run({ issueIds: [id], action: "assign", assigneeEmail: outsider.email })).toEqual({
      ok: false,
      error: "That person is not an active member.",
      fieldErrors: { assigneeEmail: "is not an active member" },
    });
    expect(await run({ issueIds: [id], action: "assign", assigneeEmail: "nobody@nowhere.test" })).toMatchObject({
      ok: false,
      fieldErrors: { assigneeEmail: "is not an active member" },
    });

    const member = await db.membership.findFirstOrThrow({
      where: { orgId, status: "active", role: "member" },
      include: { user: true },
    });
    await db.membership.update({ where: { id: member.id }, data: { status: "deactivated" } });
    try {
      expect(await run({ issueIds: [id], action: "assign", assigneeEmail: member.user.email })).toMatchObject({
        ok: false,
        fieldErrors: { assigneeEmail: "is not an active member" },
      });
      expect(await run({ issueIds: [id], action: "assign", assigneeUserId: member.userId })).toMatchObject({
        ok: false,
        fieldErrors: { assigneeUserId: "is not an active member" },
      });
    } finally {
      await db.membership.update({ where: { id: member.id }, data: { status: "active" } });
    }
    expect(await db.outboxIntent.count({ where: { orgId } })).toBe(before);
    expect((await sentryIssue(id)).assignedTo).toBeNull();
  });

  it("keeps the change for later when Sentry is down", async () => {
    const id = await newIssue("Resolve me later");
    await setSentryFaults({ errorRate: 1, errorStatus: 503, pathPrefix: "/api/0/organizations/acme/issues/" });
    const outcome = await run({ issueIds: [id], action: "resolveInNextRelease" });
    expect(outcome).toEqual({
      ok: true,
      data: {
        status: "pending",
        message: "Sentry is not answering; the change is saved and will be applied automatically.",
      },
    });
    await setSentryFaults(null);
    expect((await sentryIssue(id)).status).toBe("unresolved");
  });
});
