import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { db } from "@/lib/db/client";
import { DEFAULT_PERFORMANCE_SETTINGS, detectRegressions } from "@/lib/domain/performance";
import { releasePerformance } from "@/lib/domain/performance/test-support";
import { getPerformanceSettings, loadReleaseScorecards } from "@/lib/features/performance";
import { updatePerformanceSettingsAction } from "./performance-actions";

/** The org's performance thresholds, set through the real action against a real database and the Sentry emulator. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_performance",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  updateTag: () => undefined,
  revalidateTag: () => undefined,
}));

describe("performance settings", () => {
  let sentry: RunningSentryEmulator;
  let orgId: string;

  beforeAll(async () => {
    sentry = await startSentryEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "performancesettings",
    seed: () => ({ urls: { sentry: sentry.url, jira: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  afterAll(async () => {
    await sentry.close();
  });

  const stored = async () =>
    ((await db.organization.findUniqueOrThrow({ where: { id: orgId } })).settings as Record<string, unknown> | null)
      ?.performance;
  const audits = () => db.auditLog.findMany({ where: { orgId, action: "org.performance_settings_updated" } });
  const save = (settings: Partial<typeof DEFAULT_PERFORMANCE_SETTINGS>) =>
    updatePerformanceSettingsAction({ orgSlug: "acme", ...DEFAULT_PERFORMANCE_SETTINGS, ...settings });

  it("a member cannot change the thresholds", async () => {
    Object.assign(session, demoSession("linus"));
    expect(await save({ vitalRegressionPercent: 1 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/does not allow this/),
    });
    expect(await stored()).toBeUndefined();
    expect(await audits()).toEqual([]);
  });

  it("refuses out-of-range, fractional and missing thresholds naming the field, storing nothing", async () => {
    Object.assign(session, demoSession("ada"));
    for (const [field, value] of [
      ["vitalRegressionPercent", -1],
      ["apiLatencyRegressionPercent", 1001],
      ["minPageLoads", 0],
      ["minTransactions", 10.5],
      ["apdexThresholdMs", 60_001],
    ] as const) {
      expect(await save({ [field]: value })).toMatchObject({ ok: false, fieldErrors: { [field]: expect.any(String) } });
    }
    const { minTransactions: _missing, ...withoutOne } = { orgSlug: "acme", ...DEFAULT_PERFORMANCE_SETTINGS };
    expect(
      await updatePerformanceSettingsAction(withoutOne as Parameters<typeof updatePerformanceSettingsAction>[0]),
    ).toMatchObject({ ok: false, fieldErrors: { minTransactions: expect.any(String) } });
    expect(await stored()).toBeUndefined();
  });

  it("an admin's thresholds are stored, audited with before and after, and decide what counts as a regression", async () => {
    Object.assign(session, demoSession("ada"));
    const previous = releasePerformance("1.0.0", { lcp: [2000, 300], api: [400, 5000] });
    const current = releasePerformance("1.1.0", { lcp: [2240, 300], api: [440, 5000] });
    // +12% LCP on 300 page loads and +10% API p95: below the default thresholds and sample minimums.
    expect(detectRegressions(current, previous, await getPerformanceSettings({ orgId }))).toEqual([]);

    const lowered = { ...DEFAULT_PERFORMANCE_SETTINGS, vitalRegressionPercent: 10, minPageLoads: 200 };
    expect(await save(lowered)).toEqual({ ok: true, data: lowered });
    expect(await stored()).toEqual(lowered);
    expect(await audits()).toMatchObject([
      {
        actorLabel: "ada@acme.test",
        summary: "Performance thresholds: vitalRegressionPercent 15 → 10, minPageLoads 500 → 200",
        changes: { vitalRegressionPercent: { from: 15, to: 10 }, minPageLoads: { from: 500, to: 200 } },
      },
    ]);
    const settings = await getPerformanceSettings({ orgId });
    expect(detectRegressions(current, previous, settings).map((r) => r.metric)).toEqual(["lcpP75"]);

    await save({ ...lowered, apiLatencyRegressionPercent: 9.5 });
    expect(detectRegressions(current, previous, await getPerformanceSettings({ orgId })).map((r) => r.metric)).toEqual([
      "lcpP75",
      "apiP95",
    ]);

    // Saving the same values again changes nothing worth an audit entry.
    const before = (await audits()).length;
    expect(await save({ ...lowered, apiLatencyRegressionPercent: 9.5 })).toMatchObject({ ok: true });
    expect(await audits()).toHaveLength(before);
  });

  it("the release scorecards flag by the saved thresholds", async () => {
    Object.assign(session, demoSession("ada"));
    await save({});
    const lcpOf = async () => {
      const { scorecards, error } = await loadReleaseScorecards({ orgId });
      const card = scorecards.find((s) => s.version === "2.14.0");
      expect(card, error ?? "no scorecard for 2.14.0").toBeDefined();
      return card?.performanceRegressions.find((r) => r.metric === "lcpP75");
    };
    const flagged = await lcpOf();
    expect(flagged?.changePercent).toBeGreaterThan(DEFAULT_PERFORMANCE_SETTINGS.vitalRegressionPercent);

    // A threshold above 2.14.0's change (rounded to 0.1) clears the flag; so does asking for more page loads than it had.
    expect(await save({ vitalRegressionPercent: Math.ceil(flagged!.changePercent) + 1 })).toMatchObject({ ok: true });
    expect(await lcpOf()).toBeUndefined();
    expect(await save({ minPageLoads: flagged!.samples + 1 })).toMatchObject({ ok: true });
    expect(await lcpOf()).toBeUndefined();
    expect(await save({})).toMatchObject({ ok: true });
    expect(await lcpOf()).toMatchObject({ changePercent: flagged!.changePercent });
  });
});
