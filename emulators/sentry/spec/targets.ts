import type { SpecTarget } from "../../conformance/build-specs";

/** The Sentry web API operations Bosun uses, as named in getsentry/sentry-api-schema's dereferenced spec. */
const ORG = "/api/0/organizations/{organization_id_or_slug}";

export const sentrySpecTargets: SpecTarget[] = [
  {
    service: "sentry",
    name: "sentry-api",
    source: {
      file: "sentry-api.json",
      repo: "getsentry/sentry-api-schema",
      pathInRepo: "openapi-derefed.json",
      commit: "79207276bee96c42348ebc245c91a98a0b056839",
    },
    operations: [
      { method: "get", path: `${ORG}/projects/` },
      { method: "get", path: `${ORG}/issues/` },
      { method: "put", path: `${ORG}/issues/` },
      { method: "get", path: `${ORG}/issues/{issue_id}/` },
      { method: "put", path: `${ORG}/issues/{issue_id}/` },
      { method: "get", path: `${ORG}/issues/{issue_id}/events/` },
      { method: "get", path: `${ORG}/issues/{issue_id}/events/{event_id}/` },
      { method: "get", path: `${ORG}/issues/{issue_id}/tags/{key}/` },
      { method: "get", path: `${ORG}/releases/{version}/commits/` },
      {
        method: "get",
        path: "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/releases/{version}/commits/",
      },
      { method: "get", path: `${ORG}/issues/{issue_id}/external-issues/` },
      { method: "get", path: `${ORG}/shortids/{issue_id}/` },
      { method: "get", path: `${ORG}/stats_v2/` },
      { method: "get", path: `${ORG}/events/` },
      { method: "get", path: `${ORG}/events-timeseries/` },
      { method: "get", path: `${ORG}/sessions/` },
      { method: "get", path: `${ORG}/releases/` },
      { method: "get", path: `${ORG}/releases/{version}/` },
      { method: "get", path: `${ORG}/releases/{version}/deploys/` },
      { method: "post", path: `${ORG}/releases/{version}/deploys/` },
      { method: "get", path: "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/releases/" },
      { method: "get", path: "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/ownership/" },
      { method: "put", path: "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/ownership/" },
      { method: "get", path: `${ORG}/sentry-app-installations/` },
      { method: "post", path: "/api/0/sentry-app-installations/{uuid}/external-issues/" },
      { method: "delete", path: "/api/0/sentry-app-installations/{uuid}/external-issues/{external_issue_id}/" },
    ],
  },
];
