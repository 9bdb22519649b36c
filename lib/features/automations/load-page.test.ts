import { beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { loadAutomationsPage } from "./load-page";

const HOUR = 3_600_000;

/**
 * The page's summary tiles count what the lists beneath them show: a delivery counted in "Deliveries (24 h)"
 * is one the webhook list has, whichever service sent it.
 */
describe("automations page counters", () => {
  useSeededDatabase({ label: "automations-page", seed: false });
  let orgId: string;
  let userId: string;
  const now = new Date();

  beforeAll(async () => {
    const org = await db.organization.create({ data: { slug: "tally", name: "Tally", workosOrgId: "org_tally" } });
    const user = await db.user.create({ data: { workosUserId: "user_tally", email: "ada@tally.test", name: "Ada" } });
    orgId = org.id;
    userId = user.id;
    const delivery = (source: "sentry" | "github" | "jira", key: string, hoursAgo: number) => ({
      orgId,
      source,
      idempotencyKey: key,
      eventType: source === "jira" ? "jira:issue_updated" : source === "github" ? "create" : "issue.created",
      payload: {},
      status: "processed" as const,
      receivedAt: new Date(now.getTime() - hoursAgo * HOUR),
    });
    await db.webhookDelivery.createMany({
      data: [
        delivery("jira", "jira-1", 1),
        delivery("jira", "jira-2", 3),
        delivery("sentry", "sentry-1", 2),
        delivery("github", "github-1", 30),
      ],
    });
  });

  it("counts in 'Deliveries (24 h)' exactly the listed deliveries received in the last 24 hours", async () => {
    const page = await loadAutomationsPage({ orgId, orgSlug: "tally", userId, role: "admin", now });
    if (page.access !== "full") throw new Error("an admin sees the whole page");
    const listedInWindow = page.deliveries.filter((d) => d.receivedAt.getTime() >= now.getTime() - 24 * HOUR);
    expect(page.last24h.deliveries).toBe(listedInWindow.length);
    expect(page.deliveries.map((d) => d.source).sort()).toEqual(["github", "jira", "jira", "sentry"]);
  });
});
