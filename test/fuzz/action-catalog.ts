import fc from "fast-check";
import { deeplyMutated, type FieldSpec, hostileString } from "./arbitraries";
import type { Fixtures } from "./fixtures";

/**
 * Every server action Bosun exports, with the shape of a valid input: each
 * field's type and a generator of valid (or nearly valid) values built from
 * real ids. The fuzz suite sends mutations of these, and random values.
 */
export type ActionSpec = {
  /** Module path under app/ and the exported function. */
  file: string;
  name: string;
  /** The input's shapes (several for a discriminated union); none for actions that take only the org. */
  variants?: (c: CatalogContext) => Record<string, FieldSpec>[];
  /** Its writes can change who may do what (roles, members, settings, integrations): restore the baseline after it. */
  disturbs?: boolean;
  /** How the browser calls it, when not with one input object. */
  invoke?: (fn: (...args: unknown[]) => Promise<unknown>, input: unknown) => Promise<unknown>;
};

/** Ids that exist here, exist in another org, or exist nowhere. */
const idFrom = (here: string[], elsewhere: string[] = []) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...here), weight: 4 },
    { arbitrary: fc.constantFrom(...elsewhere, "nope", "clx0000000000000000000000"), weight: 1 },
  );
const text = (max: number) =>
  fc.oneof(
    {
      arbitrary: fc
        .string({ unit: "grapheme", minLength: 1, maxLength: Math.min(max, 40) })
        .filter((t) => t.trim().length > 0),
      weight: 8,
    },
    { arbitrary: fc.constantFrom("x".repeat(max), "x".repeat(max + 1)), weight: 1 },
  );
