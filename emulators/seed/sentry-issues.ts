import { createHash } from "node:crypto";
import type { Random } from "./random";
import { errorShape, regressionShape, type ErrorShape } from "./sentry-catalog";
import { HOUR_MS, HourSeries, distribute, hourOf } from "./sentry-series";
import type {
  IssueLevel,
  IssuePriority,
  SentryIssue,
  SentryProject,
  SentryRelease,
  SentryTeam,
  SentryUser,
} from "./sentry-types";

/**
 * Generates an org's issues and, from the very same hourly event counts, the
 * projects' accepted-error series, so stats always add up to issue counts.
 */

const DAY_MS = 86_400_000;
const BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Inbox reasons as Sentry numbers them. */
export const INBOX_REASON = { new: 0, regression: 2, escalating: 5 } as const;
const DIURNAL = Array.from({ length: 24 }, (_, h) => 1 + 0.65 * Math.sin(((h - 9) / 24) * 2 * Math.PI));
const PLATFORM_BY_SLUG: Record<string, string> = {
  web: "javascript",
  api: "node",
  worker: "python",
  bosun: "javascript",
};

export function shortIdCode(n: number): string {
  let out = "";
  let rest = n;
  do {
    out = BASE32[rest % 32] + out;
    rest = Math.floor(rest / 32);
  } while (rest > 0);
  return out;
}

export function groupHashOf(parts: string[]): string {
  return createHash("md5").update(parts.join("\u0000")).digest("hex");
}

export function issueTitle(type: string, value: string): string {
  const firstLine = value.split("\n")[0] ?? "";
  return firstLine ? `${type}: ${firstLine}` : type;
}

export function priorityFor(level: IssueLevel, userCount: number): IssuePriority {
  if (level === "fatal") return "high";
  if (level === "error") return userCount > 50 ? "high" : "medium";
  return level === "warning" ? "medium" : "low";
}

export type IssueGenerationInput = {
  random: Random;
  nowMs: number;
  statsStartHour: number;
  count: number;
  idBase: number;
  projects: SentryProject[];
  releases: SentryRelease[];
  regressedRelease: string;
  users: SentryUser[];
  team: SentryTeam;
  /** Per project: accepted errors for each hour from statsStartHour to the current hour. */
  accepted: Map<string, Float64Array>;
};

type Profile = "regression" | "new" | "regressed" | "escalating" | "ongoing" | "resolved" | "ignored";

function pickProject(r: Random, projects: SentryProject[]): SentryProject {
  const weights = projects.map((p) =>
    p.slug === "web" ? 4 : p.slug === "api" ? 3.5 : p.slug === "worker" ? 2.5 : 0.8,
  );
  let roll = r.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < projects.length; i++) {
    roll -= weights[i] as number;
    if (roll <= 0) return projects[i] as SentryProject;
  }
  return projects[projects.length - 1] as SentryProject;
}

function releaseAt(releases: SentryRelease[], ms: number): SentryRelease {
  let found = releases[0] as SentryRelease;
  for (const release of releases) if ((release.dateReleased ?? release.dateCreated).getTime() <= ms) found = release;
  return found;
}

function pickProfile(r: Random, index: number, count: number): Profile {
  if (index < Math.max(4, Math.round(count * 0.08))) return "regression";
  const roll = r.next();
  if (roll < 0.26) return "resolved";
  if (roll < 0.38) return "ignored";
  if (roll < 0.46) return "regressed";
  if (roll < 0.53) return "escalating";
  if (roll < 0.63) return "new";
  return "ongoing";
}

function eventCount(r: Random, level: IssueLevel, profile: Profile): number {
  const ceiling = profile === "regression" ? 15_000 : level === "info" ? 2_000 : level === "warning" ? 6_000 : 25_000;
  const floor = profile === "regression" ? 1_500 : 1;
  return floor + Math.round(Math.exp(r.next() * Math.log(ceiling)));
}

