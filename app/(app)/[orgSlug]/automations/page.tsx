import { PlannedSection } from "@/components/shell/planned-section";

export const metadata = { title: "Automations" };

export default async function AutomationsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  return <PlannedSection orgSlug={(await params).orgSlug} feature="automations" />;
}
