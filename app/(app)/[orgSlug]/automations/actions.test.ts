import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { db } from "@/lib/db/client";
import * as actions from "./actions";
import * as outbox from "@/lib/platform/outbox";

/** Retry and Resume now on the automations page, by role, against the Jira emulator and a real database. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_writes",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const signInAs = (key: string, org?: "acme" | "globex") => Object.assign(session, demoSession(key, org));

describe("retrying and resuming outbound writes from the page", () => {
  let jira: JiraEmulator;
  let orgId: string;
  const userId: Record<string, string> = {};

  const setFaults = (faults: object) =>
    fetch(`${jira.url}/__emulator/faults`, { method: "PUT", body: JSON.stringify(faults) });
  /** A ticket create Jira refuses (no project NOPE), made by `who`. */
  const failedCreate = async (who: string, issueId: string) => {
    const outcome = await outbox.performWrite({
      orgId,
      operation: "jira.issue.create",
      args: {
        projectKey: "NOPE",
        issueType: "Bug",
        summary: "Crash",
        description: { type: "doc", version: 1, content: [] },
        priority: "High",
        labels: [],
      },
      orderingKey: `sentry-issue:${issueId}`,
      idempotencyKey: `sentry-ticket:${issueId}`,
      actor: { type: "user", id: userId[who], label: `${who}@acme.test` },
      summary: `Created a Jira bug for Sentry issue ${issueId}`,
      target: { type: "sentry_issue", id: issueId },
    });
    expect(outcome.status).toBe("failed");
    return outcome.intentId;
  };

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "writeactions",
    seed: () => ({ urls: { jira: jira.url, sentry: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    for (const key of ["ada", "grace", "linus", "ken"])
      userId[key] = (await db.user.findUniqueOrThrow({ where: { email: `${key}@acme.test` } })).id;
  });
  beforeEach(async () => {
    session.user = null;
    await setFaults({ errorRate: 0 });
  });
  afterAll(async () => {
    await jira.close();
  });

  it("a failed intent blocks its key forever: a manager retries someone else's failed write, audited as the manager", async () => {
    const intentId = await failedCreate("linus", "7001");
    signInAs("grace");
    expect(await actions.retryWriteAction({ orgSlug: "acme", intentId })).toEqual({
      ok: true,
      data: { status: "failed", message: expect.stringMatching(/^Failed again: 400/) },
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId, action: "outbox.write_retried" } });
    expect(audit).toMatchObject({ actorId: userId.grace, actorLabel: "grace@acme.test", targetId: "7001" });
  });

  it("a failed intent blocks its key forever: a member retries their own failed write but not a colleague's", async () => {
    const own = await failedCreate("linus", "7002");
    const colleagues = await failedCreate("ken", "7003");
    signInAs("linus");
    expect(await actions.retryWriteAction({ orgSlug: "acme", intentId: colleagues })).toEqual({
      ok: false,
      error: "Only admins and managers can retry writes someone else made.",
    });
    expect((await db.outboxIntent.findUniqueOrThrow({ where: { id: colleagues } })).retriedAt).toBeNull();
    const result = await actions.retryWriteAction({ orgSlug: "acme", intentId: own });
    expect(result.ok).toBe(true);
    expect((await db.outboxIntent.findUniqueOrThrow({ where: { id: own } })).retriedAt).not.toBeNull();
  });

  it("a failed intent blocks its key forever: Resume now sends a waiting write at once", async () => {
    await setFaults({ errorRate: 1, errorStatus: 503 });
    const waiting = await outbox.performWrite({
      orgId,
      operation: "jira.issue.assign",
      args: { issueKey: "ACME-4", accountId: null },
      orderingKey: "jira:ACME-4",
      idempotencyKey: "resume-from-page",
      actor: { type: "user", id: userId.ada, label: "ada@acme.test" },
      summary: "Unassigned ACME-4",
      target: { type: "jira_issue", id: "ACME-4" },
    });
    expect(waiting.status).toBe("pending");
    await setFaults({ errorRate: 0 });
    signInAs("ada");
    expect(await actions.resumeWriteAction({ orgSlug: "acme", intentId: waiting.intentId })).toEqual({
      ok: true,
      data: { status: "succeeded", message: "Done: the write went through." },
    });
    expect((await db.outboxIntent.findUniqueOrThrow({ where: { id: waiting.intentId } })).status).toBe("succeeded");
  });

  it("a failed intent blocks its key forever: an admin of another org gets a 404 for acme's writes, and an unknown id names no write", async () => {
    const intentId = await failedCreate("ada", "7004");
    signInAs("hedy");
    await expect(actions.retryWriteAction({ orgSlug: "acme", intentId })).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/,
    );
    // Through their own org, acme's write does not exist.
    expect(await actions.retryWriteAction({ orgSlug: "globex", intentId })).toEqual({
      ok: false,
      error: "That write no longer exists.",
    });
    expect((await db.outboxIntent.findUniqueOrThrow({ where: { id: intentId } })).status).toBe("failed");
    signInAs("ada");
    expect(await actions.retryWriteAction({ orgSlug: "acme", intentId: "" })).toMatchObject({
      ok: false,
      fieldErrors: { intentId: "name the write" },
    });
  });
});
