import { PageHeader } from "@/components/ui/page-header";
import { FeedbackSkeleton } from "@/components/feedback/feedback-list";

/** The header and the feedback list's shape while the page's request starts. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading user feedback">
      <PageHeader.Skeleton />
      <FeedbackSkeleton />
    </div>
  );
}
