import type { Router } from "../../common/http";
import type { WorkosContext } from "../context";
import { apiRoute, workosError } from "../http-helpers";
import { paginate, parseListParams } from "../pagination";
import { listResponse, serializeUser } from "../serializers";

export function registerUserRoutes(router: Router, context: WorkosContext) {
  // GET /user_management/users - filter by email and/or organization_id
  router.get(
    "/user_management/users",
    apiRoute(context, (req) => {
      const { store } = context;
      const params = parseListParams(req.query);
      const email = req.query.get("email")?.trim().toLowerCase();
      const organizationId = req.query.get("organization_id") || req.query.get("organization");
      let rows = store.users.all();
      if (email) rows = rows.filter((u) => u.email.toLowerCase() === email);
      if (organizationId) {
        const members = new Set(store.memberships.all().filter((m) => m.organizationId === organizationId).map((m) => m.userId));
        rows = rows.filter((u) => members.has(u.id));
      }
      const page = paginate(store.users, rows, params);
      return { status: 200, body: listResponse(page.data.map(serializeUser), page) };
    }),
  );

  // GET /user_management/users/:id
  router.get(
    "/user_management/users/:id",
    apiRoute(context, (req) => {
      const user = context.store.users.get(req.params.id as string);
      return user ? { status: 200, body: serializeUser(user) } : workosError(404, `User '${req.params.id}' not found.`);
    }),
  );
}
