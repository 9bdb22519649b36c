import type { Router } from "../../common/http";
import type { SentryApp } from "../app";
import { orgRoute } from "../auth";
import { eventsTable } from "../explore/events-table";

/** Explore (Discover) on the `spans` dataset: the events table and, in events-timeseries, series per interval. */
export function registerExploreRoutes(router: Router, app: SentryApp) {
  const { store } = app;

  // GET /organizations/{org}/events/ - aggregates grouped by the plain fields, or single spans
  router.get(
    "/api/0/organizations/:org/events/",
    orgRoute(store, (req, org) => eventsTable(store, org, req)),
  );
}
