import "server-only";
import { isWatching, setWatching, type WatchTargetType } from "@/lib/db/queries/watches";

export type { WatchTargetType };

export async function getWatchState(input: {
  orgId: string;
  userId: string;
  targetType: WatchTargetType;
  targetId: string;
}): Promise<boolean> {
  return isWatching(input);
}

/** Starts or stops the person watching an issue, a release or a project; returns the state afterwards. */
export async function changeWatch(input: {
  orgId: string;
  userId: string;
  targetType: WatchTargetType;
  targetId: string;
  watching: boolean;
}): Promise<boolean> {
  return setWatching(input);
}
