import { seededId } from "../workos/ids";
import type {
  AuthFactorRecord,
  DirectoryGroupRecord,
  DirectoryRecord,
  DirectoryUserRecord,
  EventRecord,
  MembershipRecord,
  OrganizationRecord,
  RoleRecord,
  RoleSlug,
  UserRecord,
} from "../workos/types";
import { createRandom } from "./random";
import { type World, type WorldOrg, workosId } from "./world";

/**
 * WorkOS data generated from the shared world: users (with their demo
 * passwords and TOTP secrets), organisations, memberships and roles, one
 * directory per organisation holding its people, and an event history.
 */

export type WorkosSeed = {
  users: UserRecord[];
  organizations: OrganizationRecord[];
  memberships: MembershipRecord[];
  roles: RoleRecord[];
  directories: DirectoryRecord[];
  directoryUsers: DirectoryUserRecord[];
  directoryGroups: DirectoryGroupRecord[];
  authFactors: AuthFactorRecord[];
  events: EventRecord[];
};

const DAY_MS = 86_400_000;

const MEMBER_PERMISSIONS = ["sprints:read", "errors:read", "releases:read", "members:read"];
const MANAGER_PERMISSIONS = [
  ...MEMBER_PERMISSIONS,
  "sprints:manage",
  "errors:triage",
  "releases:manage",
  "tickets:create",
  "automations:manage",
];
const ADMIN_PERMISSIONS = [
  ...MANAGER_PERMISSIONS,
  "members:manage",
  "integrations:manage",
  "audit-log:read",
  "api-keys:manage",
];

/** Issuer shown in authenticator apps: the team name of the emulated WorkOS environment. */
export const TOTP_ISSUER = "Bosun";

/** What each role may do in Bosun; also the `permissions` claim of access tokens. */
export const ROLE_PERMISSIONS: Record<RoleSlug, string[]> = {
  admin: ADMIN_PERMISSIONS,
  manager: MANAGER_PERMISSIONS,
  member: MEMBER_PERMISSIONS,
};

const ROLE_TEXT: Record<RoleSlug, [string, string]> = {
  admin: ["Admin", "Manages members, integrations and settings."],
  manager: ["Manager", "Plans sprints, triages errors and ships releases."],
  member: ["Member", "Reads sprints, errors and releases."],
};

const JOB_TITLES: Record<RoleSlug, string[]> = {
  admin: ["Engineering Director", "Head of Engineering"],
  manager: ["Engineering Manager", "Team Lead"],
  member: ["Software Engineer", "Senior Software Engineer", "Site Reliability Engineer", "Staff Engineer"],
};

const iso = (ms: number) => new Date(ms).toISOString();

function seedOrganization(org: WorldOrg, now: number, index: number): OrganizationRecord {
  const createdAt = iso(now - (720 - index * 30) * DAY_MS);
  return {
    id: org.workosOrgId,
    slug: org.slug,
    name: org.name,
    domains: [
      {
        id: workosId("org_domain", org.domain),
        domain: org.domain,
        state: "verified",
        createdAt,
        updatedAt: createdAt,
      },
    ],
    externalId: org.slug,
    metadata: {},
    createdAt,
    updatedAt: createdAt,
  };
}

