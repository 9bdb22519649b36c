import type { ComponentProps } from "react";
import { NoUpstreamData } from "./no-upstream-data";
import { OverviewCard } from "./overview-card";

/** A panel's loader answer when its service gave it nothing to show. */
type NoUpstreamAnswer = { status: "not-connected" } | { status: "unavailable"; message: string };

/** A whole panel standing in for one whose service gave it nothing: the panel's question, then what to do. */
export function NoUpstreamDataCard({
  id,
  title,
  now,
  upstream,
  ...explanation
}: Omit<ComponentProps<typeof NoUpstreamData>, "status" | "message"> & {
  id: string;
  title: string;
  now: Date;
  upstream: NoUpstreamAnswer;
}) {
  return (
    <OverviewCard id={id} title={title} now={now}>
      <NoUpstreamData
        {...explanation}
        status={upstream.status}
        message={upstream.status === "unavailable" ? upstream.message : undefined}
      />
    </OverviewCard>
  );
}
