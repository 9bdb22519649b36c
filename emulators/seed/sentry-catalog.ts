import type { Random } from "./random";
import type { IssueLevel } from "./sentry-types";

/**
 * Realistic error shapes per Sentry platform: exception type and value, the
 * culprit Sentry derives from the top in-app frame (or transaction), and a
 * typical level. Variable parts keep thousands of generated issues distinct.
 */
export type ErrorShape = {
  type: string;
  value: string;
  filename: string;
  function: string;
  culprit: string;
  level: IssueLevel;
  handled: boolean;
};

type Template = (r: Random) => ErrorShape;

const FIELDS = [
  "berthId",
  "voyage",
  "manifest",
  "eta",
  "vesselImo",
  "portCode",
  "items",
  "crew",
  "cargo",
  "invoice",
  "draft",
  "slots",
];
const PAGES = ["voyages", "berths", "manifests", "billing", "tracking", "customs", "dashboard", "settings"];
const ROUTES = [
  "/api/voyages/:id",
  "/api/berths",
  "/api/manifests/:id/lines",
  "/api/invoices",
  "/api/ports/:code/slots",
  "/api/tracking/positions",
  "/api/customs/declarations",
];
const TABLES = ["voyages", "berth_slots", "manifest_lines", "invoices", "vessel_positions", "customs_declarations"];
const TASKS = [
  "sync_manifests",
  "refresh_tide_tables",
  "generate_invoices",
  "reconcile_berths",
  "import_ais_positions",
  "send_arrival_notices",
  "rebuild_search_index",
];
const TASK_MODULES = ["manifests", "tides", "billing", "berths", "tracking", "notifications", "search"];

function page(r: Random) {
  const name = r.pick(PAGES);
  return {
    filename: `app/(app)/[orgSlug]/${name}/page.tsx`,
    function: `${name[0]?.toUpperCase()}${name.slice(1)}Page`,
  };
}

function jsShape(r: Random, type: string, value: string, level: IssueLevel = "error", handled = false): ErrorShape {
  const frame = page(r);
  return { type, value, ...frame, culprit: `${frame.filename} in ${frame.function}`, level, handled };
}

const WEB: Template[] = [
  (r) => jsShape(r, "TypeError", `Cannot read properties of undefined (reading '${r.pick(FIELDS)}')`),
  (r) => jsShape(r, "TypeError", `Cannot read properties of null (reading '${r.pick(FIELDS)}')`),
  (r) => jsShape(r, "TypeError", `${r.pick(FIELDS)}.map is not a function`),
  (r) => jsShape(r, "TypeError", "Failed to fetch", "error", true),
  (r) => jsShape(r, "ChunkLoadError", `Loading chunk ${r.int(100, 9999)} failed.`, "error", true),
  (r) => jsShape(r, "Error", "Hydration failed because the server rendered HTML didn't match the client.", "fatal"),
  (r) => jsShape(r, "RangeError", "Invalid time value"),
  (r) => jsShape(r, "ReferenceError", `${r.pick(FIELDS)} is not defined`, "fatal"),
  (r) => jsShape(r, "SyntaxError", `Unexpected token '<', "<!DOCTYPE "... is not valid JSON`),
  (r) => jsShape(r, "AbortError", "The operation was aborted.", "warning", true),
  (r) =>
    jsShape(
      r,
      "Warning",
      `Each child in a list should have a unique "key" prop. Check the render method of \`${r.pick(["VoyageTable", "BerthGrid", "ManifestList"])}\`.`,
      "warning",
      true,
    ),
  (r) => jsShape(r, "Error", `Slow render detected on /${r.pick(PAGES)} (${r.int(900, 4000)} ms)`, "info", true),
];

function apiShape(
  r: Random,
  type: string,
  value: string,
  filename: string,
  fn: string,
  level: IssueLevel = "error",
  handled = false,
): ErrorShape {
  return {
    type,
    value,
    filename,
    function: fn,
    culprit: `${r.pick(["GET", "POST", "PUT"])} ${r.pick(ROUTES)}`,
    level,
    handled,
  };
}

const API: Template[] = [
  (r) =>
    apiShape(
      r,
      "KnexTimeoutError",
      "Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?",
      "src/db/pool.ts",
      "acquireConnection",
      "fatal",
    ),
  (r) =>
    apiShape(
      r,
      "QueryTimeoutError",
      `canceling statement due to statement timeout (table ${r.pick(TABLES)})`,
      "src/db/query.ts",
      "runQuery",
    ),
  (r) =>
    apiShape(
      r,
      "Error",
      `connect ECONNREFUSED 10.0.${r.int(1, 9)}.${r.int(2, 250)}:5432`,
      "src/db/pool.ts",
      "connect",
      "fatal",
    ),
  (r) => apiShape(r, "Error", "Connection terminated due to connection timeout", "src/db/pool.ts", "acquireConnection"),
  (r) =>
    apiShape(
      r,
      "PrismaClientKnownRequestError",
      `Unique constraint failed on the fields: (\`${r.pick(TABLES)}_id\`)`,
      "src/repositories/write.ts",
      "insertRow",
    ),
  (r) =>
    apiShape(
      r,
      "TimeoutError",
      `Redis command timed out: GET ${r.pick(FIELDS)}:${r.int(1, 999)}`,
      "src/cache/redis.ts",
      "get",
      "warning",
      true,
    ),
  (r) =>
    apiShape(
      r,
      "AxiosError",
      `Request failed with status code ${r.pick([502, 503, 504])}`,
      "src/clients/ais.ts",
      "fetchPositions",
      "error",
      true,
    ),
  (r) => apiShape(r, "SyntaxError", "Unexpected end of JSON input", "src/middleware/body.ts", "parseBody"),
  (r) =>
    apiShape(
      r,
      "ValidationError",
      `"${r.pick(FIELDS)}" must be a valid UN/LOCODE`,
      "src/validation/schemas.ts",
      "validate",
      "warning",
      true,
    ),
  (r) =>
    apiShape(
      r,
      "Error",
      `Deprecated endpoint called by client ${r.pick(["ios", "android", "partner-portal"])}`,
      "src/routes/legacy.ts",
      "handleLegacy",
      "info",
      true,
    ),
];

