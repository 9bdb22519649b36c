import { Card } from "@/components/ui/card";
import type { InvestigationReport } from "@/lib/features/investigation";

/** Who owns the issue by the org's ownership rules (and which rule said so), and the Jira ticket with its status. */
export function PeopleSection({
  owners,
  jira,
}: {
  owners: InvestigationReport["owners"];
  jira: InvestigationReport["jira"];
}) {
  return (
    <Card title="Owners and ticket">
      <h3 className="text-sm font-semibold">Owners</h3>
      {owners ? (
        <>
          {owners.owners.length > 0 ? (
            <ul className="mt-1 text-sm">
              {owners.owners.map((o) => (
                <li key={o.email}>
                  {o.name} <span className="text-slate-500 dark:text-slate-400">({o.email})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm">Nobody is named by the ownership rules.</p>
          )}
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{owners.because}</p>
        </>
      ) : (
        <p className="mt-1 text-sm">Without an event there is nothing for ownership rules to match.</p>
      )}
      <h3 className="mt-4 text-sm font-semibold">Jira ticket</h3>
      {jira ? (
        <p className="mt-1 text-sm">
          {jira.url ? (
            <a href={jira.url} className="font-mono font-medium text-brand-600 hover:underline dark:text-brand-300">
              {jira.key}
            </a>
          ) : (
            <span className="font-mono">{jira.key}</span>
          )}{" "}
          — {jira.status ?? "status unknown"}
          {jira.statusCategory &&
            ` (${jira.statusCategory === "done" ? "done" : jira.statusCategory === "new" ? "to do" : "in progress"})`}
        </p>
      ) : (
        <p className="mt-1 text-sm">No Jira ticket is linked to this issue yet.</p>
      )}
    </Card>
  );
}
