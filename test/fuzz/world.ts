import fc from "fast-check";
import { vi } from "vitest";
import type { PrismaClient } from "@/lib/db/generated/client";
import { launchVariables, parseEnv } from "@/lib/platform/env/schema";
import { seedDatabase } from "@/prisma/seed-data";
import { openTestDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { type RunningWorkosEmulator, startWorkosEmulator } from "@/emulators/workos";
import { buildWorld } from "@/emulators/seed/world";
import { fuzzSession } from "./fake-authkit";

/**
 * A real Bosun for the fuzz suite: a seeded PostgreSQL database of its own, the
 * WorkOS, Jira and Sentry emulators on free ports, and the environment that
 * points Bosun at them. Modules under test must be imported after start().
 */
export type FuzzWorld = {
  db: PrismaClient;
  jira: JiraEmulator;
  sentry: RunningSentryEmulator;
  workos: RunningWorkosEmulator;
  publicUrl: string;
  /** Undoes what fuzzed writes may have changed in who can do what (roles, removals, settings, integrations). */
  restoreBaseline: () => Promise<void>;
  close: () => Promise<void>;
};

export const world = buildWorld();
const person = (key: string) => {
  const found = world.people.find((p) => p.key === key);
  if (!found) throw new Error(`no person ${key} in the demo world`);
  return found;
};
const workosOrgId = (slug: string) => world.orgs.find((o) => o.slug === slug)?.workosOrgId;

/**
 * Who sends the input. Everyone is tried against acme: its admin, manager and
 * member; globex's admin (an outsider); a member of both signed in under
 * globex; and nobody.
 */
export const PERSONAS = ["admin", "manager", "member", "outsider", "other-org-session", "signed-out"] as const;
export type Persona = (typeof PERSONAS)[number];
const PERSONA_PEOPLE: Record<Exclude<Persona, "signed-out">, { key: string; org: string }> = {
  admin: { key: "ada", org: "acme" },
  manager: { key: "grace", org: "acme" },
  member: { key: "linus", org: "acme" },
  outsider: { key: "hedy", org: "globex" },
  "other-org-session": { key: "margaret", org: "globex" },
};

/** Most inputs come from acme's own people; outsiders and the signed-out are tried on everything too. */
export const persona: fc.Arbitrary<Persona> = fc.oneof(
  { arbitrary: fc.constant("admin" as const), weight: 3 },
  { arbitrary: fc.constantFrom("manager" as const, "member" as const), weight: 3 },
  { arbitrary: fc.constantFrom("outsider" as const, "other-org-session" as const, "signed-out" as const), weight: 2 },
);

let sessionCounter = 0;

/** Signs in as the persona with a fresh session, so a fuzzed sign-out never leaks into the next input. */
export function signInAs(persona: Persona) {
  sessionCounter += 1;
  fuzzSession.sessionId = `session_fuzz_${persona}_${sessionCounter}`;
  if (persona === "signed-out") {
    fuzzSession.user = null;
    fuzzSession.organizationId = undefined;
    return;
  }
  const { key, org } = PERSONA_PEOPLE[persona];
  const p = person(key);
  fuzzSession.user = { id: p.workosUserId, email: p.email, firstName: p.firstName, lastName: p.lastName };
  fuzzSession.organizationId = workosOrgId(org);
}

export async function startFuzzWorld(label: string): Promise<FuzzWorld> {
  const [workos, jira, sentry] = await Promise.all([
    startWorkosEmulator({ port: 0 }),
    startJiraEmulator({ port: 0 }),
    startSentryEmulator({ port: 0 }),
  ]);
  const urls = { jira: jira.url, sentry: sentry.url };
  const database = await openTestDatabase({ label, seed: { urls } });
  const { db } = database;
  const publicUrl = "http://127.0.0.1:3999";
  const variables: Record<string, string> = {
    BOSUN_PUBLIC_URL: publicUrl,
    WORKOS_API_PORT: String(workos.port),
    // Refusals are the point here; the log would only drown the figure.
    LOG_LEVEL: "silent",
  };
  // AuthKit reads its settings from process.env, as next.config.ts fills them in.
  Object.assign(variables, launchVariables(parseEnv(variables)));
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  // lib/platform/env reads these when it loads, so the modules under test load after they are set.
  vi.resetModules();

  return {
    db,
    jira,
    sentry,
    workos,
    publicUrl,
    restoreBaseline: async () => {
      // Fuzzed directory events move e-mails between users; free them all so the seed can hand them back.
      await db.$executeRaw`UPDATE "User" SET "email" = "id" || '@restoring.invalid'`;
      await seedDatabase(database.url, { urls });
      await db.membership.updateMany({ where: { status: { not: "active" } }, data: { status: "active" } });
      await db.organization.updateMany({ data: { requireMfa: false, sessionIdleTimeoutMinutes: null } });
      // A fuzzed deprovisioning revokes the person's API keys; the suite's own keys come back.
      await db.apiKey.updateMany({ where: { name: { startsWith: "fuzz " } }, data: { revokedAt: null } });
      await fetch(`${workos.url}/__emulator/reset`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
    },
    close: async () => {
      vi.unstubAllEnvs();
      await Promise.all([jira.close(), sentry.close(), workos.close()]);
      await database.close();
    },
  };
}
