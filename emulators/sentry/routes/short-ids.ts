import type { Router } from "../../common/http";
import { type SentryApp, contextFor } from "../app";
import { orgRoute } from "../auth";
import { notFound } from "../errors";
import { detailIssue } from "../serialize-issue";

/** GET /organizations/{org}/shortids/{short_id}/ - a short id ("WEB-G") resolved to its issue and project. */
export function registerShortIdRoutes(router: Router, app: SentryApp) {
  router.get(
    "/api/0/organizations/:org/shortids/:shortId/",
    orgRoute(app.store, (req, org) => {
      const shortId = req.params.shortId ?? "";
      // Numeric ids are not short ids: Sentry looks this up by short id only.
      const issue = /^\d+$/.test(shortId) ? undefined : app.store.findIssue(org, shortId);
      if (!issue) return notFound();
      const project = org.projectById.get(issue.projectId);
      return {
        status: 200,
        body: {
          organizationSlug: org.data.slug,
          projectSlug: project?.slug ?? "",
          groupId: issue.id,
          shortId: issue.shortId,
          group: detailIssue(contextFor(app, org), issue),
        },
      };
    }),
  );
}
