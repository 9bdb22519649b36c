/** What the Integrations settings page hands each panel that loads its own settings. */
export type IntegrationPanelProps = { orgId: string; orgSlug: string; canManage: boolean };
