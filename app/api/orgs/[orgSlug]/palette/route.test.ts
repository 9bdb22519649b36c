import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { buildWorld } from "@/emulators/seed/world";
import { writeCacheEntry } from "@/lib/db/queries/cache";
import * as route from "./route";

/**
 * The command palette's search: members of the org only, `q` checked and named
 * when refused, and answers drawn from cached reads and links in the database
 * (nothing here runs Jira or Sentry, so any upstream call would fail the test).
 * The real route runs against a real database with only the AuthKit session swapped in.
 */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_palette",
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
  session.sessionId = `session_palette_${key}`;
  session.organizationId = acme.workosOrgId;
};

type Result = { kind: string; label: string; href: string; external?: boolean };

describe("GET /api/orgs/[orgSlug]/palette", () => {
  const search = async (orgSlug: string, query: string) => {
    const response = await route.GET(new Request(`http://bosun.test/api/orgs/${orgSlug}/palette?${query}`), {
      params: Promise.resolve({ orgSlug }),
    });
    return { status: response.status, body: (await response.json()) as { results?: Result[]; fields?: object } };
  };

  const database = useSeededDatabase({ label: "palette" });
  beforeAll(async () => {
    const { db } = database;
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "acme" } });
    const fetchedAt = new Date(Date.now() - 60 * 60_000);
    // Expired an hour ago: the palette still names what they hold.
    const cached = (key: string, value: unknown) =>
      writeCacheEntry({ orgId: org.id, key, value, fetchedAt, expiresAt: new Date(fetchedAt.getTime() + 60_000) });
    await cached("jira:boards", [{ id: 7, name: "Harbour board", type: "scrum", projectKey: "HBR" }]);
    await cached("sentry:releases", {
      releases: [{ version: "web@2.31.0", dateReleased: null, dateCreated: "2026-11-30T10:00:00Z", newIssues: 0 }],
      sessions: [],
    });
    await cached("sentry:issues:14d:*", {
      issues: [{ id: "90001", shortId: "ACME-WEB-1A", title: "TypeError: berth is undefined" }],
      isComplete: true,
    });
    await db.ticketLink.create({
      data: {
        orgId: org.id,
        jiraIssueKey: "HBR-77",
        jiraIssueId: "10077",
        sentryIssueId: "90001",
        sentryShortId: "ACME-WEB-1A",
        createdVia: "user",
      },
    });
  });
  beforeEach(() => signInAs("linus"));

  it("lists the org's pages for an empty query", async () => {
    const { status, body } = await search("acme", "");
    expect(status).toBe(200);
    expect(body.results?.map((r) => r.href)).toEqual(
      expect.arrayContaining(["/acme", "/acme/sprints", "/acme/errors"]),
    );
  });

  it("finds a release, a board and an issue by short id from the cached reads", async () => {
    expect((await search("acme", "q=web%402.31")).body.results?.[0]).toMatchObject({
      kind: "release",
      href: "/acme/releases/web%402.31.0",
    });
    expect((await search("acme", "q=harbour")).body.results?.[0]).toMatchObject({
      kind: "board",
      href: "/acme/sprints?board=7",
    });
    expect((await search("acme", "q=acme-web-1a")).body.results?.[0]).toMatchObject({
      kind: "error",
      label: "ACME-WEB-1A",
      href: "/acme/errors/90001/investigation",
    });
  });

  it("sends a linked Jira key to the errors that show it, and any other key to Jira", async () => {
    expect((await search("acme", "q=hbr-77")).body.results?.[0]).toMatchObject({
      kind: "jira",
      label: "HBR-77",
      href: "/acme/errors?q=HBR-77",
    });
    const unlinked = (await search("acme", "q=HBR-12")).body.results?.[0];
    expect(unlinked).toMatchObject({ kind: "jira", label: "HBR-12", external: true });
    expect(unlinked?.href).toMatch(/^https?:\/\/[^/]+\/acme\/browse\/HBR-12$/);
  });

  it("offers admin-only settings to admins and not to members", async () => {
    const member = (await search("acme", "q=api%20keys")).body.results?.map((r) => r.href);
    expect(member).not.toContain("/acme/settings/api-keys");
    signInAs("ada");
    const admin = (await search("acme", "q=api%20keys")).body.results?.map((r) => r.href);
    expect(admin).toContain("/acme/settings/api-keys");
  });

  it("refuses a bad q with a 400 naming the field", async () => {
    for (const query of [`q=${"x".repeat(101)}`, "q=a%00b", "q=a&q=b"]) {
      const { status, body } = await search("acme", query);
      expect(status, query).toBe(400);
      expect(body).toMatchObject({ error: "invalid_query", fields: { q: expect.any(String) } });
    }
  });

  it("answers 404 to someone outside the org, as for an org that does not exist", async () => {
    expect((await search("globex", "q=release")).status).toBe(404);
    expect((await search("no-such-org", "q=release")).status).toBe(404);
  });
});
