import { PlannedSection } from "@/components/shell/planned-section";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  return <PlannedSection orgSlug={(await params).orgSlug} feature="settings" />;
}
