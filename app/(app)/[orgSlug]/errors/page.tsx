import { PlannedSection } from "@/components/shell/planned-section";

export const metadata = { title: "Errors" };

export default async function ErrorsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  return <PlannedSection orgSlug={(await params).orgSlug} feature="errors" />;
}
