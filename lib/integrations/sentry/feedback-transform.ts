import { z } from "zod";

/** One user feedback submission (a Sentry issue in the `feedback` category), as Bosun lists it. */
export type UserFeedback = {
  id: string;
  shortId: string;
  /** What the user wrote. */
  message: string;
  name: string | null;
  contactEmail: string | null;
  /** e.g. "new_feedback_envelope" (the widget) or "user_report_envelope". */
  source: string | null;
  /** The error event the feedback was sent with, when there is one. */
  associatedEventId: string | null;
  projectSlug: string;
  /** The release it was sent from, when the read knows it (a release search, or the linked event's release). */
  release: string | null;
  status: string;
  firstSeen: string;
  permalink: string;
};

const feedbackSchema = z.object({
  id: z.string(),
  shortId: z.string(),
  title: z.string(),
  status: z.string(),
  permalink: z.string().nullish(),
  firstSeen: z.string(),
  issueCategory: z.string().nullish(),
  project: z.object({ slug: z.string() }),
  metadata: z
    .object({
      message: z.string().nullish(),
      value: z.string().nullish(),
      name: z.string().nullish(),
      contact_email: z.string().nullish(),
      source: z.string().nullish(),
      associated_event_id: z.string().nullish(),
    })
    .nullish(),
});

const TITLE_PREFIX = "User Feedback: ";

/**
 * A feedback issue from the issue list; anything else (or a malformed item) is null. The list does not carry the
 * release, so the caller passes it when its search named one.
 */
export function toUserFeedback(answer: unknown, release: string | null = null): UserFeedback | null {
  const parsed = feedbackSchema.safeParse(answer);
  if (!parsed.success || (parsed.data.issueCategory && parsed.data.issueCategory !== "feedback")) return null;
  const { metadata, ...issue } = parsed.data;
  const message =
    metadata?.message ??
    metadata?.value ??
    (issue.title.startsWith(TITLE_PREFIX) ? issue.title.slice(TITLE_PREFIX.length) : issue.title);
  return {
    id: issue.id,
    shortId: issue.shortId,
    message,
    name: metadata?.name || null,
    contactEmail: metadata?.contact_email || null,
    source: metadata?.source || null,
    associatedEventId: metadata?.associated_event_id || null,
    projectSlug: issue.project.slug,
    release,
    status: issue.status,
    firstSeen: issue.firstSeen,
    permalink: issue.permalink ?? "",
  };
}

/** Quotes a search value when it holds anything beyond Sentry's bare-token characters. */
export function searchValue(value: string): string {
  return /^[\w.@+-]+$/.test(value) ? value : `"${value.replace(/(["\\])/g, "\\$1")}"`;
}

/** The issue search for feedback: the category (without it Sentry leaves feedback out), then the filters. */
export function feedbackQuery({
  release,
  eventIds,
  text,
}: {
  release?: string;
  eventIds?: string[];
  text?: string;
}): string {
  const tokens = ["issue.category:feedback"];
  if (release) tokens.push(`release:${searchValue(release)}`);
  if (eventIds) tokens.push(`associated_event_id:[${eventIds.map(searchValue).join(",")}]`);
  const words = text?.trim();
  if (words) tokens.push(words.includes(":") ? searchValue(words) : words);
  return tokens.join(" ");
}
