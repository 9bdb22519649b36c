import { SectionTabs } from "@/components/ui/section-tabs";

const TABS = [
  { segment: "", label: "Delivery (DORA)" },
  { segment: "sprints", label: "Sprint reports" },
  { segment: "forecasts", label: "Forecasts" },
  { segment: "quality", label: "Quality" },
  { segment: "report", label: "Printable report" },
] as const;

export function InsightsTabs({ orgSlug }: { orgSlug: string }) {
  return <SectionTabs label="Insights" base={`/${orgSlug}/insights`} tabs={TABS} />;
}
