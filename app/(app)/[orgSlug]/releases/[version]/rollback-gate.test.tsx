import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { upsertRollbackGate } from "@/lib/db/queries/rollback-gates";
import { RollbackGate } from "./rollback-gate";

// The controls refresh the page through the App Router, which only a running Next app provides.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));

/** The release page's rollback panel as the server renders it, from gates in a real database. */
describe("rollback gate panel", () => {
  let orgId: string;
  useSeededDatabase({ label: "rollbackpanel" });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    await upsertRollbackGate({
      orgId,
      release: "2.14.0",
      environment: "production",
      evidence: {
        release: "2.14.0",
        environment: "production",
        previousRelease: "2.13.0",
        deployedAt: "2026-12-03T09:00:00.000Z",
        evaluatedAt: "2026-12-03T12:00:00.000Z",
        signals: [
          {
            kind: "crash_free_drop",
            text: "Crash-free sessions fell to 97.00%",
            current: 97,
            previous: 99.8,
            dropPoints: 2.8,
          },
          { kind: "performance", text: 'Slower: <img src=x onerror="alert(1)">', metric: "lcpP75", changePercent: 26 },
        ],
        summary: "Crash-free sessions fell to 97.00%.",
      },
    });
  });
  const render = async (canDecide: boolean, version = "2.14.0") => {
    const element = await RollbackGate({ orgId, orgSlug: "acme", version, canDecide });
    return element ? renderToStaticMarkup(element) : "";
  };

  it("shows a manager the evidence, escaped, and the decision with its confirmation dialogs", async () => {
    const html = await render(true);
    expect(html).toContain('aria-labelledby="rollback-gate-');
    expect(html).toContain("Rollback recommended: 2.14.0 in production");
    expect(html).toContain("waiting for a decision");
    expect(html).toContain("Crash-free sessions fell to 97.00%");
    expect(html).toContain("Slower: &lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toContain("<img");
    expect(html).toContain("The release before it is 2.13.0.");
    for (const label of ["Approve rollback…", "Dismiss…", "Dry run", "Approve rollback", "Dismiss rollback"])
      expect(html).toContain(`>${label}</button>`);
    expect(html.match(/<dialog[^>]*aria-labelledby="(approve|dismiss)-/g)).toHaveLength(2);
    expect(html).toMatch(/<textarea[^>]*name="reason"[^>]*required/);
  });

  it("shows a member the gate without a way to decide it", async () => {
    const html = await render(false);
    expect(html).toContain("Rollback recommended: 2.14.0 in production");
    expect(html).not.toContain("<button");
    expect(html).toContain("A manager or admin can approve or dismiss it.");
  });

  it("tells a manager when no hook is connected, instead of offering an approval that cannot be sent", async () => {
    await db.integrationConnection.updateMany({
      where: { orgId, provider: "rollback_hook" },
      data: { status: "disconnected", encryptedCredentials: "" },
    });
    const html = await render(true);
    expect(html).not.toContain("Approve rollback");
    expect(html).toContain("No rollback hook is connected");
  });

  it("renders nothing for a release without a gate", async () => {
    expect(await render(true, "2.13.0")).toBe("");
  });
});
