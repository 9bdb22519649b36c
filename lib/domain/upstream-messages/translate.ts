import { translateJiraBadRequest } from "./jira-bad-request";
import { parseUpstreamErrorText } from "./parse-text";
import type { UpstreamContext, UpstreamFailure, UpstreamMessage, UpstreamService } from "./types";
import { formatWait, SERVICE_NAMES, sentence } from "./wording";

/**
 * Turns a failed call to Jira, Sentry, WorkOS or GitHub into sentences a person can act on: what happened,
 * why, and what to do. The technical text stays on the error (logs, audit, a "Details" disclosure); this is
 * the headline. Pure: the caller passes what it knows (the org's Jira projects, the issue at hand).
 */

const WHERE_CREDENTIALS: Record<UpstreamService, string> = {
  jira: "An admin can enter a new API token under Settings → Integrations → Jira.",
  sentry: "An admin can enter a new auth token under Settings → Integrations → Sentry.",
  workos: "An operator needs to set a valid WorkOS API key for Bosun.",
  github: "An admin can set the GitHub webhook secret again under Settings → Integrations.",
};

const STATUS_PAGES: Record<UpstreamService, string> = {
  jira: "status.atlassian.com",
  sentry: "status.sentry.io",
  workos: "status.workos.com",
  github: "githubstatus.com",
};

const TOKEN_PERMISSION: Record<UpstreamService, string> = {
  jira: "Give the account behind Bosun's API token that permission in Jira, or connect with an account that has it.",
  sentry:
    "Create a Sentry token with the org:read, project:read, event:read and event:write scopes and enter it under Settings → Integrations → Sentry.",
  workos: "Check that Bosun's WorkOS API key belongs to the right environment.",
  github: "Check the repository's webhook settings in GitHub.",
};

function notFound(failure: UpstreamFailure, context: UpstreamContext): UpstreamMessage {
  const name = SERVICE_NAMES[failure.service];
  const words = failure.message;
  if (failure.service === "jira") {
    const site = /Site '([^']*)' does not exist/.exec(words);
    if (site)
      return {
        title: "Jira has no site at that address",
        detail: `The Jira site URL Bosun has (ending in ${site[1]}) does not lead to a Jira site.`,
        action: "Correct the site URL under Settings → Integrations → Jira.",
      };
    if (/board/i.test(words) || context.boardId !== undefined)
      return {
        title: `Jira has no board ${context.boardId ?? ""}`.trimEnd(),
        detail: "The board was deleted, or Bosun's Jira account cannot see it.",
        action: "Pick another board, or share the board with Bosun's Jira account.",
      };
    if (/project/i.test(words) && !/issue/i.test(words))
      return {
        title: `Jira has no project ${context.projectKey ?? ""}`.trimEnd(),
        detail: "The project key is wrong, the project was archived, or Bosun's Jira account cannot see it.",
        action: "Fix the project key, or give Bosun's Jira account access to the project.",
      };
    if (/issue/i.test(words) || context.issueKey)
      return {
        title: `Jira has no issue ${context.issueKey ?? ""}`.trimEnd(),
        detail: "The issue was deleted or moved, or Bosun's Jira account cannot see it.",
        action: "Check the issue in Jira, or link the item to an issue that exists.",
      };
  }
  if (failure.service === "sentry") {
    const thing = /release/i.test(words)
      ? "release"
      : /project/i.test(words)
        ? "project"
        : /issue|group/i.test(words)
          ? "issue"
          : null;
    if (thing)
      return {
        title: `Sentry has no such ${thing}`,
        detail: `The ${thing} was deleted or renamed, or Bosun's Sentry token cannot see it.`,
        action:
          thing === "project"
            ? "Check the Sentry organization and project under Settings → Integrations → Sentry."
            : `Check the ${thing} in Sentry.`,
      };
  }
  return {
    title: `${name} could not find what Bosun asked for`,
    detail: `It was deleted or moved, or Bosun's ${name} account cannot see it.`,
    action: `Check it in ${name}; if the whole integration fails, check its settings under Settings → Integrations.`,
  };
}

function badRequest(failure: UpstreamFailure, context: UpstreamContext): UpstreamMessage {
  if (failure.service === "jira") return translateJiraBadRequest(failure.message, context);
  const name = SERVICE_NAMES[failure.service];
  if (failure.service === "workos") {
    const role = /Role '([^']*)' does not exist/.exec(failure.message);
    if (role || failure.code === "invalid_role")
      return {
        title: `WorkOS has no role ${role?.[1] ?? ""}`.trimEnd(),
        detail: "Roles are defined in the WorkOS dashboard, and this one is not among them.",
        action: "Pick a role that exists, or add it in the WorkOS dashboard (Roles).",
      };
  }
  return {
    title: `${name} refused the request`,
    detail: failure.message ? `${name} said: ${sentence(failure.message)}` : `${name} did not say why.`,
    action: "Correct what it objects to and send it again.",
  };
}

