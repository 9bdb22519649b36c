import {
  DEMO_GITHUB_WEBHOOK_SECRETS,
  DEMO_PASSWORD,
  DEMO_PORTS,
  DEMO_SENTRY_WEBHOOK_SECRETS,
  WORKOS_DEMO_WEBHOOK_SECRET,
} from "../../lib/platform/config/demo";
import { createRandom, hashString } from "./random";

/**
 * The shared "world" behind all three emulators: organisations, people, Jira
 * projects, Sentry projects and release versions. WorkOS, Jira and Sentry data
 * are generated from this one description so that e-mails, account ids and
 * release names line up across services exactly as they would for a real org.
 */

export type SeedSize = "demo" | "large";
export type OrgRole = "admin" | "manager" | "member";
export type OrgSlug = "acme" | "globex";

export {
  DEMO_PASSWORD,
  JIRA_DEMO_API_TOKEN,
  SENTRY_DEMO_AUTH_TOKEN,
  WORKOS_DEMO_API_KEY,
  WORKOS_DEMO_CLIENT_ID,
} from "../../lib/platform/config/demo";

/** Secrets Bosun and the emulators share in demo mode to sign and verify webhooks. */
export const SENTRY_WEBHOOK_SECRETS: Record<OrgSlug, string> = DEMO_SENTRY_WEBHOOK_SECRETS;
export const GITHUB_WEBHOOK_SECRETS: Record<OrgSlug, string> = DEMO_GITHUB_WEBHOOK_SECRETS;
export const WORKOS_WEBHOOK_SECRET = WORKOS_DEMO_WEBHOOK_SECRET;
export const DEFAULT_PORTS = { workos: DEMO_PORTS.workos, jira: DEMO_PORTS.jira, sentry: DEMO_PORTS.sentry } as const;
/** Base32 TOTP secret of the one demo user who has MFA enrolled (barbara@acme.test). */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";

export type WorldMembership = { org: OrgSlug; role: OrgRole };

export type WorldPerson = {
  key: string;
  email: string;
  firstName: string;
  lastName: string;
  name: string;
  password: string;
  workosUserId: string;
  jiraAccountId: string;
  sentryUserId: string;
  totpSecret: string | null;
  memberships: WorldMembership[];
  /** Jira components this person usually works in (drives realistic assignment). */
  components: string[];
};

export type WorldJiraProject = {
  id: string;
  key: string;
  name: string;
  boardId: number;
  boardName: string;
  components: { id: string; name: string }[];
};

export type WorldSentryProject = { id: string; slug: string; name: string; platform: string };

export type WorldRelease = { version: string; releasedAt: Date; released: boolean };

export type WorldOrg = {
  slug: OrgSlug;
  name: string;
  domain: string;
  workosOrgId: string;
  jira: { siteName: string; projects: WorldJiraProject[] };
  sentry: { orgSlug: string; orgId: string; projects: WorldSentryProject[] };
  releases: WorldRelease[];
  people: WorldPerson[];
};

export type WorldVolumes = {
  issuesPerProject: number;
  closedSprintsPerBoard: number;
  sentryIssuesPerOrg: number;
  releasesPerOrg: number;
  statsDays: number;
  sprintDays: number;
};

export type World = {
  size: SeedSize;
  seed: number;
  now: Date;
  volumes: WorldVolumes;
  orgs: WorldOrg[];
  people: WorldPerson[];
};

const VOLUMES: Record<SeedSize, WorldVolumes> = {
  demo: {
    issuesPerProject: 90,
    // Half a year of two-week sprints, for sprint reports and forecasts over a long history.
    closedSprintsPerBoard: 12,
    sentryIssuesPerOrg: 60,
    releasesPerOrg: 12,
    statsDays: 30,
    sprintDays: 14,
  },
  // 25,000 issues over 5 acme projects, 130 closed sprints (a year each) over 5 boards (acme only).
  large: {
    issuesPerProject: 5000,
    closedSprintsPerBoard: 26,
    sentryIssuesPerOrg: 5000,
    releasesPerOrg: 40,
    statsDays: 90,
    sprintDays: 14,
  },
};

type PersonSpec = {
  key: string;
  first: string;
  last: string;
  org: OrgSlug;
  memberships: WorldMembership[];
  components: string[];
  mfa?: boolean;
};

