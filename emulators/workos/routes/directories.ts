import type { EmulatorRequest, EmulatorResponse, Router } from "../../common/http";
import type { WorkosContext } from "../context";
import { workosError } from "../http-helpers";
import type { Store } from "../store";
import { serializeDirectory, serializeDirectoryGroup, serializeDirectoryUser } from "../serializers";
import { registerGetById, registerList, resource } from "./resource-routes";

/**
 * Directory users and groups are listed within a directory or within the other kind of record: WorkOS requires
 * one of the two query parameters and answers 404 for a directory that does not exist.
 */
function readListScope(
  req: EmulatorRequest,
  store: Store,
  otherName: "group" | "user",
): { directory: string | null; otherId: string | null } | EmulatorResponse {
  const directory = req.query.get("directory");
  const otherId = req.query.get(otherName);
  if (!directory && !otherId)
    return workosError(422, `Either directory or ${otherName} must be provided.`, "invalid_request_parameters");
  if (directory && !store.directories.get(directory)) return workosError(404, `Directory '${directory}' not found.`);
  return { directory, otherId };
}

export function registerDirectoryRoutes(router: Router, context: WorkosContext) {
  const directories = resource(
    "Directory",
    (store) => store.directories,
    (record) => serializeDirectory(context.store, record),
  );
  const directoryUsers = resource(
    "Directory user",
    (store) => store.directoryUsers,
    (record) => serializeDirectoryUser(context.store, record),
  );
  const directoryGroups = resource("Directory group", (store) => store.directoryGroups, serializeDirectoryGroup);

  // GET /directories - filter by organization_id, search (name) or domain
  registerList(router, context, "/directories", directories, (req, store) => {
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
  });

  // GET /directories/:id
  registerGetById(router, context, "/directories/:id", directories);

  // GET /directory_users - by directory or group (one is required), optional email / idp_id
  registerList(router, context, "/directory_users", directoryUsers, (req, store) => {
    const scope = readListScope(req, store, "group");
    if ("status" in scope) return scope;
    const { directory, otherId: group } = scope;
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
  });

  // GET /directory_users/:id
  registerGetById(router, context, "/directory_users/:id", directoryUsers);

  // GET /directory_groups - by directory or user (one is required)
  registerList(router, context, "/directory_groups", directoryGroups, (req, store) => {
    const scope = readListScope(req, store, "user");
    if ("status" in scope) return scope;
    const { directory, otherId: userId } = scope;
    const user = userId ? store.directoryUsers.get(userId) : undefined;
    if (userId && !user) return workosError(404, `Directory user '${userId}' not found.`);
    return store.directoryGroups
      .all()
      .filter((g) => (!directory || g.directoryId === directory) && (!user || user.groupIds.includes(g.id)));
  });

  // GET /directory_groups/:id
  registerGetById(router, context, "/directory_groups/:id", directoryGroups);
}
