import "server-only";
import { mergeBulkOutcome, missingIndexes } from "@/lib/domain/idempotency/bulk-retry";
import { withMarker } from "@/lib/domain/idempotency/create-marker";
import { callJira, createJiraClients } from "./client";
import { type BulkIssue, type BulkResult, createIssue, createIssuesBulk, jqlString, type NewIssue } from "./issues";
import type { JiraClientConfig } from "./types";

/**
 * Creates in Jira that happen once even when an answer is lost. Jira has no
 * idempotency key for creates: a timeout, a reset connection or a worker that
 * died after Jira answered all leave Bosun not knowing whether the issue
 * exists. So every created issue carries its marker label (set in the create
 * itself), and a create whose earlier attempt may have reached Jira first
 * searches for its marker and creates only what is not there.
 */
export type CreatedIssue = { id: string; key: string };

/**
 * The issues carrying each marker, by marker. Should an issue be there twice
 * (created before markers were searched), the oldest one counts.
 */
export async function findIssuesByMarker(
  config: JiraClientConfig,
  markers: string[],
): Promise<Map<string, CreatedIssue>> {
  const found = new Map<string, CreatedIssue & { order: number }>();
  if (markers.length === 0) return new Map();
  const { v3 } = createJiraClients(config);
  const wanted = new Set(markers);
  const jql = `labels in (${markers.map(jqlString).join(", ")})`;
  let nextPageToken: string | undefined;
  do {
    const page = await callJira(() =>
      v3.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql, fields: ["labels"], maxResults: 100, nextPageToken }),
    );
    for (const issue of page.issues ?? []) {
      if (!issue.id || !issue.key) continue;
      const order = Number(issue.id);
      for (const label of (issue.fields?.labels as string[] | undefined) ?? []) {
        if (!wanted.has(label)) continue;
        const seen = found.get(label);
        if (!seen || order < seen.order) found.set(label, { id: issue.id, key: issue.key, order });
      }
    }
    nextPageToken = page.nextPageToken ?? undefined;
  } while (nextPageToken);
  return new Map([...found].map(([marker, { id, key }]) => [marker, { id, key }]));
}

/** One issue, created at most once: `outcomeUnknown` when an earlier attempt may have reached Jira. */
export async function createIssueOnce(
  config: JiraClientConfig,
  issue: NewIssue,
  { marker, outcomeUnknown }: { marker: string; outcomeUnknown: boolean },
): Promise<CreatedIssue> {
  if (outcomeUnknown) {
    const existing = (await findIssuesByMarker(config, [marker])).get(marker);
    if (existing) return existing;
  }
  return createIssue(config, { ...issue, labels: withMarker(issue.labels, marker) });
}

/**
 * A bulk create, each element at most once: on a retry the elements already in
 * Jira are found by their own markers (one search for all of them) and only the
 * missing ones are sent; the result keeps every element's original index.
 */
export async function createIssuesBulkOnce(
  config: JiraClientConfig,
  issues: BulkIssue[],
  { markers, outcomeUnknown }: { markers: string[]; outcomeUnknown: boolean },
): Promise<BulkResult> {
  if (markers.length !== issues.length)
    throw new RangeError(`One marker per issue: ${markers.length} markers for ${issues.length} issues`);
  const marked = issues.map((issue, index) => ({
    ...issue,
    labels: withMarker(issue.labels, markers[index] as string),
  }));
  if (!outcomeUnknown) return createIssuesBulk(config, marked);
  const byMarker = await findIssuesByMarker(config, markers);
  const found = new Map<number, CreatedIssue>();
  markers.forEach((marker, index) => {
    const issue = byMarker.get(marker);
    if (issue) found.set(index, issue);
  });
  const missing = missingIndexes(issues.length, found);
  const retry =
    missing.length > 0
      ? await createIssuesBulk(
          config,
          missing.map((index) => marked[index] as BulkIssue),
        )
      : { created: [], errors: [] };
  return mergeBulkOutcome(found, missing, retry);
}
