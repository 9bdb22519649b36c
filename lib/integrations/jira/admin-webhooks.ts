import "server-only";
import { z } from "zod";
import { callJira, createJiraClients } from "./client";
import type { JiraClientConfig } from "./types";

/**
 * Jira's admin ("system") webhooks, the only kind that sends sprint events:
 * registered at /rest/webhooks/1.0/webhook (outside the OpenAPI description,
 * so through jira.js's plain request), which takes a site administrator. The
 * secret makes Jira sign each delivery with `X-Hub-Signature`; Jira never
 * shows it back.
 */
const BASE = "/rest/webhooks/1.0/webhook";

/** A request to a path jira.js has no method for (the typings want a callback; without one it answers a promise). */
const send = (config: JiraClientConfig, request: { url: string; method: "GET" | "POST" | "PUT"; data?: unknown }) =>
  callJira(() => createJiraClients(config).v3.sendRequest<unknown>(request, undefined as never));

/** What Bosun registers: the events its snapshots, scope changes and sync act on. */
export const JIRA_WEBHOOK_EVENTS = [
  "jira:issue_created",
  "jira:issue_updated",
  "jira:issue_deleted",
  "sprint_started",
  "sprint_closed",
  "sprint_updated",
  "issuelink_created",
  "issuelink_deleted",
  "jira:version_released",
] as const;

const registered = z.object({
  name: z.string().nullish(),
  url: z.string(),
  events: z.array(z.string()).default([]),
  enabled: z.boolean().default(true),
  self: z.string(),
});
export type JiraAdminWebhook = z.infer<typeof registered>;

/** Whether the token's account holds Jira's global ADMINISTER permission (needed to register admin webhooks). */
export async function canAdministerJira(config: JiraClientConfig): Promise<boolean> {
  const { v3 } = createJiraClients(config);
  const answer = await callJira(() => v3.permissions.getMyPermissions({ permissions: "ADMINISTER" }));
  const permissions = answer.permissions as Record<string, { havePermission?: boolean }> | undefined;
  return permissions?.ADMINISTER?.havePermission === true;
}

export async function listAdminWebhooks(config: JiraClientConfig): Promise<JiraAdminWebhook[]> {
  const answer = await send(config, { url: BASE, method: "GET" });
  const parsed = z.array(registered).safeParse(answer);
  return parsed.success ? parsed.data : [];
}

/**
 * Registers an admin webhook to `url`, or updates the one already there with
 * these events and secret: safe to repeat (a retry after a lost answer finds
 * the registration it made rather than adding a second one, which would make
 * Jira send every event twice).
 */
export async function ensureAdminWebhook(
  config: JiraClientConfig,
  { name, url, secret }: { name: string; url: string; secret: string },
): Promise<{ self: string; created: boolean }> {
  const body = { name, url, events: [...JIRA_WEBHOOK_EVENTS], excludeBody: false, enabled: true, secret };
  const existing = (await listAdminWebhooks(config)).find((webhook) => webhook.url === url);
  if (existing) {
    const path = new URL(existing.self).pathname.replace(/^.*(\/rest\/webhooks\/1\.0\/webhook\/\d+)$/, "$1");
    await send(config, { url: path, method: "PUT", data: body });
    return { self: existing.self, created: false };
  }
  const answer = registered.parse(await send(config, { url: BASE, method: "POST", data: body }));
  return { self: answer.self, created: true };
}
