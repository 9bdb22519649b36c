import { isValidElement, type ReactElement, type ReactNode } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { EmptyState } from "@/components/ui/empty-state";
import { TableHead } from "@/components/ui/table-head";
import { db } from "@/lib/db/client";
import ApiKeysPage from "./page";
import { KeyRow } from "./key-row";

/** The API keys list as the server renders it: sorted by the URL's order, and what an empty list says. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_api_keys_page",
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
  const element = node as ReactElement<{ children?: ReactNode; head?: ReactNode }>;
  const here = element.type === type ? [element.props as P] : [];
  return [...here, ...findAll<P>(element.props.children, type), ...findAll<P>(element.props.head, type)];
}

type KeyRowProps = Parameters<typeof KeyRow>[0];
type TableHeadProps = Parameters<typeof TableHead>[0];

describe("API keys page", () => {
  useSeededDatabase({ label: "apikeyspage" });

  const render = (search: Record<string, string> = {}) =>
    ApiKeysPage({ params: Promise.resolve({ orgSlug: "acme" }), searchParams: Promise.resolve(search) });
  const names = async (search: Record<string, string> = {}) =>
    findAll<KeyRowProps>(await render(search), KeyRow).map((row) => row.apiKey.name);

  it("tells an admin with no keys to create one above", async () => {
    Object.assign(session, demoSession("ada"));
    await db.apiKey.deleteMany({ where: { org: { slug: "acme" } } });
    const tree = await render();
    expect(findAll<KeyRowProps>(tree, KeyRow)).toEqual([]);
    const [empty] = findAll<Parameters<typeof EmptyState>[0]>(tree, EmptyState);
    expect(empty?.title).toBe("No API keys yet");
  });

  describe("with keys", () => {
    beforeAll(async () => {
      const org = await db.organization.findUniqueOrThrow({ where: { slug: "acme" } });
      const ada = await db.user.findFirstOrThrow({ where: { email: "ada@acme.test" } });
      const key = (name: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null = null) => ({
        orgId: org.id,
        name,
        prefix: `bsn_${name.slice(0, 4)}`,
        hashedKey: `hash-${name}`,
        createdById: ada.id,
        createdAt: new Date(createdAt),
        lastUsedAt: lastUsedAt ? new Date(lastUsedAt) : null,
        revokedAt: revokedAt ? new Date(revokedAt) : null,
      });
      await db.apiKey.deleteMany({ where: { orgId: org.id } });
      await db.apiKey.createMany({
        data: [
          key("deploy bot", "2026-11-01T09:00:00Z", "2026-12-02T09:00:00Z"),
          key("Agent", "2026-11-20T09:00:00Z", null),
          key("old script", "2026-10-01T09:00:00Z", "2026-12-03T09:00:00Z", "2026-11-15T09:00:00Z"),
        ],
      });
    });

    it("lists the newest key first, with sortable headers", async () => {
      Object.assign(session, demoSession("ada"));
      const tree = await render();
      expect(findAll<KeyRowProps>(tree, KeyRow).map((row) => row.apiKey.name)).toEqual([
        "Agent",
        "deploy bot",
        "old script",
      ]);
      const [head] = findAll<TableHeadProps>(tree, TableHead);
      expect(head?.sorting?.order).toEqual({ key: "created", dir: "desc" });
      expect(
        head?.columns.filter((c) => typeof c !== "string" && c.sort).map((c) => typeof c !== "string" && c.sort),
      ).toEqual(["name", "created", "lastUsed", "status"]);
    });

    it("sorts by name without regard to case, by last use with never-used keys last, and by status", async () => {
      Object.assign(session, demoSession("ada"));
      expect(await names({ sort: "name", dir: "asc" })).toEqual(["Agent", "deploy bot", "old script"]);
      expect(await names({ sort: "lastUsed" })).toEqual(["old script", "deploy bot", "Agent"]);
      expect(await names({ sort: "lastUsed", dir: "asc" })).toEqual(["deploy bot", "old script", "Agent"]);
      expect(await names({ sort: "status", dir: "desc" })).toEqual(["old script", "Agent", "deploy bot"]);
      // An order the table does not offer falls back to the newest first.
      expect(await names({ sort: "hashedKey" })).toEqual(["Agent", "deploy bot", "old script"]);
    });

    it("hands the rows instants, not preformatted text, to show in the viewer's zone", async () => {
      Object.assign(session, demoSession("ada"));
      const [agent] = findAll<KeyRowProps>(await render(), KeyRow);
      expect(agent?.apiKey).toMatchObject({ createdAt: "2026-11-20T09:00:00.000Z", lastUsedAt: null, revokedAt: null });
      expect(agent?.time.zone.id).toBe("UTC");
    });
  });
});
