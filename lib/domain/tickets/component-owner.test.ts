import { describe, expect, it } from "vitest";
import { componentOwner } from "./component-owner";

const work = [
  { accountId: "ada", component: "Platform", completedAt: "2026-11-01" },
  { accountId: "grace", component: "Platform", completedAt: "2026-11-03" },
  { accountId: "grace", component: "Platform", completedAt: "2026-11-05" },
  { accountId: "linus", component: "Platform", completedAt: "2026-11-20" },
  { accountId: "linus", component: "Platform", completedAt: "2026-11-21" },
  { accountId: "ken", component: "Billing", completedAt: "2026-11-22" },
];

describe("componentOwner", () => {
  it("picks who completed the most work in the component, breaking ties by recency", () => {
    expect(componentOwner(work, "Platform", new Set(["ada", "grace", "linus", "ken"]))).toEqual({
      accountId: "linus",
      completed: 2,
    });
  });

  it("only considers eligible people (active members with a Jira account)", () => {
    expect(componentOwner(work, "Platform", new Set(["ada", "grace"]))).toEqual({ accountId: "grace", completed: 2 });
  });

  it("has no owner for a component nobody worked on", () => {
    expect(componentOwner(work, "Customs", new Set(["ada"]))).toBeNull();
  });
});
