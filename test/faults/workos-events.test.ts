import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WORKOS_DEMO_WEBHOOK_SECRET } from "@/lib/platform/config/demo";
import { openTestDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { type RunningWorkosEmulator, signWorkosWebhook, startWorkosEmulator } from "@/emulators/workos";
import { buildWorld } from "@/emulators/seed/world";
import { recordFigure } from "./figures";

/**
 * WorkOS events through the real route and the job queue, into real
 * PostgreSQL, with the WorkOS emulator answering the API calls Bosun makes.
 * The emulator sends no webhooks itself: each test reads the events it emitted
 * from GET /events and delivers them, signed, in whatever order and as often
 * as the test needs — as WorkOS may.
 */
type WorkosEventBody = { id: string; event: string; data: Record<string, unknown>; created_at: string };

type Bosun = Awaited<ReturnType<typeof bootBosun>>;

const world = buildWorld();
const acme = world.orgs.find((o) => o.slug === "acme")!;
const person = (key: string) => world.people.find((p) => p.key === key)!;

let workos: RunningWorkosEmulator;

const control = (path: string, body: unknown, method = "POST") =>
  fetch(`${workos.url}/__emulator${path}`, { method, body: JSON.stringify(body) });
const directory = async (change: object) => {
  const response = await control("/directory/users", { organization: "acme", ...change });
  if (!response.ok) throw new Error(`directory change failed: ${response.status} ${await response.text()}`);
};
const setFaults = (faults: object) => control("/faults", faults, "PUT");

/** Everything WorkOS emitted after `since` (an event id), oldest first, as webhooks carry them. */
async function eventsSince(since: string | null): Promise<WorkosEventBody[]> {
  const query = new URLSearchParams({ limit: "100", order: "asc", ...(since ? { after: since } : {}) });
  const response = await fetch(`${workos.url}/events?${query}`, {
    headers: { authorization: `Bearer ${workos.apiKey}` },
  });
  const page = (await response.json()) as { data: (WorkosEventBody & { object?: string })[] };
  return page.data.map(({ object: _object, ...event }) => event);
}
const lastEventId = async () => (workos.store.events.all().at(-1)?.id as string | undefined) ?? null;

/** A fresh, seeded Bosun (its own database) whose route and job queue are loaded against it. */
async function bootBosun(label: string) {
  const database = await openTestDatabase({ label });
  const { db } = database;
  setTestEnv({ WORKOS_API_PORT: String(workos.port) });
  const route = await import("@/app/api/webhooks/workos/route");
  const { drainJobs } = await import("@/lib/platform/jobs");
  const { JOB_HANDLERS } = await import("@/lib/features/automations/handlers");

  const deliver = async (event: WorkosEventBody) => {
    const body = JSON.stringify(event);
    const response = await route.POST(
      new Request("http://bosun.test/api/webhooks/workos", {
        method: "POST",
        body,
        headers: { "workos-signature": signWorkosWebhook(body, WORKOS_DEMO_WEBHOOK_SECRET) },
      }),
    );
    return { status: response.status, body: (await response.json()) as { status: string } };
  };
  /** Runs every due job, as the worker would, until none is left. */
  const drain = async () => {
    for (
      let outcomes = await drainJobs({ handlers: JOB_HANDLERS });
      outcomes.length > 0;
      outcomes = await drainJobs({ handlers: JOB_HANDLERS })
    ) {
      // keep going: a pass takes at most a batch
    }
  };
  /** Jobs waiting for a retry become due now (the queue's clock is the database's, so the wait is skipped, not slept). */
  const makeRetriesDue = () => db.job.updateMany({ where: { status: "queued" }, data: { runAt: new Date(0) } });
  const acmeOrg = await db.organization.findUniqueOrThrow({ where: { slug: "acme" } });
  const close = () => database.close();
  return { db, deliver, drain, makeRetriesDue, acmeOrg, close };
}

/** What a run of events leaves behind, in terms that do not depend on generated ids. */
async function finalState(bosun: Bosun) {
  const { db } = bosun;
  const users = await db.user.findMany({
    select: { workosUserId: true, email: true, name: true },
    orderBy: { workosUserId: "asc" },
  });
  const memberships = (
    await db.membership.findMany({
      select: {
        role: true,
        status: true,
        directoryManaged: true,
        org: { select: { slug: true } },
        user: { select: { email: true } },
      },
    })
  )
    .map((m) => `${m.org.slug}/${m.user.email}: ${m.role} ${m.status}${m.directoryManaged ? " directory" : ""}`)
    .sort();
  const revokedBosunSessions = (
    await db.userSession.findMany({ where: { revokedAt: { not: null } }, select: { workosSessionId: true } })
  )
    .map((s) => s.workosSessionId)
    .sort();
  const workosRevocations = (
    await db.outboxIntent.findMany({
      where: { operation: "workos.session.revoke" },
      select: { status: true, payload: true },
    })
  )
    .map((i) => `${(i.payload as { args: { sessionId: string } }).args.sessionId}: ${i.status}`)
    .sort();
  const audit = await db.auditLog.groupBy({
    by: ["action", "targetId"],
    where: { action: { startsWith: "member." } },
    _count: { _all: true },
  });
  const emailById = new Map(
    (await db.user.findMany({ select: { id: true, email: true } })).map((u) => [u.id, u.email]),
  );
  const auditEntries = audit.map((a) => `${a.action} ${emailById.get(a.targetId ?? "")}: ${a._count._all}`).sort();
  const unfinished = await db.webhookDelivery.count({
    where: { source: "workos", status: { notIn: ["processed", "ignored"] } },
  });
  const jobsLeft = await db.job.count({ where: { status: { not: "succeeded" } } });
  return { users, memberships, revokedBosunSessions, workosRevocations, auditEntries, unfinished, jobsLeft };
}

const sessionsOf = async (workosUserId: string) =>
  (
    (await (await fetch(`${workos.url}/__emulator/sessions?user_id=${workosUserId}`)).json()) as {
      sessions: { id: string; status: string }[];
    }
  ).sessions;

beforeAll(async () => {
  workos = await startWorkosEmulator({ port: 0 });
});
beforeEach(() =>
  setFaults({ errorRate: 0, dropResponseRate: 0, dropResponseCount: 0, pathPrefix: null, methods: null }),
);
afterAll(async () => {
  restoreTestEnv();
  await workos.close();
});

describe("WorkOS events arriving out of order", () => {
  let bosun: Bosun;
  beforeAll(async () => {
    bosun = await bootBosun("workosorder");
  });
  afterAll(() => bosun.close());

  it("defect (WorkOS order): organization_membership.created before user.created fetches the user from WorkOS and provisions the member", async () => {
    const since = await lastEventId();
    await directory({
      action: "create",
      email: "nora.early@acme.test",
      firstName: "Nora",
      lastName: "Early",
      role: "manager",
    });
    const events = await eventsSince(since);
    const membershipCreated = events.find((e) => e.event === "organization_membership.created")!;
    const userCreated = events.find((e) => e.event === "user.created")!;

    expect((await bosun.deliver(membershipCreated)).status).toBe(202);
    await bosun.drain();
    const member = await bosun.db.membership.findFirstOrThrow({
      where: { orgId: bosun.acmeOrg.id, user: { email: "nora.early@acme.test" } },
      include: { user: true },
    });
    expect(member).toMatchObject({ role: "manager", status: "active", directoryManaged: true });
    expect(member.user).toMatchObject({ name: "Nora Early", workosUserId: userCreated.data.id });

    // user.created, late, changes nothing and is not a failure.
    expect((await bosun.deliver(userCreated)).status).toBe(202);
    await bosun.drain();
    expect(
      await bosun.db.webhookDelivery.findMany({
        where: { idempotencyKey: { in: [membershipCreated.id, userCreated.id] } },
        select: { status: true },
      }),
    ).toEqual([{ status: "processed" }, { status: "processed" }]);
    expect(await bosun.db.auditLog.count({ where: { action: "member.provisioned", targetId: member.userId } })).toBe(1);
    // Redeliveries of events already applied are duplicates.
    expect((await bosun.deliver(membershipCreated)).body).toEqual({ status: "duplicate" });
  });

  it("defect (WorkOS order): while WorkOS cannot be reached for the missing user, the event is retried, not recorded as ignored", async () => {
    const since = await lastEventId();
    await directory({ action: "create", email: "omar.offline@acme.test", firstName: "Omar", lastName: "Offline" });
    const membershipCreated = (await eventsSince(since)).find((e) => e.event === "organization_membership.created")!;
    await setFaults({
      errorRate: 1,
      errorStatus: 503,
      methods: ["GET"],
      pathPrefix: `/user_management/users/${membershipCreated.data.user_id as string}`,
    });

    await bosun.deliver(membershipCreated);
    await bosun.drain();
    const delivery = await bosun.db.webhookDelivery.findFirstOrThrow({
      where: { idempotencyKey: membershipCreated.id },
    });
    expect(delivery.status).toBe("received");
    expect(await bosun.db.job.findFirstOrThrow({ where: { singletonKey: { endsWith: delivery.id } } })).toMatchObject({
      status: "queued",
      lastError: expect.stringContaining("503"),
    });
    expect(await bosun.db.membership.count({ where: { user: { email: "omar.offline@acme.test" } } })).toBe(0);

    await setFaults({ errorRate: 0 });
    await bosun.makeRetriesDue();
    await bosun.drain();
    expect(
      await bosun.db.membership.findFirstOrThrow({ where: { user: { email: "omar.offline@acme.test" } } }),
    ).toMatchObject({ status: "active", role: "member" });
    expect((await bosun.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status).toBe("processed");
  });

  it("defect (WorkOS order): a late membership.updated (active) after the membership was deleted does not re-activate the member", async () => {
    const since = await lastEventId();
    await directory({ action: "create", email: "pat.late@acme.test", firstName: "Pat", lastName: "Late" });
    await directory({ action: "update", email: "pat.late@acme.test", role: "manager" });
    await directory({ action: "delete", email: "pat.late@acme.test" });
    const events = (await eventsSince(since)).filter(
      (e) => e.event.startsWith("user.") || e.event.startsWith("organization_membership."),
    );
    expect(events.map((e) => e.event)).toEqual([
      "user.created",
      "organization_membership.created",
      "organization_membership.updated",
      "organization_membership.deleted",
    ]);
    const [userCreated, created, updated, deleted] = events as [
      WorkosEventBody,
      WorkosEventBody,
      WorkosEventBody,
      WorkosEventBody,
    ];

    for (const event of [userCreated, created, deleted, updated]) {
      await bosun.deliver(event);
      await bosun.drain();
    }
    const member = await bosun.db.membership.findFirstOrThrow({ where: { user: { email: "pat.late@acme.test" } } });
    expect(member.status).toBe("deactivated");
    // The deletion carries the membership as it last was (promoted); the older update is skipped, not applied.
    expect(member.role).toBe("manager");
    expect((await bosun.db.webhookDelivery.findFirstOrThrow({ where: { idempotencyKey: updated.id } })).status).toBe(
      "ignored",
    );
    const audit = await bosun.db.auditLog.findMany({ where: { targetId: member.userId }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["member.deprovisioned", "member.provisioned"]);
  });

  it("defect (WorkOS order): a directory suspension older than the membership's newest event does not undo it, and one newer is not undone by an older re-activation", async () => {
    const ken = await bosun.db.user.findUniqueOrThrow({ where: { email: person("ken").email } });
    const since = await lastEventId();
    await directory({ action: "deactivate", email: ken.email });
    await directory({ action: "reactivate", email: ken.email });
    const events = await eventsSince(since);
    const suspended = events.find((e) => e.event === "dsync.user.updated" && e.data.state === "inactive")!;
    const [membershipInactive, membershipActive] = events.filter(
      (e) => e.event === "organization_membership.updated",
    ) as [WorkosEventBody, WorkosEventBody];

    // Newest first: the re-activation, then the suspension and the deactivation it caused, both older.
    for (const event of [membershipActive, membershipInactive, suspended]) {
      await bosun.deliver(event);
      await bosun.drain();
    }
    expect(
      (await bosun.db.membership.findFirstOrThrow({ where: { userId: ken.id, orgId: bosun.acmeOrg.id } })).status,
    ).toBe("active");
    expect(await bosun.db.auditLog.count({ where: { action: "member.deprovisioned", targetId: ken.id } })).toBe(0);
  });
});

describe("deprovisioning exactly once", () => {
  let bosun: Bosun;
  beforeAll(async () => {
    bosun = await bootBosun("workosdeprov");
  });
  afterAll(() => bosun.close());

  it("defect (deprovision retry): the session listing fails on the first try — every session is still revoked and exactly one audit entry written", async () => {
    const linus = await bosun.db.user.findUniqueOrThrow({ where: { email: person("linus").email } });
    await bosun.db.userSession.create({
      data: { workosSessionId: "session_linus_bosun", userId: linus.id, orgId: bosun.acmeOrg.id },
    });
    for (let i = 0; i < 2; i++)
      expect(
        (await control("/sessions", { user_id: linus.workosUserId, organization_id: acme.workosOrgId })).status,
      ).toBe(201);
    const since = await lastEventId();
    await directory({ action: "deactivate", email: linus.email });
    const suspended = (await eventsSince(since)).find((e) => e.event === "dsync.user.updated")!;

    // Every try of the listing fails (the SDK's own retries included): the job's first attempt fails midway.
    await setFaults({
      errorRate: 1,
      errorStatus: 503,
      methods: ["GET"],
      pathPrefix: `/user_management/users/${linus.workosUserId}/sessions`,
    });
    await bosun.deliver(suspended);
    await bosun.drain();
    // Access ended at once, even though the revocation has to wait.
    expect(
      (await bosun.db.membership.findFirstOrThrow({ where: { userId: linus.id, orgId: bosun.acmeOrg.id } })).status,
    ).toBe("deactivated");
    expect(await bosun.db.auditLog.count({ where: { action: "member.deprovisioned", targetId: linus.id } })).toBe(0);
    expect((await sessionsOf(linus.workosUserId)).filter((s) => s.status === "active")).toHaveLength(2);

    await setFaults({ errorRate: 0 });
    await bosun.makeRetriesDue();
    await bosun.drain();
    // WorkOS redelivers it too (twice), as it would after a slow answer.
    for (let i = 0; i < 2; i++) await bosun.deliver(suspended);
    await bosun.drain();

    const workosSessions = await sessionsOf(linus.workosUserId);
    expect(workosSessions).toHaveLength(2);
    expect(workosSessions.every((s) => s.status === "revoked")).toBe(true);
    expect(
      await bosun.db.userSession.findUniqueOrThrow({ where: { workosSessionId: "session_linus_bosun" } }),
    ).toMatchObject({ revokedAt: expect.any(Date) });
    const audit = await bosun.db.auditLog.findMany({ where: { action: "member.deprovisioned", targetId: linus.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain("2 session(s) revoked");
    expect(
      await bosun.db.outboxIntent.count({ where: { operation: "workos.session.revoke", status: "succeeded" } }),
    ).toBe(2);
    expect((await bosun.db.webhookDelivery.findFirstOrThrow({ where: { idempotencyKey: suspended.id } })).status).toBe(
      "processed",
    );
    recordFigure({
      id: "R3",
      scenario:
        "WorkOS session listing fails on the first attempt of a deprovisioning, which is also redelivered twice",
      measure: "WorkOS sessions revoked / member.deprovisioned audit entries",
      value: `${workosSessions.filter((s) => s.status === "revoked").length}/2, ${audit.length}`,
      goal: "2/2, 1",
      met: true,
    });
  });

  it("revokes every session of someone with more than one page of them (WorkOS lists 100 at most per page)", async () => {
    const donald = await bosun.db.user.findUniqueOrThrow({ where: { email: person("donald").email } });
    for (let i = 0; i < 101; i++)
      await control("/sessions", { user_id: donald.workosUserId, organization_id: acme.workosOrgId });
    const since = await lastEventId();
    await directory({ action: "delete", email: donald.email });
    for (const event of (await eventsSince(since)).filter((e) => e.event !== "session.created"))
      await bosun.deliver(event);
    await bosun.drain();
    const sessions = await sessionsOf(donald.workosUserId);
    expect(sessions).toHaveLength(101);
    expect(sessions.filter((s) => s.status !== "revoked")).toEqual([]);
    const audit = await bosun.db.auditLog.findMany({ where: { action: "member.deprovisioned", targetId: donald.id } });
    expect(audit.map((a) => a.summary)).toEqual([expect.stringContaining("101 session(s) revoked")]);
  });

  it("an event that fails for a reason retrying cannot fix uses up its attempts, then its delivery is marked failed and its job dead", async () => {
    // The SDK refuses a path with a dot segment before sending anything: not a failure waiting can fix.
    const event = {
      id: "event_unfetchable_user",
      event: "organization_membership.created",
      data: { id: "om_x", user_id: "..", organization_id: acme.workosOrgId, status: "active" },
      created_at: new Date().toISOString(),
    };
    expect((await bosun.deliver(event)).status).toBe(202);
    const delivery = await bosun.db.webhookDelivery.findFirstOrThrow({ where: { idempotencyKey: event.id } });
    const job = () => bosun.db.job.findFirstOrThrow({ where: { singletonKey: { endsWith: delivery.id } } });
    for (let pass = 0; pass < 20 && (await job()).status !== "dead"; pass++) {
      await bosun.makeRetriesDue();
      await bosun.drain();
    }
    expect(await job()).toMatchObject({ status: "dead", attempts: 15 });
    expect(await bosun.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "failed",
      error: expect.any(String),
    });
  });

  it("a delivery that failed for good goes back on the queue when WorkOS redelivers it, instead of being answered as a duplicate", async () => {
    const barbara = await bosun.db.user.findUniqueOrThrow({ where: { email: person("barbara").email } });
    const since = await lastEventId();
    await directory({ action: "delete", email: barbara.email });
    const deleted = (await eventsSince(since)).find((e) => e.event === "organization_membership.deleted")!;
    await bosun.deliver(deleted);
    const delivery = await bosun.db.webhookDelivery.findFirstOrThrow({ where: { idempotencyKey: deleted.id } });
    // The state every attempt failing leaves behind (WorkOS being down only delays a job, so this takes
    // another kind of failure): the job dead, the delivery failed.
    await bosun.db.job.updateMany({
      where: { singletonKey: { endsWith: delivery.id } },
      data: { status: "dead", attempts: 15, deadAt: new Date() },
    });
    await bosun.db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "failed", error: "gave up" } });

    const again = await bosun.deliver(deleted);
    expect(again).toEqual({ status: 202, body: expect.objectContaining({ status: "queued" }) });
    expect(await bosun.db.job.findFirstOrThrow({ where: { singletonKey: { endsWith: delivery.id } } })).toMatchObject({
      status: "queued",
      attempts: 0,
      deadAt: null,
    });
    await bosun.drain();
    expect((await bosun.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status).toBe("processed");
    expect(
      (await bosun.db.membership.findFirstOrThrow({ where: { userId: barbara.id, orgId: bosun.acmeOrg.id } })).status,
    ).toBe("deactivated");
    expect(await bosun.db.auditLog.count({ where: { action: "member.deprovisioned", targetId: barbara.id } })).toBe(1);
    // Once processed, a further redelivery is a duplicate again.
    expect((await bosun.deliver(deleted)).body).toEqual({ status: "duplicate" });
  });
});

describe("R3: the same WorkOS events in order, and newest first with each delivered twice", () => {
  it("leaves the same users, memberships, roles, revoked sessions and audit entries", async () => {
    // WorkOS as seeded, matching the fresh Bosun databases below.
    await control("/reset", {});
    const linus = person("linus");
    const linusSessions: string[] = [];
    for (let i = 0; i < 2; i++)
      linusSessions.push(
        (
          (await (
            await control("/sessions", { user_id: linus.workosUserId, organization_id: acme.workosOrgId })
          ).json()) as { session: { id: string } }
        ).session.id,
      );

    // A realistic stretch of directory activity at Acme.
    const since = await lastEventId();
    await directory({
      action: "create",
      email: "rita.r3@acme.test",
      firstName: "Rita",
      lastName: "Newhire",
      role: "member",
    });
    await directory({ action: "update", email: "rita.r3@acme.test", lastName: "Married-Name" });
    await directory({ action: "update", email: person("grace").email, role: "member" });
    await directory({ action: "deactivate", email: linus.email });
    await directory({ action: "delete", email: person("donald").email });
    await directory({ action: "update", email: person("margaret").email, firstName: "Maggie" });
    const events = await eventsSince(since);
    expect(new Set(events.map((e) => e.event))).toEqual(
      new Set([
        "dsync.user.created",
        "user.created",
        "organization_membership.created",
        "dsync.user.updated",
        "user.updated",
        "organization_membership.updated",
        "dsync.user.deleted",
        "organization_membership.deleted",
      ]),
    );
    const sessionsWereLive = async () => {
      // WorkOS as it was before either run: Linus's two sessions live.
      for (const session of workos.store.sessions.all())
        if (linusSessions.includes(session.id)) Object.assign(session, { status: "active", endedAt: null });
    };
    const seedBosunSession = async (bosun: Bosun) => {
      const user = await bosun.db.user.findUniqueOrThrow({ where: { email: linus.email } });
      await bosun.db.userSession.create({
        data: { workosSessionId: "session_linus_r3", userId: user.id, orgId: bosun.acmeOrg.id },
      });
    };

    const inOrder = await bootBosun("workosr3order");
    await seedBosunSession(inOrder);
    for (const event of events) {
      await inOrder.deliver(event);
      await inOrder.drain();
    }
    const expected = await finalState(inOrder);
    await inOrder.close();

    await sessionsWereLive();
    const reversed = await bootBosun("workosr3rev");
    await seedBosunSession(reversed);
    const answers: string[] = [];
    for (const event of [...events].reverse()) {
      answers.push((await reversed.deliver(event)).body.status, (await reversed.deliver(event)).body.status);
      await reversed.drain();
    }
    const actual = await finalState(reversed);
    await reversed.close();

    // All at once, newest first and twice each, then run by the queue four at a time: events about one
    // object race each other, and the clock's row lock must still let only the newest one win.
    await sessionsWereLive();
    const concurrent = await bootBosun("workosr3conc");
    await seedBosunSession(concurrent);
    for (const event of [...events].reverse())
      await Promise.all([concurrent.deliver(event), concurrent.deliver(event)]);
    await concurrent.drain();
    const raced = await finalState(concurrent);
    await concurrent.close();

    expect(answers.filter((a) => a === "duplicate")).toHaveLength(events.length);
    expect(expected.unfinished).toBe(0);
    expect(expected.jobsLeft).toBe(0);
    expect(expected.memberships).toEqual(
      expect.arrayContaining([
        "acme/rita.r3@acme.test: member active directory",
        "acme/grace@acme.test: member active directory",
        "acme/linus@acme.test: member deactivated directory",
        "acme/donald@acme.test: member deactivated directory",
      ]),
    );
    expect(expected.users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: "rita.r3@acme.test", name: "Rita Married-Name" }),
        expect.objectContaining({ email: "margaret@acme.test", name: "Maggie Hamilton" }),
      ]),
    );
    expect(expected.workosRevocations).toEqual(linusSessions.map((id) => `${id}: succeeded`).sort());
    expect(expected.auditEntries).toEqual([
      "member.deprovisioned donald@acme.test: 1",
      "member.deprovisioned linus@acme.test: 1",
      "member.provisioned rita.r3@acme.test: 1",
      "member.synced grace@acme.test: 1",
    ]);
    const differences = (Object.keys(expected) as (keyof typeof expected)[]).filter(
      (key) =>
        JSON.stringify(expected[key]) !== JSON.stringify(actual[key]) ||
        JSON.stringify(expected[key]) !== JSON.stringify(raced[key]),
    );
    expect(actual).toEqual(expected);
    expect(raced).toEqual(expected);
    recordFigure({
      id: "R3",
      scenario: `${events.length} WorkOS events (users created/renamed, memberships created/updated/deleted, a directory user suspended) delivered newest first, each twice, through the route and the job queue (one at a time, and all at once run four at a time)`,
      measure:
        "parts of the final state (users, memberships, roles, statuses, sessions revoked, audit entries per kind) that differ from in-order delivery",
      value: differences.length,
      goal: 0,
      met: differences.length === 0,
    });
  });
});
