import { type Router, parseJson } from "../../common/http";
import type { SentryIssue } from "../../seed/sentry-types";
import { type SentryApp, contextFor, deliverLater } from "../app";
import { orgRoute } from "../auth";
import { detail, fieldErrors, notFound } from "../errors";
import { issueHookData } from "../hook-payloads";
import { bulkTargets, queryIssues } from "../issue-list";
import { applyUpdate, validateUpdate } from "../issue-update";
import { paginate, parseLimit } from "../paging";
import { detailIssue, listIssue } from "../serialize-issue";
import type { OrgState } from "../store";

const GROUP_STATS = new Set(["", "24h", "14d", "auto"]);

function directHit(app: SentryApp, org: OrgState, query: string): SentryIssue | undefined {
  const term = query.trim();
  if (!/^[A-Za-z][\w-]*-[0-9A-Za-z]+$/.test(term) && !/^\d+$/.test(term)) return undefined;
  return app.store.findIssue(org, term);
}

function sendUpdateHooks(app: SentryApp, org: OrgState, issue: SentryIssue, actions: string[]) {
  const user = app.store.tokenUser(org);
  for (const action of actions) {
    deliverLater(
      app.hooks(org, "issue", action, issueHookData(contextFor(app, org), issue), {
        type: "user",
        id: user.id,
        name: user.name,
      }),
    );
  }
}

export function registerIssueRoutes(router: Router, app: SentryApp) {
  const { store } = app;
  const base = "/api/0/organizations/:org/issues";

  // GET /organizations/{org}/issues/ - search and page through issues
  router.get(
    `${base}/`,
    orgRoute(store, (req, org) => {
      const groupStatsPeriod = req.query.get("groupStatsPeriod") ?? "24h";
      if (!GROUP_STATS.has(groupStatsPeriod))
        return detail(400, `Invalid groupStatsPeriod: ${JSON.stringify(groupStatsPeriod)}`);
      const limit = parseLimit(req.query.get("limit"), 100);
      const collapse = new Set(req.query.getAll("collapse"));
      const ctx = contextFor(app, org);
      if (req.query.get("shortIdLookup") === "1") {
        const hit = directHit(app, org, req.query.get("query") ?? "");
        if (hit) {
          const range = {
            startHour: Math.floor(hit.firstSeenMs / 3_600_000),
            endHour: Math.floor(ctx.nowMs / 3_600_000) + 1,
          };
          return {
            status: 200,
            headers: { "x-sentry-direct-hit": "1" },
            body: [listIssue(ctx, hit, { range, groupStatsPeriod, withFiltered: false, collapse })],
          };
        }
      }
      const result = queryIssues(store, org, req.query);
      const page = paginate(req, result.issues, limit, {
        "x-hits": String(result.issues.length),
        "x-max-hits": "1000",
      });
      const body = page.items.map((issue) =>
        listIssue(ctx, issue, { range: result.range, groupStatsPeriod, withFiltered: result.hasFilters, collapse }),
      );
      return { status: 200, headers: page.headers, body };
    }),
  );

  // PUT /organizations/{org}/issues/?id=1&id=2 - bulk update
  router.put(
    `${base}/`,
    orgRoute(store, (req, org) => {
      const parsed = validateUpdate(org, parseJson(req));
      if ("errors" in parsed) return fieldErrors(parsed.errors as Record<string, string[]>);
      const targets: SentryIssue[] = bulkTargets(store, org, req.query);
      if (targets.length === 0) return { status: 204 };
      const user = store.tokenUser(org);
      let result: Record<string, unknown> = {};
      for (const issue of targets) {
        const applied = applyUpdate(store, org, issue, parsed.update, user.id);
        result = applied.result;
        sendUpdateHooks(app, org, issue, applied.actions);
      }
      store.touch();
      return { status: 200, body: result };
    }),
  );

  // GET /organizations/{org}/issues/{issue_id}/ - issue details
  router.get(
    `${base}/:issueId/`,
    orgRoute(store, (req, org) => {
      const issue = store.findIssue(org, req.params.issueId ?? "");
      if (!issue) return notFound();
      return { status: 200, body: detailIssue(contextFor(app, org), issue) };
    }),
  );

  // PUT /organizations/{org}/issues/{issue_id}/ - update one issue
  router.put(
    `${base}/:issueId/`,
    orgRoute(store, (req, org) => {
      const issue = store.findIssue(org, req.params.issueId ?? "");
      if (!issue) return notFound();
      const parsed = validateUpdate(org, parseJson(req));
      if ("errors" in parsed) return fieldErrors(parsed.errors as Record<string, string[]>);
      const applied = applyUpdate(store, org, issue, parsed.update, store.tokenUser(org).id);
      store.touch();
      sendUpdateHooks(app, org, issue, applied.actions);
      return { status: 200, body: detailIssue(contextFor(app, org), issue) };
    }),
  );
}
