// GET /callback - completes the AuthKit sign-in, then records it.
import { handleAuth } from "@workos-inc/authkit-nextjs";
import { answerCallbackFailure } from "@/lib/platform/auth/callback-failure";
import { completeSignIn } from "@/lib/platform/auth/sign-in";

export const GET = handleAuth({
  returnPathname: "/",
  onSuccess: async ({ user, accessToken }) => completeSignIn(user, accessToken),
  onError: async ({ error }) => answerCallbackFailure(error),
});
