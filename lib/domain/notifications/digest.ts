import { escapeHtml } from "./escape";
import { absoluteLink } from "./links";

/** One person's week, as the digest e-mail and its preview show it. Every link is a Bosun path. */
export type WeeklyDigest = {
  orgName: string;
  recipientName: string;
  weekOf: string;
  sprint:
    | {
        status: "ok";
        name: string;
        committedPoints: number;
        capacityPoints: number;
        completedPoints: number;
        overCommittedBy: number;
        yours: { committedPoints: number; capacityPoints: number; isOverCommitted: boolean } | null;
        link: string;
      }
    | { status: "none"; message: string };
  errors: {
    scope: "yours" | "org";
    items: { shortId: string; title: string; severity: string; users: number; events: number; link: string }[];
    message: string | null;
  };
  releases: {
    items: {
      version: string;
      crashFreeSessions: number | null;
      crashFreeUsers: number | null;
      regression: string | null;
      link: string;
    }[];
    message: string | null;
  };
  pending: {
    /** Notifications held back for this digest (the person collects e-mails into it). */
    collected: { title: string; link: string }[];
    unread: number;
    unreadItems: { title: string; link: string }[];
    pendingWrites: number;
    failedWrites: number;
    link: string;
  };
};

const percent = (value: number | null) => (value === null ? "unknown" : `${value.toFixed(2)}%`);
const points = (value: number) => `${Math.round(value * 10) / 10} pts`;

/** The digest's sections as plain-text lines, shared by the e-mail's text part and the preview. */
export function digestSections(digest: WeeklyDigest): { heading: string; lines: { text: string; link?: string }[] }[] {
  const { sprint, errors, releases, pending } = digest;
  const sprintLines =
    sprint.status === "ok"
      ? [
          {
            text: `${sprint.name}: ${points(sprint.committedPoints)} committed of ${points(sprint.capacityPoints)} capacity, ${points(sprint.completedPoints)} done${sprint.overCommittedBy > 0 ? ` — over capacity by ${points(sprint.overCommittedBy)}` : ""}`,
            link: sprint.link,
          },
          ...(sprint.yours
            ? [
                {
                  text: `Yours: ${points(sprint.yours.committedPoints)} of ${points(sprint.yours.capacityPoints)}${sprint.yours.isOverCommitted ? " (over your capacity)" : ""}`,
                },
              ]
            : []),
        ]
      : [{ text: sprint.message }];
  const errorLines = [
    ...(errors.message ? [{ text: errors.message }] : []),
    ...errors.items.map((e) => ({
      text: `${e.shortId} [${e.severity}] ${e.title} — ${e.users} users, ${e.events} events`,
      link: e.link,
    })),
  ];
  const releaseLines = [
    ...(releases.message ? [{ text: releases.message }] : []),
    ...releases.items.map((r) => ({
      text: `${r.version}: crash-free sessions ${percent(r.crashFreeSessions)}, users ${percent(r.crashFreeUsers)}${r.regression ? ` — regressed: ${r.regression}` : ""}`,
      link: r.link,
    })),
  ];
  const pendingLines = [
    ...pending.collected.map((n) => ({ text: `Collected for this digest: ${n.title}`, link: n.link })),
    { text: `${pending.unread} unread notification${pending.unread === 1 ? "" : "s"}` },
    ...pending.unreadItems.map((n) => ({ text: n.title, link: n.link })),
    {
      text: `${pending.pendingWrites} of your writes waiting to be applied, ${pending.failedWrites} failed this week`,
      link: pending.link,
    },
  ];
  return [
    { heading: "Your sprint", lines: sprintLines },
    { heading: errors.scope === "yours" ? "Top new errors in your areas" : "Top new errors", lines: errorLines },
    { heading: "Release scorecards", lines: releaseLines },
    { heading: "Waiting for you", lines: pendingLines },
  ];
}

/** The Monday e-mail: the same sections as the preview, with absolute links and an unsubscribe link. */
export function renderDigestMail({
  digest,
  baseUrl,
  unsubscribeUrl,
  preferencesPath,
}: {
  digest: WeeklyDigest;
  baseUrl: string;
  unsubscribeUrl: string;
  preferencesPath: string;
}): { subject: string; text: string; html: string } {
  const sections = digestSections(digest);
  const subject = `[${digest.orgName}] Your week in Bosun — ${digest.weekOf}`.replace(/[\r\n]+/g, " ");
  const text = [
    `Hello ${digest.recipientName},`,
    "",
    ...sections.flatMap((s) => [
      s.heading,
      ...s.lines.map((l) => `* ${l.text}${l.link ? `\n  ${absoluteLink(baseUrl, l.link)}` : ""}`),
      "",
    ]),
    "--",
    `Choose what you get: ${absoluteLink(baseUrl, preferencesPath)}`,
    `Unsubscribe from all e-mail: ${unsubscribeUrl}`,
  ].join("\n");
  const html = `<!doctype html>
<html><body style="font-family:sans-serif">
<p>Hello ${escapeHtml(digest.recipientName)},</p>
${sections
  .map(
    (s) => `<h2 style="font-size:16px">${escapeHtml(s.heading)}</h2>
<ul>
${s.lines
  .map((l) =>
    l.link
      ? `<li><a href="${escapeHtml(absoluteLink(baseUrl, l.link))}">${escapeHtml(l.text)}</a></li>`
      : `<li>${escapeHtml(l.text)}</li>`,
  )
  .join("\n")}
</ul>`,
  )
  .join("\n")}
<hr>
<p><small><a href="${escapeHtml(absoluteLink(baseUrl, preferencesPath))}">Choose what you get</a> · <a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe from all e-mail</a></small></p>
</body></html>`;
  return { subject, text, html };
}