/** A named person: their first membership's org is their home, which gives their e-mail domain. */
function named(
  key: string,
  first: string,
  last: string,
  memberships: `${OrgSlug}:${OrgRole}`[],
  components: string[],
  { mfa = false } = {},
): PersonSpec {
  const parsed = memberships.map((m) => {
    const [org, role] = m.split(":") as [OrgSlug, OrgRole];
    return { org, role };
  });
  return { key, first, last, org: parsed[0]!.org, memberships: parsed, components, mfa };
}

const NAMED_PEOPLE: PersonSpec[] = [
  named("ada", "Ada", "Lovelace", ["acme:admin"], ["Platform", "Billing"]),
  named("grace", "Grace", "Hopper", ["acme:manager"], ["Platform", "Tracking"]),
  named("linus", "Linus", "Torvalds", ["acme:member"], ["Platform", "Infrastructure"]),
  named("margaret", "Margaret", "Hamilton", ["acme:member", "globex:manager"], ["Tracking", "Routing"]),
  named("ken", "Ken", "Thompson", ["acme:member"], ["Infrastructure", "Berths"]),
  named("barbara", "Barbara", "Liskov", ["acme:member"], ["Billing", "Berths"], { mfa: true }),
  named("donald", "Donald", "Knuth", ["acme:member"], ["Tracking", "Customs"]),
  named("hedy", "Hedy", "Lamarr", ["globex:admin"], ["Routing", "Freight"]),
  named("alan", "Alan", "Turing", ["globex:member"], ["Freight", "Manifests"]),
  named("radia", "Radia", "Perlman", ["globex:member"], ["Routing", "Network"]),
  named("frances", "Frances", "Allen", ["globex:member"], ["Manifests", "Network"]),
];

// Combined into the extra people of the large seed.
const EXTRA_FIRST = `Edsger John Dennis Tim Katherine Jean Evelyn Annie Mary Dorothy Sophie Bjarne Guido
  James Niklaus Leslie Whitfield Martin Vint Bob Shafi Silvio Adele Lynn Carol`.split(/\s+/);
const EXTRA_LAST = `Dijkstra Backus Ritchie Berners Johnson Bartik Boyes Easley Keller Vaughan Wilson Stroustrup Rossum
  Gosling Wirth Lamport Diffie Hellman Cerf Kahn Goldwasser Micali Goldberg Conway Shaw`.split(/\s+/);

const ORG_SPECS: Record<
  OrgSlug,
  { name: string; domain: string; jiraProjects: [string, string, string[]][]; releaseMajor: number }
> = {
  acme: {
    name: "Acme Maritime",
    domain: "acme.test",
    jiraProjects: [
      ["ACME", "Acme Platform", ["Platform", "Billing", "Infrastructure"]],
      ["PORT", "Port Operations", ["Berths", "Customs", "Tracking"]],
      ["HULL", "Hull Inspections", ["Tracking", "Infrastructure"]],
    ],
    releaseMajor: 2,
  },
  globex: {
    name: "Globex Shipping",
    domain: "globex.test",
    jiraProjects: [
      ["GLX", "Globex Core", ["Routing", "Network"]],
      ["CARGO", "Cargo Desk", ["Freight", "Manifests"]],
    ],
    releaseMajor: 5,
  },
};

const LARGE_EXTRA_PROJECTS: [string, string, string[]][] = [
  ["FLEET", "Fleet Management", ["Fleet", "Platform"]],
  ["TIDE", "Tide Tables", ["Forecasting", "Infrastructure"]],
];

const SENTRY_PROJECTS: [string, string, string][] = [
  ["web", "Web", "javascript-nextjs"],
  ["api", "API", "node"],
  ["worker", "Worker", "python"],
];

/** A ULID-looking id (Crockford base32) derived from a label, as WorkOS ids look. */
export function workosId(prefix: string, label: string): string {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  let out = "01";
  let hash = hashString(label);
  for (let i = 0; i < 24; i++) {
    hash = Math.imul(hash ^ (hash >>> 13), 0x5bd1e995) >>> 0;
    out += alphabet[hash % 32];
  }
  return `${prefix}_${out}`;
}

function hexId(label: string, length: number): string {
  let out = "";
  let hash = hashString(label);
  while (out.length < length) {
    hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
    out += hash.toString(16).padStart(8, "0");
  }
  return out.slice(0, length);
}

