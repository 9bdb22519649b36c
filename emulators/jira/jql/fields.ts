import type { JiraIssue, JiraUser } from "../model";
import type { JiraSite } from "../store";
import { ISSUE_TYPES, ISSUE_TYPE_IDS, PRIORITIES, STATUSES, STATUS_CATEGORIES, findStatus } from "../reference";
import { JqlError, type JqlValue } from "./parser";

/**
 * The searchable JQL fields: how to read an issue's values and how to turn a
 * clause's values into the same keys, with Jira's errors for unknown values.
 */
export type ResolveContext = { site: JiraSite; currentUser: JiraUser | null; now: number };

export type FieldKind = "set" | "date" | "number";

export type JqlField = {
  name: string;
  kind: FieldKind;
  /** Whether `is EMPTY` / `= EMPTY` make sense for the field. */
  canBeEmpty: boolean;
  values: (issue: JiraIssue, site: JiraSite) => readonly string[];
  resolve: (value: JqlValue, ctx: ResolveContext) => string[];
  /** For date and number fields: the comparable value. */
  scalar?: (issue: JiraIssue) => number | null;
};

const missing = (value: string, field: string) =>
  new JqlError(`The value '${value}' does not exist for the field '${field}'.`);

function literal(
  value: JqlValue,
  field: string,
  ctx: ResolveContext,
  functions: Record<string, (args: string[], ctx: ResolveContext) => string[]> = {},
): string | string[] {
  if (value.kind === "function") {
    const fn = functions[value.name.toLowerCase()];
    if (fn) return fn(value.args, ctx);
    if (KNOWN_FUNCTIONS.has(value.name.toLowerCase()))
      throw new JqlError(`Jira function '${value.name}()' is not supported by the field '${field}'.`);
    throw new JqlError(`Unable to find JQL function '${value.name}()'.`);
  }
  if (value.kind === "empty") return [];
  return value.text;
}

const KNOWN_FUNCTIONS = new Set([
  "currentuser",
  "opensprints",
  "closedsprints",
  "futuresprints",
  "releasedversions",
  "unreleasedversions",
  "standardissuetypes",
  "subtaskissuetypes",
  "now",
  "startofday",
  "endofday",
]);

function byName<T extends { id: string; name: string }>(items: readonly T[], field: string) {
  return (value: JqlValue, ctx: ResolveContext): string[] => {
    const text = literal(value, field, ctx);
    if (Array.isArray(text)) return text;
    const lower = text.toLowerCase();
    const found = items.filter((item) => item.id === text || item.name.toLowerCase() === lower);
    if (found.length === 0) throw missing(text, field);
    return found.map((item) => item.id);
  };
}

function userResolver(field: string) {
  return (value: JqlValue, ctx: ResolveContext): string[] => {
    const text = literal(value, field, ctx, {
      currentuser: (_args, c) => {
        if (!c.currentUser) throw new JqlError("The function 'currentUser' requires an authenticated user.");
        return [c.currentUser.accountId];
      },
    });
    if (Array.isArray(text)) return text;
    const user = ctx.site.findUser(text) ?? ctx.site.findUserByEmail(text);
    if (!user) throw missing(text, field);
    return [user.accountId];
  };
}

function issueResolver(field: string) {
  return (value: JqlValue, ctx: ResolveContext): string[] => {
    const text = literal(value, field, ctx);
    if (Array.isArray(text)) return text;
    const issue = ctx.site.findIssue(text);
    if (!issue) throw new JqlError(`An issue with key '${text}' does not exist for field '${field}'.`);
    return [String(issue.id)];
  };
}

function sprintsInState(state: string) {
  return (_args: string[], ctx: ResolveContext) =>
    ctx.site.data.sprints
      .filter((s) => (state === "open" ? s.state !== "closed" : s.state === state))
      .map((s) => String(s.id));
}

function resolveSprint(value: JqlValue, ctx: ResolveContext): string[] {
  const text = literal(value, "sprint", ctx, {
    opensprints: sprintsInState("open"),
    closedsprints: sprintsInState("closed"),
    futuresprints: sprintsInState("future"),
  });
  if (Array.isArray(text)) return text;
  const lower = text.toLowerCase();
  const found = ctx.site.data.sprints.filter((s) => String(s.id) === text || s.name.toLowerCase() === lower);
  if (found.length === 0) throw missing(text, "sprint");
  return found.map((s) => String(s.id));
}

