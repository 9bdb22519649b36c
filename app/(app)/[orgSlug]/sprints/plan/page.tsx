import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { loadSprintPlanPage } from "@/lib/features/sprints";
import { PlanForm } from "./plan-form";
import type { OrgSearchPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "Plan the next sprint" };

export default async function PlanSprintPage({ params, searchParams }: OrgSearchPageProps<{ board?: string }>) {
  const { orgSlug } = await params;
  const { org, role } = await requireOrg(orgSlug);
  const back = (
    <Link
      href={`/${org.slug}/sprints`}
      className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-300"
    >
      Back to sprints
    </Link>
  );
  if (!can(role, "sprints:plan")) {
    return (
      <>
        <PageHeader title="Plan the next sprint" actions={back} />
        <Card.Notice>
          Only managers and admins can plan sprints. You can see the current sprint&apos;s capacity on the Sprints page.
        </Card.Notice>
      </>
    );
  }
  const boardParam = Number((await searchParams).board);
  const data = await loadSprintPlanPage({
    orgId: org.id,
    boardId: Number.isInteger(boardParam) ? boardParam : undefined,
    requestId: await getRequestId(),
    today: new Date().toISOString().slice(0, 10),
  });
  if (data.status !== "ok") {
    return (
      <>
        <PageHeader title="Plan the next sprint" actions={back} />
        <Card.Notice>Connect a Jira site with a scrum board first.</Card.Notice>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={`Plan the next sprint · ${data.boardName}`}
        description={`Capacity comes from each person's availability at ${data.focusFactor.toFixed(2)} points per available day; the buffer holds back room for the ${Math.round(data.interruptRate * 100)}% of work that usually arrives mid-sprint.`}
        actions={back}
      />
      <Card>
        <PlanForm orgSlug={org.slug} defaults={data.defaults} />
      </Card>
    </>
  );
}
