import { DEMO_PASSWORD } from "../seed/world";
import type { EmittedEvent, WorkosContext } from "./context";
import { newId } from "./ids";
import { findMembership, findOrganization, findRole, findUserByEmail, insertUser } from "./store";
import {
  serializeDirectoryGroup,
  serializeDirectoryUser,
  serializeDirectoryUserEventData,
  serializeMembershipEventData,
  serializeUser,
} from "./serializers";
import type { DirectoryGroupRecord, DirectoryRecord, DirectoryUserRecord, MembershipRecord, UserRecord } from "./types";

/**
 * Simulates an identity provider pushing SCIM changes into an organisation's
 * directory: the directory user changes, AuthKit provisions or updates the
 * matching user and (directory-managed) membership, and each change becomes
 * an event (and webhook) exactly as WorkOS would emit it.
 */

export type DirectoryUserChange = {
  organization: string;
  action: "create" | "update" | "deactivate" | "reactivate" | "delete";
  email: string;
  firstName?: string;
  lastName?: string;
  jobTitle?: string;
  role?: string;
  groups?: string[];
  password?: string;
};

export type DirectorySyncResult =
  | { ok: true; directoryUser: ReturnType<typeof serializeDirectoryUser>; emitted: EmittedEvent[] }
  | { ok: false; status: number; message: string };

const ACTIONS = new Set(["create", "update", "deactivate", "reactivate", "delete"]);

export function parseDirectoryUserChange(body: Record<string, unknown>): DirectoryUserChange | string {
  const { organization, action, email } = body;
  if (typeof organization !== "string" || !organization) return "organization (id or slug) is required";
  if (typeof action !== "string" || !ACTIONS.has(action))
    return "action must be one of create, update, deactivate, reactivate, delete";
  if (typeof email !== "string" || !email.includes("@")) return "email is required";
  for (const key of ["firstName", "lastName", "jobTitle", "role", "password"] as const) {
    if (body[key] !== undefined && typeof body[key] !== "string") return `${key} must be a string`;
  }
  if (body.groups !== undefined && (!Array.isArray(body.groups) || body.groups.some((g) => typeof g !== "string")))
    return "groups must be an array of group names";
  return body as DirectoryUserChange;
}

export async function applyDirectoryUserChange(
  context: WorkosContext,
  change: DirectoryUserChange,
): Promise<DirectorySyncResult> {
  const { store } = context;
  const org = findOrganization(store, change.organization);
  if (!org) return { ok: false, status: 404, message: `Organization '${change.organization}' not found` };
  const directory = store.directories.all().find((d) => d.organizationId === org.id);
  if (!directory) return { ok: false, status: 404, message: `Organization '${org.name}' has no directory` };
  if (change.role && !findRole(store, org.id, change.role))
    return { ok: false, status: 400, message: `Role '${change.role}' does not exist` };
  const email = change.email.trim().toLowerCase();
  const existing = store.directoryUsers
    .all()
    .find((u) => u.directoryId === directory.id && u.email.toLowerCase() === email);
  const emitted: EmittedEvent[] = [];
  const emit = async (event: string, data: Record<string, unknown>) => {
    emitted.push(await context.emit(event, data, org.id));
  };

  if (change.action === "create") {
    if (existing) return { ok: false, status: 409, message: `${email} is already in directory '${directory.name}'` };
    const groupIds: string[] = [];
    for (const name of change.groups ?? []) groupIds.push((await findOrCreateGroup(context, directory, name, emit)).id);
    const now = new Date().toISOString();
    const directoryUser = store.directoryUsers.insert({
      id: newId("directory_user"),
      directoryId: directory.id,
      organizationId: org.id,
      idpId: `00u${newId("x").slice(-14).toLowerCase()}`,
      email,
      firstName: change.firstName ?? null,
      lastName: change.lastName ?? null,
      jobTitle: change.jobTitle ?? null,
      state: "active",
      roleSlug: change.role ?? "member",
      groupIds,
      createdAt: now,
      updatedAt: now,
    });
    await emit("dsync.user.created", serializeDirectoryUserEventData(directoryUser));
    for (const groupId of groupIds) {
      await emit("dsync.group.user_added", {
        directory_id: directory.id,
        user: serializeDirectoryUserEventData(directoryUser),
        group: serializeDirectoryGroup(store.directoryGroups.get(groupId) as DirectoryGroupRecord),
      });
    }
    const user = findUserByEmail(store, email) ?? (await provisionUser(context, directoryUser, change.password, emit));
    await upsertMembership(context, user, org.id, directoryUser.roleSlug ?? "member", emit);
    return { ok: true, directoryUser: serializeDirectoryUser(store, directoryUser), emitted };
  }

  if (!existing) return { ok: false, status: 404, message: `${email} is not in directory '${directory.name}'` };
  const user = findUserByEmail(store, email);
  const membership = user ? findMembership(store, user.id, org.id) : undefined;

  if (change.action === "delete") {
    store.directoryUsers.delete(existing.id);
    existing.state = "inactive";
    existing.updatedAt = new Date().toISOString();
    await emit("dsync.user.deleted", serializeDirectoryUserEventData(existing));
    if (membership?.directoryManaged) {
      store.memberships.delete(membership.id);
      await emit("organization_membership.deleted", serializeMembershipEventData(membership));
    }
    return { ok: true, directoryUser: serializeDirectoryUser(store, existing), emitted };
  }

  const previous: Record<string, unknown> = {};
  const set = <K extends "firstName" | "lastName" | "jobTitle" | "state" | "roleSlug">(
    key: K,
    value: DirectoryUserRecord[K] | undefined,
    apiName: string,
  ) => {
    if (value === undefined || value === existing[key]) return;
    previous[apiName] = existing[key];
    existing[key] = value;
  };
  if (change.action === "update") {
    set("firstName", change.firstName, "first_name");
    set("lastName", change.lastName, "last_name");
    set("jobTitle", change.jobTitle, "job_title");
    set("roleSlug", change.role, "role");
  } else {
    set("state", change.action === "deactivate" ? "inactive" : "active", "state");
  }
  if (previous.role !== undefined) previous.role = { slug: previous.role };
  if (Object.keys(previous).length > 0) {
    existing.updatedAt = new Date().toISOString();
    await emit("dsync.user.updated", { ...serializeDirectoryUserEventData(existing), previous_attributes: previous });
  }
  // AuthKit keeps the provisioned user's name in step with the directory, which WorkOS reports as user.updated.
  if (user && (user.firstName !== existing.firstName || user.lastName !== existing.lastName)) {
    Object.assign(user, {
      firstName: existing.firstName,
      lastName: existing.lastName,
      updatedAt: new Date().toISOString(),
    });
    await emit("user.updated", serializeUser(user));
  }
  if (membership) {
    const status = existing.state === "active" ? "active" : "inactive";
    const roleSlug = existing.roleSlug ?? membership.roleSlug;
    if (membership.status !== status || membership.roleSlug !== roleSlug) {
      membership.status = status;
      membership.roleSlug = roleSlug;
      membership.updatedAt = new Date().toISOString();
      await emit("organization_membership.updated", serializeMembershipEventData(membership));
    }
  }
  return { ok: true, directoryUser: serializeDirectoryUser(store, existing), emitted };
}