export function buildWorkosSeed(world: World): WorkosSeed {
  const now = world.now.getTime();
  const random = createRandom(`${world.seed}:workos`);
  const seed: WorkosSeed = {
    users: [],
    organizations: [],
    memberships: [],
    roles: [],
    directories: [],
    directoryUsers: [],
    directoryGroups: [],
    authFactors: [],
    events: [],
  };
  const eventRandom = random.fork("events");
  const addEvent = (event: string, data: Record<string, unknown>, organizationId: string | null, createdAt: string) => {
    seed.events.push({
      id: seededId("event", new Date(createdAt), eventRandom),
      event,
      data,
      organizationId,
      createdAt,
    });
  };

  world.orgs.forEach((org, index) => seed.organizations.push(seedOrganization(org, now, index)));

  world.people.forEach((person, index) => {
    const createdAt = iso(now - (600 - index * 3) * DAY_MS - random.int(0, DAY_MS));
    const lastSignIn = iso(now - random.int(1, 14 * 24) * 3_600_000);
    seed.users.push({
      id: person.workosUserId,
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      emailVerified: true,
      externalId: null,
      metadata: {},
      lastSignInAt: lastSignIn,
      createdAt,
      updatedAt: createdAt,
      password: person.password,
    });
    if (person.totpSecret) {
      seed.authFactors.push({
        id: workosId("auth_factor", person.email),
        userId: person.workosUserId,
        issuer: TOTP_ISSUER,
        user: person.email,
        secret: person.totpSecret,
        createdAt,
        updatedAt: createdAt,
      });
    }
  });
  const userByEmail = new Map(seed.users.map((u) => [u.email, u]));

  for (const org of world.orgs) {
    const organization = seed.organizations.find((o) => o.id === org.workosOrgId) as OrganizationRecord;
    const orgCreated = Date.parse(organization.createdAt);
    for (const slug of ["admin", "manager", "member"] as const) {
      const [name, description] = ROLE_TEXT[slug];
      seed.roles.push({
        id: workosId("role", `${org.slug}:${slug}`),
        organizationId: org.workosOrgId,
        slug,
        name,
        description,
        permissions: ROLE_PERMISSIONS[slug],
        createdAt: organization.createdAt,
        updatedAt: organization.createdAt,
      });
    }

    const directory: DirectoryRecord = {
      id: workosId("directory", org.slug),
      organizationId: org.workosOrgId,
      externalKey: workosId("key", `directory:${org.slug}`).slice(4).toLowerCase(),
      name: `${org.name} Okta`,
      domain: org.domain,
      createdAt: iso(orgCreated + DAY_MS),
      updatedAt: iso(orgCreated + DAY_MS),
    };
    seed.directories.push(directory);

    const groupNames = ["Engineering", ...new Set(org.people.flatMap((p) => p.components))].sort();
    const groups = groupNames.map((name, i): DirectoryGroupRecord => {
      const createdAt = iso(orgCreated + DAY_MS + (i + 1) * 60_000);
      return {
        id: workosId("directory_group", `${org.slug}:${name}`),
        idpId: `00g${workosId("g", `${org.slug}:${name}`).slice(4, 18).toLowerCase()}`,
        directoryId: directory.id,
        organizationId: org.workosOrgId,
        name,
        createdAt,
        updatedAt: createdAt,
      };
    });
    seed.directoryGroups.push(...groups);
    const groupByName = new Map(groups.map((g) => [g.name, g]));

    addEvent(
      "dsync.activated",
      {
        object: "directory",
        id: directory.id,
        organization_id: org.workosOrgId,
        type: "okta scim v2.0",
        state: "active",
        name: directory.name,
        external_key: directory.externalKey,
        domains: [{ object: "organization_domain", id: organization.domains[0]?.id, domain: org.domain }],
        created_at: directory.createdAt,
        updated_at: directory.updatedAt,
      },
      org.workosOrgId,
      directory.createdAt,
    );

    for (const person of org.people) {
      const user = userByEmail.get(person.email) as UserRecord;
      const isHomeOrg = person.email.endsWith(`@${org.domain}`);
      const role = person.memberships.find((m) => m.org === org.slug)?.role ?? "member";
      const joined = Math.max(Date.parse(user.createdAt), orgCreated + 2 * DAY_MS) + random.int(0, DAY_MS);
      const createdAt = iso(joined);
      const membership: MembershipRecord = {
        id: workosId("om", `${user.id}:${org.workosOrgId}`),
        userId: user.id,
        organizationId: org.workosOrgId,
        roleSlug: role,
        status: "active",
        directoryManaged: isHomeOrg,
        createdAt,
        updatedAt: createdAt,
      };
      seed.memberships.push(membership);
      if (!isHomeOrg) continue; // guests are invited, not provisioned by this org's directory
      seed.directoryUsers.push({
        id: workosId("directory_user", `${org.slug}:${person.email}`),
        directoryId: directory.id,
        organizationId: org.workosOrgId,
        idpId: `00u${workosId("u", `${org.slug}:${person.email}`).slice(4, 18).toLowerCase()}`,
        email: person.email,
        firstName: person.firstName,
        lastName: person.lastName,
        jobTitle: random.pick(JOB_TITLES[role]),
        state: "active",
        roleSlug: role,
        groupIds: ["Engineering", ...person.components].map(
          (name) => (groupByName.get(name) as DirectoryGroupRecord).id,
        ),
        createdAt,
        updatedAt: createdAt,
      });
    }
  }
  seed.memberships.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  seed.directoryUsers.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  seed.events.push(...historyEvents(seed, world, random.fork("history")));
  seed.events.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return seed;
}

/** Sign-in sessions over the last weeks (`session.created`), many more for the large size. */
function historyEvents(seed: WorkosSeed, world: World, random: ReturnType<typeof createRandom>): EventRecord[] {
  const now = world.now.getTime();
  const count = world.size === "large" ? 20_000 : 150;
  const spanDays = world.size === "large" ? world.volumes.statsDays : 30;
  const active = seed.memberships.filter((m) => m.status === "active");
  const events: EventRecord[] = [];
  for (let i = 0; i < count; i++) {
    const membership = random.pick(active);
    const created = now - random.int(60_000, spanDays * DAY_MS);
    const createdAt = iso(created);
    const data = {
      object: "session",
      id: seededId("session", new Date(created), random),
      ip_address: `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`,
      organization_id: membership.organizationId,
      user_agent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
      user_id: membership.userId,
      auth_method: "password",
      status: "active",
      expires_at: iso(created + 30 * DAY_MS),
      ended_at: null,
      created_at: createdAt,
      updated_at: createdAt,
    };
    events.push({
      id: seededId("event", new Date(created), random),
      event: "session.created",
      data,
      organizationId: membership.organizationId,
      createdAt,
    });
  }
  return events;
}
