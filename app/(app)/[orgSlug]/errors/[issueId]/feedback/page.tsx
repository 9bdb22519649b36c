import { Suspense } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FeedbackPanel, FeedbackSkeleton } from "@/components/feedback/feedback-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { listUserFeedback } from "@/lib/features/performance";
import type { OrgPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "User feedback on a Sentry issue" };

/**
 * The feedback users sent with one Sentry issue's events, newest first and searchable. The issue id is Sentry's
 * numeric id; the read goes to the org's own Sentry, so another org's id finds nothing.
 */
export default async function IssueFeedbackPage({
  params,
  searchParams,
}: OrgPageProps<{ issueId: string }> & { searchParams: Promise<{ feedback?: string | string[]; shortId?: string }> }) {
  const { orgSlug, issueId } = await params;
  const { org } = await requireOrg(orgSlug);
  if (!/^\d{1,20}$/.test(issueId)) notFound();
  const { feedback: raw, shortId: rawShortId } = await searchParams;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) ?? "";
  // The short id only labels the page (it comes from the errors list's link); the read uses the numeric id.
  const shortId = rawShortId && /^[A-Z0-9-]{1,40}$/i.test(rawShortId) ? rawShortId : null;
  const list = listUserFeedback({ orgId: org.id, sentryIssueId: issueId, query, requestId: await getRequestId() });
  const label = shortId ?? `Sentry issue ${issueId}`;
  return (
    <>
      <PageHeader
        title={`User feedback on ${label}`}
        description="What users wrote when they met this error, newest first, with the event it was sent with and the release."
        actions={
          <Link
            href={`/${org.slug}/errors`}
            className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-300"
          >
            All errors
          </Link>
        }
      />
      <Suspense key={query} fallback={<FeedbackSkeleton />}>
        <FeedbackPanel title="User feedback" list={list} query={query} hidden={shortId ? { shortId } : {}} />
      </Suspense>
    </>
  );
}
