import { notFound, redirect } from "next/navigation";
import { findApprovableConnection, hasAuthenticatorApp, requireMembershipForMfa } from "@/lib/platform/auth/mfa";
import { resolveReturnTo } from "@/lib/platform/auth/switch-org";
import { MfaForm } from "./mfa-form";

export const metadata = { title: "Two-step verification" };

type SearchParams = { org?: string; returnTo?: string; connection?: string };

/**
 * Bosun's own TOTP step. A session lands here when its org requires MFA and it
 * has not passed a code yet; with `returnTo` (a step-up before a bulk change)
 * it asks again even when the session is verified; with `connection` the code
 * also verifies that MCP client's OAuth session.
 */
export default async function MfaPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { org: orgSlug, returnTo: rawReturnTo, connection: connectionId } = await searchParams;
  if (!orgSlug) notFound();
  const { org, user, mfaVerified } = await requireMembershipForMfa(orgSlug);
  const returnTo = rawReturnTo ? resolveReturnTo(org.slug, rawReturnTo) : undefined;
  const connection = connectionId
    ? await findApprovableConnection({ connectionId, userId: user.id, orgId: org.id })
    : null;
  if (connectionId && !connection) notFound();
  if (mfaVerified && !returnTo && !connection) redirect(`/${org.slug}`);
  const hasFactor = await hasAuthenticatorApp(user.workosUserId);
  const lead = connection
    ? `An MCP client (${connection.oauthClientId}) connected to ${org.name} as you at ${connection.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC. Enter a code from your authenticator app to let it act for you. If you did not connect it, do not enter a code.`
    : returnTo
      ? `This change in ${org.name} needs a code from your authenticator app from the last 15 minutes.`
      : `${org.name} requires a code from your authenticator app.`;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6">
      <h1 className="text-2xl font-semibold">Two-step verification</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600 dark:text-slate-400">{lead}</p>
      <MfaForm
        orgSlug={org.slug}
        hasFactor={hasFactor}
        returnTo={returnTo}
        connectionId={connection?.workosSessionId}
      />
    </main>
  );
}
