import { PageHeader } from "@/components/ui/page-header";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";

export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading notifications">
      <PageHeader title="Notifications" />
      <PanelSkeleton label="Loading notifications" rows={6} />
    </div>
  );
}
