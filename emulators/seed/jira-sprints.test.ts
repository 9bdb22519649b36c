import { describe, expect, it } from "vitest";
import type { JiraIssue, JiraSiteData, JiraSprint } from "../jira/model";
import { ISSUE_TYPE_IDS, STATUS_IDS } from "../jira/reference";
import { buildJiraSite } from "./jira";
import { buildWorld } from "./world";

/** The sprint history the Jira seed gives each board: closed sprints with their issues and changelog. */

const NOW = new Date("2026-11-20T12:00:00Z");
const world = buildWorld({ size: "demo", seed: 42, now: NOW });
const sites = world.orgs.map((org) => buildJiraSite(world, org));

const inSprint = (site: JiraSiteData, sprint: JiraSprint): JiraIssue[] =>
  site.issues.filter((i) => i.sprintIds.includes(sprint.id) && i.issueTypeId !== ISSUE_TYPE_IDS.subtask);
const historiesOf = (site: JiraSiteData, issue: JiraIssue) =>
  site.changeHistories.filter((h) => h.issueId === issue.id);

describe.each(sites.map((site) => [site.slug, site] as const))("the %s site's sprint history", (_, site) => {
  it("has 12 closed two-week sprints per board, one after another, before the active and the next one", () => {
    for (const board of site.boards) {
      const sprints = site.sprints.filter((s) => s.originBoardId === board.id);
      expect(sprints.map((s) => s.state)).toEqual([...Array(12).fill("closed"), "active", "future"]);
      sprints.slice(0, 12).forEach((sprint, i) => {
        expect(sprint.endDate! - sprint.startDate!).toBe(14 * 86_400_000);
        expect(sprint.completeDate).toBeGreaterThanOrEqual(sprint.endDate!);
        const next = sprints[i + 1] as JiraSprint;
        expect(next.startDate).toBe(sprint.endDate);
      });
    }
  });

  it("resolves the work done in a closed sprint within it, and records it in the changelog", () => {
    for (const sprint of site.sprints.filter((s) => s.state === "closed")) {
      const issues = inSprint(site, sprint);
      expect(issues.length, sprint.name).toBeGreaterThan(0);
      const laterSprint = (i: JiraIssue) => i.sprintIds.some((id) => id > sprint.id);
      for (const issue of issues.filter((i) => !laterSprint(i))) {
        // Its last sprint: done during it.
        expect(issue.statusId, issue.key).toBe(STATUS_IDS.done);
        expect(issue.resolutionDate!).toBeGreaterThan(sprint.startDate!);
        expect(issue.resolutionDate!).toBeLessThan(sprint.completeDate!);
        const done = historiesOf(site, issue).filter((h) => h.items.some((item) => item.field === "status"));
        expect(done).toHaveLength(1);
        expect(done[0]).toMatchObject({ created: issue.resolutionDate });
        expect(done[0]!.items.find((item) => item.field === "status")).toMatchObject({ to: STATUS_IDS.done });
        expect(done[0]!.items.find((item) => item.field === "resolution")).toMatchObject({ toString: "Done" });
      }
    }
  });

  it("carries unfinished issues of every closed sprint of more than one issue over to the next", () => {
    for (const sprint of site.sprints.filter((s) => s.state === "closed")) {
      const issues = inSprint(site, sprint);
      const carried = issues.filter((i) => i.sprintIds.includes(sprint.id + 1));
      if (issues.length > 1) expect(carried.length, sprint.name).toBeGreaterThan(0);
      for (const issue of carried) {
        // Not done when the sprint closed.
        expect(issue.resolutionDate === null || issue.resolutionDate > sprint.completeDate!, issue.key).toBe(true);
      }
    }
  });

  it("records issues added after a sprint started as Sprint changes at that moment", () => {
    const sprintChanges = site.changeHistories.filter((h) => h.items.some((item) => item.field === "Sprint"));
    const closed = site.sprints.filter((s) => s.state === "closed");
    expect(sprintChanges.length).toBeGreaterThanOrEqual(closed.length / 2);
    for (const history of sprintChanges) {
      const item = history.items[0]!;
      expect(item).toMatchObject({ field: "Sprint", fieldtype: "custom", fieldId: "customfield_10020" });
      const sprintId = Number(item.to!.split(", ").at(-1));
      const sprint = closed.find((s) => s.id === sprintId)!;
      expect(history.created).toBeGreaterThan(sprint.startDate!);
      expect(history.created).toBeLessThan(sprint.endDate!);
      expect(item.toString!.split(", ").at(-1)).toBe(sprint.name);
      const issue = site.issues.find((i) => i.id === history.issueId)!;
      expect(issue.sprintIds).toContain(sprintId);
      expect(issue.created).toBeLessThan(history.created);
      // Whatever happened to it in that sprint came after it was added.
      if (issue.resolutionDate !== null && issue.resolutionDate < sprint.endDate!)
        expect(issue.resolutionDate).toBeGreaterThan(history.created);
    }
  });

  it("keeps the changelog in time order", () => {
    const times = site.changeHistories.map((h) => h.created);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

it("gives the large dataset's acme a year of closed sprints (26) on each of its five boards", () => {
  const large = buildWorld({ size: "large", seed: 42, now: NOW });
  const acme = buildJiraSite(
    large,
    large.orgs.find((o) => o.slug === "acme")!,
  );
  expect(acme.boards).toHaveLength(5);
  for (const board of acme.boards)
    expect(acme.sprints.filter((s) => s.originBoardId === board.id && s.state === "closed")).toHaveLength(26);
});
