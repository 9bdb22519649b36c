/** How scopes read in the UI and the audit log. */
export const SCOPE_LABEL = { read: "read-only", read_write: "read & write" } as const;
