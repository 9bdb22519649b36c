import type { JiraPriority, Severity } from "@/lib/domain/severity";
import { severityToJiraPriority } from "@/lib/domain/severity";
import { type AdfDoc, adfBulletList, adfDoc, adfField, adfLink, adfParagraph, adfText } from "@/lib/domain/adf";

/**
 * The Jira ticket Bosun files for a Sentry issue: summary, an Atlassian
 * Document Format description with the context a developer needs, priority
 * from the severity class, and labels. Pure.
 */
export type SentryIssueForTicket = {
  shortId: string;
  title: string;
  culprit: string;
  level: string;
  userCount: number;
  eventCount: number;
  firstSeen: string;
  lastSeen: string;
  firstReleaseVersion: string | null;
  permalink: string;
  projectSlug: string;
};

export type SentryTicket = { summary: string; description: AdfDoc; priority: JiraPriority; labels: string[] };

export function buildSentryTicket(
  issue: SentryIssueForTicket,
  { severity, reasons }: { severity: Severity; reasons: string[] },
): SentryTicket {
  // Jira summaries are limited to 255 characters.
  const summary = `[${issue.shortId}] ${issue.title}`.slice(0, 255);
  return {
    summary,
    priority: severityToJiraPriority(severity),
    labels: ["sentry", "production-error", `severity-${severity}`],
    description: adfDoc(
      adfParagraph(
        adfText(
          `Sentry issue ${issue.shortId} in project ${issue.projectSlug}, classified ${severity}${reasons.length ? ` (${reasons.join("; ")})` : ""}.`,
        ),
      ),
      adfBulletList([
        adfField("Culprit", issue.culprit || "unknown"),
        adfField("Level", issue.level),
        adfField("Users affected", issue.userCount.toLocaleString("en")),
        adfField("Events", issue.eventCount.toLocaleString("en")),
        adfField("First seen in release", issue.firstReleaseVersion ?? "unknown"),
        adfField("First seen", issue.firstSeen),
        adfField("Last seen", issue.lastSeen),
      ]),
      adfParagraph(adfLink("Open in Sentry", issue.permalink)),
    ),
  };
}
