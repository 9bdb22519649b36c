import "server-only";
import { findPreferenceByUnsubscribeToken, unsubscribeByToken } from "@/lib/db/system/notifications";

/** Tokens are 32 random bytes in base64url; anything else is not worth a database read. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** What the unsubscribe page says about a link: whose org it is for, and whether it already took effect. */
export async function describeUnsubscribeToken(token: string) {
  if (!TOKEN.test(token)) return null;
  const preference = await findPreferenceByUnsubscribeToken(token);
  if (!preference) return null;
  return {
    orgName: preference.org.name,
    orgSlug: preference.org.slug,
    unsubscribed: preference.unsubscribedAt !== null,
  };
}

/** Unsubscribes the link's person from all e-mail of its org; false for an unknown link. */
export async function unsubscribeWithToken(token: string, now = new Date()): Promise<boolean> {
  if (!TOKEN.test(token)) return false;
  return unsubscribeByToken(token, now);
}
