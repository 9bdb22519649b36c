// GET /sign-out - where requireOrg sends sessions it has ended; signs out only a session that has ended.
import { redirect } from "next/navigation";
import { endSession, readSessionEnding } from "@/lib/platform/auth/sign-out";

/**
 * A GET can come from any site (a link, an image), so it never ends a valid
 * session: that takes the POST action behind the "Sign out" button. The reason
 * recorded is read from the session, never from the request (its query is ignored).
 */
export async function GET(_request: Request) {
  const state = await readSessionEnding();
  if (state === "signed-out") redirect("/");
  if (state === "valid") redirect("/sign-out/confirm");
  return endSession(state);
}
