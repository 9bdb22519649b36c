import { QUALITY_WINDOW_DAYS } from "./bugs";

/** Where each quality figure comes from and what it leaves out, for the page and the exports' notes. */
export const QUALITY_NOTES: readonly string[] = [
  `Bugs: Jira issues of type Bug filed or resolved in the last ${QUALITY_WINDOW_DAYS} days (one search of the whole site, cached); a sprint counts its board's project only, a release counts every project.`,
  "Escaped defects: Sentry issues Bosun filed or linked a Jira ticket for (its ticket links); tickets filed by hand without a link are not known. A release counts those Sentry first saw in it, else those first seen (or linked) while it was the release in production.",
  "Releases: windows from each release's first production deploy Bosun recorded to the next one's; a release never deployed to production has no row.",
  "Bug share: bug points ÷ completed points from each sprint's close snapshot; snapshots taken before Bosun recorded issue types show —.",
  "First seen → ticket: only for Sentry issues Bosun's cached list of unresolved issues (seen in the last 14 days) still holds; resolved ones drop out of it.",
  "Ticket → fix: to the first of the Jira ticket's resolution (when it is a Bug in the window) and the Sentry resolution the two-way sync recorded. Medians, in hours.",
  "Open Critical issues: Sentry's unresolved issues seen in the last 14 days that the org's severity rules class as Critical; age is from Sentry's first seen.",
];
