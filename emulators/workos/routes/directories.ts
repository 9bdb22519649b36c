import type { Router } from "../../common/http";
import type { WorkosContext } from "../context";
import { apiRoute, workosError } from "../http-helpers";
import { paginate, parseListParams } from "../pagination";
import { listResponse, serializeDirectory, serializeDirectoryGroup, serializeDirectoryUser } from "../serializers";

export function registerDirectoryRoutes(router: Router, context: WorkosContext) {
  // GET /directories - filter by organization_id, search (name) or domain
  router.get(
    "/directories",
    apiRoute(context, (req) => {
      const { store } = context;
      const params = parseListParams(req.query);
      const organizationId = req.query.get("organization_id");
      const search = req.query.get("search")?.trim().toLowerCase();
      const domain = req.query.get("domain")?.trim().toLowerCase();
      const rows = store.directories.all().filter((d) => (!organizationId || d.organizationId === organizationId) && (!search || d.name.toLowerCase().includes(search)) && (!domain || d.domain === domain));
      const page = paginate(store.directories, rows, params);
      return { status: 200, body: listResponse(page.data.map((d) => serializeDirectory(store, d)), page) };
    }),
  );

  // GET /directories/:id
  router.get(
    "/directories/:id",
    apiRoute(context, (req) => {
      const directory = context.store.directories.get(req.params.id as string);
      return directory ? { status: 200, body: serializeDirectory(context.store, directory) } : workosError(404, `Directory '${req.params.id}' not found.`);
    }),
  );

  // GET /directory_users - by directory or group (one is required), optional email / idp_id
  router.get(
    "/directory_users",
    apiRoute(context, (req) => {
      const { store } = context;
      const params = parseListParams(req.query);
      const directory = req.query.get("directory");
      const group = req.query.get("group");
      if (!directory && !group) return workosError(422, "Either directory or group must be provided.", "invalid_request_parameters");
      if (directory && !store.directories.get(directory)) return workosError(404, `Directory '${directory}' not found.`);
      if (group && !store.directoryGroups.get(group)) return workosError(404, `Directory group '${group}' not found.`);
      const email = req.query.get("email")?.trim().toLowerCase();
      const idpId = req.query.get("idp_id");
      const rows = store.directoryUsers
        .all()
        .filter((u) => (!directory || u.directoryId === directory) && (!group || u.groupIds.includes(group)) && (!email || u.email.toLowerCase() === email) && (!idpId || u.idpId === idpId));
      const page = paginate(store.directoryUsers, rows, params);
      return { status: 200, body: listResponse(page.data.map((u) => serializeDirectoryUser(store, u)), page) };
    }),
  );

  // GET /directory_users/:id
  router.get(
    "/directory_users/:id",
    apiRoute(context, (req) => {
      const user = context.store.directoryUsers.get(req.params.id as string);
      return user ? { status: 200, body: serializeDirectoryUser(context.store, user) } : workosError(404, `Directory user '${req.params.id}' not found.`);
    }),
  );

  // GET /directory_groups - by directory or user (one is required)
  router.get(
    "/directory_groups",
    apiRoute(context, (req) => {
      const { store } = context;
      const params = parseListParams(req.query);
      const directory = req.query.get("directory");
      const userId = req.query.get("user");
      if (!directory && !userId) return workosError(422, "Either directory or user must be provided.", "invalid_request_parameters");
      if (directory && !store.directories.get(directory)) return workosError(404, `Directory '${directory}' not found.`);
      const user = userId ? store.directoryUsers.get(userId) : undefined;
      if (userId && !user) return workosError(404, `Directory user '${userId}' not found.`);
      const rows = store.directoryGroups.all().filter((g) => (!directory || g.directoryId === directory) && (!user || user.groupIds.includes(g.id)));
      const page = paginate(store.directoryGroups, rows, params);
      return { status: 200, body: listResponse(page.data.map(serializeDirectoryGroup), page) };
    }),
  );

  // GET /directory_groups/:id
  router.get(
    "/directory_groups/:id",
    apiRoute(context, (req) => {
      const group = context.store.directoryGroups.get(req.params.id as string);
      return group ? { status: 200, body: serializeDirectoryGroup(group) } : workosError(404, `Directory group '${req.params.id}' not found.`);
    }),
  );
}
