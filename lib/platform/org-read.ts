/**
 * What a read of one org's data is given, whether a page's loader or a background pass: the org, the moment it
 * judges by (now when left out; tests pin it), and the request id its upstream calls carry.
 */
export type OrgRead = { orgId: string; now?: Date; requestId?: string };
