import "server-only";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { ANSWER_TOO_LARGE } from "../upstream-errors";
import { formatMegabytes, isRedirect, isWebAddress, UPSTREAM_MAX_BODY_BYTES } from "../http";
import { callJira, createJiraClients, JIRA_TIMEOUT_MS } from "./client";
import { toJiraAccount, toJiraSiteInfo } from "./transform";
import type { JiraClientConfig, JiraConnectionFailureReason, JiraConnectionResult } from "./types";
import { connectionFailure, describeSharedFailure } from "../connection-failure";

const failure: (reason: JiraConnectionFailureReason, message: string, status?: number) => JiraConnectionResult =
  connectionFailure;

const EXAMPLE_SITE = "https://your-company.atlassian.net";

/**
 * Checks a Jira connection before it is saved or while it is diagnosed: who
 * the token belongs to and which site answered. Expected failures come back as
 * values whose message tells a person what to fix.
 */
export async function testJiraConnection(config: JiraClientConfig): Promise<JiraConnectionResult> {
  const { siteUrl, timeoutMs = JIRA_TIMEOUT_MS } = config;
  if (!isWebAddress(siteUrl))
    return failure(
      "wrong_site",
      `"${siteUrl}" is not a web address. Enter the Jira site's address, e.g. ${EXAMPLE_SITE}.`,
    );
  const { v3 } = createJiraClients(config);
  try {
    const [user, info] = await callJira(() => Promise.all([v3.myself.getCurrentUser(), v3.serverInfo.getServerInfo()]));
    const account = toJiraAccount(user);
    const site = toJiraSiteInfo(info);
    if (!account || !site) return notJira(siteUrl);
    return { ok: true, account, site };
  } catch (error) {
    if (!(error instanceof IntegrationError)) throw error;
    return describeFailure(error, siteUrl, timeoutMs);
  }
}

function notJira(siteUrl: string, status?: number): JiraConnectionResult {
  const answer = status === undefined ? "answered, but not as Jira does" : `has no Jira site (${status})`;
  return failure(
    "wrong_site",
    `${siteUrl} ${answer}. Enter the site's address without a path after it, e.g. ${EXAMPLE_SITE}.`,
    status,
  );
}

function describeFailure(error: IntegrationError, siteUrl: string, timeoutMs: number): JiraConnectionResult {
  const { status } = error;
  if (isRedirect(status)) {
    return failure(
      "wrong_site",
      `${siteUrl} redirects elsewhere (${status}), and Bosun does not follow redirects. Enter the address the site ends up at, e.g. ${EXAMPLE_SITE}.`,
      status,
    );
  }
  switch (error.reason) {
    case "bad_credentials":
      return failure(
        "bad_credentials",
        `Jira rejected the e-mail and API token (${status}). Check that the e-mail is the one the token's Atlassian account signs in with, or create a new token at id.atlassian.com/manage-profile/security/api-tokens.`,
        status,
      );
    case "forbidden":
      return failure(
        "forbidden",
        `Jira recognised the account but refused access (${status}). Check that the account has Jira access on this site; after several failed sign-ins Atlassian may also demand a CAPTCHA, which signing in once in a browser clears.`,
        status,
      );
    case "not_found":
      return notJira(siteUrl, status);
    case "invalid_response":
      if (error.code === ANSWER_TOO_LARGE)
        return failure(
          "wrong_site",
          `${siteUrl} sent an answer larger than ${formatMegabytes(UPSTREAM_MAX_BODY_BYTES)}, so Bosun stopped reading it. Check the site address.`,
        );
      return notJira(siteUrl);
    default:
      return describeSharedFailure(error, {
        service: "Jira",
        address: siteUrl,
        addressField: "the site address",
        caller: "account",
        statusPage: "status.atlassian.com",
        timeoutMs,
      });
  }
}
