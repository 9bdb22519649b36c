import type { EmulatorResponse, Router } from "../../common/http";
import type { WorkosContext } from "../context";
import { apiRoute, listQuery, readBody, stringField, workosError } from "../http-helpers";
import { newId } from "../ids";
import { parseListParams } from "../pagination";
import { findMembership, findRole } from "../store";
import { serializeMembership, serializeMembershipEventData } from "../serializers";
import type { MembershipRecord, MembershipStatus } from "../types";
import { listPage, registerGetById, resource } from "./resource-routes";

const STATUSES: MembershipStatus[] = ["active", "inactive", "pending"];

/** Reads `role_slug` or a one-element `role_slugs`; multiple roles are not enabled. */
function readRole(
  context: WorkosContext,
  organizationId: string,
  body: Record<string, unknown>,
): { slug: string | null } | EmulatorResponse {
  const single = stringField(body, "role_slug");
  const many = Array.isArray(body.role_slugs) ? (body.role_slugs as unknown[]) : undefined;
  if (single && many)
    return workosError(422, "Provide either role_slug or role_slugs, not both.", "invalid_request_parameters");
  if (many && many.length > 1)
    return workosError(422, "Multiple roles are not enabled for this environment.", "multiple_roles_not_enabled");
  const slug = single ?? (typeof many?.[0] === "string" ? (many[0] as string) : null);
  if (slug && !findRole(context.store, organizationId, slug))
    return workosError(422, `Role '${slug}' does not exist.`, "invalid_role");
  return { slug };
}

const isResponse = (value: unknown): value is EmulatorResponse =>
  typeof value === "object" && value !== null && "status" in value;

export function registerMembershipRoutes(router: Router, context: WorkosContext) {
  const serialize = (m: MembershipRecord) => serializeMembership(context.store, m);
  const memberships = resource("Organization membership", (store) => store.memberships, serialize);

  const notFound = (id: string) => workosError(404, `Organization membership '${id}' not found.`);
  const saveUpdate = async (membership: MembershipRecord) => {
    membership.updatedAt = new Date().toISOString();
    await context.emit(
      "organization_membership.updated",
      serializeMembershipEventData(membership),
      membership.organizationId,
    );
  };

  // GET /user_management/organization_memberships - by user_id and/or organization_id, statuses
  router.get(
    "/user_management/organization_memberships",
    apiRoute(context, (req) => {
      const params = parseListParams(req.query);
      const userId = req.query.get("user_id");
      const organizationId = req.query.get("organization_id");
      if (!userId && !organizationId)
        return workosError(
          400,
          "Either user_id or organization_id must be provided.",
          "missing_user_id_or_organization_id",
        );
      const statuses = listQuery(req.query, "statuses");
      const unknown = statuses.find((s) => !STATUSES.includes(s as MembershipStatus));
      if (unknown) return workosError(400, `Unknown status '${unknown}'.`, "invalid_request_parameters");
      const wanted = new Set(statuses.length > 0 ? statuses : ["active"]);
      const rows = context.store.memberships
        .all()
        .filter(
          (m) =>
            (!userId || m.userId === userId) &&
            (!organizationId || m.organizationId === organizationId) &&
            wanted.has(m.status),
        );
      return listPage(context.store.memberships, rows, params, serialize);
    }),
  );

  // GET /user_management/organization_memberships/:id
  registerGetById(router, context, "/user_management/organization_memberships/:id", memberships);

  // POST /user_management/organization_memberships - add a user to an organisation with a role
  router.post(
    "/user_management/organization_memberships",
    apiRoute(context, async (req) => {
      const body = readBody(req);
      const userId = stringField(body, "user_id");
      const organizationId = stringField(body, "organization_id");
      if (!userId || !organizationId)
        return workosError(422, "user_id and organization_id are required.", "invalid_request_parameters");
      if (!context.store.users.get(userId)) return workosError(404, `User '${userId}' not found.`);
      if (!context.store.organizations.get(organizationId))
        return workosError(404, `Organization '${organizationId}' not found.`);
      const role = readRole(context, organizationId, body);
      if (isResponse(role)) return role;
      const existing = findMembership(context.store, userId, organizationId);
      if (existing?.status === "pending")
        return workosError(
          400,
          "A pending organization membership cannot be reactivated.",
          "cannot_reactivate_pending_organization_membership",
        );
      if (existing?.status === "active")
        return workosError(422, "The user is already a member of this organization.", "invalid_request_parameters");
      if (existing) {
        existing.status = "active";
        existing.roleSlug = role.slug ?? existing.roleSlug;
        await saveUpdate(existing);
        return { status: 201, body: serialize(existing) };
      }
      const now = new Date().toISOString();
      const membership = context.store.memberships.insert({
        id: newId("om"),
        userId,
        organizationId,
        roleSlug: role.slug ?? "member",
        status: "active",
        directoryManaged: false,
        createdAt: now,
        updatedAt: now,
      });
      await context.emit("organization_membership.created", serializeMembershipEventData(membership), organizationId);
      return { status: 201, body: serialize(membership) };
    }),
  );

  // PUT /user_management/organization_memberships/:id - change the role
  router.put(
    "/user_management/organization_memberships/:id",
    apiRoute(context, async (req) => {
      const membership = context.store.memberships.get(req.params.id as string);
      if (!membership) return notFound(req.params.id as string);
      const role = readRole(context, membership.organizationId, readBody(req));
      if (isResponse(role)) return role;
      if (role.slug && role.slug !== membership.roleSlug) {
        membership.roleSlug = role.slug;
        await saveUpdate(membership);
      }
      return { status: 200, body: serialize(membership) };
    }),
  );

  // DELETE /user_management/organization_memberships/:id
  router.delete(
    "/user_management/organization_memberships/:id",
    apiRoute(context, async (req) => {
      const membership = context.store.memberships.delete(req.params.id as string);
      if (!membership) return notFound(req.params.id as string);
      await context.emit(
        "organization_membership.deleted",
        serializeMembershipEventData(membership),
        membership.organizationId,
      );
      return { status: 200 };
    }),
  );

  for (const [action, status] of [
    ["deactivate", "inactive"],
    ["reactivate", "active"],
  ] as const) {
    // PUT /user_management/organization_memberships/:id/(de|re)activate
    router.put(
      `/user_management/organization_memberships/:id/${action}`,
      apiRoute(context, async (req) => {
        const membership = context.store.memberships.get(req.params.id as string);
        if (!membership) return notFound(req.params.id as string);
        if (membership.status === "pending") {
          return workosError(
            400,
            `A pending organization membership cannot be ${action}d.`,
            `cannot_${action}_pending_organization_membership`,
          );
        }
        if (membership.status !== status) {
          membership.status = status;
          await saveUpdate(membership);
        }
        return { status: 200, body: serialize(membership) };
      }),
    );
  }
}
