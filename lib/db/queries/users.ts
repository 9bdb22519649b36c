/** Defined in lib/db/system/users.ts, with the other queries that take no orgId. */
export { findUserOrgSlugs, recordSignIn } from "@/lib/db/system/users";
