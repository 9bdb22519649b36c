import { type AdfDoc, type AdfNode, adfBulletList, adfField, adfLink, adfParagraph, adfText } from "@/lib/domain/adf";
import { scrubPersonalData } from "./scrub";
import type { InvestigationReport, ReportException, ReportFrame } from "./types";

/**
 * The investigation report as Atlassian Document Format, for the description
 * of the Jira bug Bosun files: exception and in-app frames, tag breakdown,
 * breadcrumbs, suspect commits, owners, similar issues and a link to the full
 * report. Every string goes through `scrubPersonalData` (the event's user,
 * request and breadcrumbs hold e-mails, IPs and tokens), the user block is
 * never written, and the whole is kept under Jira's description limit. Pure.
 */

/** Jira Cloud refuses descriptions over 32,767 characters; stay well below it with room for the ticket's own part. */
export const MAX_REPORT_CHARS = 24_000;
const LIMITS = { frames: 12, breadcrumbs: 10, tagValues: 3, suspects: 5, similar: 5, text: 300 } as const;

const clip = (text: string, max: number = LIMITS.text) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const safe = (text: string | null | undefined, max?: number) => clip(scrubPersonalData(text ?? ""), max);

const heading = (text: string, level = 3): AdfNode => ({
  type: "heading",
  attrs: { level },
  content: [adfText(safe(text))],
});
const codeBlock = (lines: string[]): AdfNode => ({
  type: "codeBlock",
  attrs: { language: "text" },
  content: [adfText(lines.join("\n"))],
});
const bullets = (items: string[]): AdfNode =>
  adfBulletList(items.map((item) => ({ type: "listItem", content: [adfParagraph(adfText(item))] })));

export function frameLine(frame: ReportFrame): string {
  const where = frame.filename ?? frame.absPath ?? frame.module ?? "<unknown>";
  const line = frame.lineNo !== null ? `:${frame.lineNo}${frame.colNo !== null ? `:${frame.colNo}` : ""}` : "";
  return `${frame.inApp ? "→" : " "} ${where}${line} in ${frame.function ?? "?"}`;
}

/** The thrown exception (the last one) and its frames, innermost first, in-app ones always kept. */
function exceptionSection(exception: ReportException): AdfNode[] {
  const innermostFirst = [...exception.frames].reverse();
  const inApp = innermostFirst.filter((f) => f.inApp);
  const shown = (inApp.length > 0 ? inApp : innermostFirst).slice(0, LIMITS.frames);
  const omitted = exception.frames.length - shown.length;
  return [
    heading("Exception"),
    adfParagraph(adfText(safe(`${exception.type}: ${exception.value}`, 500), [{ type: "strong" }])),
    ...(shown.length > 0
      ? [
          codeBlock([
            ...shown.map((f) => safe(frameLine(f))),
            ...(omitted > 0 ? [`… ${omitted} more frame${omitted === 1 ? "" : "s"} (library or older) in Sentry`] : []),
          ]),
        ]
      : []),
  ];
}

function sections(report: InvestigationReport, reportUrl: string): AdfNode[][] {
  const event = report.latestEvent;
  const thrown = event?.exceptions[event.exceptions.length - 1];
  const out: AdfNode[][] = [];
  out.push([
    heading("Investigation", 2),
    adfParagraph(
      adfText(
        safe(
          `Latest event ${event ? `${event.eventId} (${event.dateCreated ?? "time unknown"}, release ${event.release ?? "unknown"}, ${event.environment ?? "no environment"})` : "unavailable"}; first release ${report.issue.firstRelease ?? "unknown"}, last release ${report.issue.lastRelease ?? "unknown"}.`,
        ),
      ),
    ),
  ]);
  if (thrown) out.push(exceptionSection(thrown));
  if (report.suspectCommits.length > 0)
    out.push([
      heading("Suspect commits"),
      bullets(
        report.suspectCommits
          .slice(0, LIMITS.suspects)
          .map((c) =>
            safe(
              `${c.id.slice(0, 12)} ${c.message.split("\n")[0] ?? ""} — ${c.author?.name ?? "unknown author"}${c.score !== null ? ` (score ${c.score})` : ""}. ${c.why}`,
            ),
          ),
      ),
    ]);
  else out.push([heading("Suspect commits"), adfParagraph(adfText(safe(report.suspectNote)))]);
  if (report.owners)
    out.push([
      heading("Owners"),
      adfParagraph(
        adfText(
          safe(
            `${report.owners.owners.length > 0 ? report.owners.owners.map((o) => o.name).join(", ") : "Nobody"} — ${report.owners.because}`,
          ),
        ),
      ),
    ]);
  if (report.tags.length > 0)
    out.push([
      heading("Tags"),
      adfBulletList(
        report.tags.map((tag) =>
          adfField(
            safe(tag.name || tag.key, 60),
            safe(
              tag.topValues
                .slice(0, LIMITS.tagValues)
                .map((v) => `${v.value} (${tag.totalValues > 0 ? Math.round((v.count / tag.totalValues) * 100) : 0}%)`)
                .join(", ") || "none",
            ),
          ),
        ),
      ),
    ]);
  if (event && event.breadcrumbs.length > 0)
    out.push([
      heading("Breadcrumbs before the error"),
      codeBlock(
        event.breadcrumbs
          .slice(-LIMITS.breadcrumbs)
          .map((b) =>
            safe(
              `${b.timestamp ?? ""} ${b.category ?? b.type ?? ""} ${b.level ?? ""} ${b.message ?? b.data.map((d) => `${d.key}=${d.value}`).join(" ")}`.trim(),
            ),
          ),
      ),
    ]);
  if (report.similarIssues.length > 0)
    out.push([
      heading("Similar issues"),
      bullets(
        report.similarIssues
          .slice(0, LIMITS.similar)
          .map((s) => safe(`${s.shortId} ${s.title} (${s.status}, ${s.eventCount} events, same ${s.reason})`)),
      ),
    ]);
  out.push([adfParagraph(adfLink("Full investigation report in Bosun", reportUrl))]);
  return out;
}

/**
 * The report's ADF blocks, most useful first; later sections are dropped
 * whole (never cut mid-way) when the total would pass `maxChars`. The link
 * to the full report is always kept.
 */
export function investigationAdf(
  report: InvestigationReport,
  reportUrl: string,
  maxChars: number = MAX_REPORT_CHARS,
): AdfNode[] {
  const all = sections(report, reportUrl);
  const link = all[all.length - 1] as AdfNode[];
  const kept: AdfNode[] = [];
  let size = JSON.stringify(link).length;
  for (const section of all.slice(0, -1)) {
    const length = JSON.stringify(section).length;
    if (size + length > maxChars) continue;
    kept.push(...section);
    size += length;
  }
  return [...kept, ...link];
}

/** The ticket's description with the investigation appended. */
export function withInvestigation(description: AdfDoc, report: InvestigationReport, reportUrl: string): AdfDoc {
  return { ...description, content: [...description.content, ...investigationAdf(report, reportUrl)] };
}

/** Scrubs the text of every text node of a document; link targets and other attributes are kept as they are. */
export function scrubAdf<T extends AdfDoc | AdfNode>(node: T): T {
  const copy = { ...node } as AdfNode;
  if (typeof copy.text === "string") copy.text = scrubPersonalData(copy.text);
  if (copy.content) copy.content = copy.content.map((child) => scrubAdf(child));
  return copy as T;
}
