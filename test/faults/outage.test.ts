import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { buildWorld } from "@/emulators/seed/world";
import { JIRA_DEMO_API_TOKEN } from "@/lib/platform/config/demo";
import { useSeededDatabase } from "@/test/fixtures/database";
import { recordFigure } from "./figures";
import { db } from "@/lib/db/client";
import * as outbox from "@/lib/platform/outbox";

type Applied = { method: string; path: string; body: string };

/**
 * Stands between Bosun and the Jira emulator and notes every write Jira
 * accepted (a 2xx answer to anything but GET), in the order Jira answered:
 * the order the writes were applied in.
 */
async function startWriteRecorder(upstream: string) {
  const applied: Applied[] = [];
  const target = new URL(upstream);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const forward = http.request(
        {
          hostname: target.hostname,
          port: target.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          const status = answer.statusCode ?? 502;
          if (req.method !== "GET" && status >= 200 && status < 300)
            applied.push({ method: req.method ?? "", path: req.url ?? "", body: body.toString("utf8") });
          res.writeHead(status, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on("error", () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    applied,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const MINUTE = 60_000;
const OUTAGE_MINUTES = 30;

/**
 * A 30-minute Jira outage while people and automations keep working: writes
 * to three issues (assign, comment, move forward, comment, reassign, move on,
 * comment) are recorded interleaved across the issues while every Jira call
 * answers 503. The outbox's clock is stepped a minute at a time through the
 * outage and then on after recovery, so no test waits. Every write must be
 * applied, once, and in the order it was recorded for its issue.
 */
describe("a 30-minute Jira outage", () => {
  let jira: JiraEmulator;
  let recorder: Awaited<ReturnType<typeof startWriteRecorder>>;
  let orgId: string;
  const world = buildWorld();
  const accountOf = (key: string) => world.people.find((p) => p.key === key)!.jiraAccountId;
  const auth = {
    authorization: `Basic ${Buffer.from(`ada@acme.test:${JIRA_DEMO_API_TOKEN}`).toString("base64")}`,
    "content-type": "application/json",
  };

  const setFaults = (faults: object) =>
    fetch(`${jira.url}/__emulator/faults`, { method: "PUT", body: JSON.stringify(faults) });
  const jiraGet = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${jira.url}/acme/rest/api/3/${path}`, { headers: auth });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const textOf = (doc: { content?: { content?: { text?: string }[] }[] }) =>
    (doc.content ?? []).flatMap((block) => (block.content ?? []).map((node) => node.text ?? "")).join("");
  const commentDoc = (text: string) => ({
    type: "doc" as const,
    version: 1 as const,
    content: [{ type: "paragraph", content: [{ type: "text", text }] }],
  });

  /** The writes one issue gets, in the order they are made, and how each shows in what Jira applied. */
  const plan = (issueKey: string) => [
    {
      kind: `assign:${accountOf("ken")}`,
      operation: "jira.issue.assign" as const,
      args: { issueKey, accountId: accountOf("ken") },
    },
    {
      kind: `comment:${issueKey} triaged`,
      operation: "jira.issue.comment" as const,
      args: { issueKey, body: commentDoc(`${issueKey} triaged`) },
    },
    {
      kind: "transition",
      operation: "jira.issue.transition_forward" as const,
      args: { issueKey, targetStatus: "In Progress", statusOrder: ["To Do", "In Progress", "In Review", "Done"] },
    },
    {
      kind: `comment:${issueKey} fix under way`,
      operation: "jira.issue.comment" as const,
      args: { issueKey, body: commentDoc(`${issueKey} fix under way`) },
    },
    {
      kind: `assign:${accountOf("donald")}`,
      operation: "jira.issue.assign" as const,
      args: { issueKey, accountId: accountOf("donald") },
    },
    {
      kind: "transition",
      operation: "jira.issue.transition_forward" as const,
      args: { issueKey, targetStatus: "In Review", statusOrder: ["To Do", "In Progress", "In Review", "Done"] },
    },
    {
      kind: `comment:${issueKey} ready for review`,
      operation: "jira.issue.comment" as const,
      args: { issueKey, body: commentDoc(`${issueKey} ready for review`) },
    },
  ];

  /** What Jira applied to one issue, as the same kinds, a multi-step move counted once. */
  const appliedTo = (issueKey: string) => {
    const kinds: string[] = [];
    for (const write of recorder.applied) {
      const match = /\/rest\/api\/3\/issue\/([^/?]+)\/(assignee|comment|transitions)/.exec(write.path);
      if (!match || decodeURIComponent(match[1]!) !== issueKey) continue;
      const body = JSON.parse(write.body || "{}") as { accountId?: string; body?: Parameters<typeof textOf>[0] };
      const kind =
        match[2] === "assignee"
          ? `assign:${body.accountId}`
          : match[2] === "comment"
            ? `comment:${textOf(body.body ?? {})}`
            : "transition";
      if (!(kind === "transition" && kinds.at(-1) === "transition")) kinds.push(kind);
    }
    return kinds;
  };

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
    recorder = await startWriteRecorder(jira.url);
  });
  useSeededDatabase({
    label: "faultsoutage",
    seed: () => ({ urls: { jira: recorder.url, sentry: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  afterAll(async () => {
    await setFaults({ errorRate: 0 });
    await recorder.close();
    await jira.close();
  });

  it("R3: 0 writes lost, every write applied once and in recorded order per issue after recovery", async () => {
    const found = await jiraGet<{ issues: { key: string }[] }>(
      "search/jql?jql=" +
        encodeURIComponent('project = ACME AND status = "To Do" ORDER BY key ASC') +
        "&maxResults=3&fields=status",
    );
    const issueKeys = found.issues.map((issue) => issue.key);
    expect(issueKeys).toHaveLength(3);
    const plans = new Map(issueKeys.map((key) => [key, plan(key)]));

    await setFaults({ errorRate: 1, errorStatus: 503 });
    const start = Date.now();
    let clock = start;
    const step = { now: () => new Date(clock), random: () => 0.5 };

    // Recorded interleaved across the issues, as a busy morning would: the first write to each issue is tried at once and fails.
    let recorded = 0;
    for (let index = 0; index < 7; index++) {
      for (const issueKey of issueKeys) {
        const write = plans.get(issueKey)![index]!;
        const outcome = await outbox.performWrite({
          orgId,
          operation: write.operation,
          args: write.args as never,
          orderingKey: `jira:${issueKey}`,
          idempotencyKey: `outage:${issueKey}:${index}`,
          actor: { type: "user", id: null, label: "grace@acme.test" },
          summary: `${write.kind} on ${issueKey}`,
          target: { type: "jira_issue", id: issueKey },
        });
        expect(outcome.status).toBe("pending");
        recorded++;
      }
    }

    // Thirty minutes of outage, a worker pass every minute: every try fails, nothing is applied, nothing given up.
    let triesDuringOutage = 0;
    while (clock < start + OUTAGE_MINUTES * MINUTE) {
      clock += MINUTE;
      const outcomes = await outbox.drainOutbox(step);
      triesDuringOutage += outcomes.length;
      expect(outcomes.every((o) => o.status === "pending")).toBe(true);
    }
    expect(recorder.applied).toEqual([]);
    expect(await db.outboxIntent.count({ where: { orgId, status: { in: ["failed", "dead", "succeeded"] } } })).toBe(0);
    expect(triesDuringOutage).toBeGreaterThan(0);

    // Jira is back: the worker drains, each pass taking the oldest unfinished write of each issue.
    await setFaults({ errorRate: 0 });
    let passes = 0;
    while ((await db.outboxIntent.count({ where: { orgId, status: { in: ["pending", "in_flight"] } } })) > 0) {
      expect(++passes, "drained within 20 passes").toBeLessThanOrEqual(20);
      clock += 16 * MINUTE;
      await outbox.drainOutbox(step);
    }

    const intents = await db.outboxIntent.findMany({ where: { orgId, idempotencyKey: { startsWith: "outage:" } } });
    const succeeded = intents.filter((intent) => intent.status === "succeeded").length;
    const lost = recorded - succeeded;
    expect(intents).toHaveLength(recorded);
    expect(lost).toBe(0);

    let outOfOrder = 0;
    for (const issueKey of issueKeys) {
      const expected = plans.get(issueKey)!.map((write) => write.kind);
      const applied = appliedTo(issueKey);
      if (JSON.stringify(applied) !== JSON.stringify(expected)) outOfOrder++;
      expect(applied, issueKey).toEqual(expected);
      // Jira's own record agrees: the last assignee, the last move, and the comments in the order written, each once.
      const issue = await jiraGet<{ fields: { assignee: { accountId: string } | null; status: { name: string } } }>(
        `issue/${issueKey}?fields=assignee,status`,
      );
      expect(issue.fields.assignee?.accountId).toBe(accountOf("donald"));
      expect(issue.fields.status.name).toBe("In Review");
      const comments = await jiraGet<{ comments: { body: Parameters<typeof textOf>[0] }[] }>(
        `issue/${issueKey}/comment`,
      );
      expect(
        comments.comments.map((comment) => textOf(comment.body)).filter((text) => text.startsWith(issueKey)),
      ).toEqual([`${issueKey} triaged`, `${issueKey} fix under way`, `${issueKey} ready for review`]);
    }
    // Within each issue the outbox finished the writes in the order they were recorded.
    for (const issueKey of issueKeys) {
      const mine = intents
        .filter((intent) => intent.orderingKey === `jira:${issueKey}`)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const finished = [...mine].sort((a, b) => a.completedAt!.getTime() - b.completedAt!.getTime());
      expect(finished.map((intent) => intent.id)).toEqual(mine.map((intent) => intent.id));
    }
    const audited = await db.auditLog.count({
      where: { orgId, action: { startsWith: "jira.issue." }, result: "success" },
    });
    expect(audited).toBe(recorded);

    recordFigure({
      id: "R3",
      scenario: `a ${OUTAGE_MINUTES}-minute Jira outage (503) during ${recorded} writes to ${issueKeys.length} issues`,
      measure: "writes lost",
      value: lost,
      goal: 0,
      met: lost === 0,
    });
    recordFigure({
      id: "R3",
      scenario: `a ${OUTAGE_MINUTES}-minute Jira outage (503) during ${recorded} writes to ${issueKeys.length} issues`,
      measure: "issues whose writes were applied out of recorded order",
      value: outOfOrder,
      goal: 0,
      met: outOfOrder === 0,
    });
  });
});