/** The plain explanation of one failed call. */
export function translateUpstreamError(failure: UpstreamFailure, context: UpstreamContext = {}): UpstreamMessage {
  const name = SERVICE_NAMES[failure.service];
  switch (failure.reason) {
    case "bad_request":
      return badRequest(failure, context);
    case "bad_credentials":
      return {
        title: `${name} rejected Bosun's credentials`,
        detail: `The ${failure.service === "jira" ? "API token or email" : "token"} Bosun uses for ${name} is wrong, expired or revoked.`,
        action: WHERE_CREDENTIALS[failure.service],
      };
    case "forbidden":
      return {
        title: `Bosun's ${name} account may not do this`,
        detail: `${name} recognised the account but it lacks the permission${context.projectKey ? ` in ${context.projectKey}` : ""}.`,
        action: TOKEN_PERMISSION[failure.service],
      };
    case "not_found":
      return notFound(failure, context);
    case "rate_limited":
      return {
        title: `${name} is limiting how often Bosun may call it`,
        detail: `Too many requests reached ${name} in a short time.`,
        action:
          failure.retryAfterSeconds !== undefined
            ? `Bosun tries again in ${formatWait(failure.retryAfterSeconds)}; nothing needs doing.`
            : "Bosun tries again shortly; nothing needs doing.",
      };
    case "server_error":
      return {
        title: `${name} is having trouble${failure.status ? ` (${failure.status})` : ""}`,
        detail: `The fault is on ${name}'s side, not in what Bosun sent.`,
        action: `Bosun tries again on its own. If it lasts, check ${STATUS_PAGES[failure.service]}.`,
      };
    case "unreachable":
      return {
        title: `Bosun cannot reach ${name}`,
        detail: `The connection failed${failure.code ? ` (${failure.code})` : ""}: the address may be wrong, or ${name} or the network is down.`,
        action: `Check the ${name} address under Settings → Integrations. Writes wait in the outbox and go out once ${name} answers.`,
      };
    case "timeout":
      return {
        title: `${name} did not answer in time`,
        detail: `${name} or the network is slow right now.`,
        action: `Bosun tries again on its own. If it lasts, check ${STATUS_PAGES[failure.service]}.`,
      };
    case "blocked_address":
      return {
        title: `Bosun will not connect to ${name} at an internal address`,
        detail: `The ${name} address points into a private network, which Bosun refuses to call unless told it may.`,
        action: "Use the service's public address, or have an operator add the host to BOSUN_ALLOWED_UPSTREAM_HOSTS.",
      };
    case "invalid_response":
      return {
        title: `${name} answered with something Bosun cannot read`,
        detail: `The answer was not ${name}'s usual reply (too large, or not JSON): the address may lead to another site.`,
        action: `Check the ${name} address under Settings → Integrations.`,
      };
    case "unexpected":
      return {
        title: `The call to ${name} failed`,
        detail: failure.message ? sentence(failure.message) : "No reason was given.",
        action: `Try again. If it keeps failing, check ${name} under Settings → Integrations.`,
      };
  }
}

/** One line for places with room for one: "No Jira fixVersion named 0.1.0 in ACME — create it in Jira …". */
export function formatUpstreamHeadline({ title, action }: UpstreamMessage): string {
  const firstWord = action.split(/\s/, 1)[0] ?? "";
  const keepsCapital = PROPER_NOUNS.has(firstWord) || firstWord.slice(1) !== firstWord.slice(1).toLowerCase();
  return `${title} — ${keepsCapital ? action : `${action.charAt(0).toLowerCase()}${action.slice(1)}`}`;
}

const PROPER_NOUNS = new Set(["Bosun", "Jira", "Sentry", "WorkOS", "GitHub"]);

/**
 * A stored error text (a run's or a write's last error) as a plain message, or null when the text is not an
 * upstream failure (Bosun's own words, which are already plain).
 */
export function translateUpstreamErrorText(
  text: string,
  context: UpstreamContext = {},
  fallbackService?: UpstreamService,
): UpstreamMessage | null {
  const failure = parseUpstreamErrorText(text, fallbackService);
  if (!failure) return null;
  const message = translateUpstreamError(failure, context);
  // What Bosun was doing leads, so "Create the bug: Jira has no priority P0" keeps its step.
  const { lead } = failure;
  return lead ? { ...message, title: `${lead.charAt(0).toUpperCase()}${lead.slice(1)}: ${message.title}` } : message;
}

/**
 * For places with room for one sentence: the headline of a stored error text followed by that text in brackets,
 * or null when the text is not an upstream failure (the caller then shows it as it always did).
 */
export function explainUpstreamErrorText(
  text: string,
  context: UpstreamContext = {},
  fallbackService?: UpstreamService,
): string | null {
  const message = translateUpstreamErrorText(text, context, fallbackService);
  return message ? `${formatUpstreamHeadline(message)} (${text})` : null;
}