function versionsWhere(released: boolean) {
  return (args: string[], ctx: ResolveContext) => {
    const project = args[0] ? ctx.site.findProject(args[0]) : undefined;
    if (args[0] && !project) throw missing(args[0], "project");
    return ctx.site.data.versions
      .filter((v) => v.released === released && (!project || v.projectId === project.id))
      .map((v) => v.id);
  };
}

function resolveVersion(value: JqlValue, ctx: ResolveContext): string[] {
  const text = literal(value, "fixVersion", ctx, {
    releasedversions: versionsWhere(true),
    unreleasedversions: versionsWhere(false),
  });
  if (Array.isArray(text)) return text;
  const found = ctx.site.data.versions.filter((v) => v.id === text || v.name === text);
  if (found.length === 0) throw missing(text, "fixVersion");
  return found.map((v) => v.id);
}

function resolveComponent(value: JqlValue, ctx: ResolveContext): string[] {
  const text = literal(value, "component", ctx);
  if (Array.isArray(text)) return text;
  const lower = text.toLowerCase();
  const found = ctx.site.data.projects
    .flatMap((p) => p.components)
    .filter((c) => c.id === text || c.name.toLowerCase() === lower);
  if (found.length === 0) throw missing(text, "component");
  return found.map((c) => c.id);
}

function resolveProject(value: JqlValue, ctx: ResolveContext): string[] {
  const text = literal(value, "project", ctx);
  if (Array.isArray(text)) return text;
  const project =
    ctx.site.findProject(text) ?? ctx.site.data.projects.find((p) => p.name.toLowerCase() === text.toLowerCase());
  if (!project) throw missing(text, "project");
  return [project.id];
}

function resolveStatusCategory(value: JqlValue, ctx: ResolveContext): string[] {
  const text = literal(value, "statusCategory", ctx);
  if (Array.isArray(text)) return text;
  const lower = text.toLowerCase();
  const found = Object.values(STATUS_CATEGORIES).find(
    (c) => c.key === lower || c.name.toLowerCase() === lower || String(c.id) === text,
  );
  if (!found) throw missing(text, "statusCategory");
  return [found.key];
}

function resolveIssueType(value: JqlValue, ctx: ResolveContext): string[] {
  const text = literal(value, "issuetype", ctx, {
    standardissuetypes: () => ISSUE_TYPES.filter((t) => !t.subtask).map((t) => t.id),
    subtaskissuetypes: () => ISSUE_TYPES.filter((t) => t.subtask).map((t) => t.id),
  });
  if (Array.isArray(text)) return text;
  return byName(ISSUE_TYPES, "issuetype")({ kind: "literal", text }, ctx);
}

