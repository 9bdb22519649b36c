/**
 * How the server-rendered issue rows (`IssuesTable`) and the triage toolbar (`TriageForm`) find each other: a checkbox
 * per issue, named so, and a "Create ticket" button carrying the issue's id in this attribute.
 */
export const ISSUE_CHECKBOX_NAME = "issue";
export const TICKET_BUTTON_ATTRIBUTE = "data-ticket";
