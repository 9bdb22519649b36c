import { type AdfDoc, type AdfNode, adfBulletList, adfDoc, adfLink, adfParagraph, adfText } from "@/lib/domain/adf";
import type { RollbackEvidence } from "./types";

/**
 * The Jira blocker a rollback gate files: Highest priority, one per release and environment, its description the
 * evidence; later evidence goes on it as a comment rather than a second issue.
 */
export type RollbackBlocker = {
  projectKey: string;
  issueType: "Bug";
  summary: string;
  description: AdfDoc;
  priority: "Highest";
  labels: string[];
};

export const ROLLBACK_LABELS = ["bosun", "rollback-recommended"];

export function buildRollbackBlocker({
  evidence,
  projectKey,
  releaseUrl,
}: {
  evidence: RollbackEvidence;
  projectKey: string;
  /** The release's page in Bosun, where a manager approves or dismisses. */
  releaseUrl: string;
}): RollbackBlocker {
  return {
    projectKey,
    issueType: "Bug",
    summary: `[Rollback recommended] ${evidence.release} in ${evidence.environment}`.slice(0, 255),
    priority: "Highest",
    labels: ROLLBACK_LABELS,
    description: adfDoc(
      adfParagraph(
        adfText(
          `Release ${evidence.release} regressed within its rollback window after being deployed to ${evidence.environment} at ${evidence.deployedAt}${evidence.previousRelease ? `; the release before it is ${evidence.previousRelease}` : ""}.`,
        ),
      ),
      signalList(evidence),
      adfParagraph(
        adfText("A manager can approve or dismiss the rollback on "),
        adfLink("the release page", releaseUrl),
      ),
    ),
  };
}

/** The comment that tells the blocker what a later evaluation found. */
export function buildRollbackBlockerUpdate(evidence: RollbackEvidence): AdfDoc {
  return adfDoc(
    adfParagraph(adfText(`Bosun re-evaluated ${evidence.release} at ${evidence.evaluatedAt}:`)),
    signalList(evidence),
  );
}

function signalList(evidence: RollbackEvidence): AdfNode {
  return adfBulletList(
    evidence.signals.map((signal) => ({ type: "listItem", content: [adfParagraph(adfText(signal.text))] })),
  );
}
