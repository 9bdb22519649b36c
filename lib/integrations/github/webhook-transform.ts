import "server-only";
import { z } from "zod";
import type { PullRequestInput } from "@/lib/db/queries/delivery-history";
import type { WebhookReading } from "@/lib/integrations/sentry/webhook-transform";

/**
 * GitHub webhooks (`create` for branches, `pull_request`) → the events
 * automation rules react to. Pure. A pull request keeps its description, where
 * "Fixes WEB-G" names the Sentry issues a merge resolves. Tags, pings and other events are ignored.
 */
const repository = z.object({ full_name: z.string().min(1), html_url: z.string().min(1) });
const createPayload = z.object({ ref: z.string().min(1), ref_type: z.string(), repository });
const pullRequestPayload = z.object({
  action: z.string().min(1),
  number: z.number().int(),
  pull_request: z.object({
    title: z.string(),
    body: z.string().nullish(),
    html_url: z.string().min(1),
    merged: z.boolean().nullish(),
    head: z.object({ ref: z.string() }),
  }),
  repository,
});

const OPENED = new Set(["opened", "reopened", "ready_for_review"]);

function invalid(error: z.ZodError): WebhookReading {
  return {
    kind: "invalid",
    fields: Object.fromEntries(
      error.issues.map((issue) => [issue.path.map(String).join(".") || "body", issue.message]),
    ),
  };
}

export function readGithubWebhook(eventName: string | null, body: unknown): WebhookReading {
  if (!eventName) return { kind: "invalid", fields: { "X-GitHub-Event": "header is missing" } };
  if (eventName === "create") {
    const parsed = createPayload.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    if (parsed.data.ref_type !== "branch")
      return { kind: "ignored", reason: `a new ${parsed.data.ref_type} starts no automation` };
    const repo = parsed.data.repository;
    return {
      kind: "event",
      event: {
        type: "git.branch",
        repo: repo.full_name,
        branch: parsed.data.ref,
        url: `${repo.html_url}/tree/${encodeURIComponent(parsed.data.ref)}`,
      },
    };
  }
  if (eventName === "pull_request") {
    const parsed = pullRequestPayload.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    const { action, number, pull_request: pr, repository: repo } = parsed.data;
    const kind = OPENED.has(action) ? "opened" : action === "closed" ? (pr.merged ? "merged" : "closed") : "updated";
    return {
      kind: "event",
      event: {
        type: "git.pull_request",
        action: kind,
        repo: repo.full_name,
        number,
        title: pr.title,
        branch: pr.head.ref,
        url: pr.html_url,
        body: pr.body ?? null,
      },
    };
  }
  return { kind: "ignored", reason: `${eventName} events start no automation` };
}

const pullRequestRecordPayload = z.object({
  action: z.string(),
  number: z.number().int(),
  pull_request: z.object({
    title: z.string(),
    created_at: z.string(),
    merged_at: z.string().nullish(),
    merge_commit_sha: z.string().nullish(),
    head: z.object({ sha: z.string().nullish() }),
  }),
  repository: z.object({ full_name: z.string().min(1) }),
});

/** The actions that change what delivery history keeps of a pull request: its opening, new head commits, its merge. */
const RECORDED_ACTIONS = new Set(["opened", "reopened", "synchronize", "closed"]);

const dateOrNull = (value: string | null | undefined) =>
  value && !Number.isNaN(Date.parse(value)) ? new Date(value) : null;

/**
 * A `pull_request` webhook → the pull request as delivery history keeps it (when it opened and merged, its merge
 * commit and head), for splitting lead time into review and release. Null for other actions or a malformed body.
 * GitHub sets `merge_commit_sha` on open PRs too (a test merge); only a merged PR's is kept.
 */
export function readPullRequestRecord(body: unknown): PullRequestInput | null {
  const parsed = pullRequestRecordPayload.safeParse(body);
  if (!parsed.success || !RECORDED_ACTIONS.has(parsed.data.action)) return null;
  const { number, pull_request: pr, repository } = parsed.data;
  const openedAt = dateOrNull(pr.created_at);
  if (!openedAt) return null;
  const mergedAt = dateOrNull(pr.merged_at);
  return {
    repo: repository.full_name,
    number,
    title: pr.title,
    openedAt,
    mergedAt,
    mergeCommitSha: mergedAt ? (pr.merge_commit_sha ?? null) : null,
    headSha: pr.head.sha ?? null,
  };
}
