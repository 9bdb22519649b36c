import type { Random } from "./random";
import type { SentryDeploy, SentryRelease } from "./sentry-types";

/**
 * The deploys of each seeded release, as a CI pipeline would have reported
 * them: to `staging` soon after the release was created, then to `production`
 * at its release time (the five minutes before `dateReleased`). A release still
 * rolling out (not yet released) has only reached staging. Each release's
 * `deployCount` is set to the number of its deploys.
 */

const MINUTE_MS = 60_000;

function deploy(release: SentryRelease, environment: string, id: number, startedMs: number, finishedMs: number) {
  return {
    id: String(id),
    version: release.version,
    environment,
    dateStarted: new Date(startedMs),
    dateFinished: new Date(finishedMs),
    name: `${release.version} to ${environment}`,
    url: null,
    projectIds: [...release.projectIds],
  } satisfies SentryDeploy;
}

/** Deploys in the order they were made (oldest first); ids follow the release's id, staging before production. */
export function seedDeploys(releases: SentryRelease[], random: Random): SentryDeploy[] {
  const out: SentryDeploy[] = [];
  for (const release of releases) {
    const createdMs = release.dateCreated.getTime();
    const stagingStarted = createdMs + random.int(10, 30) * MINUTE_MS;
    const staging = deploy(
      release,
      "staging",
      release.id * 10 - 5,
      stagingStarted,
      stagingStarted + random.int(4, 12) * MINUTE_MS,
    );
    const deploys: SentryDeploy[] = [staging];
    if (release.dateReleased) {
      const releasedMs = release.dateReleased.getTime();
      deploys.push(deploy(release, "production", release.id * 10, releasedMs - 5 * MINUTE_MS, releasedMs));
    }
    release.deployCount = deploys.length;
    out.push(...deploys);
  }
  return out;
}
