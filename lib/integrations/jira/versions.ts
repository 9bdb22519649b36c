import "server-only";
import { callJira, createJiraClients } from "./client";
import type { JiraClientConfig } from "./types";

/**
 * Jira versions (fixVersions) by name across the site's projects — a release
 * usually spans several — and marking one released. Versions are per project,
 * so a release named "2.14.0" may be one version in each of ACME and PORT.
 */
export type JiraVersion = {
  id: string;
  name: string;
  projectKey: string;
  released: boolean;
  releaseDate: string | null;
};

/** Every version of every project (the first 100 projects): one request per project, whichever name is wanted. */
export async function listAllVersions(config: JiraClientConfig): Promise<JiraVersion[]> {
  const { v3 } = createJiraClients(config);
  const projects = await callJira(() => v3.projects.searchProjects({ maxResults: 100 }));
  const found: JiraVersion[] = [];
  for (const project of projects.values ?? []) {
    if (!project.key) continue;
    const versions = await callJira(() =>
      v3.projectVersions.getProjectVersions({ projectIdOrKey: project.key as string }),
    );
    for (const version of versions) {
      if (version.name && version.id)
        found.push({
          id: version.id,
          name: version.name,
          projectKey: project.key,
          released: Boolean(version.released),
          releaseDate: version.releaseDate ?? null,
        });
    }
  }
  return found;
}

export async function findVersionsNamed(config: JiraClientConfig, name: string): Promise<JiraVersion[]> {
  return (await listAllVersions(config)).filter((version) => version.name === name);
}

/** Marks the version released on the given day; repeating it changes nothing. */
export async function releaseVersion(
  config: JiraClientConfig,
  { versionId, releaseDate }: { versionId: string; releaseDate: string },
): Promise<{ versionId: string; releaseDate: string }> {
  const { v3 } = createJiraClients(config);
  await callJira(() => v3.projectVersions.updateVersion({ id: versionId, released: true, releaseDate }));
  return { versionId, releaseDate };
}