function toPerson(spec: PersonSpec): WorldPerson {
  const email = `${spec.key}@${ORG_SPECS[spec.org].domain}`;
  return {
    key: spec.key,
    email,
    firstName: spec.first,
    lastName: spec.last,
    name: `${spec.first} ${spec.last}`,
    password: DEMO_PASSWORD,
    workosUserId: workosId("user", email),
    jiraAccountId: `712020:${hexId(`jira:${email}`, 8)}-${hexId(`jira2:${email}`, 4)}-${hexId(`jira3:${email}`, 4)}-${hexId(`jira4:${email}`, 4)}-${hexId(`jira5:${email}`, 12)}`,
    sentryUserId: String(100000 + (hashString(`sentry:${email}`) % 900000)),
    totpSecret: spec.mfa ? DEMO_TOTP_SECRET : null,
    memberships: spec.memberships,
    components: spec.components,
  };
}

function extraPeople(count: number, components: string[], seed: number): PersonSpec[] {
  const random = createRandom(`${seed}:people`);
  return Array.from({ length: count }, (_, i) => {
    const first = EXTRA_FIRST[i % EXTRA_FIRST.length] as string;
    const last = EXTRA_LAST[Math.floor(i / EXTRA_FIRST.length + i) % EXTRA_LAST.length] as string;
    return {
      key: `${first}.${last}${i >= EXTRA_FIRST.length ? i : ""}`.toLowerCase(),
      first,
      last,
      org: "acme" as const,
      memberships: [{ org: "acme" as const, role: "member" as const }],
      components: random.shuffle(components).slice(0, 2),
    };
  });
}

const DAY_MS = 86_400_000;

function buildReleases(major: number, count: number, now: Date): WorldRelease[] {
  // Weekly releases, newest last; the newest one is still rolling out (unreleased in Jira).
  return Array.from({ length: count }, (_, i) => {
    const minor = i + 4;
    const ageDays = (count - 1 - i) * 7 + 1;
    return {
      version: `${major}.${minor}.0`,
      releasedAt: new Date(now.getTime() - ageDays * DAY_MS),
      released: i < count - 1,
    };
  });
}

export type BuildWorldOptions = { size?: SeedSize; seed?: number; now?: Date };

export function buildWorld({ size = "demo", seed = 42, now = new Date() }: BuildWorldOptions = {}): World {
  const volumes = VOLUMES[size];
  const people = NAMED_PEOPLE.map(toPerson);
  if (size === "large") {
    const acmeComponents = [...ORG_SPECS.acme.jiraProjects, ...LARGE_EXTRA_PROJECTS].flatMap(([, , c]) => c);
    people.push(
      ...extraPeople(
        50 - people.filter((p) => p.email.endsWith("@acme.test")).length,
        [...new Set(acmeComponents)],
        seed,
      ).map(toPerson),
    );
  }

  let componentSeq = 10000;
  const orgs = (Object.keys(ORG_SPECS) as OrgSlug[]).map((slug, orgIndex): WorldOrg => {
    const spec = ORG_SPECS[slug];
    const projectSpecs =
      size === "large" && slug === "acme" ? [...spec.jiraProjects, ...LARGE_EXTRA_PROJECTS] : spec.jiraProjects;
    return {
      slug,
      name: spec.name,
      domain: spec.domain,
      workosOrgId: workosId("org", slug),
      jira: {
        siteName: `${slug}.atlassian.net`,
        projects: projectSpecs.map(([key, name, components], i) => ({
          id: String(10000 + orgIndex * 100 + i),
          key,
          name,
          boardId: orgIndex * 10 + i + 1,
          boardName: `${key} board`,
          components: components.map((c) => ({ id: String(componentSeq++), name: c })),
        })),
      },
      sentry: {
        orgSlug: slug,
        orgId: String(1000 + orgIndex),
        projects: SENTRY_PROJECTS.map(([projectSlug, name, platform], i) => ({
          id: String(4500000 + orgIndex * 100 + i),
          slug: projectSlug,
          name,
          platform,
        })),
      },
      releases: buildReleases(
        spec.releaseMajor,
        size === "large" && slug === "acme" ? volumes.releasesPerOrg : VOLUMES.demo.releasesPerOrg,
        now,
      ),
      people: people.filter((p) => p.memberships.some((m) => m.org === slug)),
    };
  });

  return { size, seed, now, volumes, orgs, people };
}

export function findOrg(world: World, slug: string): WorldOrg | undefined {
  return world.orgs.find((o) => o.slug === slug);
}

/** The large dataset only inflates acme ("the large org"); globex keeps demo volumes. */
export function volumesFor(world: World, org: WorldOrg): WorldVolumes {
  return world.size === "large" && org.slug === "acme" ? world.volumes : VOLUMES.demo;
}