function taskShape(r: Random, type: string, value: string, level: IssueLevel = "error", handled = false): ErrorShape {
  const index = r.int(0, TASKS.length - 1);
  const moduleName = `tasks.${TASK_MODULES[index]}`;
  const task = TASKS[index] as string;
  return {
    type,
    value,
    filename: `${moduleName.replace(".", "/")}.py`,
    function: task,
    culprit: `${moduleName}.${task}`,
    level,
    handled,
  };
}

const WORKER: Template[] = [
  (r) => taskShape(r, "SoftTimeLimitExceeded", `SoftTimeLimitExceeded() after ${r.pick([120, 300, 600])}s`, "error"),
  (r) =>
    taskShape(
      r,
      "OperationalError",
      'could not connect to server: Connection refused\n\tIs the server running on host "db-primary" and accepting TCP/IP connections on port 5432?',
      "fatal",
    ),
  (r) => taskShape(r, "KeyError", `'${r.pick(FIELDS)}'`),
  (r) => taskShape(r, "ConnectionResetError", "[Errno 104] Connection reset by peer"),
  (r) => taskShape(r, "IntegrityError", `duplicate key value violates unique constraint "${r.pick(TABLES)}_pkey"`),
  (r) => taskShape(r, "ValueError", `time data '2025-13-${r.int(10, 31)}' does not match format '%Y-%m-%d'`),
  (r) => taskShape(r, "ZeroDivisionError", "division by zero"),
  (r) =>
    taskShape(
      r,
      "MaxRetriesExceededError",
      `Can't retry ${r.pick(TASKS)}[${r.int(1000, 9999)}] args:() kwargs:{}`,
      "warning",
      true,
    ),
  (r) => taskShape(r, "TaskRetried", `Retry in ${r.pick([30, 60, 120])}s: ConnectionError()`, "info", true),
];

function bosunShape(type: string, value: string, filename: string, fn: string, level: IssueLevel = "error"): Template {
  return () => ({ type, value, filename, function: fn, culprit: `${filename} in ${fn}`, level, handled: false });
}

const BOSUN: Template[] = [
  bosunShape(
    "IntegrationError",
    "Jira responded 503 Service Unavailable",
    "lib/integrations/jira/client.ts",
    "searchIssues",
  ),
  bosunShape(
    "IntegrationError",
    "Sentry responded 429 Too Many Requests",
    "lib/integrations/sentry/client.ts",
    "listIssues",
    "warning",
  ),
  bosunShape("TypeError", "Cannot read properties of null (reading 'orgId')", "lib/auth/org.ts", "requireOrg", "fatal"),
  bosunShape(
    "Error",
    "Webhook signature mismatch for org acme",
    "app/api/webhooks/sentry/[orgSlug]/route.ts",
    "POST",
    "warning",
  ),
  bosunShape(
    "PrismaClientKnownRequestError",
    "Transaction already closed: A commit cannot be executed on an expired transaction.",
    "lib/db/queries/releases.ts",
    "upsertRelease",
  ),
  bosunShape("Error", "Outbox job exceeded 5 attempts: jira.transition", "lib/outbox/run.ts", "runJob", "info"),
];

const CATALOG: Record<string, Template[]> = { web: WEB, api: API, worker: WORKER, bosun: BOSUN };

export function errorShape(projectSlug: string, r: Random): ErrorShape {
  return r.pick(CATALOG[projectSlug] ?? WEB)(r);
}

/** Crash-type errors that the regressed release introduced. */
export function regressionShape(projectSlug: string, r: Random): ErrorShape {
  if (projectSlug === "api")
    return apiShape(
      r,
      "KnexTimeoutError",
      "Knex: Timeout acquiring a connection. The pool is probably full.",
      "src/db/pool.ts",
      "acquireConnection",
      "fatal",
    );
  if (projectSlug === "worker")
    return taskShape(r, "MemoryError", `worker killed while processing ${r.pick(TASKS)} (OOM)`, "fatal");
  return jsShape(r, "TypeError", `Cannot read properties of undefined (reading '${r.pick(FIELDS)}')`, "fatal");
}
