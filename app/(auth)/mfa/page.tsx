import { notFound, redirect } from "next/navigation";
import { requireMembershipForMfa } from "@/lib/auth/mfa";
import { listFactorIds } from "@/lib/integrations/workos";
import { MfaForm } from "./mfa-form";

export const metadata = { title: "Two-step verification" };

export default async function MfaPage({ searchParams }: { searchParams: Promise<{ org?: string }> }) {
  const { org: orgSlug } = await searchParams;
  if (!orgSlug) notFound();
  const { org, user, mfaVerified } = await requireMembershipForMfa(orgSlug);
  if (mfaVerified) redirect(`/${org.slug}`);
  const hasFactor = (await listFactorIds(user.workosUserId)).length > 0;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6">
      <h1 className="text-2xl font-semibold">Two-step verification</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600 dark:text-slate-400">{org.name} requires a code from your authenticator app.</p>
      <MfaForm orgSlug={org.slug} hasFactor={hasFactor} />
    </main>
  );
}
