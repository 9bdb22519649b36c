import type { Router } from "../../common/http";
import type { WorkosContext } from "../context";
import { serializeUser } from "../serializers";
import { registerGetById, registerList, resource } from "./resource-routes";

export function registerUserRoutes(router: Router, context: WorkosContext) {
  const users = resource("User", (store) => store.users, serializeUser);

  // GET /user_management/users - filter by email and/or organization_id
  registerList(router, context, "/user_management/users", users, (req, store) => {
    const email = req.query.get("email")?.trim().toLowerCase();
    const organizationId = req.query.get("organization_id") || req.query.get("organization");
    let rows = store.users.all();
    if (email) rows = rows.filter((u) => u.email.toLowerCase() === email);
    if (organizationId) {
      const members = new Set(
        store.memberships
          .all()
          .filter((m) => m.organizationId === organizationId)
          .map((m) => m.userId),
      );
      rows = rows.filter((u) => members.has(u.id));
    }
    return rows;
  });

  // GET /user_management/users/:id
  registerGetById(router, context, "/user_management/users/:id", users);
}
