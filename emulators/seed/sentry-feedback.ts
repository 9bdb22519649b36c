import type { Random } from "./random";
import { eventIdFor, sampleEvents } from "./sentry-events";
import { groupHashOf, shortIdCode } from "./sentry-issues";
import { HOUR_MS, HourSeries, hourOf } from "./sentry-series";
import type { SentryEvent, SentryIssue, SentryProject, SentryRelease, SentryUser } from "./sentry-types";

/**
 * User feedback as Sentry keeps it today: each submission is its own issue in
 * the `feedback` category (title `User Feedback: <summary>`, culprit `user`,
 * level info), on the web project, for the releases of the last weeks. The
 * regressed release gets many more, most about slowness; some are linked to an
 * error event of an issue seen in the same release.
 */

const SLOW = [
  "The vessel map takes forever to load since the last update.",
  "Berth schedule page is really slow today, almost ten seconds before anything shows.",
  "Everything feels sluggish after this week's release.",
  "Customs declarations list keeps spinning before it shows anything. Very slow.",
  "Opening a vessel page is much slower than last week.",
  "Dashboard is slow to load in the morning, please fix.",
  "Tracking map freezes for a few seconds when it opens, slower than before.",
  "Pages load slowly since the update; the spinner stays for ages.",
  "Slow! The invoices page used to be instant.",
];
const GENERAL = [
  "Could you add a CSV export to the berth schedule?",
  "The date picker on customs declarations is confusing.",
  "Love the new vessel filters, thanks!",
  "Map labels overlap on small screens.",
  "Please let me pin favourite vessels to the dashboard.",
  "Search does not find vessels by IMO number.",
  "The arrival times on the tracking page are shown in the wrong time zone.",
];
const BROKEN = [
  "I got an error when saving a declaration and lost what I typed.",
  "The page crashed when I opened an invoice.",
  "Clicking a berth shows a blank screen with an error.",
];
const SPAM = "Best prices for cheap shipping containers, visit our site now!!!";
const CUSTOMERS = ["Mara Lindqvist", "Tomás Ferreira", "Aiko Tanaka", "Jonas Weber", "Priya Nair", "Liam O'Connor"];
const PAGES = ["/dashboard", "/vessels", "/vessels/:id", "/berths/schedule", "/customs/declarations", "/tracking/map"];
/** How many recent releases get feedback (the newest ones). */
const RELEASES_WITH_FEEDBACK = 5;

export type FeedbackInput = {
  random: Random;
  seed: number;
  nowMs: number;
  idBase: number;
  project: SentryProject;
  releases: SentryRelease[];
  regressedRelease: string;
  /** The org's error issues, to link some feedback to an error event of the same release. */
  errorIssues: SentryIssue[];
  users: SentryUser[];
};

type Submission = { message: string; kind: "slow" | "general" | "broken" | "spam" };

function submissionsFor(r: Random, regressed: boolean, index: number): Submission[] {
  const out: Submission[] = [];
  const slow = regressed ? 9 : r.chance(0.3) ? 1 : 0;
  for (let i = 0; i < slow; i++) out.push({ message: SLOW[(i + index) % SLOW.length] as string, kind: "slow" });
  for (let i = 0, n = r.int(3, 5); i < n; i++) out.push({ message: r.pick(GENERAL), kind: "general" });
  for (let i = 0, n = regressed ? 2 : r.int(0, 1); i < n; i++) out.push({ message: r.pick(BROKEN), kind: "broken" });
  if (index === 0) out.push({ message: SPAM, kind: "spam" });
  return out;
}

function summaryOf(message: string): string {
  const words = message.replace(/[.!?]+$/, "").split(/\s+/);
  return words.length <= 8 ? words.join(" ") : `${words.slice(0, 8).join(" ")}…`;
}

function linkedEvent(input: FeedbackInput, release: string): SentryEvent | null {
  const candidates = input.errorIssues.filter((i) => i.projectId === input.project.id && i.releases.has(release));
  const issue = candidates[0];
  if (!issue) return null;
  return sampleEvents(input.seed, issue, input.project, input.users).at(-1) ?? null;
}

