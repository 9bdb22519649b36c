/** What the Overview page hands each panel besides the data the panel shows. */
export type OverviewPanelProps = { orgSlug: string; canManageIntegrations: boolean; now: Date };
