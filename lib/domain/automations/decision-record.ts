import type { BugTicket, Decision } from "./decide";

/**
 * A decision as a run's log keeps it: what was decided and why, without the bodies (a ticket's description, a
 * comment's text), which live in the outbox intent the run wrote.
 */
export type DecisionRecord =
  | { kind: "skip"; summary: string; notes: string[] }
  | {
      kind: "create_bug";
      summary: string;
      ticket: Pick<BugTicket, "projectKey" | "summary" | "priority" | "labels">;
      notes: string[];
    }
  | { kind: "comment"; summary: string; issueKey: string; notes: string[] }
  | { kind: "transition"; summary: string; issueKeys: string[]; targetStatus: string; notes: string[] };

export function decisionRecord(decision: Decision, notes: string[] = []): DecisionRecord {
  switch (decision.kind) {
    case "skip":
      return { kind: "skip", summary: decision.reason, notes };
    case "create_bug": {
      const { projectKey, summary, priority, labels } = decision.ticket;
      return {
        kind: decision.kind,
        summary: decision.summary,
        ticket: { projectKey, summary, priority, labels },
        notes,
      };
    }
    case "comment":
      return { kind: decision.kind, summary: decision.summary, issueKey: decision.issueKey, notes };
    case "transition":
      return {
        kind: decision.kind,
        summary: decision.summary,
        issueKeys: decision.issueKeys,
        targetStatus: decision.targetStatus,
        notes,
      };
  }
}
