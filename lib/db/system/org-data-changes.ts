// Not per org: one connection hears every org's changes, and each process sorts them out itself.
import "server-only";
import { listenOnChannel, type ChannelListener } from "./listen";

/** The channel the data-change triggers announce on (migration `org_data_change_notifications`). */
export const ORG_DATA_CHANNEL = "bosun_org_data";
/** The payload for a change every org may show (a user's own row). */
export const EVERY_ORG = "*";

/**
 * Hears every committed change to an org's data, in any process: `onNotify` gets the org's id, or `EVERY_ORG`.
 * A transaction announces each org it touched once, when it commits.
 */
export function listenForOrgDataChanges(databaseUrl: string, listener: ChannelListener): () => Promise<void> {
  return listenOnChannel(databaseUrl, ORG_DATA_CHANNEL, listener);
}
