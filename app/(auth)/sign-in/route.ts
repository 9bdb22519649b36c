// GET /sign-in - sends the browser to the hosted AuthKit sign-in page.
import { redirect } from "next/navigation";
import { getSignInUrl } from "@workos-inc/authkit-nextjs";
import { env } from "@/lib/platform/env";

export async function GET(request: Request) {
  const returnTo = new URL(request.url).searchParams.get("returnTo");
  // Only same-site paths, so the sign-in flow cannot be used as an open redirect.
  const returnPathname = returnTo && returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : undefined;
  redirect(
    await getSignInUrl({
      redirectUri: env.workos.redirectUri,
      ...(returnPathname ? { returnTo: returnPathname } : {}),
    }),
  );
}
