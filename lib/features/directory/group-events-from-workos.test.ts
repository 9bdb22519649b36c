import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorkosEmulator, startWorkosEmulator } from "@/emulators/workos";
import { WORKOS_DEMO_API_KEY } from "@/emulators/seed/world";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { db } from "@/lib/db/client";
import { workosEventSchema, type WorkosEvent } from "./events";
import { handleWorkosEvent } from "./handle-workos-event";

/**
 * A new hire put in the "Platform" group by the IdP, as the WorkOS emulator reports it: the group event comes
 * before the person's membership, waits (fails, for the queue to retry), and lands once the membership has.
 */
describe("directory group events from WorkOS", () => {
  let workos: RunningWorkosEmulator;
  beforeAll(async () => {
    workos = await startWorkosEmulator({ port: 0 });
    setTestEnv({ WORKOS_API_PORT: String(workos.port) });
  });
  useSeededDatabase({ label: "dsync-workos-groups" });
  afterAll(async () => {
    restoreTestEnv();
    await workos.close();
  });

  async function emittedEvents(ids: string[]): Promise<WorkosEvent[]> {
    const response = await fetch(
      `${workos.url}/events?limit=100&order=desc&events=${[
        "user.created",
        "organization_membership.created",
        "dsync.group.user_added",
      ].join(",")}`,
      { headers: { authorization: `Bearer ${WORKOS_DEMO_API_KEY}` } },
    );
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: unknown[] };
    const wanted = new Set(ids);
    return data
      .map((e) => workosEventSchema.parse(e))
      .filter((e) => wanted.has(e.id))
      .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  }

  it("puts the new hire on #platform once their membership exists", async () => {
    const created = await fetch(`${workos.url}/__emulator/directory/users`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        organization: "acme",
        action: "create",
        email: "new.hire@acme.test",
        firstName: "New",
        lastName: "Hire",
        groups: ["Platform"],
      }),
    });
    expect(created.status).toBe(200);
    const { events } = (await created.json()) as { events: { id: string; event: string }[] };
    const emitted = await emittedEvents(events.map((e) => e.id));
    const groupEvent = emitted.find((e) => e.event === "dsync.group.user_added");
    expect(groupEvent).toBeDefined();
    if (!groupEvent) return;

    // WorkOS reports the group first: the person is not a member yet, so the event waits.
    await expect(handleWorkosEvent(groupEvent)).rejects.toThrow(/not a member of Acme Maritime yet/);
    for (const event of emitted.filter((e) => e.event !== "dsync.group.user_added")) await handleWorkosEvent(event);
    expect(await handleWorkosEvent(groupEvent)).toEqual({
      status: "processed",
      note: "new.hire@acme.test added to #platform",
    });
    const members = await db.teamMember.findMany({
      where: { team: { slug: "platform", org: { slug: "acme" } } },
      select: { membershipId: true },
    });
    const hire = await db.membership.findFirstOrThrow({ where: { user: { email: "new.hire@acme.test" } } });
    expect(members.map((m) => m.membershipId)).toContain(hire.id);
  });
});
