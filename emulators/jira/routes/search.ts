import { parseJson } from "../../common/http";
import { hashString } from "../../seed/random";
import { badRequest } from "../errors";
import { runJql } from "../jql/search";
import { intParam, listParam, stringParam } from "../paging";
import { selectFields } from "../serialize/field-catalog";
import { namesFor, serializeIssue } from "../serialize/issue";
import type { SiteRequest, SiteRoutes } from "../site-router";

/**
 * Enhanced JQL search (/search/jql): cursor paging with an opaque
 * `nextPageToken`, no totals, `isLast`, id-only issues unless fields are asked.
 */
type SearchInput = { jql?: string; nextPageToken?: string; maxResults?: number; fields: string[]; expand: string[] };

const ID_ONLY_LIMIT = 5000;
const WITH_FIELDS_LIMIT = 100;

function encodeToken(offset: number, fingerprint: number): string {
  return Buffer.from(JSON.stringify({ o: offset, q: fingerprint })).toString("base64url");
}

function decodeToken(token: string, fingerprint: number): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { o?: unknown; q?: unknown };
    if (typeof parsed.o === "number" && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.q === fingerprint)
      return parsed.o;
  } catch {
    // Falls through to the error below.
  }
  throw badRequest("The provided next page token is invalid or expired.");
}

function search(ctx: SiteRequest, input: SearchInput) {
  const jql = input.jql ?? "";
  const issues = runJql(ctx.site, jql, { currentUser: ctx.user, now: ctx.now, requireBounded: true });
  const fieldIds = selectFields(input.fields, ["id"]);
  const idOnly = fieldIds.every((f) => f === "id" || f === "key");
  const limit = idOnly ? ID_ONLY_LIMIT : WITH_FIELDS_LIMIT;
  const maxResults = Math.max(1, Math.min(input.maxResults ?? 50, limit));
  const fingerprint = hashString(`${ctx.user.accountId}\u0000${jql}`);
  const offset = input.nextPageToken ? decodeToken(input.nextPageToken, fingerprint) : 0;
  const page = issues.slice(offset, offset + maxResults);
  const isLast = offset + page.length >= issues.length;
  const withNames = input.expand.includes("names");
  return {
    status: 200,
    body: {
      issues: page.map((issue) => serializeIssue(ctx, issue, fieldIds)),
      ...(isLast ? {} : { nextPageToken: encodeToken(offset + page.length, fingerprint) }),
      isLast,
      ...(withNames ? { names: namesFor(fieldIds) } : {}),
    },
  };
}

export function registerSearchRoutes(routes: SiteRoutes) {
  // GET /rest/api/3/search/jql - enhanced search, parameters in the query string
  routes.get("/rest/api/3/search/jql", (ctx) =>
    search(ctx, {
      jql: ctx.req.query.get("jql") ?? undefined,
      nextPageToken: stringParam(ctx.req.query, "nextPageToken"),
      maxResults: ctx.req.query.has("maxResults") ? intParam(ctx.req.query, "maxResults", 50) : undefined,
      fields: listParam(ctx.req.query, "fields"),
      expand: listParam(ctx.req.query, "expand"),
    }),
  );

  // POST /rest/api/3/search/jql - the same search with a JSON body
  routes.post("/rest/api/3/search/jql", (ctx) => {
    const body = parseJson<{
      jql?: unknown;
      nextPageToken?: unknown;
      maxResults?: unknown;
      fields?: unknown;
      expand?: unknown;
    }>(ctx.req);
    if (body.jql !== undefined && typeof body.jql !== "string") throw badRequest("The 'jql' field must be a string.");
    if (
      body.maxResults !== undefined &&
      (typeof body.maxResults !== "number" || !Number.isInteger(body.maxResults) || body.maxResults < 0)
    )
      throw badRequest("The 'maxResults' field must be a non-negative integer.");
    const fields = Array.isArray(body.fields) ? body.fields.map(String) : [];
    return search(ctx, {
      jql: body.jql,
      nextPageToken: typeof body.nextPageToken === "string" && body.nextPageToken ? body.nextPageToken : undefined,
      maxResults: body.maxResults as number | undefined,
      fields,
      expand: typeof body.expand === "string" ? body.expand.split(",").map((e) => e.trim()) : [],
    });
  });

  // POST /rest/api/3/search/approximate-count - how many issues a bounded JQL matches
  routes.post("/rest/api/3/search/approximate-count", (ctx) => {
    const body = parseJson<{ jql?: unknown }>(ctx.req);
    if (typeof body.jql !== "string") throw badRequest("The 'jql' field is required.");
    const issues = runJql(ctx.site, body.jql, { currentUser: ctx.user, now: ctx.now, requireBounded: true });
    return { status: 200, body: { count: issues.length } };
  });
}
