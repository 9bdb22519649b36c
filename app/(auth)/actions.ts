"use server";

import { signOut } from "@workos-inc/authkit-nextjs";
import { env } from "@/lib/env";

/** Ends the session here and at WorkOS, then returns to the landing page (WorkOS needs an absolute URL). */
export async function signOutAction() {
  await signOut({ returnTo: `${env.publicUrl}/` });
}
