import { compileNode } from "../jql/compile";
import { JqlError, parseJql } from "../jql/parser";
import type { JiraAdminWebhook, JiraIssue } from "../model";
import type { JiraSite } from "../store";
import type { WebhookDispatcher } from "./dispatcher";

/**
 * Fans one state change out to the site's admin webhooks: every enabled
 * registration that lists the event (and, for issue events, whose JQL filter
 * matches the issue as it is now) gets its own delivery, with
 * `{timestamp, webhookEvent, ...payload, matchedWebhookIds}` as the body.
 */
export type WebhookEvent = {
  webhookEvent: string;
  /** Issue events are narrowed by each registration's JQL filter. */
  issue?: JiraIssue;
  /** Built only when some registration wants the event, and then once for all of them. */
  payload: () => Record<string, unknown>;
};

export type WebhookEmitter = ReturnType<typeof createWebhookEmitter>;

/** Whether the issue matches the registration's JQL; a filter that no longer parses matches nothing. */
export function matchesFilter(site: JiraSite, webhook: JiraAdminWebhook, issue: JiraIssue, now: number): boolean {
  if (webhook.jqlFilter.trim() === "") return true;
  try {
    const { where } = parseJql(webhook.jqlFilter);
    return where === null || compileNode(where, { site, currentUser: null, now }, site).test(issue);
  } catch (error) {
    if (error instanceof JqlError) return false;
    throw error;
  }
}

export function createWebhookEmitter(dispatcher: WebhookDispatcher) {
  return {
    dispatcher,
    /** Queues the event for every matching registration; returns the delivery identifiers. */
    emit(site: JiraSite, now: number, event: WebhookEvent): string[] {
      const targets = site.data.webhooks.filter(
        (w) =>
          w.enabled &&
          w.events.includes(event.webhookEvent) &&
          (!event.issue || matchesFilter(site, w, event.issue, now)),
      );
      if (targets.length === 0) return [];
      const payload = event.payload();
      return targets.map((webhook) => {
        const body = webhook.excludeBody
          ? ""
          : JSON.stringify({
              timestamp: now,
              webhookEvent: event.webhookEvent,
              ...payload,
              matchedWebhookIds: [webhook.id],
            });
        return dispatcher.enqueue({ url: webhook.url, secret: webhook.secret, body });
      });
    },
  };
}
