import type { Router } from "../../common/http";
import type { SentryEvent } from "../../seed/sentry-types";
import { type SentryApp, contextFor } from "../app";
import { orgRoute } from "../auth";
import { BadRequest, notFound } from "../errors";
import { paginate, parseLimit } from "../paging";
import { eventDetail, eventListItem } from "../serialize-event";
import { resolveRange } from "../time-range";

type EventFilter = (event: SentryEvent) => boolean;

/** Event search inside one issue: `environment:`, `release:` and free text on the title or message. */
function eventFilter(query: string, title: string): EventFilter {
  const filters: EventFilter[] = [];
  for (const token of query.match(/\S+/g) ?? []) {
    const m = /^(\w+):(.+)$/.exec(token);
    if (!m) {
      const text = token.toLowerCase();
      filters.push((e) => title.toLowerCase().includes(text) || e.message.toLowerCase().includes(text));
      continue;
    }
    const [, key, value] = m;
    if (key === "environment") filters.push((e) => e.environment === value);
    else if (key === "release") filters.push((e) => e.release === value);
    else throw new BadRequest(`Invalid search query: the key "${key}" is not supported.`);
  }
  return (e) => filters.every((f) => f(e));
}

export function registerEventRoutes(router: Router, app: SentryApp) {
  const { store } = app;
  const base = "/api/0/organizations/:org/issues/:issueId/events";

  // GET /organizations/{org}/issues/{issue_id}/events/ - an issue's events, newest first
  router.get(
    `${base}/`,
    orgRoute(store, (req, org) => {
      const issue = store.findIssue(org, req.params.issueId ?? "");
      if (!issue) return notFound();
      const hasPeriod = req.query.has("statsPeriod") || req.query.has("start");
      const range = hasPeriod ? resolveRange(req.query, store.now(), "90d") : null;
      const environments = req.query.getAll("environment").filter((e) => e !== "");
      const matches = eventFilter(req.query.get("query") ?? "", issue.title);
      const events = store
        .events(org, issue)
        .filter(
          (e) =>
            (!range || (e.timestampMs >= range.startMs && e.timestampMs <= range.endMs)) &&
            (environments.length === 0 || environments.includes(e.environment)) &&
            matches(e),
        )
        .reverse();
      const page = paginate(req, events, parseLimit(req.query.get("per_page"), 100));
      return { status: 200, headers: page.headers, body: page.items.map((e) => eventListItem(issue, e)) };
    }),
  );

  // GET /organizations/{org}/issues/{issue_id}/events/{event_id}/ - latest, oldest, recommended or an event id
  router.get(
    `${base}/:eventId/`,
    orgRoute(store, (req, org) => {
      const issue = store.findIssue(org, req.params.issueId ?? "");
      if (!issue) return notFound();
      const environments = req.query.getAll("environment").filter((e) => e !== "");
      const events = store
        .events(org, issue)
        .filter((e) => environments.length === 0 || environments.includes(e.environment));
      const wanted = req.params.eventId;
      const index =
        wanted === "latest" || wanted === "recommended"
          ? events.length - 1
          : wanted === "oldest"
            ? 0
            : events.findIndex((e) => e.eventId === wanted);
      const event = events[index];
      if (!event) return notFound();
      const previous = events[index - 1]?.eventId ?? null;
      const next = events[index + 1]?.eventId ?? null;
      return { status: 200, body: eventDetail(contextFor(app, org), issue, event, previous, next) };
    }),
  );
}
