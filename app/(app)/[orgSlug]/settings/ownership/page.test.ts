import { isValidElement, type ReactElement, type ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import OwnershipPage from "./page";
import { RulesEditor } from "./rules-editor";
import { TeamsPanel } from "./teams-panel";

/** The ownership page's data, as the server renders it for each role, against a seeded database and Sentry. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_ownership_page",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

/** Every element of `type` in a rendered tree (server components are already resolved to elements here). */
function findAll<P>(node: ReactNode, type: unknown): P[] {
  if (Array.isArray(node)) return node.flatMap((child) => findAll<P>(child, type));
  if (!isValidElement(node)) return [];
  const element = node as ReactElement<{ children?: ReactNode }>;
  const here = element.type === type ? [element.props as P] : [];
  return [...here, ...findAll<P>(element.props.children, type)];
}

describe("ownership page", () => {
  let sentry: RunningSentryEmulator;
  beforeAll(async () => {
    sentry = await startSentryEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "ownershippage",
    seed: () => ({ urls: { sentry: sentry.url, jira: "http://127.0.0.1:1" } }),
  });
  afterAll(() => sentry.close());

  const render = async () => OwnershipPage({ params: Promise.resolve({ orgSlug: "acme" }) });

  it("shows a manager the teams and every Sentry project's rules, editable", async () => {
    Object.assign(session, demoSession("grace"));
    const tree = await render();
    const [teams] = findAll<Parameters<typeof TeamsPanel>[0]>(tree, TeamsPanel);
    expect(teams?.canEdit).toBe(true);
    expect(teams?.teams.map((t) => [t.slug, t.members.map((m) => m.email)])).toEqual([
      ["payments", ["barbara@acme.test", "ada@acme.test"]],
      ["platform", ["linus@acme.test", "grace@acme.test", "ada@acme.test"]],
    ]);
    const editors = findAll<Parameters<typeof RulesEditor>[0]>(tree, RulesEditor);
    expect(editors.map((e) => e.projectSlug)).toEqual(["api", "bosun", "web", "worker"]);
    expect(editors.every((e) => e.canEdit && e.sentryConnected)).toBe(true);
    expect(editors.find((e) => e.projectSlug === "web")?.raw).toContain("path:src/checkout/* #payments");
    expect(editors.find((e) => e.projectSlug === "bosun")).toMatchObject({ raw: "", provenance: "No rules yet" });
  });

  it("shows a member the same rules, read-only", async () => {
    Object.assign(session, demoSession("linus"));
    const tree = await render();
    expect(findAll<{ canEdit: boolean }>(tree, TeamsPanel)[0]?.canEdit).toBe(false);
    expect(findAll<{ canEdit: boolean }>(tree, RulesEditor).every((e) => !e.canEdit)).toBe(true);
  });

  it("answers an outsider with a 404", async () => {
    Object.assign(session, demoSession("hedy"));
    await expect(render()).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });
});
