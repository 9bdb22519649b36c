import { Suspense } from "react";
import { PageHeader } from "./page-header";
import { TextSkeleton } from "./panel-skeleton";

/**
 * A page header whose description and actions come from data the page streams:
 * the title shows at once, the description holds a line's place meanwhile, and
 * the actions appear when ready (a part of them that streams alone keeps its own boundary).
 */
export function StreamedPageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <PageHeader
      title={title}
      description={<Suspense fallback={<TextSkeleton />}>{description}</Suspense>}
      actions={<Suspense fallback={null}>{actions}</Suspense>}
    />
  );
}
