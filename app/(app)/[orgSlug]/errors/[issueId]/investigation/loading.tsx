import { PageHeader } from "@/components/ui/page-header";
import { ReportSkeleton } from "./report-panel";

/** The header and the report's shape while the page's request starts. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading the investigation report">
      <PageHeader.Skeleton />
      <ReportSkeleton />
    </div>
  );
}
