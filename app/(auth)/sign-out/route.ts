// GET /sign-out?reason=idle|revoked - where requireOrg sends sessions it has ended.
import { endSession, type SignOutReason } from "@/lib/auth/sign-out";

export async function GET(request: Request) {
  const reason = new URL(request.url).searchParams.get("reason");
  return endSession(reason === "idle" || reason === "revoked" ? (reason as SignOutReason) : "user");
}
