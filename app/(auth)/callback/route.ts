// GET /callback - completes the AuthKit sign-in and records the sign-in time.
import { handleAuth } from "@workos-inc/authkit-nextjs";
import { recordSignIn } from "@/lib/db/queries/users";

export const GET = handleAuth({
  returnPathname: "/",
  onSuccess: async ({ user }) => {
    await recordSignIn({ workosUserId: user.id, email: user.email, name: [user.firstName, user.lastName].filter(Boolean).join(" ") || user.email });
  },
});
