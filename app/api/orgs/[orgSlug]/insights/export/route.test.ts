import { beforeEach, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { buildWorld } from "@/emulators/seed/world";
import * as route from "./route";

/**
 * The Insights export: any registered report table as CSV or Markdown, for members of the org only. The real route
 * runs against a real database with only the AuthKit session swapped in; with no history stored yet, the tables
 * are still well-formed (and say what they rest on).
 */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_insights_export",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));

const world = buildWorld();
const acme = world.orgs.find((o) => o.slug === "acme")!;
const signInAs = (key: string) => {
  const person = world.people.find((p) => p.key === key)!;
  session.user = { id: person.workosUserId, email: person.email };
  session.organizationId = acme.workosOrgId;
};

describe("GET /api/orgs/[orgSlug]/insights/export", () => {
  const exportFrom = async (orgSlug: string, query: Record<string, string>) => {
    const response = await route.GET(
      new Request(`http://bosun.test/api/orgs/${orgSlug}/insights/export?${new URLSearchParams(query)}`),
      { params: Promise.resolve({ orgSlug }) },
    );
    return { status: response.status, headers: response.headers, body: await response.text() };
  };

  useSeededDatabase({ label: "insightsexport" });
  beforeEach(() => signInAs("linus"));

  it("serves the DORA summary to a member as CSV, named after the org and table", async () => {
    const { status, headers, body } = await exportFrom("acme", { table: "dora-summary", format: "csv", days: "30" });
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/^text\/csv/);
    expect(headers.get("content-disposition")).toMatch(/filename="acme-dora-summary-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(body.split("\r\n")[0]).toBe("Key,Value,Unit,Band,Based on");
    expect(body).toContain("Deployment frequency");
  });

  it("serves the same table as Markdown", async () => {
    const { status, headers, body } = await exportFrom("acme", { table: "dora-summary", format: "md" });
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(body).toContain("| Key | Value | Unit | Band | Based on |");
  });

  it("names the field of a bad request: an unknown table or format is a 400, never a 5xx", async () => {
    const unknown = await exportFrom("acme", { table: "constructor", format: "csv" });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body)).toMatchObject({ error: "invalid_request", fields: { table: expect.any(String) } });
    const format = await exportFrom("acme", { table: "dora-summary", format: "xlsx" });
    expect(format.status).toBe(400);
    expect(JSON.parse(format.body)).toMatchObject({ fields: { format: "Use csv or md." } });
  });

  it("answers 404 for a board that is not the org's", async () => {
    const { status } = await exportFrom("acme", { table: "sprint-trends", format: "csv", board: "999999" });
    expect(status).toBe(404);
  });

  it("answers 404 to someone outside the org, as for an org that does not exist", async () => {
    const outsider = await exportFrom("globex", { table: "dora-summary", format: "csv" });
    expect(outsider.status).toBe(404);
    const missing = await exportFrom("no-such-org", { table: "dora-summary", format: "csv" });
    expect(missing.status).toBe(404);
  });
});
