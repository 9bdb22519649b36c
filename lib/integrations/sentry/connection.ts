import "server-only";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { isRedirect, isWebAddress } from "../http";
import { ANSWER_TOO_LARGE } from "../upstream-errors";
import { createSentryClient, SENTRY_TIMEOUT_MS } from "./client";
import type {
  SentryClientConfig,
  SentryConnectionFailureReason,
  SentryConnectionResult,
  SentryResponse,
} from "./types";
import { connectionFailure, describeSharedFailure } from "../connection-failure";

const failure: (reason: SentryConnectionFailureReason, message: string, status?: number) => SentryConnectionResult =
  connectionFailure;

const EXAMPLE_BASE_URL = "https://sentry.io (https://de.sentry.io for EU organizations)";
/** Counting stops here so a misbehaving server cannot keep the check paging forever. */
const MAX_PAGES = 20;
const PAGE_SIZE = 100;

/**
 * Checks a Sentry connection before it is saved or while it is diagnosed, by
 * listing the organization's projects: that proves the token can read the
 * organization and counts what Bosun will see. Expected failures come back as
 * values whose message tells a person what to fix.
 */
export async function testSentryConnection(config: SentryClientConfig): Promise<SentryConnectionResult> {
  const { baseUrl, organizationSlug, timeoutMs = SENTRY_TIMEOUT_MS } = config;
  if (!isWebAddress(baseUrl))
    return failure(
      "unreachable",
      `"${baseUrl}" is not a web address. Enter Sentry's address, e.g. ${EXAMPLE_BASE_URL}.`,
    );
  if (organizationSlug.trim() === "")
    return failure("wrong_organization", "Enter the organization slug: the <slug> in https://<slug>.sentry.io.");
  const client = createSentryClient(config);
  const path = `/organizations/${encodeURIComponent(organizationSlug)}/projects/`;
  try {
    let projectCount = 0;
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { data, cursors }: SentryResponse<unknown> = await client.get(path, {
        per_page: PAGE_SIZE,
        cursor: cursor ?? undefined,
      });
      if (!Array.isArray(data)) return notSentry(baseUrl);
      projectCount += data.length;
      cursor = cursors.next;
      if (!cursor) break;
    }
    return { ok: true, organization: { slug: organizationSlug }, projectCount };
  } catch (error) {
    if (!(error instanceof IntegrationError)) throw error;
    return describeFailure(error, config, timeoutMs);
  }
}

function notSentry(baseUrl: string, status?: number): SentryConnectionResult {
  return failure(
    "unexpected",
    `${baseUrl} answered, but not as Sentry's API does. Enter Sentry's address without a path, e.g. ${EXAMPLE_BASE_URL}.`,
    status,
  );
}

function describeFailure(
  error: IntegrationError,
  { baseUrl, organizationSlug }: SentryClientConfig,
  timeoutMs: number,
): SentryConnectionResult {
  const { status } = error;
  if (isRedirect(status)) {
    return failure(
      "unexpected",
      `${baseUrl} redirects elsewhere (${status}), and Bosun does not follow redirects. Enter the address Sentry ends up at, e.g. ${EXAMPLE_BASE_URL}.`,
      status,
    );
  }
  switch (error.reason) {
    case "bad_credentials":
      return failure(
        "bad_credentials",
        `Sentry rejected the auth token (${status}). Check that it was copied whole, or create a new one in Sentry under Settings → Auth Tokens.`,
        status,
      );
    case "forbidden":
      return failure(
        "forbidden",
        `Sentry accepted the token but refused access to organization "${organizationSlug}" (${status}). Use a token created in that organization with the org:read and project:read scopes.`,
        status,
      );
    case "not_found":
      return failure(
        "wrong_organization",
        `Sentry has no organization "${organizationSlug}" at ${baseUrl}, or the token cannot see it (${status}). Copy the slug from your Sentry address (https://<slug>.sentry.io) and check the base URL, e.g. ${EXAMPLE_BASE_URL}.`,
        status,
      );
    case "invalid_response":
      return error.code === ANSWER_TOO_LARGE
        ? failure("unexpected", `${error.message}. Check the base URL.`, status)
        : notSentry(baseUrl, status);
    default:
      return describeSharedFailure(error, {
        service: "Sentry",
        address: baseUrl,
        addressField: "the base URL",
        caller: "token",
        statusPage: "status.sentry.io",
        timeoutMs,
      });
  }
}