export function generateFeedback(input: FeedbackInput): SentryIssue[] {
  const { random: r, project, nowMs } = input;
  const released = input.releases.slice(-RELEASES_WITH_FEEDBACK);
  const webIssues = input.errorIssues.filter((i) => i.projectId === project.id).length;
  const out: SentryIssue[] = [];
  released.forEach((release, index) => {
    const startMs = (release.dateReleased ?? release.dateCreated).getTime();
    const next = input.releases[input.releases.indexOf(release) + 1];
    const endMs = Math.min(
      nowMs - HOUR_MS,
      (next ? (next.dateReleased ?? next.dateCreated).getTime() : nowMs) + 2 * 86_400_000,
    );
    const linked = linkedEvent(input, release.version);
    for (const submission of submissionsFor(r, release.version === input.regressedRelease, index)) {
      const k = out.length;
      const atMs = Math.round(startMs + HOUR_MS + r.next() * Math.max(0, endMs - startMs - HOUR_MS));
      const customer = r.pick(CUSTOMERS);
      const email = `${customer.toLowerCase().replace(/[^a-z]+/g, ".")}@example.net`;
      const eventId = eventIdFor(`feedback:${project.id}:${release.version}:${k}`);
      const associated = submission.kind === "broken" && linked ? linked.eventId : null;
      const summary = summaryOf(submission.message);
      const page = r.pick(PAGES);
      const metadata: Record<string, unknown> = {
        title: "User Feedback",
        value: submission.message,
        message: submission.message,
        name: customer,
        contact_email: email,
        source: "new_feedback_envelope",
        summary,
        ...(associated ? { associated_event_id: associated } : {}),
      };
      const status = submission.kind === "spam" ? "ignored" : r.chance(0.15) ? "resolved" : "unresolved";
      const event: SentryEvent = {
        eventId,
        issueId: String(input.idBase + k + 1),
        projectId: project.id,
        receivedMs: atMs + 400,
        timestampMs: atMs,
        platform: "javascript",
        level: "info",
        message: submission.message,
        release: release.version,
        environment: "production",
        user: { email },
        tags: [
          ["environment", "production"],
          ["level", "info"],
          ["release", release.version],
          ["user.email", email],
          ["transaction", page],
          ["has_linked_error", associated ? "true" : "false"],
          ...(associated ? ([["associated_event_id", associated]] as [string, string][]) : []),
        ],
        exception: [],
        contexts: {
          feedback: {
            message: submission.message,
            contact_email: email,
            name: customer,
            url: `https://app.${input.project.slug}.example.net${page.replace(":id", "9351")}`,
            source: "widget",
            ...(associated ? { associated_event_id: associated } : {}),
          },
        },
        sdk: { name: "sentry.javascript.nextjs", version: "11.0.0" },
        transaction: page,
        fingerprint: [eventId],
      };
      out.push({
        id: String(input.idBase + k + 1),
        shortId: `${project.slug.toUpperCase()}-${shortIdCode(webIssues + k + 1)}`,
        projectId: project.id,
        // Feedback is never grouped: each submission has its own random-looking fingerprint.
        groupHash: groupHashOf(["feedback", eventId]),
        title: `User Feedback: ${summary}`,
        culprit: "user",
        type: "generic",
        category: "feedback",
        metadata,
        level: "info",
        status,
        substatus: status === "unresolved" ? "new" : status === "ignored" ? "archived_forever" : null,
        statusDetails: {},
        priority: submission.kind === "spam" ? "low" : "medium",
        firstSeenMs: atMs,
        lastSeenMs: atMs,
        series: new HourSeries(hourOf(atMs), [1]),
        userCount: 1,
        userIds: new Set(),
        firstRelease: release.version,
        lastRelease: release.version,
        releases: new Set([release.version]),
        environments: new Set(["production"]),
        assignedTo: null,
        hasSeen: r.chance(0.4),
        isBookmarked: false,
        isSubscribed: false,
        isPublic: false,
        isUnhandled: false,
        numComments: 0,
        inbox: null,
        platform: "javascript",
        logger: null,
        events: [event],
        eventsLoaded: true,
        activity: [],
      });
    }
  });
  return out;
}
