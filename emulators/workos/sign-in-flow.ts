import type { EmulatorResponse } from "../common/http";

/** The parameters to carry through the sign-in as hidden fields, or the answer to a bad request. */
export type FlowValidation = { ok: true; params: Record<string, string> } | { ok: false; response: EmulatorResponse };

/** One kind of authorization request the hosted sign-in serves. */
export type SignInFlow = {
  /** Where the sign-in form posts; the carried parameters are validated again there. */
  signInAction: string;
  validate: (source: URLSearchParams) => FlowValidation;
  /** The line under "Sign in" (default "Continue to Bosun"). */
  lead?: (params: Record<string, string>) => string | undefined;
  /** Stores a single-use code for the finished sign-in and returns it (sent to `redirect_uri`). */
  issueCode: (pending: PendingAuthentication, organizationId: string | null) => string;
};

/** A sign-in between the password step and the redirect (TOTP and organisation choice). */
export type PendingAuthentication = {
  token: string;
  userId: string;
  authorizeParams: Record<string, string>;
  totpVerified: boolean;
  expiresAt: number;
  /** The kind of authorization request being completed (/user_management/authorize or /oauth2/authorize). */
  flow: SignInFlow;
};
