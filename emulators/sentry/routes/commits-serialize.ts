import type { SeedCommit, SeedRepository } from "../../seed/sentry-commits";
import type { SentryOrgData, SentryRelease, SentryUser } from "../../seed/sentry-types";
import { iso } from "../time-range";

/**
 * Commit shapes as Sentry serializes them: the release commit list
 * (CommitSerializer with repository and releases), the commit file changes
 * (CommitFileChangeSerializer) and committers' authors. Authors are given as
 * `{name, email}`, the shape Sentry uses for a commit author it cannot match to
 * a Sentry user; committers get the matched user.
 */

export function serializeRepository(org: SentryOrgData, repo: SeedRepository) {
  return {
    id: repo.id,
    name: repo.name,
    url: repo.url,
    provider: { id: "integrations:github", name: "GitHub" },
    status: "active",
    integrationId: String(Number(org.id) % 10_000),
    externalSlug: repo.name,
    externalId: repo.id,
    dateCreated: iso(repo.dateCreatedMs),
  };
}

export function commitAuthor(author: SentryUser | null) {
  return author ? { name: author.name, email: author.email } : null;
}

export function committerAuthor(author: SentryUser) {
  return {
    id: author.id,
    name: author.name,
    username: author.username,
    email: author.email,
    avatarUrl: null,
    isActive: true,
    hasPasswordAuth: false,
    isManaged: false,
    dateJoined: null,
    lastLogin: null,
    has2fa: false,
    lastActive: null,
    isSuperuser: false,
    isStaff: false,
    experiments: {},
    emails: [{ id: author.id, email: author.email, is_verified: true }],
  };
}

function releaseRef(release: SentryRelease) {
  return {
    version: release.version,
    shortVersion: release.version,
    ref: null,
    url: null,
    dateReleased: release.dateReleased ? iso(release.dateReleased.getTime()) : null,
    dateCreated: iso(release.dateCreated.getTime()),
  };
}

export function serializeCommit(
  org: SentryOrgData,
  repo: SeedRepository,
  release: SentryRelease,
  commit: SeedCommit,
  suspectCommitType = "",
) {
  const author = commitAuthor(commit.author);
  return {
    id: commit.id,
    message: commit.message,
    dateCreated: iso(commit.dateMs),
    pullRequest: null,
    suspectCommitType,
    repository: serializeRepository(org, repo),
    ...(author ? { author } : {}),
    releases: [releaseRef(release)],
  };
}

export function serializeFileChanges(org: SentryOrgData, repo: SeedRepository, commits: SeedCommit[]) {
  return commits.flatMap((commit) =>
    commit.files.map((file, f) => ({
      id: String(parseInt(commit.id.slice(0, 8), 16) + f),
      orgId: Number(org.id),
      author: commitAuthor(commit.author) ?? {},
      commitMessage: commit.message,
      filename: file.path,
      type: file.type,
      repoName: repo.name,
    })),
  );
}
