import { z } from "zod";

/**
 * How an org's linked Sentry issues and Jira tickets keep each other up to date, stored in
 * Organization.settings under `sync`. Every direction is off until an admin turns it on, so
 * connecting both services changes nothing by itself.
 */
export const SYNC_SETTINGS_KEY = "sync";

const statusName = z.string().trim().min(1, "must name a status").max(100);

export const syncSettingsInputSchema = z.object({
  /** Jira status changes resolve or unresolve the linked Sentry issue. */
  jiraStatusToSentry: z.boolean(),
  /** How a Jira issue moving to done resolves Sentry: at once, or in the next release. */
  resolveIn: z.enum(["now", "next_release"]),
  /** Moving out of done unresolves the Sentry issue. */
  unresolveOnReopen: z.boolean(),
  /** A resolution in Sentry moves the ticket forward to the done status. */
  sentryStatusToJira: z.boolean(),
  /** What a regression in Sentry does to the ticket: move it back to the first status, or only comment. */
  onRegression: z.enum(["reopen", "comment"]),
  /** The workflow's statuses in order, first to done; the ticket moves along it. */
  statusOrder: z.array(statusName).min(2, "must list at least two statuses").max(12),
  /** Assignees both ways, matched by e-mail through Bosun's members. */
  assignees: z.boolean(),
  /** Sentry comments copied to the ticket, once each, with their author. */
  comments: z.boolean(),
  /** A merged pull request saying "Fixes WEB-G" resolves that Sentry issue in the next release. */
  commitMessages: z.boolean(),
  /** Both sides changing one field within this many minutes is a conflict; the later change wins. */
  conflictWindowMinutes: z.int("must be a whole number of minutes").min(1).max(1440),
});

export type SyncSettings = z.output<typeof syncSettingsInputSchema>;

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  jiraStatusToSentry: false,
  resolveIn: "now",
  unresolveOnReopen: true,
  sentryStatusToJira: false,
  onRegression: "comment",
  statusOrder: ["To Do", "In Progress", "In Review", "Done"],
  assignees: false,
  comments: false,
  commitMessages: false,
  conflictWindowMinutes: 10,
};

/** What is stored: each field that is missing or invalid falls back to its default on its own. */
export function readSyncSettings(raw: unknown): SyncSettings {
  const stored = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_SYNC_SETTINGS };
  for (const [field, schema] of Object.entries(syncSettingsInputSchema.shape)) {
    const parsed = (schema as z.ZodType).safeParse(stored[field]);
    if (parsed.success) settings[field] = parsed.data;
  }
  return settings as SyncSettings;
}

/** The first status of the workflow, where a reopened ticket goes back to. */
export const firstStatus = (settings: SyncSettings) => settings.statusOrder[0] ?? "To Do";
/** The done status a resolution moves the ticket to. */
export const doneStatus = (settings: SyncSettings) => settings.statusOrder[settings.statusOrder.length - 1] ?? "Done";
