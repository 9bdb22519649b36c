import { createHash } from "node:crypto";
import { createRandom } from "./random";
import type { SentryEvent, SentryIssue, SentryProject, SentryUser } from "./sentry-types";

/**
 * Sample events for a seeded issue (oldest, one in between, latest), generated
 * on demand from the issue's own fields so every reset yields the same events.
 */

const SDK_BY_PLATFORM: Record<string, { name: string; version: string }> = {
  javascript: { name: "sentry.javascript.nextjs", version: "11.0.0" },
  node: { name: "sentry.javascript.node", version: "11.0.0" },
  python: { name: "sentry.python.celery", version: "2.19.2" },
};

const CONTEXTS_BY_PLATFORM: Record<string, Record<string, unknown>> = {
  javascript: {
    browser: { name: "Chrome", version: "131.0.0", type: "browser" },
    os: { name: "macOS", version: "15.1", type: "os" },
  },
  node: {
    runtime: { name: "node", version: "v20.20.2", type: "runtime" },
    os: { name: "Linux", version: "6.1.0", type: "os" },
  },
  python: {
    runtime: { name: "CPython", version: "3.12.7", type: "runtime" },
    os: { name: "Linux", version: "6.1.0", type: "os" },
  },
};

export function eventIdFor(label: string): string {
  return createHash("md5").update(label).digest("hex");
}

export function sampleEvents(
  seed: number,
  issue: SentryIssue,
  project: SentryProject,
  users: SentryUser[],
): SentryEvent[] {
  const r = createRandom(`${seed}:sentry:events:${issue.id}`);
  const type = String(issue.metadata.type ?? "Error");
  const value = String(issue.metadata.value ?? issue.title);
  const filename = String(issue.metadata.filename ?? "");
  const fn = String(issue.metadata.function ?? "");
  const times = [issue.firstSeenMs, Math.round((issue.firstSeenMs + issue.lastSeenMs) / 2), issue.lastSeenMs];
  const uniqueTimes = [...new Set(times)];
  const releases = [...issue.releases];
  const environments = [...issue.environments];
  return uniqueTimes.map((timestampMs, k) => {
    const release =
      k === uniqueTimes.length - 1
        ? issue.lastRelease
        : k === 0
          ? issue.firstRelease
          : (releases[Math.floor(releases.length / 2)] ?? issue.lastRelease);
    const environment = r.pick(environments);
    const person = users.length > 0 && project.slug !== "worker" ? r.pick(users) : null;
    const userId = person ? person.id : `anon-${r.int(1000, 9999)}`;
    return {
      eventId: eventIdFor(`${issue.id}:${k}`),
      issueId: issue.id,
      projectId: issue.projectId,
      receivedMs: timestampMs + r.int(50, 900),
      timestampMs,
      platform: issue.platform,
      level: issue.level,
      message: "",
      release,
      environment,
      user: person ? { id: userId, email: person.email, ip_address: "{{auto}}" } : { id: userId },
      tags: [
        ["environment", environment],
        ["level", issue.level],
        ["release", release ?? ""],
        ["handled", issue.isUnhandled ? "no" : "yes"],
      ],
      exception: [
        {
          type,
          value,
          mechanism: { type: issue.isUnhandled ? "onerror" : "generic", handled: !issue.isUnhandled },
          stacktrace: {
            frames: [
              {
                filename: "node_modules/next/dist/server/app-render.js",
                function: "renderToHTMLOrFlight",
                lineno: r.int(100, 900),
                colno: r.int(1, 80),
                in_app: false,
              },
              {
                filename,
                abs_path: `/app/${filename}`,
                function: fn,
                lineno: r.int(10, 400),
                colno: r.int(1, 80),
                in_app: true,
              },
            ],
          },
        },
      ],
      contexts: CONTEXTS_BY_PLATFORM[issue.platform] ?? {},
      sdk: SDK_BY_PLATFORM[issue.platform] ?? null,
      transaction: issue.culprit,
      fingerprint: ["{{ default }}"],
    };
  });
}
