import type { JiraIssue, JiraIssueLink } from "../jira/model";
import { BLOCKS_LINK_TYPE, STATUS_IDS } from "../jira/reference";
import type { Draft, IssueContext } from "./jira-draft";

/** Blocks links: some inside sprints, and backlog blockers of active-sprint work (cross-sprint dependencies). */
export function makeLinks(
  ctx: IssueContext,
  issueOf: Map<Draft, JiraIssue>,
  groups: { active: Draft[]; backlog: Draft[]; future: Draft[]; closed: Draft[] },
): JiraIssueLink[] {
  const { random } = ctx;
  const links: JiraIssueLink[] = [];
  const seen = new Set<string>();
  const add = (blocker: Draft | undefined, blocked: Draft | undefined) => {
    if (!blocker || !blocked || blocker === blocked) return;
    const inward = issueOf.get(blocker) as JiraIssue;
    const outward = issueOf.get(blocked) as JiraIssue;
    const pair = `${inward.id}:${outward.id}`;
    if (seen.has(pair) || seen.has(`${outward.id}:${inward.id}`)) return;
    seen.add(pair);
    links.push({
      id: ctx.nextLinkId(),
      typeId: BLOCKS_LINK_TYPE.id,
      inwardIssueId: inward.id,
      outwardIssueId: outward.id,
    });
  };
  const openActive = groups.active.filter((d) => d.statusId !== STATUS_IDS.done);
  const crossSprint = Math.max(2, Math.round(ctx.issueCount * 0.005));
  for (let i = 0; i < crossSprint; i++)
    add(random.pick(groups.backlog), random.pick(openActive.length ? openActive : groups.active));
  const futureBlockers = Math.max(1, Math.round(ctx.issueCount * 0.003));
  for (let i = 0; i < futureBlockers; i++) add(random.pick(groups.future), random.pick(groups.active));
  const withinActive = Math.max(2, Math.round(ctx.issueCount * 0.005));
  for (let i = 0; i < withinActive; i++) add(random.pick(groups.active), random.pick(groups.active));
  const historical = Math.max(2, Math.round(ctx.issueCount * 0.01));
  for (let i = 0; i < historical && groups.closed.length > 1; i++)
    add(random.pick(groups.closed), random.pick(groups.closed));
  return links;
}
