import "server-only";
import { z } from "zod";
import { readThrough, type Cached } from "@/lib/platform/cache/read-through";
import { callJira, createJiraClients } from "./client";
import type { JiraClientConfig, StatusCategory } from "./types";

/**
 * Every status of the site with its category, by id. An issue event's changelog
 * names the status left by id only; its category tells a reopened issue from
 * one moved between two "done" statuses. Statuses change rarely: cached 10 minutes.
 */
const statusList = z.array(
  z.object({
    id: z.union([z.string(), z.number()]).transform(String),
    statusCategory: z.object({ key: z.string() }).nullish(),
  }),
);

const CATEGORY: Record<string, StatusCategory> = { new: "new", indeterminate: "indeterminate", done: "done" };

export async function listStatusCategories(config: JiraClientConfig): Promise<Record<string, StatusCategory>> {
  const { v3 } = createJiraClients(config);
  const parsed = statusList.safeParse(await callJira(() => v3.workflowStatuses.getStatuses()));
  if (!parsed.success) return {};
  return Object.fromEntries(
    parsed.data.map((status) => [status.id, CATEGORY[status.statusCategory?.key ?? ""] ?? "new"]),
  );
}

export function readStatusCategories({
  orgId,
  config,
}: {
  orgId: string;
  config: JiraClientConfig;
}): Promise<Cached<Record<string, StatusCategory>>> {
  return readThrough({ orgId, key: "jira:statuses", ttlMs: 10 * 60_000, load: () => listStatusCategories(config) });
}
