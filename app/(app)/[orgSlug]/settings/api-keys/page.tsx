import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { TableHead, type Column } from "@/components/ui/table-head";
import { EmptyState } from "@/components/ui/empty-state";
import { getViewerTime } from "@/components/ui/tz-script";
import { defineSort, parseSort, sortRows } from "@/lib/domain/tables/sort";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { grantableRoles } from "@/lib/domain/api-keys/policy";
import { listApiKeys } from "@/lib/features/api-keys";
import { env } from "@/lib/platform/env";
import { ConnectCard } from "./connect-card";
import { CreateKeyForm } from "./create-key-form";
import { KeyRow } from "./key-row";
import type { OrgPageProps, SearchParams } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "API keys" };

/** Newest first, as loaded; a key never used sorts after every used one in either direction. */
const KEY_SORT = defineSort({
  keys: ["name", "created", "lastUsed", "status"],
  default: { key: "created", dir: "desc" },
  firstDir: { lastUsed: "desc" },
});

const COLUMNS: Column[] = [
  { label: "Name", sort: "name" },
  "Key",
  "Scope",
  "Acts as",
  { label: "Created", sort: "created" },
  { label: "Last used", sort: "lastUsed" },
  { label: "Status", sort: "status" },
  { label: "Actions", srOnly: true },
];

export default async function ApiKeysPage({
  params,
  searchParams,
}: OrgPageProps & { searchParams?: Promise<SearchParams> }) {
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
  const search = (await searchParams) ?? {};
  const order = parseSort(KEY_SORT, search);
  const time = await getViewerTime();
  const sortedKeys = sortRows(keys, order, {
    name: (key) => key.name,
    created: (key) => key.createdAt,
    lastUsed: (key) => key.lastUsedAt,
    status: (key) => (key.revokedAt ? "revoked" : "active"),
  });

  return (
    <div className="space-y-6">
      <Card title="Create an API key">
        <CreateKeyForm orgSlug={org.slug} roles={grantableRoles(role)} />
      </Card>

      <Card title={`API keys (${active} active)`}>
        {keys.length === 0 ? (
          <EmptyState title="No API keys yet">
            Create a key above to let an AI agent or a script use {org.name} through Bosun&apos;s MCP endpoint.
          </EmptyState>
        ) : (
          <DataTable head={<TableHead columns={COLUMNS} sorting={{ spec: KEY_SORT, order, params: search }} />}>
            {sortedKeys.map((key) => (
              <KeyRow
                key={key.id}
                orgSlug={org.slug}
                time={time}
                apiKey={{
                  id: key.id,
                  name: key.name,
                  prefix: key.prefix,
                  scope: key.scope,
                  role: key.role,
                  createdBy: key.createdBy,
                  createdAt: key.createdAt.toISOString(),
                  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
                  revokedAt: key.revokedAt?.toISOString() ?? null,
                }}
              />
            ))}
          </DataTable>
        )}
        <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">
          Keys are stored hashed; only their first characters are kept to tell them apart. A key acts with at most its
          creator&apos;s current role.
        </p>
      </Card>

      <ConnectCard endpoint={`${env.publicUrl}/api/mcp`} />
    </div>
  );
}
