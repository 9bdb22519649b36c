import type { Router } from "../../common/http";
import type { WorkosContext } from "../context";
import { apiRoute, listQuery, workosError } from "../http-helpers";
import { serializeOrganization, serializeRole } from "../serializers";
import { registerGetById, registerList, resource } from "./resource-routes";

export function registerOrganizationRoutes(router: Router, context: WorkosContext) {
  const organizations = resource("Organization", (store) => store.organizations, serializeOrganization);

  // GET /organizations - optional domains (comma list or repeated) and name search
  registerList(router, context, "/organizations", organizations, (req, store) => {
    const domains = new Set(listQuery(req.query, "domains").map((d) => d.toLowerCase()));
    const search = req.query.get("search")?.trim().toLowerCase();
    let rows = store.organizations.all();
    if (domains.size > 0) rows = rows.filter((o) => o.domains.some((d) => domains.has(d.domain)));
    if (search) rows = rows.filter((o) => o.name.toLowerCase().includes(search));
    return rows;
  });

  // GET /organizations/:id
  registerGetById(router, context, "/organizations/:id", organizations);

  // GET /authorization/organizations/:organizationId/roles - roles usable in the organisation
  router.get(
    "/authorization/organizations/:organizationId/roles",
    apiRoute(context, (req) => {
      const { store } = context;
      const organizationId = req.params.organizationId as string;
      if (!store.organizations.get(organizationId))
        return workosError(404, `Organization '${organizationId}' not found.`);
      const roles = store.roles.all().filter((r) => r.organizationId === organizationId);
      return { status: 200, body: { object: "list", data: roles.map(serializeRole) } };
    }),
  );
}