const DATE_UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** Dates as JQL writes them: "yyyy-MM-dd", "yyyy-MM-dd HH:mm", relative "-14d", or now()/startOfDay()/endOfDay(). */
export function resolveDate(value: JqlValue, field: string, ctx: ResolveContext): number | null {
  if (value.kind === "empty") return null;
  if (value.kind === "function") {
    const dayStart = Math.floor(ctx.now / 86_400_000) * 86_400_000;
    const name = value.name.toLowerCase();
    if (name === "now") return ctx.now;
    if (name === "startofday") return dayStart;
    if (name === "endofday") return dayStart + 86_400_000 - 1;
    throw new JqlError(
      KNOWN_FUNCTIONS.has(name)
        ? `Jira function '${value.name}()' is not supported by the field '${field}'.`
        : `Unable to find JQL function '${value.name}()'.`,
    );
  }
  const relative = /^([+-]?)(\d+)([mhdw])$/i.exec(value.text);
  if (relative) {
    const amount = Number(relative[2]) * (DATE_UNITS[(relative[3] as string).toLowerCase()] as number);
    return relative[1] === "-" ? ctx.now - amount : ctx.now + amount;
  }
  const absolute = /^(\d{4})[-/](\d{2})[-/](\d{2})(?: (\d{2}):(\d{2}))?$/.exec(value.text);
  if (absolute)
    return Date.UTC(
      Number(absolute[1]),
      Number(absolute[2]) - 1,
      Number(absolute[3]),
      Number(absolute[4] ?? 0),
      Number(absolute[5] ?? 0),
    );
  throw new JqlError(
    `Date value '${value.text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

const none: readonly string[] = [];
const one = (value: string | null): readonly string[] => (value === null ? none : [value]);

function setField(
  name: string,
  canBeEmpty: boolean,
  values: JqlField["values"],
  resolve: JqlField["resolve"],
): JqlField {
  return { name, kind: "set", canBeEmpty, values, resolve };
}

function dateField(name: string, scalar: (issue: JiraIssue) => number | null): JqlField {
  return { name, kind: "date", canBeEmpty: true, values: () => none, resolve: () => [], scalar };
}

const projectField = setField("project", false, (i) => [i.projectId], resolveProject);
const keyField = setField("key", false, (i) => [String(i.id)], issueResolver("key"));
const sprintField = setField("sprint", true, (i) => i.sprintIds.map(String), resolveSprint);
const typeField = setField("issuetype", false, (i) => [i.issueTypeId], resolveIssueType);
const storyPoints: JqlField = {
  name: "Story point estimate",
  kind: "number",
  canBeEmpty: true,
  values: () => none,
  resolve: () => [],
  scalar: (i) => i.storyPoints,
};

const FIELDS: Record<string, JqlField> = {
  project: projectField,
  key: keyField,
  issue: keyField,
  issuekey: keyField,
  id: keyField,
  sprint: sprintField,
  "cf[10020]": sprintField,
  status: setField("status", false, (i) => [i.statusId], byName(STATUSES, "status")),
  statuscategory: setField("statusCategory", false, (i) => [findStatus(i.statusId).category], resolveStatusCategory),
  assignee: setField("assignee", true, (i) => one(i.assigneeId), userResolver("assignee")),
  reporter: setField("reporter", true, (i) => [i.reporterId], userResolver("reporter")),
  fixversion: setField("fixVersion", true, (i) => i.fixVersionIds, resolveVersion),
  issuetype: typeField,
  type: typeField,
  labels: setField(
    "labels",
    true,
    (i) => i.labels,
    (v, ctx) => {
      const text = literal(v, "labels", ctx);
      return Array.isArray(text) ? text : [text];
    },
  ),
  component: setField("component", true, (i) => i.componentIds, resolveComponent),
  priority: setField("priority", true, (i) => [i.priorityId], byName(PRIORITIES, "priority")),
  parent: setField(
    "parent",
    true,
    (i) => one(i.parentId === null ? null : String(i.parentId)),
    issueResolver("parent"),
  ),
  "epic link": setField(
    "Epic Link",
    true,
    (i, site) => {
      const parent = i.parentId === null ? undefined : site.issueById(i.parentId);
      return parent?.issueTypeId === ISSUE_TYPE_IDS.epic ? [String(parent.id)] : none;
    },
    issueResolver("Epic Link"),
  ),
  created: dateField("created", (i) => i.created),
  createddate: dateField("created", (i) => i.created),
  updated: dateField("updated", (i) => i.updated),
  updateddate: dateField("updated", (i) => i.updated),
  resolved: dateField("resolved", (i) => i.resolutionDate),
  resolutiondate: dateField("resolved", (i) => i.resolutionDate),
  "story point estimate": storyPoints,
  "story points": storyPoints,
  "cf[10016]": storyPoints,
};

/** Real Jira fields this site cannot search; named as such rather than reported as missing. */
const UNSEARCHABLE = new Set([
  "summary",
  "description",
  "text",
  "comment",
  "environment",
  "resolution",
  "creator",
  "duedate",
  "due",
  "watcher",
  "watchers",
  "votes",
  "attachments",
  "level",
  "timespent",
  "worklogdate",
]);

export function findJqlField(name: string): JqlField {
  const field = FIELDS[name.toLowerCase()];
  if (!field && UNSEARCHABLE.has(name.toLowerCase()))
    throw new JqlError(`Searching by the field '${name}' is not supported on this site.`);
  if (!field) throw new JqlError(`Field '${name}' does not exist or you do not have permission to view it.`);
  return field;
}
