import { explainUpstreamErrorText } from "@/lib/domain/upstream-messages";
const PROVIDER_LABELS = { jira: "Jira", sentry: "Sentry", github: "GitHub" } as const;
type Provider = keyof typeof PROVIDER_LABELS;

export type IntegrationStatusRow = {
  /** Any stored connection; only the providers asked for are listed (a rollback hook is not an integration here). */
  provider: string;
  status: "connected" | "error" | "disconnected";
  lastError: string | null;
};

const STATUS_STYLES = {
  connected: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  error: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
  disconnected: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
  missing: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
} as const;

/** One line per provider: connected, failing (with the error) or not connected yet. */
export function IntegrationStatusList({ rows, providers }: { rows: IntegrationStatusRow[]; providers: Provider[] }) {
  return (
    <ul className="space-y-2">
      {providers.map((provider) => {
        const row = rows.find((r) => r.provider === provider);
        const status = row?.status ?? "missing";
        return (
          <li key={provider} className="text-sm">
            <div className="flex items-center justify-between gap-3">
              <span className="font-medium">{PROVIDER_LABELS[provider]}</span>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[status]}`}>
                {status === "missing" ? "not connected" : status}
              </span>
            </div>
            {/* Shown, not tucked into a tooltip: what failed is what tells an admin how to fix it. */}
            {status === "error" && row?.lastError && (
              <p className="mt-0.5 break-words text-xs text-red-700 dark:text-red-300">
                {explainUpstreamErrorText(row.lastError) ?? row.lastError}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
