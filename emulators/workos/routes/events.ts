import type { Router } from "../../common/http";
import type { WorkosContext } from "../context";
import { listQuery, workosError } from "../http-helpers";
import { serializeEvent } from "../serializers";
import { registerList, resource } from "./resource-routes";

function parseInstant(value: string | null): number | null | "invalid" {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? "invalid" : ms;
}

export function registerEventRoutes(router: Router, context: WorkosContext) {
  const events = resource("Event", (store) => store.events, serializeEvent);

  // GET /events - the event stream; `events` is a comma list or repeated
  registerList(router, context, "/events", events, (req, store) => {
    const names = new Set(listQuery(req.query, "events"));
    const organizationId = req.query.get("organization_id");
    const start = parseInstant(req.query.get("range_start"));
    const end = parseInstant(req.query.get("range_end"));
    if (start === "invalid" || end === "invalid")
      return workosError(422, "range_start and range_end must be ISO-8601 dates.", "invalid_request_parameters");
    let rows = store.events.all();
    if (names.size > 0 || organizationId || start !== null || end !== null) {
      rows = rows.filter((e) => {
        if (names.size > 0 && !names.has(e.event)) return false;
        if (organizationId && e.organizationId !== organizationId) return false;
        if (start === null && end === null) return true;
        const at = Date.parse(e.createdAt);
        return (start === null || at >= start) && (end === null || at <= end);
      });
    }
    return rows;
  });
}
