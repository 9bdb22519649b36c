import "server-only";
import { z } from "zod";
import { createSentryClient } from "./client";
import type { SentryClientConfig } from "./types";

export type SentryProjectRef = { id: string; slug: string };

const projectSchema = z.object({
  id: z.union([z.string(), z.number()]),
  slug: z.string(),
  environments: z.array(z.string()).default([]),
});

/**
 * The org's projects (id and slug; Explore filters by id) and every environment they have seen, from one page of
 * the project list: the performance filters need both, so one request answers them.
 */
export async function listProjectRefs(
  config: SentryClientConfig,
): Promise<{ projects: SentryProjectRef[]; environments: string[] }> {
  const client = createSentryClient(config);
  const answer = await client.get<unknown[]>(`/organizations/${config.organizationSlug}/projects/`, { per_page: 100 });
  const projects: SentryProjectRef[] = [];
  const environments = new Set<string>();
  for (const item of answer.data) {
    const parsed = projectSchema.safeParse(item);
    if (!parsed.success) continue;
    projects.push({ id: String(parsed.data.id), slug: parsed.data.slug });
    for (const name of parsed.data.environments) environments.add(name);
  }
  return { projects: projects.sort((a, b) => a.slug.localeCompare(b.slug)), environments: [...environments].sort() };
}
