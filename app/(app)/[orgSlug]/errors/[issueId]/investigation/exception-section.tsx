import { Card } from "@/components/ui/card";
import type { InvestigationReport } from "@/lib/features/investigation";

type Event = InvestigationReport["latestEvent"];

/**
 * The latest event's exceptions, each with its frames innermost first, as code: in-app frames are highlighted
 * and labelled "in app" (not by colour alone); library frames are dimmed.
 */
export function ExceptionSection({ event }: { event: Event }) {
  if (!event || event.exceptions.length === 0)
    return (
      <Card title="Exception">
        <p className="text-sm">The latest event has no exception.</p>
      </Card>
    );
  return (
    <Card title="Exception and stack trace">
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        Latest event <span className="font-mono">{event.eventId}</span>
        {event.dateCreated && ` at ${event.dateCreated.slice(0, 19).replace("T", " ")} UTC`}
        {event.release && `, release ${event.release}`}
        {event.request?.url && (
          <>
            , <span className="font-mono">{event.request.method ?? "GET"}</span>{" "}
            <span className="break-all font-mono">{event.request.url}</span>
          </>
        )}
        . Innermost frame first.
      </p>
      {[...event.exceptions].reverse().map((exception, i) => (
        <section key={i} className="mb-4 last:mb-0" aria-label={`${exception.type}: ${exception.value}`}>
          <h3 className="font-mono text-sm font-semibold text-rose-700 dark:text-rose-400">
            {exception.type}: <span className="font-normal">{exception.value}</span>
          </h3>
          <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">
            {exception.handled === false ? "Unhandled" : exception.handled ? "Handled" : "Handling unknown"}
            {exception.mechanism && ` (${exception.mechanism})`}
          </p>
          <ol
            tabIndex={0}
            className="relative overflow-x-auto rounded-lg border border-slate-200 bg-slate-50 font-mono text-xs dark:border-slate-800 dark:bg-slate-950"
          >
            {[...exception.frames].reverse().map((frame, k) => (
              <li
                key={k}
                className={
                  frame.inApp
                    ? "border-l-4 border-brand-600 bg-white px-3 py-1.5 dark:bg-slate-900"
                    : "border-l-4 border-transparent px-3 py-1 text-slate-500 dark:text-slate-400"
                }
              >
                <span className={frame.inApp ? "font-semibold" : ""}>
                  {frame.filename ?? frame.absPath ?? frame.module ?? "<unknown>"}
                </span>
                {frame.lineNo !== null && (
                  <span>
                    :{frame.lineNo}
                    {frame.colNo !== null && `:${frame.colNo}`}
                  </span>
                )}
                <span> in {frame.function ?? "?"}</span>
                {frame.inApp && (
                  <span className="ml-2 rounded bg-brand-100 px-1 text-[10px] uppercase text-brand-700 dark:bg-slate-700 dark:text-slate-100">
                    in app
                  </span>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </Card>
  );
}
