import "server-only";
import { z } from "zod";
import { createSentryClient } from "./client";
import type { SentryClientConfig } from "./types";

/** Projects per page, and pages at most: a bound on requests for an org with very many projects. */
const PER_PAGE = 100;
const MAX_PAGES = 5;

const projectSchema = z.object({ environments: z.array(z.string()).default([]) });

/** Every environment any of the org's projects has seen (each project lists its own), sorted. */
export async function listEnvironments(config: SentryClientConfig): Promise<string[]> {
  const client = createSentryClient(config);
  const names = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await client.get<unknown[]>(`/organizations/${config.organizationSlug}/projects/`, {
      per_page: PER_PAGE,
      cursor,
    });
    for (const project of answer.data) {
      const parsed = projectSchema.safeParse(project);
      if (parsed.success) for (const name of parsed.data.environments) names.add(name);
    }
    if (!answer.cursors.next) break;
    cursor = answer.cursors.next;
  }
  return [...names].sort();
}
