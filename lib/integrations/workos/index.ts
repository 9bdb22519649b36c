export * from "./client";
export { toRole } from "./transform";
export type { WorkosInvitation, WorkosMembership, WorkosRole, WorkosSessionSummary, WorkosUserSummary } from "./types";
