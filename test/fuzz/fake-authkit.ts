import { redirect } from "next/navigation";

/**
 * The AuthKit session the fuzz suite signs in with, switched per generated
 * input. Kept on globalThis so the mocked module and the test share it across
 * vi.resetModules().
 */
export type FuzzSession = {
  user: { id: string; email: string; firstName: string | null; lastName: string | null } | null;
  sessionId: string;
  organizationId: string | undefined;
};

const globalForFuzz = globalThis as { bosunFuzzSession?: FuzzSession };
export const fuzzSession: FuzzSession = (globalForFuzz.bosunFuzzSession ??= {
  user: null,
  sessionId: "",
  organizationId: undefined,
});

/** withAuth, switchToOrganization and signOut as AuthKit answers them, for the session above. */
export function fakeAuthkit() {
  return {
    withAuth: async (options?: { ensureSignedIn?: boolean }) => {
      const { user, sessionId, organizationId } = fuzzSession;
      if (!user) {
        if (options?.ensureSignedIn) redirect("/sign-in");
        return { user: null };
      }
      return { user, sessionId, organizationId, accessToken: `fuzz-access-token-${sessionId}` };
    },
    // Both answer with a redirect, as the real ones do.
    switchToOrganization: async (_organizationId: string, options?: { returnTo?: string }) =>
      redirect(options?.returnTo ?? "/"),
    signOut: async (options?: { returnTo?: string }) => redirect(options?.returnTo ?? "/"),
  };
}
