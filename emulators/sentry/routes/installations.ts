import { type Router, parseJson } from "../../common/http";
import type { SentryApp } from "../app";
import { authed, orgRoute } from "../auth";
import { fieldErrors, internalError, notFound } from "../errors";
import type { OrgState } from "../store";

type Errors = Record<string, string[]>;

function installationOrg(app: SentryApp, uuid: string): OrgState | undefined {
  return app.store.orgStates().find((o) => o.data.installation.uuid === uuid);
}

function requiredString(input: Record<string, unknown>, field: string, errors: Errors): string {
  const value = input[field];
  if (value === undefined || value === null || value === "") errors[field] = ["This field is required."];
  else if (typeof value !== "string") errors[field] = ["Not a valid string."];
  return typeof value === "string" ? value : "";
}

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

export function registerInstallationRoutes(router: Router, app: SentryApp) {
  const { store } = app;

  // GET /organizations/{org}/sentry-app-installations/ - the org's one installation (Bosun's app)
  router.get(
    "/api/0/organizations/:org/sentry-app-installations/",
    orgRoute(store, (_req, org) => {
      const inst = org.data.installation;
      return {
        status: 200,
        body: [
          {
            app: { uuid: inst.appUuid, slug: inst.appSlug, sentryAppId: inst.sentryAppId },
            organization: { slug: org.data.slug },
            uuid: inst.uuid,
            status: "installed",
          },
        ],
      };
    }),
  );

  // GET /organizations/{org}/issues/{issue_id}/external-issues/ - links created by Sentry Apps
  router.get(
    "/api/0/organizations/:org/issues/:issueId/external-issues/",
    orgRoute(store, (req, org) => {
      const issue = store.findIssue(org, req.params.issueId ?? "");
      if (!issue) return notFound();
      return { status: 200, body: org.data.externalIssues.filter((e) => e.issueId === issue.id) };
    }),
  );

  // POST /sentry-app-installations/{uuid}/external-issues/ - link an issue to an external ticket
  router.post(
    "/api/0/sentry-app-installations/:uuid/external-issues/",
    authed((req) => {
      const org = installationOrg(app, req.params.uuid ?? "");
      if (!org) return notFound();
      const body = parseJson<unknown>(req);
      const input = (typeof body === "object" && body !== null && !Array.isArray(body) ? body : {}) as Record<
        string,
        unknown
      >;
      const errors: Errors = {};
      const rawIssueId = input.issueId;
      const issueId =
        typeof rawIssueId === "number" || (typeof rawIssueId === "string" && /^\d+$/.test(rawIssueId))
          ? String(rawIssueId)
          : null;
      if (rawIssueId === undefined || rawIssueId === null || rawIssueId === "")
        errors.issueId = ["This field is required."];
      else if (issueId === null || !Number.isInteger(Number(issueId)))
        errors.issueId = ["A valid integer is required."];
      const webUrl = requiredString(input, "webUrl", errors);
      if (webUrl && !errors.webUrl && !isUrl(webUrl)) errors.webUrl = ["Enter a valid URL."];
      const project = requiredString(input, "project", errors);
      const identifier = requiredString(input, "identifier", errors);
      if (Object.keys(errors).length > 0) return fieldErrors(errors);
      const issue = org.issueById.get(issueId as string);
      if (!issue) return notFound();
      const serviceType = org.data.installation.appSlug;
      // Sentry keeps one link per issue and app (unique group + service_type) and creates without an upsert,
      // so a second POST hits the constraint and answers its generic 500 (ExternalIssueCreator.run).
      if (org.data.externalIssues.some((e) => e.issueId === issue.id && e.serviceType === serviceType))
        return internalError();
      const allIds = store.orgStates().flatMap((o) => o.data.externalIssues.map((e) => Number(e.id)));
      const link = {
        id: String(Math.max(9000, ...allIds) + 1),
        issueId: issue.id,
        serviceType,
        displayName: `${project}#${identifier}`,
        webUrl,
      };
      org.data.externalIssues = [...org.data.externalIssues, link];
      store.touch();
      return { status: 200, body: link };
    }),
  );

  // DELETE /sentry-app-installations/{uuid}/external-issues/{id}/ - remove a link
  router.delete(
    "/api/0/sentry-app-installations/:uuid/external-issues/:externalIssueId/",
    authed((req) => {
      const org = installationOrg(app, req.params.uuid ?? "");
      if (!org) return notFound();
      const link = org.data.externalIssues.find((e) => e.id === req.params.externalIssueId);
      if (!link) return notFound();
      org.data.externalIssues = org.data.externalIssues.filter((e) => e !== link);
      store.touch();
      return { status: 204 };
    }),
  );
}
