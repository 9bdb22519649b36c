import type { Router } from "../../common/http";
import type { WorkosContext } from "../context";
import { workosError } from "../http-helpers";
import { serializeDirectory, serializeDirectoryGroup, serializeDirectoryUser } from "../serializers";
import { registerGetById, registerList } from "./resource-routes";

export function registerDirectoryRoutes(router: Router, context: WorkosContext) {
  // GET /directories - filter by organization_id, search (name) or domain
  registerList(
    router,
    context,
    "/directories",
    (store) => store.directories,
    (d) => serializeDirectory(context.store, d),
    (req, store) => {
      const organizationId = req.query.get("organization_id");
      const search = req.query.get("search")?.trim().toLowerCase();
      const domain = req.query.get("domain")?.trim().toLowerCase();
      return store.directories
        .all()
        .filter(
          (d) =>
            (!organizationId || d.organizationId === organizationId) &&
            (!search || d.name.toLowerCase().includes(search)) &&
            (!domain || d.domain === domain),
        );
    },
  );

  // GET /directories/:id
  registerGetById(
    router,
    context,
    "/directories/:id",
    "Directory",
    (store) => store.directories,
    (record) => serializeDirectory(context.store, record),
  );

  // GET /directory_users - by directory or group (one is required), optional email / idp_id
  registerList(
    router,
    context,
    "/directory_users",
    (store) => store.directoryUsers,
    (u) => serializeDirectoryUser(context.store, u),
    (req, store) => {
      const directory = req.query.get("directory");
      const group = req.query.get("group");
      if (!directory && !group)
        return workosError(422, "Either directory or group must be provided.", "invalid_request_parameters");
      if (directory && !store.directories.get(directory))
        return workosError(404, `Directory '${directory}' not found.`);
      if (group && !store.directoryGroups.get(group)) return workosError(404, `Directory group '${group}' not found.`);
      const email = req.query.get("email")?.trim().toLowerCase();
      const idpId = req.query.get("idp_id");
      return store.directoryUsers
        .all()
        .filter(
          (u) =>
            (!directory || u.directoryId === directory) &&
            (!group || u.groupIds.includes(group)) &&
            (!email || u.email.toLowerCase() === email) &&
            (!idpId || u.idpId === idpId),
        );
    },
  );

  // GET /directory_users/:id
  registerGetById(
    router,
    context,
    "/directory_users/:id",
    "Directory user",
    (store) => store.directoryUsers,
    (record) => serializeDirectoryUser(context.store, record),
  );

  // GET /directory_groups - by directory or user (one is required)
  registerList(
    router,
    context,
    "/directory_groups",
    (store) => store.directoryGroups,
    serializeDirectoryGroup,
    (req, store) => {
      const directory = req.query.get("directory");
      const userId = req.query.get("user");
      if (!directory && !userId)
        return workosError(422, "Either directory or user must be provided.", "invalid_request_parameters");
      if (directory && !store.directories.get(directory))
        return workosError(404, `Directory '${directory}' not found.`);
      const user = userId ? store.directoryUsers.get(userId) : undefined;
      if (userId && !user) return workosError(404, `Directory user '${userId}' not found.`);
      return store.directoryGroups
        .all()
        .filter((g) => (!directory || g.directoryId === directory) && (!user || user.groupIds.includes(g.id)));
    },
  );

  // GET /directory_groups/:id
  registerGetById(
    router,
    context,
    "/directory_groups/:id",
    "Directory group",
    (store) => store.directoryGroups,
    serializeDirectoryGroup,
  );
}
