import { getWatchState, type WatchTargetType } from "@/lib/features/notifications";
import { WatchButton } from "./watch-button";

/** The watch toggle with the caller's current state, for server pages (the org and user come from requireOrg). */
export async function WatchControl({
  org,
  userId,
  targetType,
  targetId,
  targetLabel,
}: {
  org: { id: string; slug: string };
  userId: string;
  targetType: WatchTargetType;
  targetId: string;
  targetLabel: string;
}) {
  const watching = await getWatchState({ orgId: org.id, userId, targetType, targetId });
  return (
    <WatchButton
      orgSlug={org.slug}
      targetType={targetType}
      targetId={targetId}
      targetLabel={targetLabel}
      initialWatching={watching}
    />
  );
}
