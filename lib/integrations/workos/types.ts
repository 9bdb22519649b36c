export type WorkosRole = "admin" | "manager" | "member";

export type WorkosMembership = {
  id: string;
  userId: string;
  organizationId: string;
  role: WorkosRole;
  status: "active" | "inactive" | "pending";
  directoryManaged: boolean;
};

export type WorkosInvitation = {
  id: string;
  email: string;
  state: "pending" | "accepted" | "expired" | "revoked";
  organizationId: string | null;
  expiresAt: string;
  createdAt: string;
};

export type WorkosUserSummary = { id: string; email: string; firstName: string | null; lastName: string | null };

export type WorkosSessionSummary = { id: string; userId: string; organizationId: string | null; status: string };
