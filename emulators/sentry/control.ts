import { type EmulatorResponse, Router, parseJson } from "../common/http";
import { hourOf } from "../seed/sentry-series";
import type { IssueLevel } from "../seed/sentry-types";
import { type SentryApp, contextFor } from "./app";
import { type MetricAlertAction, eventAlertData, issueHookData, metricAlertData } from "./hook-payloads";
import { ingestEvent } from "./ingest";
import { detailIssue } from "./serialize-issue";

/**
 * Sentry-specific control routes under /__emulator/: DSNs, the webhook
 * target, creating issues from a JSON description, comments, and triggering alerts.
 * Documented in README.md.
 */

const LEVELS = new Set(["fatal", "error", "warning", "info"]);
const ACTIONS = new Set(["critical", "warning", "resolved"]);

function bad(message: string): EmulatorResponse {
  return { status: 400, body: { error: message } };
}

type IssueDescription = {
  project?: string;
  type?: string;
  value?: string;
  title?: string;
  culprit?: string;
  filename?: string;
  function?: string;
  level?: string;
  release?: string;
  environment?: string;
  fingerprint?: string[];
  count?: number;
  userId?: string;
};

export function buildControlRouter(app: SentryApp): Router {
  const { store } = app;
  const router = new Router();
  const orgOr404 = (slug: string | undefined) => store.org(slug ?? "");

  router.get("/dsn", () => {
    const host = new URL(app.baseUrl.value).host;
    const dsns = store.orgStates().flatMap((org) =>
      org.data.projects.map((p) => ({
        org: org.data.slug,
        projectId: p.id,
        projectSlug: p.slug,
        publicKey: p.dsnPublicKey,
        dsn: `http://${p.dsnPublicKey}@${host}/${p.id}`,
      })),
    );
    return { status: 200, body: { dsns } };
  });

  router.get("/installations", () => ({
    status: 200,
    body: { installations: store.orgStates().map((o) => ({ org: o.data.slug, ...o.data.installation })) },
  }));

  router.get("/webhook-target", () => ({ status: 200, body: { bosunUrl: app.target.bosunUrl } }));
  router.put("/webhook-target", (req) => {
    const body = parseJson<{ bosunUrl?: unknown }>(req);
    if (body.bosunUrl !== null && typeof body.bosunUrl !== "string")
      return bad("bosunUrl must be a URL string, or null to stop sending webhooks");
    if (typeof body.bosunUrl === "string" && !/^https?:\/\//.test(body.bosunUrl))
      return bad("bosunUrl must start with http:// or https://");
    app.target.bosunUrl = body.bosunUrl;
    return { status: 200, body: { bosunUrl: app.target.bosunUrl } };
  });

  // Creates (or adds events to) an issue as if the SDK had sent an event, then sends issue.created.
  router.post("/orgs/:org/issues", async (req) => {
    const org = orgOr404(req.params.org);
    if (!org) return { status: 404, body: { error: "unknown org" } };
    const input = parseJson<IssueDescription>(req);
    const project = store.findProject(org, input.project ?? "");
    if (!project) return bad(`project must be one of ${org.data.projects.map((p) => p.slug).join(", ")}`);
    if (input.level !== undefined && !LEVELS.has(input.level))
      return bad("level must be fatal, error, warning or info");
    const count = input.count ?? 1;
    if (!Number.isInteger(count) || count < 1) return bad("count must be a positive integer");
    if (input.release !== undefined && typeof input.release !== "string") return bad("release must be a string");
    const type = input.type ?? (input.title ? undefined : "Error");
    const value = input.value ?? (input.title ? undefined : "Something went wrong");
    const payload = {
      level: (input.level ?? "error") as IssueLevel,
      release: input.release,
      environment: input.environment ?? "production",
      culprit: input.culprit,
      fingerprint: input.fingerprint,
      user: input.userId ? { id: input.userId } : undefined,
      ...(type !== undefined
        ? {
            exception: {
              values: [
                {
                  type,
                  value,
                  mechanism: { type: "generic", handled: false },
                  stacktrace: {
                    frames: [
                      {
                        filename: input.filename ?? "app/page.tsx",
                        function: input.function ?? "render",
                        in_app: true,
                      },
                    ],
                  },
                },
              ],
            },
          }
        : { message: input.title }),
    };
    const ingested = ingestEvent(store, org, project, payload);
    if (!ingested) return bad("the description needs a type/value or a title");
    if (count > 1) {
      const hour = hourOf(store.now());
      ingested.issue.series.add(hour, count - 1);
      org.data.outcomes.get(project.id)?.accepted.add(hour, count - 1);
      store.touch();
    }
    const ctx = contextFor(app, org);
    const webhook =
      ingested.created || ingested.regressed
        ? await app.hooks(org, "issue", ingested.created ? "created" : "unresolved", issueHookData(ctx, ingested.issue))
        : null;
    return {
      status: ingested.created ? 201 : 200,
      body: {
        created: ingested.created,
        regressed: ingested.regressed,
        issue: detailIssue(ctx, ingested.issue),
        webhook,
      },
    };
  });

  router.post("/orgs/:org/alerts/event", async (req) => {
    const org = orgOr404(req.params.org);
    if (!org) return { status: 404, body: { error: "unknown org" } };
    const input = parseJson<{ issueId?: string; rule?: string }>(req);
    const issue = store.findIssue(org, String(input.issueId ?? ""));
    if (!issue) return bad("issueId must name an issue of this org (id or short id)");
    const events = store.events(org, issue);
    const event = events[events.length - 1];
    if (!event) return bad("the issue has no events");
    const webhook = await app.hooks(
      org,
      "event_alert",
      "triggered",
      eventAlertData(contextFor(app, org), issue, event, input.rule ?? "High priority issues"),
    );
    return { status: 200, body: { webhook } };
  });

  // A comment written in Sentry's UI (the public API has no comment endpoint), delivered as comment.created.
  let commentSeq = 0;
  router.post("/orgs/:org/issues/:issueId/comments", async (req) => {
    const org = orgOr404(req.params.org);
    if (!org) return { status: 404, body: { error: "unknown org" } };
    const issue = store.findIssue(org, req.params.issueId ?? "");
    if (!issue) return bad("the path must name an issue of this org (id or short id)");
    const input = parseJson<{ text?: string; user?: string }>(req);
    if (!input.text) return bad("text is required");
    const user = org.data.users.find((u) => u.email === input.user) ?? store.tokenUser(org);
    const project = store.findProject(org, issue.projectId);
    const data = {
      comment: input.text,
      project_slug: project?.slug ?? "",
      comment_id: 5000 + ++commentSeq,
      issue_id: Number(issue.id),
      timestamp: new Date(store.now()).toISOString(),
    };
    const webhook = await app.hooks(org, "comment", "created", data, { type: "user", id: user.id, name: user.name });
    return { status: 200, body: { comment: data, webhook } };
  });

  router.post("/orgs/:org/alerts/metric", async (req) => {
    const org = orgOr404(req.params.org);
    if (!org) return { status: 404, body: { error: "unknown org" } };
    const input = parseJson<{ project?: string; action?: string; title?: string; threshold?: number; value?: number }>(
      req,
    );
    const project = store.findProject(org, input.project ?? "");
    if (!project) return bad(`project must be one of ${org.data.projects.map((p) => p.slug).join(", ")}`);
    if (!ACTIONS.has(input.action ?? "")) return bad("action must be critical, warning or resolved");
    const threshold = input.threshold ?? 100;
    const data = metricAlertData(contextFor(app, org), {
      project,
      action: input.action as MetricAlertAction,
      ruleId: 7000 + org.data.projects.indexOf(project) + 1,
      title: input.title ?? `Error spike in ${project.slug}`,
      aggregate: "count()",
      threshold,
      value: input.value ?? (input.action === "resolved" ? Math.round(threshold / 4) : threshold * 2),
      nowMs: store.now(),
    });
    const webhook = await app.hooks(org, "metric_alert", input.action as string, data);
    return { status: 200, body: { webhook } };
  });

  return router;
}
