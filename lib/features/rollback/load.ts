import "server-only";
import {
  findDeciderName,
  findRollbackIntentStateByKey,
  listOpenRollbackReleases,
  listRollbackGatesOfRelease,
} from "@/lib/db/queries/rollback-gates";
import {
  describeGateStatus,
  rollbackIdempotencyKey,
  type GateView,
  type RollbackEvidence,
} from "@/lib/domain/rollback";
import { describeRollbackHook } from "@/lib/integrations/deploy";

export type RollbackGatePanel = {
  id: string;
  release: string;
  environment: string;
  evidence: RollbackEvidence;
  raisedAt: Date;
  jiraIssueKey: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  view: GateView;
};

/** The release's gates for its page, each with its status in words; empty when none was ever raised. */
export async function loadRollbackGates({
  orgId,
  release,
}: {
  orgId: string;
  release: string;
}): Promise<{ gates: RollbackGatePanel[]; hookConnected: boolean }> {
  const [rows, hook] = await Promise.all([
    listRollbackGatesOfRelease({ orgId, release }),
    describeRollbackHook({ orgId }),
  ]);
  const gates = await Promise.all(
    rows.map(async (gate) => {
      const [intent, decidedBy] = await Promise.all([
        gate.status === "recommended" || gate.status === "dismissed"
          ? null
          : findRollbackIntentStateByKey({ orgId, idempotencyKey: rollbackIdempotencyKey(gate.id) }),
        gate.decidedById ? findDeciderName({ orgId, userId: gate.decidedById }) : null,
      ]);
      return {
        id: gate.id,
        release: gate.release,
        environment: gate.environment,
        evidence: gate.evidence as unknown as RollbackEvidence,
        raisedAt: gate.raisedAt,
        jiraIssueKey: gate.jiraIssueKey,
        decidedBy,
        decidedAt: gate.decidedAt,
        view: describeGateStatus({
          status: gate.status,
          dismissReason: gate.dismissReason,
          responseStatus: gate.responseStatus,
          responseBody: gate.responseBody,
          intent: intent ?? null,
        }),
      };
    }),
  );
  return { gates, hookConnected: hook !== null };
}

/** Releases with a rollback waiting for a decision, for the releases list's badge. */
export async function listReleasesWithOpenGate({ orgId }: { orgId: string }): Promise<Set<string>> {
  return new Set(await listOpenRollbackReleases({ orgId }));
}
