import { parseJson } from "../../common/http";
import { JiraHttpError, badRequest, notFound } from "../errors";
import { compileNode } from "../jql/compile";
import { JqlError, parseJql } from "../jql/parser";
import type { JiraAdminWebhook } from "../model";
import type { SiteRequest, SiteRoutes } from "../site-router";
import { isJiraWebhookEvent } from "../webhooks/events";

/**
 * Jira's admin ("system") webhook registry, /rest/webhooks/1.0/webhook (not
 * in the OpenAPI description): only site administrators may list or manage
 * registrations, and the secret is write-only.
 */
const BASE = "/rest/webhooks/1.0/webhook";
const JQL_SECTION = "issue-related-events-section";

type WebhookInput = {
  name?: unknown;
  url?: unknown;
  events?: unknown;
  filters?: unknown;
  excludeBody?: unknown;
  secret?: unknown;
  enabled?: unknown;
};

function requireAdmin(ctx: SiteRequest) {
  if (!ctx.site.data.adminAccountIds.includes(ctx.user.accountId))
    throw new JiraHttpError(403, "Only Jira administrators can manage webhooks.");
}

function requireWebhook(ctx: SiteRequest): JiraAdminWebhook {
  const id = Number(ctx.req.params.webhookId);
  const webhook = ctx.site.data.webhooks.find((w) => w.id === id);
  if (!webhook) throw notFound(`Webhook with id '${ctx.req.params.webhookId}' does not exist.`);
  return webhook;
}

export function serializeAdminWebhook(ctx: SiteRequest, webhook: JiraAdminWebhook) {
  const author = ctx.site.findUser(webhook.lastUpdatedAccountId);
  return {
    name: webhook.name,
    url: webhook.url,
    excludeBody: webhook.excludeBody,
    filters: { [JQL_SECTION]: webhook.jqlFilter },
    events: webhook.events,
    enabled: webhook.enabled,
    self: `${ctx.urls.base}${BASE}/${webhook.id}`,
    lastUpdatedUser: webhook.lastUpdatedAccountId,
    lastUpdatedDisplayName: author?.displayName ?? webhook.lastUpdatedAccountId,
    lastUpdated: webhook.lastUpdated,
  };
}

/** The `issue-related-events-section` JQL of `filters` ("" when absent); a problem is reported under `filters`. */
function jqlFilterOf(ctx: SiteRequest, filters: unknown, errors: Record<string, string>): string {
  if (filters === undefined || filters === null) return "";
  const jql = typeof filters === "object" ? (filters as Record<string, unknown>)[JQL_SECTION] : 0;
  if (jql === undefined || jql === null) return "";
  if (typeof jql !== "string") {
    errors.filters = `Filters must be an object whose '${JQL_SECTION}' is a JQL string.`;
    return "";
  }
  if (jql.trim() === "") return "";
  try {
    // Compiled against the site, so unknown fields and values are refused now rather than matching nothing later.
    const { where } = parseJql(jql);
    if (where) compileNode(where, { site: ctx.site, currentUser: null, now: ctx.now }, ctx.site);
  } catch (error) {
    if (!(error instanceof JqlError)) throw error;
    errors.filters = `The JQL filter is not valid: ${error.message}`;
  }
  return jql;
}

/** Checks a registration body; every problem is named per field. */
function parseInput(ctx: SiteRequest, body: WebhookInput) {
  const errors: Record<string, string> = {};
  if (typeof body.name !== "string" || body.name.trim() === "") errors.name = "The webhook name must not be empty.";
  if (typeof body.url !== "string" || !/^https?:\/\/[^\s]+$/.test(body.url))
    errors.url = "The webhook URL must be an http or https URL.";
  if (!Array.isArray(body.events) || body.events.some((e) => typeof e !== "string"))
    errors.events = "Events must be a list of event names.";
  else {
    const unknown = (body.events as string[]).filter((e) => !isJiraWebhookEvent(e));
    if (unknown.length > 0) errors.events = `Unknown webhook events: ${unknown.join(", ")}.`;
  }
  const jql = jqlFilterOf(ctx, body.filters, errors);
  for (const flag of ["excludeBody", "enabled"] as const)
    if (body[flag] !== undefined && typeof body[flag] !== "boolean") errors[flag] = `'${flag}' must be true or false.`;
  if (body.secret !== undefined && body.secret !== null && typeof body.secret !== "string")
    errors.secret = "The secret must be a string.";
  if (Object.keys(errors).length > 0) throw badRequest("", errors);
  return {
    name: (body.name as string).trim(),
    url: body.url as string,
    events: [...new Set(body.events as string[])],
    jqlFilter: jql,
    excludeBody: (body.excludeBody as boolean | undefined) ?? false,
    enabled: (body.enabled as boolean | undefined) ?? true,
  };
}

const secretOf = (body: WebhookInput, current: string | null) =>
  body.secret === undefined ? current : typeof body.secret === "string" && body.secret !== "" ? body.secret : null;

export function registerAdminWebhookRoutes(routes: SiteRoutes) {
  // GET /rest/webhooks/1.0/webhook - every registration of the site
  routes.get(BASE, (ctx) => {
    requireAdmin(ctx);
    return { status: 200, body: ctx.site.data.webhooks.map((w) => serializeAdminWebhook(ctx, w)) };
  });

  // POST /rest/webhooks/1.0/webhook - register {name, url, events, filters?, excludeBody?, secret?}
  routes.post(BASE, (ctx) => {
    requireAdmin(ctx);
    const body = parseJson<WebhookInput>(ctx.req);
    const webhook: JiraAdminWebhook = {
      id: ctx.site.data.nextIds.webhook++,
      ...parseInput(ctx, body),
      secret: secretOf(body, null),
      lastUpdated: ctx.now,
      lastUpdatedAccountId: ctx.user.accountId,
    };
    ctx.site.data.webhooks.push(webhook);
    return { status: 201, body: serializeAdminWebhook(ctx, webhook) };
  });

  // GET /rest/webhooks/1.0/webhook/{id}
  routes.get(`${BASE}/:webhookId`, (ctx) => {
    requireAdmin(ctx);
    return { status: 200, body: serializeAdminWebhook(ctx, requireWebhook(ctx)) };
  });

  // PUT /rest/webhooks/1.0/webhook/{id} - replace the registration; a left-out secret is kept
  routes.put(`${BASE}/:webhookId`, (ctx) => {
    requireAdmin(ctx);
    const webhook = requireWebhook(ctx);
    const body = parseJson<WebhookInput>(ctx.req);
    Object.assign(webhook, parseInput(ctx, body), {
      secret: secretOf(body, webhook.secret),
      lastUpdated: ctx.now,
      lastUpdatedAccountId: ctx.user.accountId,
    });
    return { status: 200, body: serializeAdminWebhook(ctx, webhook) };
  });

  // DELETE /rest/webhooks/1.0/webhook/{id}
  routes.delete(`${BASE}/:webhookId`, (ctx) => {
    requireAdmin(ctx);
    const webhook = requireWebhook(ctx);
    ctx.site.data.webhooks.splice(ctx.site.data.webhooks.indexOf(webhook), 1);
    return { status: 204 };
  });
}