type Emit = (event: string, data: Record<string, unknown>) => Promise<void>;

async function findOrCreateGroup(
  context: WorkosContext,
  directory: DirectoryRecord,
  name: string,
  emit: Emit,
): Promise<DirectoryGroupRecord> {
  const found = context.store.directoryGroups
    .all()
    .find((g) => g.directoryId === directory.id && g.name.toLowerCase() === name.toLowerCase());
  if (found) return found;
  const now = new Date().toISOString();
  const group = context.store.directoryGroups.insert({
    id: newId("directory_group"),
    idpId: `00g${newId("x").slice(-14).toLowerCase()}`,
    directoryId: directory.id,
    organizationId: directory.organizationId,
    name,
    createdAt: now,
    updatedAt: now,
  });
  await emit("dsync.group.created", serializeDirectoryGroup(group));
  return group;
}

async function provisionUser(
  context: WorkosContext,
  directoryUser: DirectoryUserRecord,
  password: string | undefined,
  emit: Emit,
): Promise<UserRecord> {
  const now = new Date().toISOString();
  const user: UserRecord = {
    id: newId("user"),
    email: directoryUser.email,
    firstName: directoryUser.firstName,
    lastName: directoryUser.lastName,
    emailVerified: true,
    externalId: directoryUser.idpId,
    metadata: {},
    lastSignInAt: null,
    createdAt: now,
    updatedAt: now,
    password: password ?? DEMO_PASSWORD,
  };
  insertUser(context.store, user);
  await emit("user.created", serializeUser(user));
  return user;
}

async function upsertMembership(
  context: WorkosContext,
  user: UserRecord,
  organizationId: string,
  roleSlug: string,
  emit: Emit,
): Promise<MembershipRecord> {
  const existing = findMembership(context.store, user.id, organizationId);
  const now = new Date().toISOString();
  if (existing) {
    if (existing.status !== "active" || existing.roleSlug !== roleSlug || !existing.directoryManaged) {
      Object.assign(existing, { status: "active", roleSlug, directoryManaged: true, updatedAt: now });
      await emit("organization_membership.updated", serializeMembershipEventData(existing));
    }
    return existing;
  }
  const membership = context.store.memberships.insert({
    id: newId("om"),
    userId: user.id,
    organizationId,
    roleSlug,
    status: "active",
    directoryManaged: true,
    createdAt: now,
    updatedAt: now,
  });
  await emit("organization_membership.created", serializeMembershipEventData(membership));
  return membership;
}
