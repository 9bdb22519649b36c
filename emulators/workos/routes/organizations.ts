import type { Router } from "../../common/http";
import type { WorkosContext } from "../context";
import { apiRoute, listQuery, workosError } from "../http-helpers";
import { paginate, parseListParams } from "../pagination";
import { listResponse, serializeOrganization, serializeRole } from "../serializers";

export function registerOrganizationRoutes(router: Router, context: WorkosContext) {
  // GET /organizations - optional domains (comma list or repeated) and name search
  router.get(
    "/organizations",
    apiRoute(context, (req) => {
      const { store } = context;
      const params = parseListParams(req.query);
      const domains = new Set(listQuery(req.query, "domains").map((d) => d.toLowerCase()));
      const search = req.query.get("search")?.trim().toLowerCase();
      let rows = store.organizations.all();
      if (domains.size > 0) rows = rows.filter((o) => o.domains.some((d) => domains.has(d.domain)));
      if (search) rows = rows.filter((o) => o.name.toLowerCase().includes(search));
      const page = paginate(store.organizations, rows, params);
      return { status: 200, body: listResponse(page.data.map(serializeOrganization), page) };
    }),
  );

  // GET /organizations/:id
  router.get(
    "/organizations/:id",
    apiRoute(context, (req) => {
      const org = context.store.organizations.get(req.params.id as string);
      return org ? { status: 200, body: serializeOrganization(org) } : workosError(404, `Organization '${req.params.id}' not found.`);
    }),
  );

  // GET /authorization/organizations/:organizationId/roles - roles usable in the organisation
  router.get(
    "/authorization/organizations/:organizationId/roles",
    apiRoute(context, (req) => {
      const { store } = context;
      const organizationId = req.params.organizationId as string;
      if (!store.organizations.get(organizationId)) return workosError(404, `Organization '${organizationId}' not found.`);
      const roles = store.roles.all().filter((r) => r.organizationId === organizationId);
      return { status: 200, body: { object: "list", data: roles.map(serializeRole) } };
    }),
  );
}
