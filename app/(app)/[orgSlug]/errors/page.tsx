import { Suspense } from "react";
import { StreamedPageHeader } from "@/components/ui/streamed-page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { SEVERITY_ORDER, type Severity } from "@/lib/domain/severity";
import { loadErrorsView, type ErrorFilters, type Period } from "@/lib/features/errors";
import { getRequestId } from "@/lib/platform/observability/request-context";
import {
  ErrorRatePanel,
  ErrorRateSkeleton,
  ErrorsDescription,
  ErrorsFreshness,
  IssuesPanel,
  IssuesSkeleton,
  ISSUE_SORT,
  PERIODS,
} from "./errors-panels";
import { parseSort } from "@/lib/domain/tables/sort";
import { getViewerTime } from "@/components/ui/tz-script";
import type { OrgSearchPageProps } from "@/app/(app)/[orgSlug]/org-page-props";
import { WatchControl } from "@/components/notifications/watch-control";

export const metadata = { title: "Errors" };

type Params = Record<string, string | undefined>;
/** A Sentry project slug as the project filter carries it; anything else is not offered for watching. */
const PROJECT_SLUG = /^[a-z0-9][a-z0-9_-]{0,99}$/i;

function parseFilters(params: Params): ErrorFilters {
  const period = PERIODS.includes(params.period as Period) ? (params.period as Period) : "7d";
  const severity = SEVERITY_ORDER.includes(params.severity as Severity) ? (params.severity as Severity) : undefined;
  const { key: sort, dir } = parseSort(ISSUE_SORT, params);
  return {
    period,
    severity,
    sort,
    dir,
    environment: params.environment || undefined,
    project: params.project || undefined,
    search: params.q || undefined,
  };
}

export default async function ErrorsPage({ params, searchParams }: OrgSearchPageProps<Params>) {
  const { orgSlug } = await params;
  const { org, role, user } = await requireOrg(orgSlug);
  const raw = await searchParams;
  const filters = parseFilters(raw);
  // Not awaited here: the header renders at once, and each part that needs Sentry awaits this one read.
  const view = loadErrorsView({ orgId: org.id, filters, requestId: await getRequestId() });
  const withParam = (key: string, value: string) =>
    `/${org.slug}/errors?${new URLSearchParams({ ...Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => Boolean(e[1]))), [key]: value }).toString()}`;

  return (
    <>
      <StreamedPageHeader
        title="Errors"
        description={<ErrorsDescription view={view} />}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <ErrorsFreshness view={view} />
            {/* Filtered to one project: its new Critical issues and regressions can be watched. */}
            {filters.project && PROJECT_SLUG.test(filters.project) && (
              <WatchControl
                org={org}
                userId={user.id}
                targetType="sentry_project"
                targetId={filters.project}
                targetLabel={`project ${filters.project}`}
              />
            )}
          </div>
        }
      />
      <Suspense fallback={<ErrorRateSkeleton />}>
        <ErrorRatePanel view={view} period={filters.period} withParam={withParam} />
      </Suspense>
      <Suspense fallback={<IssuesSkeleton />}>
        <IssuesPanel
          view={view}
          filters={filters}
          rawPage={raw.page}
          orgSlug={org.slug}
          canTicket={can(role, "tickets:create-from-error")}
          withParam={withParam}
          params={raw}
          time={await getViewerTime()}
        />
      </Suspense>
    </>
  );
}
