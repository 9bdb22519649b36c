import { createRandom } from "./random";
import type { IngestFrame, SentryIssue } from "./sentry-types";

/**
 * The stack trace of a seeded issue's events: library frames of the
 * platform's framework around in-app frames of the project's own code, the
 * innermost being the issue's own file and function (its culprit). Paths are
 * what SDKs send: relative filenames plus `abs_path` for Node and the browser,
 * modules for Python. Derived only from the issue, so the release commits seeded
 * for it (sentry-commits.ts) can touch the same files.
 */

type Caller = { filename: string; function: string; module?: string };

const WEB_CALLERS: Record<string, Caller[]> = {
  voyages: [{ filename: "src/voyages/use-voyage.ts", function: "useVoyage" }],
  berths: [{ filename: "src/berths/berth-planner.ts", function: "planBerths" }],
  manifests: [{ filename: "src/manifests/manifest-lines.ts", function: "toManifestLines" }],
  billing: [
    { filename: "src/checkout/cart.ts", function: "addItem" },
    { filename: "src/billing/invoice-totals.ts", function: "invoiceTotals" },
  ],
  tracking: [{ filename: "src/tracking/positions.ts", function: "latestPositions" }],
  customs: [{ filename: "src/customs/declaration-form.ts", function: "validateDeclaration" }],
  dashboard: [{ filename: "src/dashboard/widgets.ts", function: "loadWidgets" }],
  settings: [{ filename: "src/settings/preferences.ts", function: "savePreferences" }],
};

/** The API resource a culprit like `GET /api/voyages/:id` names. */
function resourceOf(culprit: string): string {
  const m = /\/api\/([a-z]+)/.exec(culprit);
  return m?.[1] ?? "orders";
}

const API_HANDLER_FN: Record<string, string> = {
  voyages: "getVoyage",
  berths: "listBerths",
  manifests: "listManifestLines",
  invoices: "createInvoice",
  ports: "listPortSlots",
  tracking: "listPositions",
  customs: "submitDeclaration",
  orders: "handleOrder",
};

export const WEB_LIBRARY_FRAMES: IngestFrame[] = [
  {
    filename: "node_modules/react-dom/cjs/react-dom-client.production.js",
    abs_path: "webpack://_N_E/node_modules/react-dom/cjs/react-dom-client.production.js",
    function: "performWorkOnRoot",
    in_app: false,
  },
  {
    filename: "node_modules/react-dom/cjs/react-dom-client.production.js",
    abs_path: "webpack://_N_E/node_modules/react-dom/cjs/react-dom-client.production.js",
    function: "renderWithHooks",
    in_app: false,
  },
];

function webCallers(issue: SentryIssue): Caller[] {
  const filename = String(issue.metadata.filename ?? "");
  const page = /\/([a-z]+)\/page\.tsx$/.exec(filename)?.[1] ?? "dashboard";
  return [{ filename: "src/lib/api-client.ts", function: "fetchJson" }, ...(WEB_CALLERS[page] ?? [])];
}

function apiCallers(issue: SentryIssue): { library: IngestFrame[]; callers: Caller[] } {
  const resource = resourceOf(issue.culprit);
  return {
    library: [
      {
        filename: "node_modules/express/lib/router/layer.js",
        function: "Layer.handle [as handle_request]",
        in_app: false,
      },
      { filename: "node_modules/express/lib/router/route.js", function: "next", in_app: false },
    ],
    callers: [
      { filename: "src/middleware/request-context.ts", function: "withRequestContext" },
      { filename: `src/api/${resource}/handler.ts`, function: API_HANDLER_FN[resource] ?? "handle" },
    ],
  };
}

function workerCallers(issue: SentryIssue): { library: IngestFrame[]; callers: Caller[] } {
  const task = String(issue.metadata.function ?? "run");
  return {
    library: [
      { filename: "celery/app/trace.py", module: "celery.app.trace", function: "trace_task", in_app: false },
      { filename: "celery/app/trace.py", module: "celery.app.trace", function: "__protected_call__", in_app: false },
    ],
    callers: [{ filename: "worker/runner.py", module: "worker.runner", function: `run_${task}` }],
  };
}

function bosunCallers(): { library: IngestFrame[]; callers: Caller[] } {
  return {
    library: [
      {
        filename: "node_modules/next/dist/server/app-render/app-render.js",
        function: "renderToHTMLOrFlight",
        in_app: false,
      },
    ],
    callers: [{ filename: "lib/platform/observability/with-request.ts", function: "withRequest" }],
  };
}

/** Where the file sat when it ran (the deployed image's /app for every project). */
function absPath(filename: string): string {
  return `/app/${filename}`;
}

/** In-app file paths of the issue's stack, outermost first (its own file last). */
export function inAppPathsOf(issue: SentryIssue, projectSlug: string): string[] {
  return stackOf(issue, projectSlug)
    .filter((f) => f.in_app)
    .map((f) => f.filename as string);
}

/** The issue's frames, outermost first, innermost (the issue's own file and function) last. */
export function stackOf(issue: SentryIssue, projectSlug: string): IngestFrame[] {
  const r = createRandom(`sentry:stack:${issue.id}`);
  const filename = String(issue.metadata.filename ?? "");
  const fn = String(issue.metadata.function ?? "");
  const shape =
    projectSlug === "api"
      ? apiCallers(issue)
      : projectSlug === "worker"
        ? workerCallers(issue)
        : projectSlug === "bosun"
          ? bosunCallers()
          : { library: WEB_LIBRARY_FRAMES, callers: webCallers(issue) };
  const line = () => ({ lineno: r.int(10, 400), colno: r.int(1, 80) });
  const own: IngestFrame = {
    filename,
    abs_path: absPath(filename),
    function: fn,
    ...(issue.platform === "python" ? { module: filename.replace(/\.py$/, "").replace(/\//g, ".") } : {}),
    ...line(),
    in_app: true,
  };
  return [
    ...shape.library.map((f) => ({
      ...f,
      lineno: r.int(100, 900),
      colno: f.filename?.endsWith(".py") ? undefined : r.int(1, 80),
    })),
    ...shape.callers
      .filter((c) => c.filename !== filename)
      .map((c): IngestFrame => ({
        filename: c.filename,
        abs_path: absPath(c.filename),
        function: c.function,
        ...(c.module ? { module: c.module } : {}),
        ...line(),
        in_app: true,
      })),
    own,
  ];
}
