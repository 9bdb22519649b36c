import { describe, expect, it } from "vitest";
import { PermanentJobError } from "@/lib/platform/jobs";
import { automationEventSchema } from "./event-schema";
import { readQueuedDelivery } from "./queued-delivery";

describe("readQueuedDelivery", () => {
  const branch = {
    type: "git.branch",
    repo: "acme/platform",
    branch: "ACME-1-berths",
    url: "https://github.com/acme/platform/tree/ACME-1-berths",
  };

  it("gives the delivery and the event intake queued with it", () => {
    expect(readQueuedDelivery({ deliveryId: "d1", event: branch }, automationEventSchema)).toEqual({
      deliveryId: "d1",
      event: branch,
    });
  });

  it("a job queued with its delivery's id alone has no event", () => {
    expect(readQueuedDelivery({ deliveryId: "d1" }, automationEventSchema)).toEqual({ deliveryId: "d1", event: null });
  });

  it("a job without a delivery, or with an event of another shape, is dead on arrival with the reason", () => {
    expect(() => readQueuedDelivery({}, automationEventSchema)).toThrow(
      new PermanentJobError("The job names no delivery"),
    );
    expect(() =>
      readQueuedDelivery(
        { deliveryId: "d1", event: { type: "git.branch", repo: "acme/platform" } },
        automationEventSchema,
      ),
    ).toThrow(/delivery d1 .*branch/);
    expect(() =>
      readQueuedDelivery(
        { deliveryId: "d1", event: { type: "git.branch", repo: "acme/platform" } },
        automationEventSchema,
      ),
    ).toThrow(PermanentJobError);
  });
});
