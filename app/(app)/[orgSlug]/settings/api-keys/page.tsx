import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { TableHead, type Column } from "@/components/ui/table-head";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { grantableRoles } from "@/lib/domain/api-keys/policy";
import { listApiKeys } from "@/lib/db/queries/api-keys";
import { env } from "@/lib/platform/env";
import { ConnectCard } from "./connect-card";
import { CreateKeyForm } from "./create-key-form";
import { KeyRow } from "./key-row";
import type { OrgPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "API keys" };

const COLUMNS: Column[] = [
  "Name",
  "Key",
  "Scope",
  "Acts as",
  "Created",
  "Last used",
  "Status",
  { label: "Actions", srOnly: true },
];

const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export default async function ApiKeysPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  const { org, role } = await requireOrg(orgSlug);
  if (!can(role, "api-keys:manage")) {
    return (
      <Card title="API keys">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          API keys let AI agents and scripts use {org.name} through Bosun&apos;s MCP endpoint. Only admins can create,
          see or revoke them; ask an admin if you need one.
        </p>
      </Card>
    );
  }
  const keys = await listApiKeys({ orgId: org.id });
  const active = keys.filter((key) => !key.revokedAt).length;

  return (
    <div className="space-y-6">
      <Card title="Create an API key">
        <CreateKeyForm orgSlug={org.slug} roles={grantableRoles(role)} />
      </Card>

      <Card title={`API keys (${active} active)`}>
        {keys.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No API keys yet.</p>
        ) : (
          <DataTable head={<TableHead columns={COLUMNS} />}>
            {keys.map((key) => (
              <KeyRow
                key={key.id}
                orgSlug={org.slug}
                apiKey={{
                  id: key.id,
                  name: key.name,
                  prefix: key.prefix,
                  scope: key.scope,
                  role: key.role,
                  createdBy: key.createdBy,
                  createdAt: utc(key.createdAt),
                  lastUsed: key.lastUsedAt ? utc(key.lastUsedAt) : null,
                  revokedAt: key.revokedAt ? utc(key.revokedAt) : null,
                }}
              />
            ))}
          </DataTable>
        )}
        <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
          Keys are stored hashed; only their first characters are kept to tell them apart. A key acts with at most its
          creator&apos;s current role.
        </p>
      </Card>

      <ConnectCard endpoint={`${env.publicUrl}/api/mcp`} />
    </div>
  );
}
