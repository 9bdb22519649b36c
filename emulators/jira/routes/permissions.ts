import { badRequest } from "../errors";
import { listParam } from "../paging";
import type { SiteRoutes } from "../site-router";

/**
 * GET /rest/api/3/mypermissions: the caller's permissions. Everyone of the
 * site may work on issues and sprints; only site administrators hold the
 * global ADMINISTER permission (needed to register admin webhooks).
 */
type PermissionInfo = {
  id: string;
  name: string;
  type: "GLOBAL" | "PROJECT";
  description: string;
  adminOnly?: boolean;
};

const PERMISSIONS: Record<string, PermissionInfo> = {
  ADMINISTER: {
    id: "0",
    name: "Administer Jira",
    type: "GLOBAL",
    description: "Create and administer projects, issue types, fields, workflows, and schemes for all projects.",
    adminOnly: true,
  },
  BROWSE_PROJECTS: { id: "10", name: "Browse Projects", type: "PROJECT", description: "Ability to browse projects." },
  CREATE_ISSUES: { id: "11", name: "Create Issues", type: "PROJECT", description: "Ability to create issues." },
  EDIT_ISSUES: { id: "12", name: "Edit Issues", type: "PROJECT", description: "Ability to edit issues." },
  ASSIGN_ISSUES: { id: "13", name: "Assign Issues", type: "PROJECT", description: "Ability to assign issues." },
  ADD_COMMENTS: { id: "15", name: "Add Comments", type: "PROJECT", description: "Ability to comment on issues." },
  LINK_ISSUES: { id: "21", name: "Link Issues", type: "PROJECT", description: "Ability to link issues together." },
  TRANSITION_ISSUES: {
    id: "46",
    name: "Transition Issues",
    type: "PROJECT",
    description: "Ability to transition issues.",
  },
  MANAGE_SPRINTS_PERMISSION: {
    id: "-1",
    name: "Manage sprints",
    type: "PROJECT",
    description: "Ability to manage sprints.",
  },
};

export function registerPermissionRoutes(routes: SiteRoutes) {
  // GET /rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS
  routes.get("/rest/api/3/mypermissions", (ctx) => {
    const keys = listParam(ctx.req.query, "permissions");
    if (keys.length === 0) throw badRequest("The permissions query parameter was not provided.");
    const unknown = keys.filter((key) => !PERMISSIONS[key]);
    if (unknown.length > 0) throw badRequest(`Invalid permission keys: ${unknown.join(", ")}.`);
    const isAdmin = ctx.site.data.adminAccountIds.includes(ctx.user.accountId);
    const permissions = Object.fromEntries(
      keys.map((key) => {
        const { adminOnly, ...info } = PERMISSIONS[key] as PermissionInfo;
        return [key, { ...info, key, havePermission: !adminOnly || isAdmin }];
      }),
    );
    return { status: 200, body: { permissions } };
  });
}
