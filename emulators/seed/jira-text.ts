import type { Random } from "./random";
import type { AdfDoc } from "../jira/model";

/** Deterministic, plausible issue texts for the Jira seed. */
const NOUNS = [
  "dashboard",
  "CSV export",
  "webhook handler",
  "public API",
  "audit trail",
  "search",
  "notifications",
  "settings page",
  "retry queue",
  "permissions",
  "bulk import",
  "usage report",
  "status page",
  "mobile view",
  "invoice PDF",
];
const STORY_VERBS = [
  "Add filters to",
  "Support pagination in",
  "Improve",
  "Redesign",
  "Allow editing in",
  "Cache responses of",
  "Add keyboard shortcuts to",
  "Localise",
];
const BUG_SYMPTOMS = [
  "returns 500 on empty input",
  "shows stale data after refresh",
  "times out for large accounts",
  "double-counts items",
  "breaks across a daylight-saving change",
  "ignores the user's time zone",
  "loses unsaved changes",
  "renders blank in Safari",
];
const TASK_VERBS = [
  "Upgrade dependencies of",
  "Write a runbook for",
  "Add monitoring to",
  "Remove dead feature flags from",
  "Load-test",
  "Document",
  "Add alerts for",
];
const EPIC_THEMES = [
  "reliability push",
  "self-serve onboarding",
  "reporting overhaul",
  "performance budget",
  "compliance readiness",
  "v2 rollout",
];
const SUBTASK_TITLES = [
  "Backend changes",
  "Frontend changes",
  "Write tests",
  "Update docs",
  "Code review fixes",
  "QA pass",
];
const COMMENTS = [
  "I can reproduce this on staging.",
  "Pushed a first draft, review welcome.",
  "Blocked until the API change lands.",
  "Paired on this today; should be done tomorrow.",
  "Customer confirmed the fix works for them.",
  "Moved the edge cases into a follow-up.",
];

export function adfText(text: string): AdfDoc {
  return { type: "doc", version: 1, content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

export function storySummary(random: Random, component: string): string {
  return `${random.pick(STORY_VERBS)} ${component} ${random.pick(NOUNS)}`;
}

export function bugSummary(random: Random, component: string): string {
  return `${component}: ${random.pick(NOUNS)} ${random.pick(BUG_SYMPTOMS)}`;
}

export function taskSummary(random: Random, component: string): string {
  return `${random.pick(TASK_VERBS)} ${component} ${random.pick(NOUNS)}`;
}

export function epicSummary(random: Random, component: string): string {
  return `${component} ${random.pick(EPIC_THEMES)}`;
}

export function subtaskSummary(index: number, parentSummary: string): string {
  return `${SUBTASK_TITLES[index % SUBTASK_TITLES.length]}: ${parentSummary}`;
}

export function commentText(random: Random): string {
  return random.pick(COMMENTS);
}

export function descriptionFor(summary: string, component: string): AdfDoc {
  return adfText(`${summary}. Scope: ${component}. Acceptance criteria are agreed in refinement.`);
}
