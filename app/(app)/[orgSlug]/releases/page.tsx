import { PlannedSection } from "@/components/shell/planned-section";

export const metadata = { title: "Releases" };

export default async function ReleasesPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  return <PlannedSection orgSlug={(await params).orgSlug} feature="releases" />;
}
