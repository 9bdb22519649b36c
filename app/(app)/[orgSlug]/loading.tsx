import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export default function Loading() {
  return (
    <div role="status" aria-label="Loading">
      <PageHeader.Skeleton />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card.Skeleton rows={5} />
        <Card.Skeleton />
        <Card.Skeleton />
      </div>
    </div>
  );
}