const isoDate = (from: string, to: string) =>
  fc.date({ min: new Date(from), max: new Date(to), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Start and end dates are drawn from windows that keep the end after the start; wrong dates come from the mutations. */
const dateLike = (from: string, to: string) =>
  fc.oneof(
    { arbitrary: isoDate(from, to), weight: 10 },
    {
      arbitrary: fc.constantFrom(
        "2026-02-30",
        "2026-13-01",
        "0000-00-00",
        "9999-12-31",
        "1000-01-01",
        "2026-1-1",
        "2026-11-20T00:00:00Z",
      ),
      weight: 1,
    },
  );
const startDate = dateLike("2026-12-01", "2026-12-10");
const endDate = dateLike("2026-12-11", "2026-12-31");
const uuid = fc.oneof(
  { arbitrary: fc.uuid(), weight: 12 },
  { arbitrary: fc.constantFrom("not-a-uuid", "00000000-0000-0000-0000-000000000000"), weight: 1 },
);
/** Whole numbers in range, and now and then just outside it. */
const int = (min: number, max: number) =>
  fc.oneof(
    { arbitrary: fc.integer({ min, max }), weight: 10 },
    { arbitrary: fc.constantFrom(min - 1, max + 1, min + 0.5), weight: 1 },
  );
const field = (kind: FieldSpec["kind"], valid: fc.Arbitrary<unknown>, nullable = false): FieldSpec => ({
  kind,
  valid,
  nullable,
});
const oneOf = <T>(...values: T[]) => fc.constantFrom(...values);

const members = "(app)/[orgSlug]/settings/members/actions";
const memberMfa = "(app)/[orgSlug]/settings/members/mfa-actions";
const memberErasure = "(app)/[orgSlug]/settings/members/erase-actions";
const ownership = "(app)/[orgSlug]/settings/ownership/actions";
const notifications = "(app)/[orgSlug]/notifications/actions";

export type CatalogContext = ReturnType<typeof buildCatalogContext>;

/** Generators of valid values, from the seeded world's real ids and what setup stored (a plan, a tickets preview). */
export function buildCatalogContext(f: Fixtures, stored: { planId: string; previewId: string; version: string }) {
  const people = [f.userIds.ada, f.userIds.grace, f.userIds.linus, f.userIds.margaret];
  const ruleId = idFrom(f.ruleIds, [f.globexRuleId]);
  const ruleConfig = fc.constantFrom(...f.ruleConfigs.map((r) => r.config));
  const step = (kinds: string[]) =>
    fc.oneof(
      fc.constant({ kind: kinds[0] }),
      fc.record({ kind: fc.constantFrom(...kinds.slice(1)), batch: int(0, 3) }),
    );
  const story = fc.record({
    title: text(200),
    acceptanceCriteria: text(5000),
    estimate: fc.oneof(fc.constantFrom(null, 0, 1, 2.5, 100), int(0, 100)),
    component: fc.oneof(fc.constantFrom(null, ""), fc.constantFrom(...f.jiraComponents)),
    checklist: fc.array(text(200), { maxLength: 3 }),
  });
  const feature = {
    name: field("string", text(200)),
    businessValue: field("string", text(2000)),
    priority: field("string", oneOf("Highest", "High", "Medium", "Low", "Lowest")),
    labels: field(
      "array",
      fc.oneof(
        fc.array(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), { maxLength: 3 }),
        deeplyMutated(fc.array(fc.constant("label"), { minLength: 1, maxLength: 2 })),
      ),
    ),
    components: field("array", fc.array(fc.constantFrom(...f.jiraComponents), { maxLength: 2 })),
    jiraProjectKey: field("string", oneOf(...f.jiraProjectKeys, "NOPE", "acme")),
    targetSprint: field("boolean", fc.boolean()),
    stories: field(
      "array",
      fc.oneof(
        { arbitrary: fc.array(story, { minLength: 1, maxLength: 3 }), weight: 3 },
        { arbitrary: deeplyMutated(fc.array(story, { minLength: 1, maxLength: 2 })), weight: 2 },
      ),
    ),
  };
  const version = fc.oneof(
    { arbitrary: fc.constantFrom(...f.versions, stored.version), weight: 4 },
    { arbitrary: text(200), weight: 1 },
  );
  const variant = oneOf("internal", "customer");
  const steps = { plan: step(["sprint", "move", "assign"]), tickets: step(["epic", "stories", "subtasks", "sprint"]) };
  return { f, stored, people, ruleId, ruleConfig, steps, feature, version, variant };
}

export const ACTIONS: ActionSpec[] = [
  { file: "(app)/[orgSlug]/actions", name: "switchOrgAction" },
  { file: "(app)/[orgSlug]/actions", name: "signOutEverywhereAction" },
  {
    file: "(app)/[orgSlug]/actions",
    name: "signOutEverywhere",
    invoke: (fn, input) => fn((input as { orgSlug?: unknown } | null)?.orgSlug ?? input),
  },

  {
    file: "(app)/[orgSlug]/automations/actions",
    name: "saveRuleAction",
    disturbs: true,
    variants: ({ f, ruleId, ruleConfig }) => [
      {
        ruleId: field("string", fc.option(ruleId, { nil: undefined })),
        kind: field("string", oneOf(...f.ruleConfigs.map((r) => r.kind))),
        name: field("string", text(80)),
        enabled: field("boolean", fc.boolean()),
        config: field("unknown", fc.oneof(ruleConfig, deeplyMutated(ruleConfig))),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/automations/actions",
    name: "setRuleEnabledAction",
    variants: ({ ruleId }) => [{ ruleId: field("string", ruleId), enabled: field("boolean", fc.boolean()) }],
  },
  {
    file: "(app)/[orgSlug]/automations/sync-actions",
    name: "saveSyncSettingsAction",
    disturbs: true,
    variants: () => [
      {
        jiraStatusToSentry: field("boolean", fc.boolean()),
        resolveIn: field("string", oneOf("now", "next_release")),
        unresolveOnReopen: field("boolean", fc.boolean()),
        sentryStatusToJira: field("boolean", fc.boolean()),
        onRegression: field("string", oneOf("reopen", "comment")),
        statusOrder: field("array", fc.array(oneOf("To Do", "In Progress", "In Review", "Done"), { maxLength: 6 })),
        assignees: field("boolean", fc.boolean()),
        comments: field("boolean", fc.boolean()),
        commitMessages: field("boolean", fc.boolean()),
        conflictWindowMinutes: field("number", int(1, 1440)),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/automations/actions",
    name: "deleteRuleAction",
    disturbs: true,
    variants: ({ ruleId }) => [{ ruleId: field("string", ruleId) }],
  },
  {
    file: "(app)/[orgSlug]/automations/actions",
    name: "previewRuleAction",
    variants: ({ ruleId, ruleConfig }) => [
      {
        ruleId: field("string", ruleId),
        config: field("unknown", fc.option(fc.oneof(ruleConfig, deeplyMutated(ruleConfig)), { nil: undefined })),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/automations/actions",
    name: "retryRunAction",
    variants: () => [{ runId: field("string", idFrom(["run_missing"])) }],
  },
  {
    file: "(app)/[orgSlug]/automations/actions",
    name: "retryJobAction",
    variants: () => [{ jobId: field("string", idFrom(["job_missing"])) }],
  },
  {
    file: "(app)/[orgSlug]/automations/actions",
    name: "retryWriteAction",
    variants: () => [{ intentId: field("string", idFrom(["intent_missing"])) }],
  },
  {
    file: "(app)/[orgSlug]/automations/actions",
    name: "resumeWriteAction",
    variants: () => [{ intentId: field("string", idFrom(["intent_missing"])) }],
  },

  {
    file: "(app)/[orgSlug]/errors/actions",
    name: "triageAction",
    variants: ({ f }) => [
      {
        issueIds: field(
          "array",
          fc.oneof(
            fc.subarray(f.sentryIssueIds, { minLength: 1, maxLength: 3 }),
            deeplyMutated(fc.subarray(f.sentryIssueIds, { minLength: 1, maxLength: 2 })),
          ),
        ),
        action: field("string", oneOf("resolve", "resolveInNextRelease", "ignore", "assign")),
        assigneeUserId: field("string", fc.option(fc.constantFrom("1", "2", "999999", ""), { nil: undefined })),
        idempotencyKey: field("string", uuid),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/errors/actions",
    name: "createTicketAction",
    variants: ({ f }) => [
      {
        issueId: field("string", idFrom(f.sentryIssueIds, ["999999999"])),
        projectKey: field("string", oneOf(...f.jiraProjectKeys, "NOPE")),
        retry: field("boolean", fc.boolean()),
      },
    ],
  },

  {
    file: "(app)/[orgSlug]/releases/[version]/notes/actions",
    name: "generateReleaseNotesAction",
    variants: ({ version, variant }) => [
      {
        version: field("string", version),
        variant: field("string", variant),
        groupBy: field("string", oneOf("component", "epic")),
        hideKeysForCustomers: field("boolean", fc.boolean()),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/releases/[version]/notes/actions",
    name: "saveReleaseNotesAction",
    variants: ({ version, variant }) => [
      {
        version: field("string", version),
        variant: field("string", variant),
        markdown: field("string", fc.oneof(text(2000), fc.constantFrom("# Notes\n\n- one", "x".repeat(200_001)))),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/releases/[version]/notes/actions",
    name: "publishReleaseNotesAction",
    variants: ({ version, variant }) => [
      {
        version: field("string", version),
        variant: field("string", variant),
        revision: field("number", int(1, 3)),
        markJiraReleased: field("boolean", fc.boolean()),
        closeCompleted: field("boolean", fc.boolean()),
      },
    ],
  },

  {
    file: "(app)/[orgSlug]/settings/actions",
    name: "updateSecuritySettingsAction",
    disturbs: true,
    variants: () => [
      {
        requireMfa: field("boolean", fc.boolean()),
        sessionIdleTimeoutMinutes: field("number", fc.oneof(fc.constant(null), int(5, 43_200)), true),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/settings/actions",
    name: "updateSeverityThresholdsAction",
    variants: () => [
      {
        highUserThreshold: field("number", int(1, 1000)),
        highEventThreshold: field("number", int(1, 100_000)),
        criticalUserThreshold: field("number", int(1, 10_000)),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/settings/actions",
    name: "saveTicketRoutingAction",
    variants: ({ f }) => [
      {
        routing: field(
          "object",
          fc.oneof(
            fc.dictionary(fc.constantFrom(...f.sentryProjects), fc.constantFrom(...f.jiraComponents, "")),
            deeplyMutated(fc.constant({ [f.sentryProjects[0]!]: f.jiraComponents[0] })),
          ),
        ),
      },
    ],
  },

  {
    file: "(app)/[orgSlug]/settings/actions",
    name: "updateOutboxRetryHoursAction",
    variants: () => [{ outboxRetryHours: field("number", int(1, 168)) }],
  },
  {
    file: "(app)/[orgSlug]/settings/actions",
    name: "updateRetentionSettingsAction",
    variants: () => [
      {
        deliveryPayloadDays: field("number", int(7, 365)),
        automationRunDays: field("number", int(14, 730)),
        finishedWriteDays: field("number", int(14, 730)),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/settings/performance-actions",
    name: "updatePerformanceSettingsAction",
    variants: () => [
      {
        vitalRegressionPercent: field("number", int(0, 1000)),
        minPageLoads: field("number", int(1, 100_000)),
        apiLatencyRegressionPercent: field("number", int(0, 1000)),
        minTransactions: field("number", int(1, 100_000)),
        apdexThresholdMs: field("number", int(1, 60_000)),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/settings/calendar-actions",
    name: "updateCalendarSettingsAction",
    // Asia/Kolkata is an alias the runtime's list spells Asia/Calcutta: nearly valid, refused.
    variants: () => [{ timeZone: field("string", oneOf("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata")) }],
  },
  {
    file: ownership,
    name: "saveOwnershipRulesAction",
    variants: (c) => [
      {
        projectSlug: field("string", oneOf(...c.f.sentryProjects, "nope", "Web!")),
        raw: field(
          "string",
          fc.oneof(
            oneOf("path:src/checkout/* #payments", "src/api/ @acme/platform\nurl:*/x* ada@acme.test", "pth:x", ""),
            text(2000),
          ),
        ),
      },
    ],
  },
  {
    file: ownership,
    name: "importOwnershipAction",
    variants: (c) => [{ projectSlug: field("string", oneOf(...c.f.sentryProjects, "nope")) }],
  },
  {
    file: ownership,
    name: "testOwnershipRuleAction",
    variants: (c) => [
      {
        projectSlug: field("string", oneOf(...c.f.sentryProjects)),
        raw: field("string", fc.oneof(oneOf("path:* #payments", "tags.level:* ada@acme.test"), text(500))),
        issue: field("string", oneOf("WEB-1", "API-2", "NOPE-1", "123", "not an id")),
      },
    ],
  },
  {
    file: ownership,
    name: "createTeamAction",
    variants: () => [
      {
        slug: field("string", fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), oneOf("payments", "Bad Slug!"))),
        name: field("string", text(100)),
        directoryGroupId: field("string", fc.option(oneOf("", "directory_group_01FUZZ", "group"), { nil: undefined })),
      },
    ],
  },
  {
    file: ownership,
    name: "renameTeamAction",
    variants: (c) => [
      { teamId: field("string", idFrom(c.f.teamIds, c.f.globexTeamIds)), name: field("string", text(100)) },
    ],
  },
  {
    file: ownership,
    name: "linkTeamDirectoryGroupAction",
    variants: (c) => [
      {
        teamId: field("string", idFrom(c.f.teamIds, c.f.globexTeamIds)),
        directoryGroupId: field("string", oneOf("", "directory_group_01FUZZ", "not-a-group")),
      },
    ],
  },
  {
    file: ownership,
    name: "deleteTeamAction",
    variants: (c) => [{ teamId: field("string", idFrom(c.f.teamIds, c.f.globexTeamIds)) }],
  },
  {
    file: ownership,
    name: "addTeamMemberAction",
    variants: (c) => [
      {
        teamId: field("string", idFrom(c.f.teamIds, c.f.globexTeamIds)),
        userId: field("string", idFrom(c.people, [c.f.userIds.hedy])),
      },
    ],
  },
  {
    file: ownership,
    name: "removeTeamMemberAction",
    variants: (c) => [
      {
        teamId: field("string", idFrom(c.f.teamIds, c.f.globexTeamIds)),
        membershipId: field("string", idFrom(c.f.membershipIds)),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/settings/api-keys/actions",
    name: "createApiKeyAction",
    variants: () => [
      {
        name: field("string", text(80)),
        scope: field("string", oneOf("read", "read_write")),
        role: field("string", oneOf("admin", "manager", "member")),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/settings/api-keys/actions",
    name: "createApiKeyFormAction",
    // A form's fields always arrive as text: the fuzzer's values are sent as strings (objects as JSON).
    invoke: (fn, input) => {
      const form = new FormData();
      if (input && typeof input === "object")
        for (const [key, value] of Object.entries(input as Record<string, unknown>))
          form.append(key, typeof value === "string" ? value : (JSON.stringify(value) ?? ""));
      return fn(null, form);
    },
  },
  {
    file: "(app)/[orgSlug]/settings/api-keys/actions",
    name: "revokeApiKeyAction",
    variants: ({ f }) => [{ keyId: field("string", idFrom([f.apiKeys.reader.id], [f.apiKeys.globex.id])) }],
  },

  {
    file: "(app)/[orgSlug]/settings/integrations/actions",
    name: "saveIntegrationAction",
    disturbs: true,
    variants: ({ f }): Record<string, FieldSpec>[] => [
      {
        provider: field("string", fc.constant("jira")),
        siteUrl: field(
          "string",
          oneOf("JIRA/acme", "JIRA/globex", "http://127.0.0.1:1", "ftp://example.test", "http://[::1]:1/"),
        ),
        email: field("string", oneOf("ada@acme.test", "hedy@globex.test", "not-an-email")),
        apiToken: field("string", fc.option(oneOf("jira-demo-token", "", "wrong"), { nil: undefined })),
      },
      {
        provider: field("string", fc.constant("sentry")),
        baseUrl: field("string", oneOf("SENTRY", "http://127.0.0.1:1")),
        organizationSlug: field("string", oneOf(f.sentryOrgSlug, "globex", "Bad Slug")),
        authToken: field("string", fc.option(oneOf("sentry-demo-token", ""), { nil: undefined })),
        webhookSecret: field("string", fc.option(text(500), { nil: undefined })),
      },
      {
        provider: field("string", fc.constant("github")),
        webhookSecret: field("string", fc.option(text(500), { nil: undefined })),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/settings/integrations/actions",
    name: "testIntegrationAction",
    variants: () => [{ provider: field("string", oneOf("jira", "sentry", "github")) }],
  },
  {
    file: "(app)/[orgSlug]/settings/integrations/jira-webhook-actions",
    name: "registerJiraWebhookAction",
    disturbs: true,
  },
  {
    file: "(app)/[orgSlug]/settings/integrations/rollback-hook-actions",
    name: "saveRollbackHookAction",
    disturbs: true,
    variants: () => [
      {
        url: field(
          "string",
          oneOf(
            "http://127.0.0.1:4104/hooks/rollback",
            "https://deploy.example.test/hook",
            "ftp://x.test",
            "http://[::1]:1/",
          ),
        ),
        timeoutSeconds: field("number", int(1, 30)),
        secret: field("string", fc.option(oneOf("demo-rollback-secret", "", "short"), { nil: undefined })),
        generateSecret: field("boolean", fc.boolean()),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/settings/integrations/rollback-hook-actions",
    name: "disconnectRollbackHookAction",
    disturbs: true,
  },
  {
    file: "(app)/[orgSlug]/settings/integrations/rollback-hook-actions",
    name: "saveRollbackSettingsAction",
    disturbs: true,
    variants: () => [
      {
        windowHours: field("number", int(1, 720)),
        criticalIssueThreshold: field("number", int(1, 1000)),
        environment: field("string", oneOf("production", "staging", "prod env")),
        jiraProjectKey: field("string", oneOf("", "ACME", "acme")),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/releases/[version]/rollback-actions",
    name: "approveRollbackAction",
    variants: () => [{ gateId: field("string", oneOf("nope", "clx0000000000000000000000")) }],
  },
  {
    file: "(app)/[orgSlug]/releases/[version]/rollback-actions",
    name: "dismissRollbackAction",
    variants: () => [
      {
        gateId: field("string", oneOf("nope", "clx0000000000000000000000")),
        reason: field("string", text(1000)),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/releases/[version]/rollback-actions",
    name: "dryRunRollbackAction",
    variants: () => [{ gateId: field("string", oneOf("nope", "clx0000000000000000000000")) }],
  },
  {
    file: "(app)/[orgSlug]/settings/integrations/actions",
    name: "disconnectIntegrationAction",
    disturbs: true,
    variants: () => [{ provider: field("string", oneOf("jira", "sentry", "github")) }],
  },

  {
    file: members,
    name: "inviteMemberAction",
    disturbs: true,
    variants: () => [
      {
        email: field("string", fc.oneof(fc.emailAddress(), fc.constantFrom("linus@acme.test", "HEDY@globex.test"))),
        role: field("string", oneOf("admin", "manager", "member")),
        idempotencyKey: field("string", uuid),
      },
    ],
  },
  {
    file: members,
    name: "revokeInvitationAction",
    disturbs: true,
    variants: () => [
      {
        invitationId: field("string", idFrom(["invitation_missing"])),
        email: field("string", fc.emailAddress()),
        idempotencyKey: field("string", uuid),
      },
    ],
  },
  {
    file: members,
    name: "changeMemberRoleAction",
    disturbs: true,
    variants: ({ f, people }) => [
      {
        userId: field("string", idFrom(people, [f.userIds.hedy])),
        role: field("string", oneOf("admin", "manager", "member")),
        idempotencyKey: field("string", uuid),
      },
    ],
  },
  {
    file: members,
    name: "removeMemberAction",
    disturbs: true,
    variants: ({ f, people }) => [
      { userId: field("string", idFrom(people, [f.userIds.hedy])), idempotencyKey: field("string", uuid) },
    ],
  },
  {
    file: memberMfa,
    name: "resetMemberMfaAction",
    disturbs: true,
    variants: ({ f, people }) => [
      { userId: field("string", idFrom(people, [f.userIds.hedy])), idempotencyKey: field("string", uuid) },
    ],
  },
  {
    file: memberErasure,
    name: "eraseDepartedMemberAction",
    disturbs: true,
    variants: ({ f, people }) => [
      {
        userId: field("string", idFrom(people, [f.userIds.hedy])),
        confirmEmail: field(
          "string",
          fc.oneof(oneOf("linus@acme.test", "margaret@acme.test", "hedy@globex.test"), fc.emailAddress()),
        ),
      },
    ],
  },
  {
    file: members,
    name: "reassignOpenIssuesAction",
    disturbs: true,
    variants: ({ f, people }) => [
      {
        fromUserId: field("string", idFrom(people, [f.userIds.hedy])),
        toUserId: field("string", idFrom(people, [f.userIds.hedy])),
        issueKeys: field(
          "array",
          fc.oneof(
            fc.subarray(f.jiraIssueKeys, { minLength: 1, maxLength: 3 }),
            fc.array(hostileString, { minLength: 1, maxLength: 3 }),
          ),
        ),
        idempotencyKey: field("string", uuid),
      },
    ],
  },

  {
    file: "(app)/[orgSlug]/sprints/actions",
    name: "refreshSprintsAction",
    variants: ({ f }) => [
      { boardId: field("number", fc.oneof(fc.constantFrom(...f.boardIds, f.globexBoardId), int(1, 10_000))) },
    ],
  },
  {
    file: "(app)/[orgSlug]/sprints/availability/actions",
    name: "addAvailabilityAction",
    variants: ({ f, people }) => [
      {
        userId: field("string", idFrom(people, [f.userIds.hedy])),
        kind: field("string", oneOf("time_off", "on_call")),
        startsOn: field("string", startDate),
        endsOn: field("string", endDate),
        note: field("string", fc.option(text(200), { nil: undefined })),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/sprints/availability/actions",
    name: "removeAvailabilityAction",
    variants: ({ f }) => [{ id: field("string", idFrom([f.availabilityId])) }],
  },
  {
    file: "(app)/[orgSlug]/sprints/availability/actions",
    name: "setAllocationAction",
    variants: ({ f, people }) => [
      { userId: field("string", idFrom(people, [f.userIds.hedy])), allocationPercent: field("number", int(0, 100)) },
    ],
  },
  {
    file: "(app)/[orgSlug]/sprints/plan/actions",
    name: "previewPlanAction",
    variants: ({ f }) => [
      {
        boardId: field("number", fc.oneof(fc.constantFrom(...f.boardIds, f.globexBoardId), int(1, 10_000))),
        name: field("string", text(120)),
        startDate: field("string", startDate),
        endDate: field("string", endDate),
        goal: field("string", fc.option(text(500), { nil: undefined })),
        bufferPercent: field("number", fc.oneof(int(0, 50), fc.double({ min: 0, max: 50, noNaN: true }))),
      },
    ],
  },
  {
    file: "(app)/[orgSlug]/sprints/plan/actions",
    name: "applyPlanStepAction",
    variants: ({ stored, steps }) => [
      {
        planId: field(
          "string",
          fc.oneof(
            { arbitrary: fc.constant(stored.planId), weight: 3 },
            { arbitrary: fc.stringMatching(/^[0-9a-f]{24}$/), weight: 1 },
          ),
        ),
        step: field(
          "object",
          fc.oneof({ arbitrary: steps.plan, weight: 3 }, { arbitrary: deeplyMutated(steps.plan), weight: 1 }),
        ),
        isLast: field("boolean", fc.boolean()),
      },
    ],
  },
  { file: "(app)/[orgSlug]/tickets/new/actions", name: "previewTicketsAction", variants: (c) => [c.feature] },
  {
    file: "(app)/[orgSlug]/tickets/new/actions",
    name: "createTicketsStepAction",
    variants: ({ stored, steps }) => [
      {
        previewId: field(
          "string",
          fc.oneof(
            { arbitrary: fc.constant(stored.previewId), weight: 3 },
            { arbitrary: fc.stringMatching(/^[0-9a-f]{24}$/), weight: 1 },
          ),
        ),
        step: field(
          "object",
          fc.oneof({ arbitrary: steps.tickets, weight: 3 }, { arbitrary: deeplyMutated(steps.tickets), weight: 1 }),
        ),
        retry: field("boolean", fc.boolean()),
      },
    ],
  },

  {
    file: notifications,
    name: "markNotificationsReadAction",
    variants: () => [
      {
        ids: field(
          "array",
          fc.oneof(
            fc.constant("all"),
            fc.array(fc.constantFrom("nope", "clx0000000000000000000000"), { minLength: 1, maxLength: 3 }),
          ),
        ),
      },
    ],
  },
  {
    file: notifications,
    name: "markAllReadFormAction",
    invoke: (fn, input) => fn((input as { orgSlug?: unknown } | null)?.orgSlug ?? input),
  },
  {
    file: notifications,
    name: "markOneReadFormAction",
    invoke: (fn, input) => {
      const record = (input ?? {}) as { orgSlug?: unknown; id?: unknown };
      return fn(record.orgSlug ?? input, record.id ?? "nope");
    },
  },
  {
    file: notifications,
    name: "saveNotificationPreferencesAction",
    variants: () => [
      {
        channels: field(
          "object",
          fc.oneof(
            fc.dictionary(
              fc.constantFrom("critical_issue", "issue_regression", "rule_failed", "write_stuck"),
              fc.constantFrom("email", "in_app", "off"),
            ),
            deeplyMutated(fc.constant({ critical_issue: "email" })),
          ),
        ),
        timeZone: field("string", oneOf("UTC", "Europe/Berlin", "America/New_York", "Mars/Olympus", "")),
        quietStart: field("string", fc.oneof(fc.constant(null), oneOf("22:00", "07:30", "24:00")), true),
        quietEnd: field("string", fc.oneof(fc.constant(null), oneOf("07:00", "22:00", "7am")), true),
        digestOnly: field("boolean", fc.boolean()),
        weeklyDigest: field("boolean", fc.boolean()),
        unsubscribed: field("boolean", fc.boolean()),
      },
    ],
  },
  {
    file: notifications,
    name: "saveOrgNotificationDefaultsAction",
    disturbs: true,
    variants: () => [
      {
        channels: field(
          "object",
          fc.dictionary(
            fc.constantFrom("critical_issue", "release_regression", "sprint_over_capacity"),
            fc.constantFrom("email", "in_app", "off"),
          ),
        ),
        digestOnly: field("boolean", fc.boolean()),
        weeklyDigest: field("boolean", fc.boolean()),
      },
    ],
  },
  {
    file: notifications,
    name: "setWatchAction",
    variants: ({ f }) => [
      {
        targetType: field("string", oneOf("sentry_issue", "release", "sentry_project", "jira_issue")),
        targetId: field("string", fc.oneof(fc.constantFrom(...f.sentryProjects, "4711", "../x"), text(200))),
        watching: field("boolean", fc.boolean()),
      },
    ],
  },
  {
    file: "unsubscribe/[token]/actions",
    name: "confirmUnsubscribeAction",
    invoke: (fn, input) => fn((input as { token?: unknown } | null)?.token ?? input),
  },

  { file: "(auth)/actions", name: "signOutAction", invoke: (fn, input) => fn(input) },
  { file: "(auth)/mfa/actions", name: "startMfaEnrolmentAction" },
  {
    file: "(auth)/mfa/actions",
    name: "verifyMfaCodeAction",
    variants: () => [
      {
        code: field("string", fc.oneof(fc.stringMatching(/^\d{6}$/), fc.constantFrom(" 123456 ", "12345", "abcdef"))),
        challengeId: field("string", fc.option(fc.constantFrom("auth_challenge_missing", ""), { nil: undefined })),
        returnTo: field(
          "string",
          fc.option(
            fc.constantFrom(
              "/acme/sprints",
              "//evil.example",
              "https://evil.example/acme",
              "/globex",
              "javascript:alert(1)",
            ),
            { nil: undefined },
          ),
        ),
        connectionId: field("string", fc.option(fc.constantFrom("conn_missing", "x".repeat(201)), { nil: undefined })),
      },
    ],
  },
];

/** Emulator URLs go into integration settings as placeholders, filled in per run. */
export function withEmulatorUrls(input: unknown, urls: { jira: string; sentry: string }): unknown {
  if (typeof input !== "object" || input === null) return input;
  const record = input as Record<string, unknown>;
  if (typeof record.siteUrl === "string" && record.siteUrl.startsWith("JIRA/"))
    record.siteUrl = `${urls.jira}/${record.siteUrl.slice(5)}`;
  if (record.baseUrl === "SENTRY") record.baseUrl = urls.sentry;
  return input;
}
