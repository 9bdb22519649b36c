import type { EmulatorRequest, EmulatorResponse } from "../../common/http";
import { BadRequest } from "../errors";
import { paginate, parseLimit } from "../paging";
import type { OrgState, SentryStore } from "../store";
import { errorsTable } from "./errors-table";
import { aggregateValues, columnMeta, compareValues, groupRows, parseColumns, parseSort, sortRecords } from "./columns";
import type { FieldValue } from "./fields";
import { tableResponse } from "./table-response";
import { rejectBracketParams, requireSpansDataset, selectRows } from "./selection";

/** `GET /organizations/{org}/events/` on the spans dataset: a table grouped by the plain fields, or single spans. */

const MAX_FIELDS = 20;

export function eventsTable(store: SentryStore, org: OrgState, req: EmulatorRequest): EmulatorResponse {
  const params = req.query;
  rejectBracketParams(params);
  if (params.get("dataset") === "errors") return errorsTable(store, org, req);
  requireSpansDataset(params);
  const names = params.getAll("field").filter((f) => f !== "");
  if (names.length === 0) throw new BadRequest("No columns selected");
  if (names.length > MAX_FIELDS)
    throw new BadRequest(`You can view up to ${MAX_FIELDS} fields at a time. Please delete some and try again.`);
  const columns = parseColumns(names);
  const limit = parseLimit(params.get("per_page"), 100, 100);
  const firstAggregate = columns.aggregates[0];
  const order = parseSort(
    params.get("sort"),
    names,
    firstAggregate ? { column: firstAggregate.name, descending: true } : null,
  );
  const { ctx, rows, range } = selectRows(store, org, params);
  const aggregateCtx = {
    ...ctx,
    extrapolate: params.get("disableAggregateExtrapolation") !== "1",
    periodSeconds: (range.endMs - range.startMs) / 1000,
  };

  let page: { items: Record<string, FieldValue>[]; headers: Record<string, string> };
  if (columns.aggregates.length > 0) {
    const records = groupRows(ctx, columns.keys, rows).map((group) => {
      const record: Record<string, FieldValue> = {};
      columns.keys.forEach((key, i) => (record[key.name] = group.values[i] as FieldValue));
      const values = aggregateValues(aggregateCtx, columns.aggregates, group.rows);
      columns.aggregates.forEach((aggregate, i) => (record[aggregate.name] = values[i] as number));
      return record;
    });
    page = paginate(req, sortRecords(records, order), limit);
  } else {
    // Single spans, newest first unless sorted; only the rows of the page are read out.
    const { table } = ctx;
    const key = order && columns.keys.find((k) => k.name === order.column);
    const sign = order?.descending ? -1 : 1;
    const ordered = key
      ? [...rows].sort((a, b) => sign * compareValues(key.read(ctx, a), key.read(ctx, b)) || a - b)
      : [...rows].sort((a, b) => (table.timestampS[b] as number) - (table.timestampS[a] as number) || a - b);
    const indexes = paginate(req, ordered, limit);
    page = {
      headers: indexes.headers,
      items: indexes.items.map((row) => Object.fromEntries(columns.keys.map((k) => [k.name, k.read(ctx, row)]))),
    };
  }
  return tableResponse(page, "spans", columnMeta(columns));
}