function timeRange(r: Random, profile: Profile, input: IssueGenerationInput, regressedAt: number): [number, number] {
  const { nowMs, statsStartHour } = input;
  const windowStart = statsStartHour * HOUR_MS;
  const span = nowMs - windowStart;
  switch (profile) {
    case "regression": {
      const first = regressedAt + r.int(1, 36) * HOUR_MS;
      return [Math.min(first, nowMs - 2 * HOUR_MS), nowMs - r.int(0, 6) * HOUR_MS];
    }
    case "new": {
      const first = nowMs - r.int(6, 6 * 24) * HOUR_MS;
      return [first, nowMs - r.int(0, 3) * HOUR_MS];
    }
    case "escalating":
      return [windowStart + r.next() * span * 0.7, nowMs - r.int(0, 2) * HOUR_MS];
    case "resolved": {
      const first = windowStart + r.next() * span * 0.8;
      return [first, first + r.next() * (nowMs - DAY_MS - first)];
    }
    default: {
      const first = windowStart + r.next() * span * 0.75;
      return [first, Math.max(first + HOUR_MS, nowMs - r.int(0, 72) * HOUR_MS)];
    }
  }
}

function hourlyCounts(
  r: Random,
  total: number,
  firstHour: number,
  lastHour: number,
  profile: Profile,
  nowHour: number,
): Float64Array {
  const hours = lastHour - firstHour + 1;
  const weights = new Float64Array(hours);
  const gapFrom = Math.floor(hours * 0.4);
  const gapTo = Math.floor(hours * 0.75);
  for (let i = 0; i < hours; i++) {
    const hour = firstHour + i;
    let w = (DIURNAL[((hour % 24) + 24) % 24] as number) * (0.6 + r.next() * 0.8);
    if (profile === "escalating" && nowHour - hour < 24) w *= 12;
    if (profile === "regressed" && hours > 48 && i >= gapFrom && i < gapTo) w = 0;
    weights[i] = w;
  }
  const counts = distribute(total, weights);
  // The first and last hours must hold an event: they are firstSeen and lastSeen.
  for (const edge of [0, hours - 1]) {
    if ((counts[edge] as number) > 0) continue;
    let max = 0;
    for (let i = 1; i < hours; i++) if ((counts[i] as number) > (counts[max] as number)) max = i;
    if ((counts[max] as number) > 1) {
      counts[max] = (counts[max] as number) - 1;
      counts[edge] = 1;
    }
  }
  return counts;
}

function statusFor(
  r: Random,
  profile: Profile,
  lastRelease: string,
): Pick<SentryIssue, "status" | "substatus" | "statusDetails"> {
  switch (profile) {
    case "resolved":
      return { status: "resolved", substatus: null, statusDetails: r.chance(0.4) ? { inRelease: lastRelease } : {} };
    case "ignored": {
      const roll = r.next();
      if (roll < 0.5) return { status: "ignored", substatus: "archived_until_escalating", statusDetails: {} };
      if (roll < 0.8) return { status: "ignored", substatus: "archived_forever", statusDetails: {} };
      return {
        status: "ignored",
        substatus: "archived_until_condition_met",
        statusDetails: { ignoreCount: 100, ignoreWindow: 60 },
      };
    }
    case "regression":
    case "new":
      return { status: "unresolved", substatus: "new", statusDetails: {} };
    case "regressed":
      return { status: "unresolved", substatus: "regressed", statusDetails: {} };
    case "escalating":
      return { status: "unresolved", substatus: "escalating", statusDetails: {} };
    default:
      return { status: "unresolved", substatus: "ongoing", statusDetails: {} };
  }
}

function inboxFor(profile: Profile, firstSeenMs: number, lastSeenMs: number): SentryIssue["inbox"] {
  if (profile === "regression" || profile === "new") return { reason: INBOX_REASON.new, dateAddedMs: firstSeenMs };
  if (profile === "regressed") return { reason: INBOX_REASON.regression, dateAddedMs: lastSeenMs - 2 * DAY_MS };
  if (profile === "escalating") return { reason: INBOX_REASON.escalating, dateAddedMs: lastSeenMs - DAY_MS };
  return null;
}

