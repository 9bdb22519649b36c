import { translateUpstreamErrorText, type UpstreamContext, type UpstreamService } from "@/lib/domain/upstream-messages";

/**
 * A stored error (a run's, a write's, a delivery's, a job's) as people should read it: what happened and what to
 * do, with the service's own words folded away under "Details" for whoever debugs it. Text that is not an
 * upstream failure (Bosun's own words) is shown as it is.
 */
export function UpstreamErrorText({
  text,
  context,
  service,
  className = "",
}: {
  text: string;
  context?: UpstreamContext;
  /** The service a write or job calls, for errors whose text does not name it (a refused internal address). */
  service?: UpstreamService;
  className?: string;
}) {
  const message = translateUpstreamErrorText(text, context, service);
  if (!message) return <span className={`block text-xs text-red-700 dark:text-red-300 ${className}`}>{text}</span>;
  return (
    <span className={`block text-xs ${className}`}>
      <span className="block font-medium text-red-700 dark:text-red-300">{message.title}</span>
      <span className="block text-slate-700 dark:text-slate-300">{message.action}</span>
      <details className="mt-0.5">
        <summary className="cursor-pointer text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600 dark:text-brand-300">
          Details
        </summary>
        <span className="block text-slate-700 dark:text-slate-300">{message.detail}</span>
        <span className="block break-words font-mono text-slate-600 dark:text-slate-400">{text}</span>
      </details>
    </span>
  );
}
