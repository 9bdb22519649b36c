import { SectionTabs } from "@/components/ui/section-tabs";

const TABS = [
  { segment: "", label: "Organization" },
  { segment: "members", label: "Members" },
  { segment: "ownership", label: "Ownership" },
  { segment: "integrations", label: "Integrations" },
  { segment: "audit-log", label: "Audit log" },
  { segment: "api-keys", label: "API keys" },
] as const;

export function SettingsTabs({ orgSlug }: { orgSlug: string }) {
  return <SectionTabs label="Settings" base={`/${orgSlug}/settings`} tabs={TABS} />;
}
