import { loadRollbackGates, type RollbackGatePanel } from "@/lib/features/rollback";
import { RollbackGateControls } from "./rollback-gate-controls";
import { LocalTime, type ViewerTime } from "@/components/ui/local-time";
import { getViewerTime } from "@/components/ui/tz-script";

/**
 * The release's rollback gate, when one was raised: the evidence, who decided what, how the signed request went,
 * and for managers and admins the decision itself. Renders nothing for a release that never regressed soon after
 * its deploy.
 */

const STATE_LABEL: Record<RollbackGatePanel["view"]["state"], string> = {
  recommended: "waiting for a decision",
  sending: "approved, sending",
  sent: "sent",
  failed: "failed",
  dismissed: "dismissed",
};

const STATE_STYLE: Record<RollbackGatePanel["view"]["state"], string> = {
  recommended: "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950",
  sending: "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950",
  sent: "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950",
  failed: "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950",
  dismissed: "border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900",
};

export async function RollbackGate({
  orgId,
  orgSlug,
  version,
  canDecide,
}: {
  orgId: string;
  orgSlug: string;
  version: string;
  canDecide: boolean;
}) {
  const { gates, hookConnected } = await loadRollbackGates({ orgId, release: version });
  if (gates.length === 0) return null;
  const time = await getViewerTime();
  return (
    <div className="mb-6 space-y-4">
      {gates.map((gate) => (
        <GateCard
          key={gate.id}
          gate={gate}
          orgSlug={orgSlug}
          canDecide={canDecide}
          hookConnected={hookConnected}
          time={time}
        />
      ))}
    </div>
  );
}

function GateCard({
  gate,
  orgSlug,
  canDecide,
  hookConnected,
  time,
}: {
  gate: RollbackGatePanel;
  orgSlug: string;
  canDecide: boolean;
  hookConnected: boolean;
  time: ViewerTime;
}) {
  const when = (date: Date | string) => <LocalTime at={date} time={time} />;
  const { view, evidence } = gate;
  const titleId = `rollback-gate-${gate.id}`;
  return (
    <section aria-labelledby={titleId} className={`rounded-xl border p-5 shadow-sm ${STATE_STYLE[view.state]}`}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id={titleId} className="text-lg font-semibold">
          Rollback recommended: {gate.release} in {gate.environment}
        </h2>
        <p className="text-sm">
          Status: <strong data-testid="rollback-status">{STATE_LABEL[view.state]}</strong>
        </p>
      </div>
      <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
        Deployed {when(evidence.deployedAt)}; raised {when(gate.raisedAt)}, evidence as of {when(evidence.evaluatedAt)}
        {evidence.previousRelease ? `. The release before it is ${evidence.previousRelease}.` : "."}
      </p>
      <h3 className="text-sm font-semibold">Evidence</h3>
      <ul className="mb-3 list-disc space-y-1 pl-5 text-sm">
        {evidence.signals.map((signal) => (
          <li key={signal.kind + signal.text}>{signal.text}</li>
        ))}
      </ul>
      {gate.jiraIssueKey && <p className="mb-2 text-sm">Jira blocker: {gate.jiraIssueKey}</p>}
      {gate.decidedBy && gate.decidedAt && (
        <p className="mb-2 text-sm">
          {view.state === "dismissed" ? "Dismissed" : "Approved"} by {gate.decidedBy} at {when(gate.decidedAt)}
          {view.state === "dismissed" ? `: ${view.reason}` : "."}
        </p>
      )}
      {(view.state === "sending" || view.state === "sent" || view.state === "failed") && (
        <p role="status" className="mb-2 text-sm">
          {view.detail}
        </p>
      )}
      {canDecide && (view.state === "recommended" || view.state === "failed") ? (
        hookConnected ? (
          <RollbackGateControls
            orgSlug={orgSlug}
            gateId={gate.id}
            release={gate.release}
            environment={gate.environment}
            retry={view.state === "failed"}
          />
        ) : (
          <p className="text-sm text-amber-800 dark:text-amber-300">
            No rollback hook is connected: an admin sets one in Settings → Integrations before a rollback can be
            approved.
          </p>
        )
      ) : view.state === "recommended" ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">A manager or admin can approve or dismiss it.</p>
      ) : null}
    </section>
  );
}
