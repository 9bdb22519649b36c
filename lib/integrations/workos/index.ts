export * from "./client";
export { toRole } from "./transform";
export type { WorkosInvitation, WorkosMembership, WorkosRole, WorkosSessionSummary } from "./types";
