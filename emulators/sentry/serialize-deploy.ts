import type { SentryDeploy } from "../seed/sentry-types";
import { iso } from "./time-range";

/** Sentry's Deploy serializer: the release's deploy list, a created deploy and a release's `lastDeploy`. */
export function serializeDeploy(deploy: SentryDeploy) {
  return {
    id: deploy.id,
    environment: deploy.environment,
    dateStarted: deploy.dateStarted ? iso(deploy.dateStarted.getTime()) : null,
    dateFinished: iso(deploy.dateFinished.getTime()),
    name: deploy.name,
    url: deploy.url,
  };
}
