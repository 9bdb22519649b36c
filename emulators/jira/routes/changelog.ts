import { parseJson } from "../../common/http";
import { badRequest } from "../errors";
import { intParam, pageOf } from "../paging";
import { CHANGELOG_PAGE_LIMIT, serializeHistory } from "../serialize/changelog";
import type { SiteRoutes } from "../site-router";
import { requireIssue } from "./issues";

/**
 * Issue change history: one issue's changelog paged oldest first, and the
 * bulk fetch over many issues (sorted by date, then issue id) with an opaque
 * page token. Entries are recorded by every API write that changes a field.
 */
const PAGE_LIMIT = CHANGELOG_PAGE_LIMIT;
const BULK_ISSUE_LIMIT = 1000;
const BULK_FIELD_LIMIT = 10;
const BULK_DEFAULT = 1000;
const BULK_MAX = 10000;

const encodeToken = (offset: number) => Buffer.from(`changelog:${offset}`).toString("base64url");

function decodeToken(token: unknown): number {
  if (token === undefined || token === null || token === "") return 0;
  const match = typeof token === "string" ? /^changelog:(\d+)$/.exec(Buffer.from(token, "base64url").toString()) : null;
  if (!match) throw badRequest("", { nextPageToken: "The page token is not valid." });
  return Number(match[1]);
}

type BulkInput = { issueIdsOrKeys?: unknown; fieldIds?: unknown; maxResults?: unknown; nextPageToken?: unknown };

function parseBulk(body: BulkInput) {
  const errors: Record<string, string> = {};
  const refs = body.issueIdsOrKeys;
  if (!Array.isArray(refs) || refs.length === 0 || refs.some((r) => typeof r !== "string" && typeof r !== "number"))
    errors.issueIdsOrKeys = "Provide between 1 and 1000 issue IDs or keys.";
  else if (refs.length > BULK_ISSUE_LIMIT) errors.issueIdsOrKeys = "Provide between 1 and 1000 issue IDs or keys.";
  const fieldIds = body.fieldIds;
  if (fieldIds !== undefined) {
    if (!Array.isArray(fieldIds) || fieldIds.some((f) => typeof f !== "string"))
      errors.fieldIds = "Field IDs must be a list of strings.";
    else if (fieldIds.length > BULK_FIELD_LIMIT) errors.fieldIds = "Provide at most 10 field IDs.";
    else if (new Set(fieldIds).size !== fieldIds.length) errors.fieldIds = "Field IDs must be unique.";
  }
  const maxResults = body.maxResults ?? BULK_DEFAULT;
  if (!Number.isInteger(maxResults) || (maxResults as number) < 1 || (maxResults as number) > BULK_MAX)
    errors.maxResults = "maxResults must be between 1 and 10000.";
  if (Object.keys(errors).length > 0) throw badRequest("", errors);
  return {
    refs: (refs as (string | number)[]).map(String),
    fieldIds: fieldIds ? new Set(fieldIds as string[]) : undefined,
    maxResults: maxResults as number,
    offset: decodeToken(body.nextPageToken),
  };
}

export function registerChangelogRoutes(routes: SiteRoutes) {
  // GET /rest/api/3/issue/{issueIdOrKey}/changelog - the issue's changes, oldest first
  routes.get("/rest/api/3/issue/:issueIdOrKey/changelog", (ctx) => {
    const issue = requireIssue(ctx, ctx.req.params.issueIdOrKey as string);
    const startAt = intParam(ctx.req.query, "startAt", 0);
    const maxResults = Math.max(1, Math.min(intParam(ctx.req.query, "maxResults", PAGE_LIMIT), PAGE_LIMIT));
    const histories = ctx.site.data.changeHistories.filter((h) => h.issueId === issue.id);
    const page = pageOf(histories, startAt, maxResults);
    const self = `${ctx.urls.base}/rest/api/3/issue/${issue.key}/changelog`;
    return {
      status: 200,
      body: {
        self: `${self}?startAt=${startAt}&maxResults=${maxResults}`,
        ...(page.isLast ? {} : { nextPage: `${self}?startAt=${startAt + maxResults}&maxResults=${maxResults}` }),
        ...page,
        values: page.values.map((h) => serializeHistory(ctx, h)),
      },
    };
  });

  // POST /rest/api/3/changelog/bulkfetch - changes of up to 1000 issues, optionally only some fields
  routes.post("/rest/api/3/changelog/bulkfetch", (ctx) => {
    const input = parseBulk(parseJson<BulkInput>(ctx.req));
    const issueIds = new Set(input.refs.flatMap((ref) => ctx.site.findIssue(ref)?.id ?? []));
    const matching = ctx.site.data.changeHistories
      .filter(
        (h) => issueIds.has(h.issueId) && (!input.fieldIds || h.items.some((i) => input.fieldIds?.has(i.fieldId))),
      )
      .sort((a, b) => a.created - b.created || a.issueId - b.issueId);
    const page = matching.slice(input.offset, input.offset + input.maxResults);
    const byIssue = new Map<number, ReturnType<typeof serializeHistory>[]>();
    for (const history of page) {
      const list = byIssue.get(history.issueId) ?? [];
      list.push(serializeHistory(ctx, history, input.fieldIds));
      byIssue.set(history.issueId, list);
    }
    const next = input.offset + page.length;
    return {
      status: 200,
      body: {
        issueChangeLogs: [...byIssue].map(([issueId, changeHistories]) => ({
          issueId: String(issueId),
          changeHistories,
        })),
        ...(next < matching.length ? { nextPageToken: encodeToken(next) } : {}),
      },
    };
  });
}
