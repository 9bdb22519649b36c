"use server";

import { endSession } from "@/lib/platform/auth/sign-out";

/** Ends the session here and at WorkOS, then returns to the landing page. */
export async function signOutAction() {
  await endSession("user");
}
