import type { JiraPriority, Severity } from "@/lib/domain/severity";
import { severityToJiraPriority } from "@/lib/domain/severity";

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

type AdfNode = { type: string; text?: string; content?: AdfNode[]; marks?: { type: string; attrs?: Record<string, string> }[]; attrs?: Record<string, unknown> };

const text = (value: string, marks?: AdfNode["marks"]): AdfNode => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: AdfNode[]): AdfNode => ({ type: "paragraph", content });
const item = (label: string, value: string): AdfNode => ({ type: "listItem", content: [paragraph(text(`${label}: `, [{ type: "strong" }]), text(value))] });

export type SentryTicket = { summary: string; description: { type: "doc"; version: 1; content: AdfNode[] }; priority: JiraPriority; labels: string[] };

export function buildSentryTicket(issue: SentryIssueForTicket, { severity, reasons }: { severity: Severity; reasons: string[] }): SentryTicket {
  // Jira summaries are limited to 255 characters.
  const summary = `[${issue.shortId}] ${issue.title}`.slice(0, 255);
  return {
    summary,
    priority: severityToJiraPriority(severity),
    labels: ["sentry", "production-error", `severity-${severity}`],
    description: {
      type: "doc",
      version: 1,
      content: [
        paragraph(text(`Sentry issue ${issue.shortId} in project ${issue.projectSlug}, classified ${severity}${reasons.length ? ` (${reasons.join("; ")})` : ""}.`)),
        {
          type: "bulletList",
          content: [
            item("Culprit", issue.culprit || "unknown"),
            item("Level", issue.level),
            item("Users affected", issue.userCount.toLocaleString("en")),
            item("Events", issue.eventCount.toLocaleString("en")),
            item("First seen in release", issue.firstReleaseVersion ?? "unknown"),
            item("First seen", issue.firstSeen),
            item("Last seen", issue.lastSeen),
          ],
        },
        paragraph(text("Open in Sentry", [{ type: "link", attrs: { href: issue.permalink } }])),
      ],
    },
  };
}
