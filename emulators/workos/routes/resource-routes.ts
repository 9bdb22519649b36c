import type { EmulatorRequest, EmulatorResponse, Router } from "../../common/http";
import type { WorkosContext } from "../context";
import { apiRoute, workosError } from "../http-helpers";
import { type ListParams, paginate, parseListParams } from "../pagination";
import { listResponse } from "../serializers";
import type { Store } from "../store";
import type { Table } from "../table";

/** One page of `rows` (a filtered subset of `table`) in WorkOS's list envelope. */
export function listPage<T extends { id: string }>(
  table: Table<T>,
  rows: readonly T[],
  params: ListParams,
  serialize: (row: T) => unknown,
): EmulatorResponse {
  const page = paginate(table, rows, params);
  return { status: 200, body: listResponse(page.data.map(serialize), page) };
}

/** A kind of record the API serves: what its 404 calls it, where it is stored, and its JSON shape. */
export type Resource<T extends { id: string }> = {
  noun: string;
  /** Picked per request, because a reset replaces the store. */
  table: (store: Store) => Table<T>;
  serialize: (record: T) => unknown;
};

export function resource<T extends { id: string }>(
  noun: string,
  table: (store: Store) => Table<T>,
  serialize: (record: T) => unknown,
): Resource<T> {
  return { noun, table, serialize };
}

/** GET `path` (ending in `/:id`): the record serialized, or WorkOS's 404 naming the resource. */
export function registerGetById<T extends { id: string }>(
  router: Router,
  context: WorkosContext,
  path: string,
  { noun, table, serialize }: Resource<T>,
) {
  router.get(
    path,
    apiRoute(context, (req) => {
      const record = table(context.store).get(req.params.id as string);
      return record
        ? { status: 200, body: serialize(record) }
        : workosError(404, `${noun} '${req.params.id}' not found.`);
    }),
  );
}

/**
 * GET `path` as a WorkOS list. The list parameters are checked first; then
 * `select` picks the request's rows (oldest first) or answers a bad request
 * itself, and one page of the rows is served.
 */
export function registerList<T extends { id: string }>(
  router: Router,
  context: WorkosContext,
  path: string,
  { table, serialize }: Resource<T>,
  select: (req: EmulatorRequest, store: Store) => readonly T[] | EmulatorResponse,
) {
  router.get(
    path,
    apiRoute(context, (req) => {
      const { store } = context;
      const params = parseListParams(req.query);
      const rows = select(req, store);
      return isResponse(rows) ? rows : listPage(table(store), rows, params, serialize);
    }),
  );
}

const isResponse = (value: readonly unknown[] | EmulatorResponse): value is EmulatorResponse => !Array.isArray(value);
