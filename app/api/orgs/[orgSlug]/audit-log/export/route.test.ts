import { beforeAll, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { buildWorld } from "@/emulators/seed/world";
import * as route from "./route";

/**
 * The audit-log export reads no body, only its query: each filter is capped and
 * checked, and a bad one is a 400 naming it. The real route runs against a real
 * database with only the AuthKit session swapped in.
 */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_ada_export",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));

const world = buildWorld();
const ada = world.people.find((p) => p.key === "ada")!;

describe("GET /api/orgs/[orgSlug]/audit-log/export", () => {
  const exportWith = async (query: Record<string, string>) => {
    const response = await route.GET(
      new Request(`http://bosun.test/api/orgs/acme/audit-log/export?${new URLSearchParams(query)}`),
      { params: Promise.resolve({ orgSlug: "acme" }) },
    );
    return { status: response.status, body: await response.text() };
  };

  const database = useSeededDatabase({ label: "auditexport" });
  beforeAll(async () => {
    session.user = { id: ada.workosUserId, email: ada.email };
    session.organizationId = world.orgs.find((o) => o.slug === "acme")!.workosOrgId;
  });

  it("exports the audit log as CSV", async () => {
    const { status, body } = await exportWith({ from: "2000-01-01" });
    expect(status).toBe(200);
    expect(body.split("\n")[0]).toMatch(/^[a-z]/i);
  });

  it("defect 8 (audit diff): the export has a changes column with each entry's fields, before → after", async () => {
    const { db } = database;
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "acme" } });
    await db.auditLog.create({
      data: {
        orgId: org.id,
        actorType: "user",
        actorLabel: "ada@acme.test",
        action: "test.diff_export",
        summary: "Changed a role",
        changes: {
          attempts: 1,
          diff: [
            { field: "role", before: "member", after: "manager" },
            { field: "workosUserId", after: "user_1" },
          ],
        },
      },
    });
    const { status, body } = await exportWith({ action: "test.diff_export" });
    expect(status).toBe(200);
    const [header, line] = body.split("\r\n");
    expect(header?.split(",").at(-1)).toBe("changes");
    expect(line?.endsWith(",role: member → manager; workosUserId: user_1")).toBe(true);
  });

  it("finding 1 (body limit): refuses filter values over their length caps with a 400 naming each field", async () => {
    const { status, body } = await exportWith({ actor: "a".repeat(201), action: "b".repeat(101) });
    expect(status).toBe(400);
    expect(JSON.parse(body)).toMatchObject({
      error: "invalid_filters",
      fields: { actor: expect.any(String), action: expect.any(String) },
    });
  });

  it("finding 1 (body limit): answers 400 naming the field for dates that do not exist, and for a range that ends before it starts", async () => {
    for (const [query, field] of [
      [{ from: "2026-13-01" }, "from"],
      [{ to: "2026-02-30" }, "to"],
      [{ from: "0000-00-00" }, "from"],
      [{ from: "2026-11-24", to: "2026-11-01" }, "to"],
    ] as const) {
      const { status, body } = await exportWith(query);
      expect(status, JSON.stringify(query)).toBe(400);
      expect(JSON.parse(body), JSON.stringify(query)).toMatchObject({
        error: "invalid_filters",
        fields: { [field]: expect.any(String) },
      });
    }
  });
});
