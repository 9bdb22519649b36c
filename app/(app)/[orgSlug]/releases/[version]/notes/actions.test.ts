import { beforeAll, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { buildWorld } from "@/emulators/seed/world";
import * as actions from "./actions";

/**
 * The release-notes actions' validation, through the real actions and a real
 * database. Jira and Sentry are configured at an address nothing answers on:
 * these inputs must be refused before anything reaches them.
 */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  organizationId: undefined as string | undefined,
  sessionId: "session_release_notes",
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const world = buildWorld();
const grace = world.people.find((p) => p.key === "grace")!;
const acme = world.orgs.find((o) => o.slug === "acme")!;

describe("release notes: publishing", () => {
  useSeededDatabase({ label: "notes", seed: { urls: { jira: "http://127.0.0.1:1", sentry: "http://127.0.0.1:1" } } });
  beforeAll(async () => {
    Object.assign(session, { user: { id: grace.workosUserId, email: grace.email }, organizationId: acme.workosOrgId });
  });

  it("fuzz: a revision number past what the database can hold is refused naming the revision, not a failed query", async () => {
    const result = await actions.publishReleaseNotesAction({
      orgSlug: "acme",
      version: "2.4.0",
      variant: "internal",
      revision: 2 ** 31,
      markJiraReleased: false,
      closeCompleted: false,
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { revision: "is not a revision of these notes" } });
  });
});
