/*
 * What pages, server actions, route handlers, jobs and other features use of
 * this feature. Server-only: client components import its types with `import type`.
 */
export { loadReleaseNotesSource } from "./load";
export { loadReleaseNotesPage, type NoteState } from "./notes-page";
export { publishReleaseNotes, type PublishResult } from "./publish";
export { saveReleaseNotesRevision } from "./save-revision";
