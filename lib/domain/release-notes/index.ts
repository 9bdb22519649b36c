export { generateReleaseNotes } from "./generate";
export { escapeMarkdown } from "./escape-markdown";
export { markdownToHtml } from "./markdown-to-html";
export { DEFAULT_RELEASE_NOTES_OPTIONS, releaseNotesOptionsSchema, type ReleaseNotesOptions } from "./options";
export type {
  KnownIssue,
  ReleaseHealth,
  ReleaseForecast,
  ReleaseIssue,
  ReleaseNotes,
  ReleaseNotesCounts,
  ReleaseNotesInput,
  StatusCategory,
} from "./types";
export { formatScorecardChange, formatScorecardValue } from "./scorecard-format";
