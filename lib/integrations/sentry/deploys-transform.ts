import { z } from "zod";

/**
 * Pure mapping from Sentry's release list and a release's deploy list to what the delivery history stores.
 * Malformed items are dropped, never the whole answer.
 */

export type SentryDeployRecord = {
  sentryId: string;
  environment: string;
  dateStarted: string | null;
  /** Sentry requires it; a deploy without one (or with an unreadable one) is dropped. */
  dateFinished: string;
  name: string | null;
  url: string | null;
};

const deploySchema = z.object({
  id: z.union([z.string(), z.number()]),
  environment: z.string().min(1),
  dateStarted: z.string().nullish(),
  dateFinished: z.string(),
  name: z.string().nullish(),
  url: z.string().nullish(),
});

const isDate = (value: string) => !Number.isNaN(Date.parse(value));

export function toDeploys(answer: unknown): SentryDeployRecord[] {
  if (!Array.isArray(answer)) return [];
  return answer.flatMap((item) => {
    const parsed = deploySchema.safeParse(item);
    if (!parsed.success || !isDate(parsed.data.dateFinished)) return [];
    const d = parsed.data;
    return [
      {
        sentryId: String(d.id),
        environment: d.environment,
        dateStarted: d.dateStarted && isDate(d.dateStarted) ? d.dateStarted : null,
        dateFinished: d.dateFinished,
        name: d.name ?? null,
        url: d.url ?? null,
      },
    ];
  });
}

/** A release as the delivery backfill needs it: how many deploys and commits Sentry holds for it. */
export type ReleaseDeliverySummary = {
  version: string;
  dateCreated: string;
  projects: string[];
  deployCount: number;
  commitCount: number;
  /** Sentry's id of the deploy recorded last for the release, whatever its environment. */
  lastDeployId: string | null;
};

const releaseSchema = z.object({
  version: z.string().min(1),
  dateCreated: z.string(),
  deployCount: z.number().nullish(),
  commitCount: z.number().nullish(),
  lastDeploy: z
    .object({ id: z.union([z.string(), z.number()]) })
    .nullish()
    .catch(null),
  projects: z
    .array(z.object({ slug: z.string() }).nullable().catch(null))
    .nullish()
    .catch([]),
});

export function toReleaseDeliverySummaries(answer: unknown): ReleaseDeliverySummary[] {
  if (!Array.isArray(answer)) return [];
  return answer.flatMap((item) => {
    const parsed = releaseSchema.safeParse(item);
    if (!parsed.success || !isDate(parsed.data.dateCreated)) return [];
    const r = parsed.data;
    return [
      {
        version: r.version,
        dateCreated: r.dateCreated,
        projects: (r.projects ?? []).flatMap((p) => (p ? [p.slug] : [])),
        deployCount: r.deployCount ?? 0,
        commitCount: r.commitCount ?? 0,
        lastDeployId: r.lastDeploy ? String(r.lastDeploy.id) : null,
      },
    ];
  });
}
