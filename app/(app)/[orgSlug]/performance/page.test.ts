import { isValidElement } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { startCountingProxy } from "@/test/counting-proxy";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import * as page from "./page";

/** The Performance page's data loading, run as the server runs it, counting its requests to the Sentry emulator. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_performance_page",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));

/**
 * Waits for every promise the page hands its streamed panels, and for the promises inside what they resolve to
 * (the loader resolves to one promise per panel), so a test sees every upstream request of one page view.
 */
async function settleAll(tree: unknown): Promise<void> {
  const seen = new Set<unknown>();
  const pending: Promise<unknown>[] = [];
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Promise) pending.push(value.then(walk, () => undefined));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (isValidElement(value)) Object.values(value.props as Record<string, unknown>).forEach(walk);
    else if (Object.getPrototypeOf(value) === Object.prototype) Object.values(value).forEach(walk);
  };
  walk(tree);
  while (pending.length) await pending.shift();
}

describe("performance page", () => {
  let sentry: RunningSentryEmulator;
  let proxy: Awaited<ReturnType<typeof startCountingProxy>>;

  beforeAll(async () => {
    sentry = await startSentryEmulator({ port: 0 });
    proxy = await startCountingProxy(sentry.url);
  });
  useSeededDatabase({
    label: "performancepage",
    seed: () => ({ urls: { sentry: proxy.url, jira: "http://127.0.0.1:1" } }),
  });
  afterAll(async () => {
    await proxy.close();
    await sentry.close();
  });

  const view = (searchParams: Record<string, string>) =>
    page.default({ params: Promise.resolve({ orgSlug: "acme" }), searchParams: Promise.resolve(searchParams) });

  it("a member's cold view asks Sentry once per panel and the project list once; a second view asks nothing", async () => {
    // A member, not an admin: everyone in the org may view the page.
    Object.assign(session, demoSession("linus"));

    proxy.reset();
    await settleAll(await view({ period: "7d" }));
    // Web vitals, transactions, the vitals' series, API latency's series, and the projects for the filters.
    expect(proxy.count()).toBe(5);

    proxy.reset();
    await settleAll(await view({ period: "7d" }));
    expect(proxy.count()).toBe(0);
  });

  it("another org's member gets the same not-found as a missing org, and Sentry is not asked", async () => {
    Object.assign(session, demoSession("hedy"));
    proxy.reset();
    await expect(view({ period: "30d" })).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    expect(proxy.count()).toBe(0);
    Object.assign(session, demoSession("linus"));
  });

  it("sorting by the most regressed adds one request for the earlier period, and a project filter reuses the project list", async () => {
    proxy.reset();
    await settleAll(await view({ period: "7d", sort: "regressed" }));
    expect(proxy.count()).toBe(1);

    proxy.reset();
    await settleAll(await view({ period: "7d", project: "web" }));
    expect(proxy.count()).toBe(4);
  });
});
