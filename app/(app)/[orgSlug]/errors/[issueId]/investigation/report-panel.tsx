import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import type { InvestigationPage } from "@/lib/features/investigation";
import { ActivitySection, IssueSummary } from "./summary-section";
import { BreadcrumbsSection } from "./breadcrumbs-section";
import { ExceptionSection } from "./exception-section";
import { PeopleSection } from "./people-section";
import { SimilarSection } from "./similar-section";
import { SuspectsSection } from "./suspects-section";
import { TagsSection } from "./tags-section";

/** The report once Sentry has answered; an issue Sentry does not know is a 404, like any other org's issue. */
export async function ReportPanel({ load, orgSlug }: { load: Promise<InvestigationPage>; orgSlug: string }) {
  const page = await load;
  if (page.status === "not-found") notFound();
  if (page.status === "not-connected")
    return (
      <Card.Notice role="status">Connect Sentry in Settings → Integrations to investigate its issues.</Card.Notice>
    );
  if (page.status === "unavailable")
    return (
      <Card.Notice role="status">Sentry is not answering, so the report cannot be built: {page.message}</Card.Notice>
    );
  const { report } = page;
  const event = report.latestEvent;
  return (
    <div className="space-y-6">
      <IssueSummary report={report} stale={page.stale} />
      {report.gaps.length > 0 && (
        <Card.Notice role="status">
          Parts of this report could not be read: {report.gaps.map((g) => `${g.part} (${g.reason})`).join("; ")}.
        </Card.Notice>
      )}
      <ExceptionSection event={event} />
      <div className="grid gap-6 lg:grid-cols-2">
        <SuspectsSection suspects={report.suspectCommits} note={report.suspectNote} />
        <PeopleSection owners={report.owners} jira={report.jira} />
      </div>
      <TagsSection tags={report.tags} />
      <ActivitySection report={report} />
      <BreadcrumbsSection breadcrumbs={event?.breadcrumbs ?? []} />
      <SimilarSection orgSlug={orgSlug} issues={report.similarIssues} />
    </div>
  );
}

export function ReportSkeleton() {
  return (
    <div className="space-y-6">
      <Card.Skeleton rows={2} />
      <Card.Skeleton rows={8} />
      <Card.Skeleton rows={4} />
    </div>
  );
}
