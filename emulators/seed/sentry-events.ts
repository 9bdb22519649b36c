import { createHash } from "node:crypto";
import { createRandom } from "./random";
import { BROWSERS, breadcrumbsOf, clientIp, requestOf } from "./sentry-events-context";
import { stackOf } from "./sentry-events-stack";
import type { SentryEvent, SentryIssue, SentryProject, SentryUser } from "./sentry-types";

/**
 * Sample events for a seeded issue (oldest, one in between, latest), generated
 * on demand from the issue's own fields so every reset yields the same events:
 * exception with library and in-app frames, breadcrumbs, request, tags and
 * the user (with e-mail and IP, as SDKs send them).
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
  const frames = stackOf(issue, project.slug);
  const orgSlug = users[0]?.email.split("@")[1]?.split(".")[0] ?? "demo";
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
    const client = project.slug === "web" ? r.pick(BROWSERS) : null;
    const request = requestOf(issue, project.slug, r, orgSlug);
    const requestUrl = request?.url ?? null;
    const contexts = client
      ? {
          browser: { name: client.browser, version: client.browserVersion, type: "browser" },
          os: { name: client.os, version: client.osVersion, type: "os" },
        }
      : (CONTEXTS_BY_PLATFORM[issue.platform] ?? {});
    const os = client ? `${client.os} ${client.osVersion}` : "Linux 6.1.0";
    const tags: [string, string][] = [
      ["environment", environment],
      ["level", issue.level],
      ["release", release ?? ""],
      ["handled", issue.isUnhandled ? "no" : "yes"],
      ...(client
        ? ([
            ["browser", `${client.browser} ${client.browserVersion.split(".")[0]}`],
            ["browser.name", client.browser],
          ] as [string, string][])
        : []),
      ["os", os],
      ["os.name", os.split(" ")[0] as string],
      ...(requestUrl ? ([["url", requestUrl]] as [string, string][]) : []),
      ["transaction", issue.culprit],
    ];
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
      user: person
        ? { id: userId, email: person.email, username: person.username, ip_address: clientIp(r) }
        : { id: userId, ip_address: clientIp(r) },
      tags,
      exception: [
        {
          type,
          value,
          mechanism: { type: issue.isUnhandled ? "onerror" : "generic", handled: !issue.isUnhandled },
          stacktrace: { frames },
        },
      ],
      contexts,
      sdk: SDK_BY_PLATFORM[issue.platform] ?? null,
      transaction: issue.culprit,
      fingerprint: ["{{ default }}"],
      breadcrumbs: breadcrumbsOf(issue, project.slug, r, timestampMs, person?.email ?? null, orgSlug),
      request,
    };
  });
}
