import { defineSort, type SortDir, type SortOrder } from "@/lib/domain/tables/sort";
import type { DeliveryOrder, RunOrder, SyncActivityOrder } from "@/lib/features/automations";

/*
 * The automations page's sortable tables. They share the page's `sort`/`dir` parameters, so each table's keys are
 * its own: sorting one leaves the others in their default order. Each lists the newest first by default.
 */

export const DELIVERY_SORT = defineSort({
  keys: ["delivery-received", "delivery-source", "delivery-event", "delivery-status"],
  default: { key: "delivery-received", dir: "desc" },
});

export const RUN_SORT = defineSort({
  keys: ["run-started", "run-rule", "run-status"],
  default: { key: "run-started", dir: "desc" },
});

export const SYNC_SORT = defineSort({
  keys: ["sync-time", "sync-direction", "sync-outcome"],
  default: { key: "sync-time", dir: "desc" },
});

type KeyOf<Spec extends { keys: readonly string[] }> = Spec["keys"][number];

/*
 * The column each sort key orders by in SQL. The lists are cut (25 deliveries, 50 runs, 50 sync decisions), so
 * they are sorted by the query: a sort in the page would only reorder the newest rows.
 */

export const DELIVERY_ORDER_BY = {
  "delivery-received": "receivedAt",
  "delivery-source": "source",
  "delivery-event": "eventType",
  "delivery-status": "status",
} as const satisfies Record<KeyOf<typeof DELIVERY_SORT>, DeliveryOrder["by"]>;

export const RUN_ORDER_BY = {
  "run-started": "startedAt",
  "run-rule": "rule",
  "run-status": "status",
} as const satisfies Record<KeyOf<typeof RUN_SORT>, RunOrder["by"]>;

export const SYNC_ORDER_BY = {
  "sync-time": "occurredAt",
  "sync-direction": "direction",
  "sync-outcome": "outcome",
} as const satisfies Record<KeyOf<typeof SYNC_SORT>, SyncActivityOrder["by"]>;

/** The query order a table's sort (as parsed from the URL) stands for. */
export function toQueryOrder<K extends string, By extends string>(
  columns: Record<K, By>,
  { key, dir }: SortOrder<K>,
): { by: By; dir: SortDir } {
  return { by: columns[key], dir };
}
