import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { type RunningWorkosEmulator, startWorkosEmulator } from "@/emulators/workos";
import { SENTRY_DEMO_AUTH_TOKEN, workosId } from "@/emulators/seed/world";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import type { OwnershipFacts } from "@/lib/domain/ownership";
import { suggestAssignee } from "@/lib/features/tickets/routing";
import {
  addOrgTeamMember,
  createOrgTeam,
  importOwnershipFromSentry,
  linkTeamDirectoryGroup,
  listTeams,
  ownersOfIssue,
  removeOrgTeamMember,
  renameOrgTeam,
  saveProjectRules,
  testRule,
} from "./index";

/** Ownership against the seeded database and the Sentry emulator: rules, teams, import, the tester and routing. */
describe("ownership", () => {
  let sentry: RunningSentryEmulator;
  let workos: RunningWorkosEmulator;
  let acme: string;
  let acmeWorkosId: string;
  let globex: string;
  const author = { actor: { type: "user" as const, id: null, label: "ada@acme.test" }, requestId: "req-ownership" };

  beforeAll(async () => {
    sentry = await startSentryEmulator({ port: 0 });
    workos = await startWorkosEmulator({ port: 0 });
    setTestEnv({ WORKOS_API_PORT: String(workos.port) });
  });
  useSeededDatabase({ label: "ownership", seed: () => ({ urls: { sentry: sentry.url, jira: "http://127.0.0.1:1" } }) });
  beforeAll(async () => {
    const acmeOrg = await db.organization.findUniqueOrThrow({ where: { slug: "acme" } });
    acme = acmeOrg.id;
    acmeWorkosId = acmeOrg.workosOrgId;
    globex = (await db.organization.findUniqueOrThrow({ where: { slug: "globex" } })).id;
  });
  afterAll(async () => {
    restoreTestEnv();
    await Promise.all([sentry.close(), workos.close()]);
  });

  const facts = (paths: string[], extra: Partial<OwnershipFacts> = {}): OwnershipFacts => ({
    paths,
    modules: [],
    url: null,
    tags: {},
    ...extra,
  });
  const sentryApi = (method: string, path: string, body?: unknown) =>
    fetch(`${sentry.url}/api/0${path}`, {
      method,
      headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("names the seeded owners of an issue, teams expanded in order, with the rule and why", async () => {
    const verdict = await ownersOfIssue({ orgId: acme, projectSlug: "web", facts: facts(["src/checkout/cart.ts"]) });
    expect(verdict.owners.map((o) => o.email)).toEqual(["barbara@acme.test", "ada@acme.test"]);
    expect(verdict.rule).toBe("path:src/checkout/* #payments");
    expect(verdict.because).toBe("path:src/checkout/* matched src/checkout/cart.ts (the last matching rule, line 2)");
  });

  it("lets the last matching rule win and names each person once", async () => {
    const verdict = await ownersOfIssue({
      orgId: acme,
      projectSlug: "api",
      facts: facts(["src/middleware/request-context.ts", "src/api/invoices/handler.ts"]),
    });
    expect(verdict.rule).toBe("path:src/api/invoices/* #payments");
    expect(verdict.because).toContain("the last of 3 matching rules");
    expect(verdict.owners.map((o) => o.email)).toEqual(["barbara@acme.test", "ada@acme.test"]);
  });

  it("answers no owners for a project without rules, or facts no rule matches, and never reads another org's rules", async () => {
    expect(await ownersOfIssue({ orgId: acme, projectSlug: "bosun", facts: facts(["src/checkout/cart.ts"]) })).toEqual({
      owners: [],
      rule: null,
      because: "No rule matches",
    });
    // globex's web rules name #cargo for manifests; acme's do not.
    const acmeVerdict = await ownersOfIssue({ orgId: acme, projectSlug: "web", facts: facts(["src/manifests/x.ts"]) });
    expect(acmeVerdict.rule).toBeNull();
    const globexVerdict = await ownersOfIssue({
      orgId: globex,
      projectSlug: "web",
      facts: facts(["src/manifests/x.ts"]),
    });
    expect(globexVerdict.owners.map((o) => o.email)).toEqual(["alan@globex.test", "frances@globex.test"]);
  });

  it("refuses rules with unreadable lines, naming each line, and saves and audits readable ones with warnings", async () => {
    const bad = await saveProjectRules(
      { orgId: acme, projectSlug: "worker", raw: "module:tasks.* #platform\noops" },
      author,
    );
    expect(bad).toMatchObject({ ok: false, lineErrors: [{ line: 2 }] });
    const saved = await saveProjectRules(
      { orgId: acme, projectSlug: "worker", raw: "module:tasks.* #platform ghost@acme.test" },
      author,
    );
    expect(saved).toEqual({
      ok: true,
      data: { ruleCount: 1, changed: true, warnings: [{ line: 1, message: "ghost@acme.test is not a member." }] },
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: acme, action: "ownership.rules_saved" } });
    expect(audit).toMatchObject({ targetId: "worker", requestId: "req-ownership", actorLabel: "ada@acme.test" });
    expect(audit.changes).toMatchObject({ raw: { to: "module:tasks.* #platform ghost@acme.test" } });
  });

  it("imports a project's rules from Sentry, creating missing teams empty and listing unknown members", async () => {
    const put = await sentryApi("PUT", "/projects/acme/worker/ownership/", {
      raw: "module:tasks.billing #payments\nmodule:tasks.* #engineering margaret@acme.test",
    });
    expect(put.status).toBe(202);
    const result = await importOwnershipFromSentry({ orgId: acme, projectSlug: "worker" }, author);
    expect(result).toMatchObject({
      ok: true,
      data: { ruleCount: 2, createdTeams: ["engineering"], unknownEmails: [], unreadableLines: 0 },
    });
    if (!result.ok) return;
    expect(result.data.message).toContain("Created empty team #engineering: add their members.");
    const teams = await listTeams({ orgId: acme });
    expect(teams.find((t) => t.slug === "engineering")?.members).toEqual([]);
    const stored = await db.ownershipRuleSet.findUniqueOrThrow({
      where: { orgId_sentryProjectSlug: { orgId: acme, sentryProjectSlug: "worker" } },
    });
    expect(stored.raw).toContain("#engineering");
    expect(stored.importedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { orgId: acme, action: "ownership.rules_imported" } })).toBe(1);
    expect(await importOwnershipFromSentry({ orgId: acme, projectSlug: "nope" }, author)).toMatchObject({ ok: false });
  });

  it("manages teams, each change audited, and never links another org's member", async () => {
    const created = await createOrgTeam(
      { orgId: acme, workosOrgId: acmeWorkosId, input: { slug: "web-crew", name: "Web crew" } },
      author,
    );
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(
      await createOrgTeam(
        { orgId: acme, workosOrgId: acmeWorkosId, input: { slug: "web-crew", name: "Again" } },
        author,
      ),
    ).toMatchObject({
      ok: false,
      error: "A team #web-crew already exists.",
    });
    const teamId = created.data.id;
    const linus = await db.user.findUniqueOrThrow({ where: { email: "linus@acme.test" } });
    const alan = await db.user.findUniqueOrThrow({ where: { email: "alan@globex.test" } });
    expect(await addOrgTeamMember({ orgId: acme, teamId, userId: linus.id }, author)).toEqual({ ok: true, data: null });
    expect(await addOrgTeamMember({ orgId: acme, teamId, userId: alan.id }, author)).toMatchObject({ ok: false });
    // Another org cannot touch acme's team.
    expect(await renameOrgTeam({ orgId: globex, teamId, name: "Taken" }, author)).toMatchObject({ ok: false });
    expect(await renameOrgTeam({ orgId: acme, teamId, name: "Web team" }, author)).toEqual({ ok: true, data: null });
    // Another org's directory group is refused (one WorkOS key reaches every org's directories), and changes nothing.
    const globexRouting = workosId("directory_group", "globex:Routing");
    expect(
      await linkTeamDirectoryGroup(
        { orgId: acme, workosOrgId: acmeWorkosId, teamId, directoryGroupId: globexRouting },
        author,
      ),
    ).toEqual({ ok: false, error: `No directory group ${globexRouting} in this organization's directory.` });
    // acme's Billing group (Ada and Barbara in the WorkOS seed): the team takes its members, and Linus leaves.
    const billing = workosId("directory_group", "acme:Billing");
    expect(
      await linkTeamDirectoryGroup(
        { orgId: acme, workosOrgId: acmeWorkosId, teamId, directoryGroupId: billing },
        author,
      ),
    ).toEqual({ ok: true, data: { added: 2, removed: 1 } });
    const team = (await listTeams({ orgId: acme })).find((t) => t.id === teamId);
    expect(team).toMatchObject({ name: "Web team", directoryGroupId: billing });
    expect(team?.members.map((m) => m.email).sort()).toEqual(["ada@acme.test", "barbara@acme.test"]);
    const membershipId = team?.members[0]?.membershipId ?? "";
    expect(await removeOrgTeamMember({ orgId: globex, teamId, membershipId }, author)).toMatchObject({ ok: false });
    expect(await removeOrgTeamMember({ orgId: acme, teamId, membershipId }, author)).toEqual({ ok: true, data: null });
    const actions = (
      await db.auditLog.findMany({ where: { orgId: acme, targetId: teamId }, orderBy: { createdAt: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual([
      "team.created",
      "team.member_added",
      "team.renamed",
      "team.directory_group_linked",
      "team.member_removed",
    ]);
  });

  it("tests rules text against a real issue's latest event, and says which project an issue belongs to", async () => {
    const issues = (await (
      await sentryApi("GET", "/organizations/acme/issues/?query=is:unresolved&project=-1&limit=100")
    ).json()) as {
      shortId: string;
      project: { slug: string };
    }[];
    const web = issues.find((i) => i.project.slug === "web");
    expect(web).toBeDefined();
    if (!web) return;
    const tested = await testRule({ orgId: acme, projectSlug: "web", raw: "path:* #payments", issueId: web.shortId });
    expect(tested).toMatchObject({ ok: true });
    if (!tested.ok) return;
    expect(tested.data.sentence).toMatch(
      /^This issue would go to: Barbara Liskov, Ada Lovelace, because path:\* matched /,
    );
    expect(tested.data.facts.paths.length).toBeGreaterThan(0);
    const none = await testRule({
      orgId: acme,
      projectSlug: "web",
      raw: "path:nowhere/* #payments",
      issueId: web.shortId,
    });
    expect(none).toMatchObject({ ok: true, data: { sentence: "This issue would go to nobody: no rule matches." } });
    expect(await testRule({ orgId: acme, projectSlug: "api", raw: "", issueId: web.shortId })).toMatchObject({
      ok: false,
      error: expect.stringContaining(`belongs to Sentry project web, not api`),
    });
    expect(await testRule({ orgId: acme, projectSlug: "web", raw: "", issueId: "NOPE-1" })).toMatchObject({
      ok: false,
      error: "Sentry has no issue NOPE-1 in this organization.",
    });
  });

  it("routes tickets to the first owner with a Jira account, saying which rule chose", async () => {
    const barbara = await db.membership.findFirstOrThrow({
      where: { orgId: acme, user: { email: "barbara@acme.test" } },
    });
    const suggestion = await suggestAssignee({
      orgId: acme,
      sentryProjectSlug: "web",
      facts: facts(["src/checkout/cart.ts"]),
    });
    expect(suggestion).toMatchObject({
      source: "owner",
      accountId: barbara.jiraAccountId,
      name: "Barbara Liskov",
      rule: "path:src/checkout/* #payments",
    });
    expect(suggestion?.reason).toMatch(
      /^owner by the ownership rules: path:src\/checkout\/\* matched src\/checkout\/cart\.ts/,
    );
    // Barbara without a Jira account: the next owner on the team, Ada, gets it.
    await db.membership.update({ where: { id: barbara.id }, data: { jiraAccountId: null } });
    const next = await suggestAssignee({
      orgId: acme,
      sentryProjectSlug: "web",
      facts: facts(["src/checkout/cart.ts"]),
    });
    expect(next).toMatchObject({ source: "owner", name: "Ada Lovelace" });
    await db.membership.update({ where: { id: barbara.id }, data: { jiraAccountId: suggestion?.accountId } });
    // No rule matches: component experience decides, as before (or nobody when the project has no component).
    const fallback = await suggestAssignee({ orgId: acme, sentryProjectSlug: "web", facts: facts(["elsewhere.ts"]) });
    expect(fallback === null || fallback.source === "experience").toBe(true);
  });
});
