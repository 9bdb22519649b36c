import { PlannedSection } from "@/components/shell/planned-section";

export const metadata = { title: "Sprints" };

export default async function SprintsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  return <PlannedSection orgSlug={(await params).orgSlug} feature="sprints" />;
}
