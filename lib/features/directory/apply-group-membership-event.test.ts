import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_TEAMS } from "@/emulators/seed/sentry-ownership";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { eventOrganizationId, workosEventSchema } from "./events";
import { handleWorkosEvent } from "./handle-workos-event";

/** Directory groups fill teams: WorkOS dsync.group.user_added / user_removed, in WorkOS's documented shape. */
describe("directory group events", () => {
  useSeededDatabase({ label: "dsync-groups" });
  let acme: { id: string; workosOrgId: string };
  const groupId = DEMO_TEAMS.acme?.find((t) => t.slug === "platform")?.directoryGroupId ?? "";

  beforeAll(async () => {
    acme = await db.organization.findUniqueOrThrow({ where: { slug: "acme" } });
  });

  let seq = 0;
  /** A group event as WorkOS sends it (see the dsync.group.user_added example in WorkOS's docs). */
  const groupEvent = (type: "added" | "removed", email: string, createdAt: string, group = groupId) =>
    workosEventSchema.parse({
      id: `event_01GROUP${String(++seq).padStart(4, "0")}`,
      event: type === "added" ? "dsync.group.user_added" : "dsync.group.user_removed",
      created_at: createdAt,
      data: {
        directory_id: "directory_01ECAZ4NV9QMV47GW873HDCX74",
        user: {
          id: `directory_user_${email.split("@")[0]}`,
          directory_id: "directory_01ECAZ4NV9QMV47GW873HDCX74",
          organization_id: acme.workosOrgId,
          email,
          emails: [{ primary: true, type: "work", value: email }],
          first_name: "X",
          last_name: "Y",
          state: "active",
        },
        group: {
          id: group,
          directory_id: "directory_01ECAZ4NV9QMV47GW873HDCX74",
          organization_id: acme.workosOrgId,
          name: "Platform engineers",
        },
      },
    });

  const platformEmails = async () =>
    (
      await db.teamMember.findMany({
        where: { orgId: acme.id, team: { slug: "platform" } },
        select: { membershipId: true },
      })
    ).length;

  it("records the delivery against the org the group belongs to", () => {
    expect(eventOrganizationId(groupEvent("added", "barbara@acme.test", "2026-12-01T10:00:00.000Z"))).toBe(
      acme.workosOrgId,
    );
  });

  it("adds the person to the teams that follow the group, audited, once however often it is delivered", async () => {
    const before = await platformEmails();
    const event = groupEvent("added", "barbara@acme.test", "2026-12-01T10:00:00.000Z");
    expect(await handleWorkosEvent(event)).toEqual({
      status: "processed",
      note: "barbara@acme.test added to #platform",
    });
    expect(await handleWorkosEvent(event)).toMatchObject({
      status: "processed",
      note: expect.stringContaining("already"),
    });
    expect(await platformEmails()).toBe(before + 1);
    const audit = await db.auditLog.findMany({ where: { orgId: acme.id, action: "team.member_added" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "system", actorLabel: "WorkOS directory sync" });
    expect(audit[0]?.summary).toContain("joined directory group Platform engineers");
  });

  it("removes them when they leave, and an older 'added' delivered late does not bring them back", async () => {
    const before = await platformEmails();
    expect(await handleWorkosEvent(groupEvent("removed", "barbara@acme.test", "2026-12-01T11:00:00.000Z"))).toEqual({
      status: "processed",
      note: "barbara@acme.test removed from #platform",
    });
    expect(await platformEmails()).toBe(before - 1);
    expect(await handleWorkosEvent(groupEvent("added", "barbara@acme.test", "2026-12-01T10:30:00.000Z"))).toMatchObject(
      {
        status: "ignored",
        note: expect.stringContaining("newer event"),
      },
    );
    expect(await platformEmails()).toBe(before - 1);
  });

  it("ignores groups no team follows and people who are not members", async () => {
    expect(
      await handleWorkosEvent(
        groupEvent("added", "linus@acme.test", "2026-12-01T12:00:00.000Z", "directory_group_01OTHER"),
      ),
    ).toEqual({ status: "ignored", note: "no team follows directory group Platform engineers" });
    expect(await handleWorkosEvent(groupEvent("added", "stranger@acme.test", "2026-12-01T12:00:00.000Z"))).toEqual({
      status: "ignored",
      note: "no matching Bosun member",
    });
  });

  it("never adds a member of another org: the group's org decides", async () => {
    const before = await platformEmails();
    expect(await handleWorkosEvent(groupEvent("added", "alan@globex.test", "2026-12-01T13:00:00.000Z"))).toMatchObject({
      status: "ignored",
    });
    expect(await platformEmails()).toBe(before);
  });

  it("refuses a group event without a group id at intake", () => {
    const parsed = workosEventSchema.safeParse({
      id: "event_bad",
      event: "dsync.group.user_added",
      created_at: "2026-12-01T10:00:00.000Z",
      data: { user: { id: "directory_user_x", email: "x@acme.test" }, group: {} },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain("data.group.id");
  });
});
