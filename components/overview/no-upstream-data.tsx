import { EmptyState, PanelLink } from "./overview-card";

/**
 * What a panel says when its service gave it nothing: not connected (admins get the link to connect it, others are
 * told whom to ask), or not answering with nothing cached yet. `purpose` ends "Connect Jira in Settings → …".
 */
export function NoUpstreamData({
  service,
  status,
  message,
  purpose,
  orgSlug,
  canManageIntegrations,
}: {
  service: "Jira" | "Sentry";
  status: "not-connected" | "unavailable";
  message?: string;
  purpose: string;
  orgSlug: string;
  canManageIntegrations: boolean;
}) {
  return (
    <EmptyState role={status === "unavailable" ? "status" : undefined}>
      {status === "unavailable" ? (
        `${service} is not answering right now (${message}), and nothing is cached yet. Try again in a minute.`
      ) : canManageIntegrations ? (
        <>
          Connect {service} in <PanelLink href={`/${orgSlug}/settings/integrations`}>Settings → Integrations</PanelLink>{" "}
          {purpose}.
        </>
      ) : (
        `${service} is not connected yet: ask an admin to connect it in Settings → Integrations.`
      )}
    </EmptyState>
  );
}
