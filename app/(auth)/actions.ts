"use server";

import { signOut } from "@workos-inc/authkit-nextjs";

/** Ends the session here and at WorkOS, then returns to the landing page. */
export async function signOutAction() {
  await signOut({ returnTo: "/" });
}
