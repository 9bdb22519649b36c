import type { Router } from "../../common/http";
import type { SentryApp } from "../app";
import { orgRoute } from "../auth";
import { eventsTable } from "../explore/events-table";
import { eventsTimeseries } from "../explore/timeseries";

/** Explore (Discover) on the `spans` dataset: the events table and, in events-timeseries, series per interval. */
export function registerExploreRoutes(router: Router, app: SentryApp) {
  const { store } = app;

  // GET /organizations/{org}/events/ - aggregates grouped by the plain fields, or single spans
  router.get(
    "/api/0/organizations/:org/events/",
    orgRoute(store, (req, org) => eventsTable(store, org, req)),
  );

  // GET /organizations/{org}/events-timeseries/ - one series per yAxis (and per top group), times in ms
  router.get(
    "/api/0/organizations/:org/events-timeseries/",
    orgRoute(store, (req, org) => eventsTimeseries(store, org, req)),
  );
}
