/** Defined in lib/db/system/sessions.ts, with the other queries that take no orgId. */
export { isSessionMfaVerified, clearMfaVerificationOfUser } from "@/lib/db/system/sessions";
