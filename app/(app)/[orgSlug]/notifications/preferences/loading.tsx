import { PageHeader } from "@/components/ui/page-header";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";

export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading notification preferences">
      <PageHeader title="Notification preferences" />
      <PanelSkeleton label="Loading your preferences" rows={8} />
    </div>
  );
}
