import type { SentryIssue } from "../seed/sentry-types";
import { BadRequest } from "./errors";
import type { OrgState, SentryStore } from "./store";
import { parseDuration } from "./time-range";

/**
 * The subset of Sentry's issue search syntax Bosun uses: `key:value`,
 * `!key:value`, `key:[a, b]`, quoted values, and free text matched against
 * title and culprit. Tokens are ANDed; list values are ORed.
 */

type Predicate = (issue: SentryIssue) => boolean;
export type SearchContext = { store: SentryStore; org: OrgState; nowMs: number; linkedIssueIds: Set<string> };
/** `includesFeedback`: the query names the feedback category, without which feedback issues stay hidden (as in Sentry). */
export type ParsedSearch = { predicate: Predicate; hasFilters: boolean; includesFeedback: boolean };

const TOKEN = /(!?)([A-Za-z_][\w.-]*):("(?:[^"\\]|\\.)*"|\[[^\]]*\]|\S*)|"((?:[^"\\]|\\.)*)"|(\S+)/g;
const LEVELS = new Set(["fatal", "error", "warning", "info", "debug", "sample"]);
const IS_VALUES: Record<string, Predicate | "linked" | "unlinked"> = {
  unresolved: (i) => i.status === "unresolved",
  resolved: (i) => i.status === "resolved",
  ignored: (i) => i.status === "ignored",
  archived: (i) => i.status === "ignored",
  muted: (i) => i.status === "ignored",
  assigned: (i) => i.assignedTo !== null,
  unassigned: (i) => i.assignedTo === null,
  for_review: (i) => i.status === "unresolved" && i.inbox !== null,
  new: (i) => i.substatus === "new",
  regressed: (i) => i.substatus === "regressed",
  escalating: (i) => i.substatus === "escalating",
  ongoing: (i) => i.substatus === "ongoing",
  linked: "linked",
  unlinked: "unlinked",
};

function unquote(value: string): string {
  return value.startsWith('"') && value.endsWith('"') && value.length >= 2
    ? value.slice(1, -1).replace(/\\(.)/g, "$1")
    : value;
}

function splitValues(raw: string): string[] {
  if (raw.startsWith("[") && raw.endsWith("]")) {
    return raw
      .slice(1, -1)
      .split(",")
      .map((v) => unquote(v.trim()))
      .filter((v) => v !== "");
  }
  return [unquote(raw)];
}

function assigneeMatcher(ctx: SearchContext, value: string): Predicate {
  const lower = value.toLowerCase();
  if (lower === "none") return (i) => i.assignedTo === null;
  if (lower === "me") {
    const me = ctx.store.tokenUser(ctx.org);
    return (i) => i.assignedTo?.type === "user" && i.assignedTo.id === me.id;
  }
  if (lower.startsWith("#")) {
    const team = ctx.org.data.team;
    return (i) => lower.slice(1) === team.slug && i.assignedTo?.type === "team" && i.assignedTo.id === team.id;
  }
  const user = ctx.org.data.users.find(
    (u) => u.id === value || u.email.toLowerCase() === lower || u.username.toLowerCase() === lower,
  );
  if (!user) return () => false;
  return (i) => i.assignedTo?.type === "user" && i.assignedTo.id === user.id;
}

function compare(op: string, actual: number, expected: number): boolean {
  if (op === ">") return actual > expected;
  if (op === ">=") return actual >= expected;
  if (op === "<") return actual < expected;
  if (op === "<=") return actual <= expected;
  return actual === expected;
}

function dateMatcher(field: "firstSeenMs" | "lastSeenMs", value: string, nowMs: number): Predicate {
  const relative = /^([+-])(\d+[smhdw])$/.exec(value);
  if (relative) {
    const threshold = nowMs - (parseDuration(relative[2] as string) as number);
    return relative[1] === "-" ? (i) => i[field] >= threshold : (i) => i[field] < threshold;
  }
  const absolute = /^(>=|<=|>|<)?(.+)$/.exec(value);
  const ms = Date.parse(absolute?.[2] ?? "");
  if (!absolute || Number.isNaN(ms))
    throw new BadRequest(`Invalid date for ${field.replace("Ms", "")}: ${JSON.stringify(value)}`);
  return (i) => compare(absolute[1] ?? "=", i[field], ms);
}

function valueMatcher(ctx: SearchContext, key: string, value: string): Predicate {
  switch (key) {
    case "is": {
      const entry = IS_VALUES[value.toLowerCase()];
      if (!entry)
        throw new BadRequest(
          `Invalid value for "is" search, valid values are ${JSON.stringify(Object.keys(IS_VALUES).sort())}`,
        );
      if (entry === "linked") return (i) => ctx.linkedIssueIds.has(i.id);
      if (entry === "unlinked") return (i) => !ctx.linkedIssueIds.has(i.id);
      return entry;
    }
    case "level":
      if (!LEVELS.has(value)) throw new BadRequest(`Invalid level: ${JSON.stringify(value)}`);
      return (i) => i.level === value;
    case "release": {
      const version = value === "latest" ? ctx.org.data.releases[ctx.org.data.releases.length - 1]?.version : value;
      return (i) => version !== undefined && i.releases.has(version);
    }
    case "firstRelease":
    case "first-release":
    case "release.first":
      return (i) => i.firstRelease === value;
    case "assigned":
    case "assigned_or_suggested":
      return assigneeMatcher(ctx, value);
    case "bookmarks":
      return value === "me" ? (i) => i.isBookmarked : () => false;
    case "environment":
      return (i) => i.environments.has(value);
    case "project": {
      const project = ctx.store.findProject(ctx.org, value);
      return (i) => project !== undefined && i.projectId === project.id;
    }
    case "issue.id":
      return (i) => i.id === value;
    case "issue.category":
    case "issue.type":
      return (i) => (i.category ?? "error") === value;
    case "status":
      if (!["unresolved", "resolved", "ignored"].includes(value))
        throw new BadRequest(`Invalid value for "status" search: ${JSON.stringify(value)}`);
      return (i) => i.status === value;
    case "associated_event_id":
      return (i) => i.metadata.associated_event_id === value;
    case "has_linked_error":
      return (i) => (i.metadata.associated_event_id !== undefined) === (value === "true");
    case "issue":
      return (i) => i.shortId.toUpperCase() === value.toUpperCase();
    case "issue.priority":
    case "priority":
      return (i) => i.priority === value;
    case "firstSeen":
      return dateMatcher("firstSeenMs", value, ctx.nowMs);
    case "lastSeen":
      return dateMatcher("lastSeenMs", value, ctx.nowMs);
    case "times_seen": {
      const m = /^(>=|<=|>|<)?(\d+)$/.exec(value);
      if (!m) throw new BadRequest(`Invalid number for times_seen: ${JSON.stringify(value)}`);
      return (i) => compare(m[1] ?? "=", i.series.total(), Number(m[2]));
    }
    default:
      throw new BadRequest(`Invalid search query: the key "${key}" is not supported.`);
  }
}

export function parseIssueSearch(query: string, ctx: SearchContext): ParsedSearch {
  const predicates: Predicate[] = [];
  let hasFilters = false;
  let includesFeedback = false;
  for (const m of query.matchAll(TOKEN)) {
    const [, bang, key, rawValue, quotedText, word] = m;
    if (key !== undefined) {
      const values = splitValues(rawValue ?? "");
      if (values.length === 0) throw new BadRequest(`Invalid search query: empty value for "${key}".`);
      const matchers = values.map((v) => valueMatcher(ctx, key, v));
      if ((key === "issue.category" || key === "issue.type") && !bang && values.includes("feedback"))
        includesFeedback = true;
      const any: Predicate = (i) => matchers.some((match) => match(i));
      predicates.push(bang ? (i) => !any(i) : any);
      if (key !== "is") hasFilters = true;
      continue;
    }
    const text = (quotedText ?? word ?? "").toLowerCase();
    if (!text) continue;
    hasFilters = true;
    predicates.push(
      (i) =>
        i.title.toLowerCase().includes(text) ||
        i.culprit.toLowerCase().includes(text) ||
        (i.category === "feedback" && String(i.metadata.message).toLowerCase().includes(text)),
    );
  }
  return { predicate: (issue) => predicates.every((p) => p(issue)), hasFilters, includesFeedback };
}
