"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { unsubscribeWithToken } from "@/lib/features/notifications";

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "is not an unsubscribe link");

/**
 * The confirm button on the unsubscribe page. Works signed out: the link's
 * token (32 random bytes, one per person and org) is the only credential, and
 * it can do nothing but stop e-mail. A POST, so a mail scanner opening the
 * link does not unsubscribe anyone.
 */
export async function confirmUnsubscribeAction(token: string): Promise<void> {
  const parsed = tokenSchema.safeParse(token);
  const done = parsed.success && (await unsubscribeWithToken(parsed.data));
  redirect(`/unsubscribe/${encodeURIComponent(token)}?${done ? "done=1" : "unknown=1"}`);
}
