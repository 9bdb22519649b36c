import { describe, expect, it } from "vitest";
import { clockObjectOf, compareStamps, mayApply, membershipClock, stampOf } from "./event-order";

const at = (iso: string, eventId: string) => ({ at: new Date(iso), eventId });

describe("compareStamps", () => {
  it("orders by event time first", () => {
    expect(
      compareStamps(at("2026-12-01T10:00:00.000Z", "event_B"), at("2026-12-01T10:00:00.001Z", "event_A")),
    ).toBeLessThan(0);
    expect(
      compareStamps(at("2026-12-01T10:00:01.000Z", "event_A"), at("2026-12-01T10:00:00.000Z", "event_B")),
    ).toBeGreaterThan(0);
  });

  it("breaks ties on the time by the ULID event id, which sorts by creation", () => {
    const first = at("2026-12-01T10:00:00.000Z", "event_01JEXAMPLE0000000000000001");
    const second = at("2026-12-01T10:00:00.000Z", "event_01JEXAMPLE0000000000000002");
    expect(compareStamps(first, second)).toBeLessThan(0);
    expect(compareStamps(second, first)).toBeGreaterThan(0);
  });

  it("compares ids by code unit, as PostgreSQL's C collation does (digits before capitals)", () => {
    expect(
      compareStamps(at("2026-12-01T10:00:00.000Z", "event_01J9"), at("2026-12-01T10:00:00.000Z", "event_01JA")),
    ).toBeLessThan(0);
  });

  it("is 0 for the same event", () => {
    expect(compareStamps(at("2026-12-01T10:00:00.000Z", "event_X"), at("2026-12-01T10:00:00.000Z", "event_X"))).toBe(0);
  });
});

describe("mayApply", () => {
  const removed = at("2026-12-01T10:05:00.000Z", "event_02");
  it("defect (WorkOS order): a membership update older than the removal already applied is skipped", () => {
    expect(mayApply(at("2026-12-01T10:04:59.999Z", "event_01"), removed)).toBe(false);
  });

  it("applies newer events and the first event an object sees", () => {
    expect(mayApply(at("2026-12-01T10:05:00.001Z", "event_03"), removed)).toBe(true);
    expect(mayApply(removed, null)).toBe(true);
  });

  it("applies the same event again, so a retry after a failure midway can finish it", () => {
    expect(mayApply(at("2026-12-01T10:05:00.000Z", "event_02"), removed)).toBe(true);
  });
});

describe("clockObjectOf", () => {
  it("keys user events by the WorkOS user", () => {
    expect(clockObjectOf({ event: "user.updated", data: { id: "user_1", email: "a@b.test" } })).toEqual({
      objectType: "user",
      objectId: "user_1",
    });
  });

  it("keys membership events by (user, organization), so a re-created membership shares the clock of the one removed", () => {
    const created = clockObjectOf({
      event: "organization_membership.created",
      data: { id: "om_new", user_id: "user_1", organization_id: "org_1" },
    });
    const deleted = clockObjectOf({
      event: "organization_membership.deleted",
      data: { id: "om_old", user_id: "user_1", organization_id: "org_1" },
    });
    expect(created).toEqual(deleted);
    expect(created).toEqual(membershipClock({ workosUserId: "user_1", workosOrgId: "org_1" }));
  });

  it("keys directory events by the directory user", () => {
    expect(
      clockObjectOf({ event: "dsync.user.updated", data: { id: "directory_user_1", state: "suspended" } }),
    ).toEqual({ objectType: "directory_user", objectId: "directory_user_1" });
  });

  it("orders nothing else, nor events missing the ids they need", () => {
    expect(clockObjectOf({ event: "session.created", data: { id: "session_1" } })).toBeNull();
    expect(
      clockObjectOf({ event: "organization_membership.updated", data: { id: "om_1", user_id: "user_1" } }),
    ).toBeNull();
    expect(clockObjectOf({ event: "user.created", data: { id: "" } })).toBeNull();
  });
});

describe("stampOf", () => {
  it("reads the event's time and id", () => {
    expect(stampOf({ id: "event_1", created_at: "2026-12-01T10:00:00.000Z" })).toEqual(
      at("2026-12-01T10:00:00.000Z", "event_1"),
    );
  });
});
