import { workosId } from "./world";

/**
 * Each demo org's Sentry ownership rules, per project, and the Sentry teams
 * they name. The paths are the in-app frames the seeded events carry
 * (sentry-events-stack.ts): the web app's `src/checkout/`, `src/billing/`…,
 * the API's `src/api/<resource>/handler.ts` and `src/middleware/`, the
 * worker's Python modules. Deterministic; no dates beyond the seed's `now`.
 */

export type SeedOwnership = { projectSlug: string; raw: string };
export type SeedOwnershipTeam = { slug: string; name: string };

const ACME: SeedOwnership[] = [
  {
    projectSlug: "web",
    raw: [
      "# Checkout and billing pages belong to payments; settings to Grace.",
      "path:src/checkout/* #payments",
      "path:src/billing/* #payments barbara@acme.test",
      "path:src/settings/* grace@acme.test",
      "tags.browser.name:Safari linus@acme.test",
    ].join("\n"),
  },
  {
    projectSlug: "api",
    raw: [
      "# The platform team owns the API unless a rule below names someone else.",
      "src/middleware/ @acme/platform",
      "path:src/api/* #platform",
      "path:src/api/invoices/* #payments",
      "path:src/api/customs/* donald@acme.test",
    ].join("\n"),
  },
  {
    projectSlug: "worker",
    raw: ["module:tasks.tracking margaret@acme.test", "module:tasks.billing #payments"].join("\n"),
  },
];

const GLOBEX: SeedOwnership[] = [
  { projectSlug: "web", raw: ["path:src/manifests/* #cargo", "path:src/tracking/* radia@globex.test"].join("\n") },
  { projectSlug: "api", raw: ["path:src/api/* #core", "path:src/api/manifests/* #cargo"].join("\n") },
];

export const SEED_OWNERSHIP: Record<string, SeedOwnership[]> = { acme: ACME, globex: GLOBEX };

/** The Sentry teams the rules name, besides each org's "engineering". */
export const SEED_OWNERSHIP_TEAMS: Record<string, SeedOwnershipTeam[]> = {
  acme: [
    { slug: "payments", name: "Payments" },
    { slug: "platform", name: "Platform" },
  ],
  globex: [
    { slug: "cargo", name: "Cargo" },
    { slug: "core", name: "Core" },
  ],
};

/** Bosun's demo teams: the Sentry teams above with members (person keys), so the seeded rules name people. */
export type DemoTeam = { slug: string; name: string; members: string[]; directoryGroupId?: string };

export const DEMO_TEAMS: Record<string, DemoTeam[]> = {
  acme: [
    { slug: "payments", name: "Payments", members: ["barbara", "ada"] },
    // Follows acme's "Platform" directory group (the WorkOS seed's group of the Platform component's people), so
    // WorkOS dsync.group.user_added / user_removed keep it current.
    {
      slug: "platform",
      name: "Platform",
      members: ["linus", "grace", "ada"],
      directoryGroupId: workosId("directory_group", "acme:Platform"),
    },
  ],
  globex: [
    { slug: "cargo", name: "Cargo", members: ["alan", "frances"] },
    { slug: "core", name: "Core", members: ["radia", "hedy"] },
  ],
};
