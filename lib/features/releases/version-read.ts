/** What every read about one release takes: the org, the version's name, and the request to trace it under. */
export type VersionRead = { orgId: string; version: string; requestId?: string };