export function generateIssues(input: IssueGenerationInput): SentryIssue[] {
  const { random: r, nowMs, projects, releases, users, team } = input;
  const nowHour = hourOf(nowMs);
  const regressed = releases.find((rel) => rel.version === input.regressedRelease) as SentryRelease;
  const regressedAt = (regressed.dateReleased ?? regressed.dateCreated).getTime();
  const shortIdSeq = new Map<string, number>();
  const hashes = new Set<string>();
  const issues: SentryIssue[] = [];

  for (let i = 0; i < input.count; i++) {
    const profile = pickProfile(r, i, input.count);
    const project = pickProject(r, projects);
    const shape: ErrorShape = profile === "regression" ? regressionShape(project.slug, r) : errorShape(project.slug, r);
    const level = profile === "regression" ? (r.chance(0.6) ? "fatal" : "error") : shape.level;
    const [firstSeenMs, lastSeenMs] = timeRange(r, profile, input, regressedAt);
    const firstHour = hourOf(firstSeenMs);
    const lastHour = Math.max(firstHour, hourOf(lastSeenMs));
    const total = eventCount(r, level, profile) * (profile === "escalating" ? 3 : 1);
    const counts = hourlyCounts(r, total, firstHour, lastHour, profile, nowHour);
    const series = new HourSeries(firstHour, counts);
    const accepted = input.accepted.get(project.id) as Float64Array;
    for (let h = firstHour; h <= lastHour; h++) {
      const slot = h - input.statsStartHour;
      if (slot >= 0 && slot < accepted.length)
        accepted[slot] = (accepted[slot] as number) + (counts[h - firstHour] as number);
    }

    const firstRelease = profile === "regression" ? regressed : releaseAt(releases, firstSeenMs);
    const lastRelease = releaseAt(releases, lastSeenMs);
    const releaseVersions = releases
      .slice(
        releases.indexOf(firstRelease),
        Math.max(releases.indexOf(firstRelease), releases.indexOf(lastRelease)) + 1,
      )
      .map((rel) => rel.version);
    const backend = project.slug === "api" || project.slug === "worker";
    const userCount = Math.max(
      1,
      Math.min(total, Math.round(total * (backend ? 0.02 + r.next() * 0.1 : 0.1 + r.next() * 0.4))),
    );
    const seq = (shortIdSeq.get(project.id) ?? 0) + 1;
    shortIdSeq.set(project.id, seq);
    let groupHash = groupHashOf([project.id, shape.type, shape.value, shape.function, shape.filename]);
    if (hashes.has(groupHash)) groupHash = groupHashOf([groupHash, String(i)]);
    hashes.add(groupHash);
    const { status, substatus, statusDetails } = statusFor(r, profile, lastRelease.version);
    const assignRoll = r.next();
    const assignedTo =
      status === "ignored" || assignRoll > 0.45
        ? null
        : assignRoll < 0.04
          ? { type: "team" as const, id: team.id }
          : { type: "user" as const, id: r.pick(users).id };
    const environments = new Set(["production"]);
    if (r.chance(0.15)) environments.add("staging");

    issues.push({
      id: String(input.idBase + i + 1),
      shortId: `${project.slug.toUpperCase()}-${shortIdCode(seq)}`,
      projectId: project.id,
      groupHash,
      title: issueTitle(shape.type, shape.value),
      culprit: shape.culprit,
      type: "error",
      metadata: {
        type: shape.type,
        value: shape.value,
        filename: shape.filename,
        function: shape.function,
        in_app_frame_mix: "in-app-only",
        display_title_with_tree_label: false,
      },
      level,
      status,
      substatus,
      statusDetails,
      priority: priorityFor(level, userCount),
      firstSeenMs: Math.max(firstSeenMs, firstHour * HOUR_MS),
      lastSeenMs: Math.min(nowMs, Math.max(lastSeenMs, firstSeenMs)),
      series,
      userCount,
      userIds: new Set(),
      firstRelease: firstRelease.version,
      lastRelease: lastRelease.version,
      releases: new Set(releaseVersions),
      environments,
      assignedTo,
      hasSeen: profile === "new" || profile === "regression" ? r.chance(0.2) : r.chance(0.65),
      isBookmarked: r.chance(0.08),
      isSubscribed: assignedTo !== null,
      isPublic: false,
      isUnhandled: !shape.handled,
      numComments: r.chance(0.3) ? r.int(1, 4) : 0,
      inbox: inboxFor(profile, firstSeenMs, lastSeenMs),
      platform: PLATFORM_BY_SLUG[project.slug] ?? "javascript",
      logger: project.slug === "worker" ? "celery.app.trace" : null,
      events: [],
      eventsLoaded: false,
      activity: [],
    });
  }
  return issues;
}
