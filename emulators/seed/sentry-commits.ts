import { createHash } from "node:crypto";
import { createRandom } from "./random";
import { inAppPathsOf } from "./sentry-events-stack";
import type { SentryIssue, SentryOrgData, SentryRelease, SentryUser } from "./sentry-types";

/**
 * The commits of each seeded release, as a repository integration would have
 * recorded them: exactly `commitCount` commits by the org's people, each
 * changing a few files. The files include the in-app frames of the issues the
 * release introduced (their first release), so Sentry's suspect-commit search
 * finds the commit that most likely broke them, plus unrelated changes.
 * Commit times lie before the release was created (and so before its
 * production deploy): the newest a few hours before, the oldest up to about
 * six days before, so the lead time from commit to deploy varies. A hotfix's
 * few commits ("Hotfix: …") change the files of the issues its parent
 * introduced and were made in the hours between the parent's deploy and its own.
 * Generated on demand from the org's data, so every reset yields the same.
 */

export type FileChangeType = "A" | "M" | "D";
export type SeedCommit = {
  id: string;
  message: string;
  author: SentryUser | null;
  dateMs: number;
  files: { path: string; type: FileChangeType }[];
};

export type SeedRepository = { id: string; name: string; url: string; dateCreatedMs: number };

export function repositoryOf(org: SentryOrgData): SeedRepository {
  return {
    id: String(Number(org.id) % 100_000),
    name: `${org.slug}/platform`,
    url: `https://github.com/${org.slug}/platform`,
    dateCreatedMs: Math.min(...org.projects.map((p) => p.dateCreated.getTime())),
  };
}

const UNRELATED = [
  "README.md",
  "package.json",
  "package-lock.json",
  ".github/workflows/ci.yml",
  "docs/runbooks/deploys.md",
  "src/lib/feature-flags.ts",
  "src/styles/theme.css",
  "worker/requirements.txt",
  "infra/terraform/main.tf",
];

const VERBS = ["Fix", "Handle", "Refactor", "Speed up", "Guard against", "Clean up", "Add retries to", "Rework"];
const WHAT = ["empty results", "missing fields", "slow queries", "timeouts", "stale cache entries", "null values"];

function sha(...parts: (string | number)[]): string {
  return createHash("sha1").update(parts.join(":")).digest("hex");
}

function describe(path: string, r: ReturnType<typeof createRandom>): string {
  const base =
    path
      .split("/")
      .pop()
      ?.replace(/\.[a-z]+$/, "") ?? path;
  const area = path.split("/").slice(-2, -1)[0] ?? base;
  return `${r.pick(VERBS)} ${area}/${base}: ${r.pick(WHAT)}`;
}

/** In-app paths of the issues each release introduced, by release version. */
function introducedPaths(org: SentryOrgData): Map<string, string[]> {
  const slugById = new Map(org.projects.map((p) => [p.id, p.slug]));
  const byRelease = new Map<string, Set<string>>();
  const errorIssues: SentryIssue[] = org.issues.filter((i) => i.category !== "feedback");
  for (const issue of errorIssues) {
    if (!issue.firstRelease) continue;
    const paths = inAppPathsOf(issue, slugById.get(issue.projectId) ?? "web");
    const set = byRelease.get(issue.firstRelease) ?? new Set<string>();
    // The innermost frame first: that is the file a suspect commit most likely changed.
    for (const path of paths.reverse().slice(0, 2)) set.add(path);
    byRelease.set(issue.firstRelease, set);
  }
  return new Map([...byRelease].map(([version, set]) => [version, [...set].sort()]));
}

const HOUR_MS = 3_600_000;

/**
 * Commit times, newest first, in hours before the release was created. Drawn from their own generator so that
 * messages, authors and files do not depend on them.
 */
function commitAges(seed: number, org: SentryOrgData, release: SentryRelease, count: number): number[] {
  const r = createRandom(`${seed}:sentry:commit-times:${org.slug}:${release.version}`);
  const [newest, oldest] = release.hotfixOf
    ? [0.5 + r.next(), 6 + r.next() * 8]
    : [1 + r.next() * 3, 24 + r.next() * 120];
  const between = Array.from({ length: Math.max(0, count - 2) }, () => newest + r.next() * (oldest - newest));
  return [newest, ...between.sort((a, b) => a - b), oldest].slice(0, count);
}

function buildCommits(seed: number, org: SentryOrgData, release: SentryRelease, targets: string[]): SeedCommit[] {
  const r = createRandom(`${seed}:sentry:commits:${org.slug}:${release.version}`);
  const shuffled = r.shuffle(targets);
  const count = Math.max(1, release.commitCount);
  const endMs = release.dateCreated.getTime();
  const ages = commitAges(seed, org, release, count);
  return Array.from({ length: count }, (_, i) => {
    const mine = shuffled.filter((_, k) => k % count === i);
    const files: SeedCommit["files"] = mine.map((path) => ({ path, type: "M" }));
    if (files.length === 0 || r.chance(0.4)) {
      const extra = r.pick(UNRELATED);
      if (!files.some((f) => f.path === extra)) files.push({ path: extra, type: r.chance(0.1) ? "A" : "M" });
    }
    const first = files[0]?.path ?? "README.md";
    const message = `${release.hotfixOf ? "Hotfix: " : ""}${describe(first, r)} (#${r.int(1000, 9999)})`;
    const author = org.users.length > 0 ? r.pick(org.users) : null;
    // The draw that once spaced the commits; kept so the messages and authors after it stay the same.
    r.int(20, 180);
    return {
      id: sha(seed, org.slug, release.version, i),
      message,
      author,
      dateMs: Math.round(endMs - (ages[i] as number) * HOUR_MS),
      files,
    };
  });
}

const cache = new WeakMap<SentryOrgData, { introduced: Map<string, string[]>; commits: Map<string, SeedCommit[]> }>();

/** The release's commits, newest first. */
export function releaseCommits(seed: number, org: SentryOrgData, release: SentryRelease): SeedCommit[] {
  let entry = cache.get(org);
  if (!entry) {
    entry = { introduced: introducedPaths(org), commits: new Map() };
    cache.set(org, entry);
  }
  let commits = entry.commits.get(release.version);
  if (!commits) {
    // A hotfix changes what broke in the release it fixes.
    const targets = entry.introduced.get(release.hotfixOf ?? release.version) ?? [];
    commits = buildCommits(seed, org, release, targets);
    entry.commits.set(release.version, commits);
  }
  return commits;
}
