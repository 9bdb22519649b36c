import { describe, expect, it } from "vitest";
import { planErasure } from "./erasure-plan";

describe("planErasure", () => {
  it("refuses someone who is still an active member or has a pending invitation here", () => {
    expect(planErasure({ status: "active", elsewhere: [] })).toEqual({
      ok: false,
      reason: "still-member",
      status: "active",
    });
    expect(planErasure({ status: "invited", elsewhere: [] })).toEqual({
      ok: false,
      reason: "still-member",
      status: "invited",
    });
  });

  it("erases everywhere, name and e-mail included, when this was the person's last organization", () => {
    expect(planErasure({ status: "deactivated", elsewhere: [] })).toEqual({ ok: true, scope: "everywhere" });
  });

  it("erases only this organization's data while the person still belongs to another one", () => {
    expect(planErasure({ status: "deactivated", elsewhere: ["active"] })).toEqual({ ok: true, scope: "org" });
    expect(planErasure({ status: "deactivated", elsewhere: ["invited"] })).toEqual({ ok: true, scope: "org" });
  });

  it("keeps name and e-mail while another organization still holds its own departed membership, so its admins can still find and erase their mentions", () => {
    expect(planErasure({ status: "deactivated", elsewhere: ["deactivated"] })).toEqual({ ok: true, scope: "org" });
  });
});
