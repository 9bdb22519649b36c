import { describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import * as clocks from "./directory-clock";

/** The compare-and-set on a directory object's clock, against real PostgreSQL. */
describe("claimClock", () => {
  const object = (objectId: string) => ({ objectType: "membership" as const, objectId });
  const at = (iso: string, eventId: string) => ({ at: new Date(iso), eventId });
  const claim = (objectId: string, stamp: ReturnType<typeof at>) =>
    clocks.inDirectoryTransaction((tx) => clocks.claimClock(tx, object(objectId), stamp));

  useSeededDatabase({ label: "dirclock", seed: false });

  it("applies the first event, newer ones and the same event again; refuses older ones", async () => {
    expect(await claim("user_a:org_1", at("2026-12-01T10:00:00.000Z", "event_02"))).toBe(true);
    expect(await claim("user_a:org_1", at("2026-12-01T10:00:00.000Z", "event_02"))).toBe(true);
    expect(await claim("user_a:org_1", at("2026-12-01T10:00:00.000Z", "event_01"))).toBe(false);
    expect(await claim("user_a:org_1", at("2026-12-01T09:59:59.999Z", "event_09"))).toBe(false);
    expect(await claim("user_a:org_1", at("2026-12-01T10:00:00.000Z", "event_03"))).toBe(true);
    // Another object has a clock of its own.
    expect(await claim("user_b:org_1", at("2026-12-01T08:00:00.000Z", "event_00"))).toBe(true);
  });

  it("a refused event changes nothing, and a rolled-back claim leaves the clock as it was", async () => {
    expect(await claim("user_c:org_1", at("2026-12-01T12:00:00.000Z", "event_10"))).toBe(true);
    await expect(
      clocks.inDirectoryTransaction(async (tx) => {
        await clocks.claimClock(tx, object("user_c:org_1"), at("2026-12-01T13:00:00.000Z", "event_20"));
        throw new Error("the event's own writes failed");
      }),
    ).rejects.toThrow("the event's own writes failed");
    // The failed newer event did not advance the clock, so an event between the two still applies.
    expect(await claim("user_c:org_1", at("2026-12-01T12:30:00.000Z", "event_15"))).toBe(true);
  });

  it("of events racing for one object, each waits for the one before and none older than the newest committed wins", async () => {
    const stamps = Array.from({ length: 12 }, (_, i) =>
      at(new Date(Date.UTC(2026, 11, 1, 14, 0, i)).toISOString(), `event_${String(i).padStart(2, "0")}`),
    );
    const order = [...stamps].sort(() => Math.random() - 0.5);
    const applied: string[] = [];
    await Promise.all(
      order.map((stamp) =>
        clocks.inDirectoryTransaction(async (tx) => {
          if (await clocks.claimClock(tx, object("user_d:org_1"), stamp)) applied.push(stamp.eventId);
        }),
      ),
    );
    // Whatever order they ran in, what was applied was increasingly new, and the newest was applied.
    expect([...applied].sort()).toEqual(applied);
    expect(applied.at(-1)).toBe("event_11");
    expect(await claim("user_d:org_1", stamps[10]!)).toBe(false);
  });
});
