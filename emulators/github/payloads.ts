import { createHash } from "node:crypto";
import { hashString } from "../seed/random";

/**
 * GitHub webhook payloads (`create`, `pull_request`, `ping`) in the shapes
 * GitHub sends, trimmed to the fields receivers read. Ids and SHAs are
 * derived from the inputs so the same call always builds the same payload.
 */

export type RepositoryRef = { repo: string };

const numericId = (label: string) => 100_000_000 + (hashString(label) % 800_000_000);
const sha = (label: string) => createHash("sha1").update(label).digest("hex");

function splitRepo(repo: string): [string, string] {
  const [owner, name, extra] = repo.split("/");
  if (!owner || !name || extra !== undefined) throw new Error(`repo must look like 'owner/name', got '${repo}'`);
  return [owner, name];
}

function account(login: string, type: "User" | "Organization") {
  const id = numericId(`account:${login}`);
  return {
    login,
    id,
    node_id: `MDQ6VXNlcj${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    html_url: `https://github.com/${login}`,
    type,
    site_admin: false,
  };
}

export function repositoryPayload(repo: string) {
  const [owner, name] = splitRepo(repo);
  const id = numericId(`repo:${repo}`);
  return {
    id,
    node_id: `R_kgDO${id}`,
    name,
    full_name: repo,
    private: true,
    owner: account(owner, "Organization"),
    html_url: `https://github.com/${repo}`,
    url: `https://api.github.com/repos/${repo}`,
    default_branch: "main",
  };
}

const senderFor = (repo: string) => account(`${splitRepo(repo)[0]}-dev`, "User");

/** `create` for a new branch. */
export function branchCreatedPayload({ repo, branch }: { repo: string; branch: string }) {
  return {
    ref: branch,
    ref_type: "branch" as const,
    master_branch: "main",
    description: null,
    pusher_type: "user",
    repository: repositoryPayload(repo),
    sender: senderFor(repo),
  };
}

export type PullRequestAction = "opened" | "edited" | "closed" | "reopened" | "synchronize";

/** `pull_request`; `merged` only matters with action "closed". */
export function pullRequestPayload({
  repo,
  number,
  title,
  branch,
  action = "opened",
  merged = false,
  body = null,
}: {
  repo: string;
  number: number;
  title: string;
  branch: string;
  action?: PullRequestAction;
  merged?: boolean;
  body?: string | null;
}) {
  const repository = repositoryPayload(repo);
  const sender = senderFor(repo);
  const isMerged = action === "closed" && merged;
  const now = new Date().toISOString();
  const headSha = sha(`${repo}:${branch}:${title}`);
  return {
    action,
    number,
    pull_request: {
      id: numericId(`pr:${repo}#${number}`),
      node_id: `PR_kwDO${numericId(`pr:${repo}#${number}`)}`,
      number,
      html_url: `${repository.html_url}/pull/${number}`,
      url: `${repository.url}/pulls/${number}`,
      state: action === "closed" ? ("closed" as const) : ("open" as const),
      title,
      body,
      user: sender,
      draft: false,
      merged: isMerged,
      merged_at: isMerged ? now : null,
      merge_commit_sha: isMerged ? sha(`merge:${headSha}`) : null,
      closed_at: action === "closed" ? now : null,
      head: { label: `${repository.owner.login}:${branch}`, ref: branch, sha: headSha, repo: repository },
      base: { label: `${repository.owner.login}:main`, ref: "main", sha: sha(`${repo}:main`), repo: repository },
    },
    repository,
    sender,
  };
}

/** `ping`, sent by GitHub when a webhook is created. */
export function pingPayload({ repo, hookId }: { repo: string; hookId: number }) {
  return {
    zen: "Keep it logically awesome.",
    hook_id: hookId,
    hook: {
      type: "Repository",
      id: hookId,
      name: "web",
      active: true,
      events: ["create", "pull_request"],
      config: { content_type: "json", insecure_ssl: "0" },
    },
    repository: repositoryPayload(repo),
    sender: senderFor(repo),
  };
}
