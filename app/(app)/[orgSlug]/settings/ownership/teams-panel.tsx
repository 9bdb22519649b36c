"use client";

import { useId, useRef } from "react";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FIELD_CLASS } from "@/components/ui/form-field";
import { RowButton } from "@/components/ui/row-button";
import { SubmitButton } from "@/components/ui/submit-button";
import type { OwnershipPage } from "@/lib/features/ownership";
import {
  addTeamMemberAction,
  createTeamAction,
  deleteTeamAction,
  linkTeamDirectoryGroupAction,
  removeTeamMemberAction,
  renameTeamAction,
} from "./actions";
import { ActionMessageLine, useActionMessage } from "./use-action-message";

type TeamRow = OwnershipPage["teams"][number];
type Member = OwnershipPage["members"][number];

/** Teams with their members; admins and managers create, rename, fill and link them to directory groups. */
export function TeamsPanel({
  orgSlug,
  teams,
  members,
  canEdit,
}: {
  orgSlug: string;
  teams: TeamRow[];
  members: Member[];
  canEdit: boolean;
}) {
  return (
    <Card title={`Teams (${teams.length})`}>
      {teams.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No teams yet. Rules name a team as #slug.</p>
      ) : (
        <ul className="space-y-4">
          {teams.map((team) => (
            <TeamItem key={team.id} orgSlug={orgSlug} team={team} members={members} canEdit={canEdit} />
          ))}
        </ul>
      )}
      {canEdit && <CreateTeamForm orgSlug={orgSlug} />}
    </Card>
  );
}

function TeamItem({
  orgSlug,
  team,
  members,
  canEdit,
}: {
  orgSlug: string;
  team: TeamRow;
  members: Member[];
  canEdit: boolean;
}) {
  const ids = useId();
  const { message, pending, run } = useActionMessage();
  const onTeam = new Set(team.members.map((m) => m.userId));
  const addable = members.filter((m) => !onTeam.has(m.userId));
  const headingId = `${ids}-heading`;

  return (
    <li aria-labelledby={headingId} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <h3 id={headingId} className="text-sm font-semibold">
        {team.name} <span className="font-mono text-slate-500 dark:text-slate-400">#{team.slug}</span>
      </h3>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {team.directoryGroupId
          ? `Follows directory group ${team.directoryGroupId}: directory sync adds and removes its members.`
          : "Members are managed here."}
      </p>
      {team.members.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          No members: rules naming #{team.slug} name nobody.
        </p>
      ) : (
        <ul className="mt-2 space-y-1" aria-label={`Members of #${team.slug}`}>
          {team.members.map((m) => (
            <li key={m.membershipId} className="flex flex-wrap items-center gap-2 text-sm">
              <span>
                {m.name} <span className="text-slate-500 dark:text-slate-400">{m.email}</span>
                {m.status !== "active" && <span className="ml-1 text-amber-700 dark:text-amber-300">({m.status})</span>}
                {!m.jiraAccountId && (
                  <span className="ml-1 text-slate-500 dark:text-slate-400">
                    (no Jira account: never assigned tickets)
                  </span>
                )}
              </span>
              {canEdit && (
                <RowButton
                  disabled={pending}
                  aria-label={`Remove ${m.name} from #${team.slug}`}
                  onClick={() =>
                    run(() => removeTeamMemberAction({ orgSlug, teamId: team.id, membershipId: m.membershipId }))
                  }
                >
                  Remove
                </RowButton>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <div className="mt-3 flex flex-wrap items-end gap-3">
          <form
            className="flex items-end gap-2"
            action={(data) =>
              run(() => addTeamMemberAction({ orgSlug, teamId: team.id, userId: String(data.get("userId") ?? "") }))
            }
          >
            <label className="text-sm font-medium">
              Add member
              <select name="userId" required className={FIELD_CLASS} defaultValue="">
                <option value="" disabled>
                  Choose…
                </option>
                {addable.map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.name} ({m.email})
                  </option>
                ))}
              </select>
            </label>
            <SubmitButton size="sm" pending={pending} disabled={addable.length === 0}>
              Add
            </SubmitButton>
          </form>
          <form
            className="flex items-end gap-2"
            action={(data) =>
              run(() => renameTeamAction({ orgSlug, teamId: team.id, name: String(data.get("name") ?? "") }))
            }
          >
            <label className="text-sm font-medium">
              Name
              <input name="name" required maxLength={100} defaultValue={team.name} className={FIELD_CLASS} />
            </label>
            <SubmitButton size="sm" pending={pending}>
              Rename
            </SubmitButton>
          </form>
          <form
            className="flex items-end gap-2"
            action={(data) =>
              run(() =>
                linkTeamDirectoryGroupAction({
                  orgSlug,
                  teamId: team.id,
                  directoryGroupId: String(data.get("directoryGroupId") ?? ""),
                }),
              )
            }
          >
            <label className="text-sm font-medium">
              Directory group id
              <input
                name="directoryGroupId"
                maxLength={100}
                defaultValue={team.directoryGroupId ?? ""}
                placeholder="directory_group_…"
                aria-describedby={`${ids}-group-help`}
                className={`${FIELD_CLASS} font-mono`}
              />
            </label>
            <SubmitButton size="sm" pending={pending}>
              Save group
            </SubmitButton>
          </form>
          <ConfirmDialog
            title={`Delete team #${team.slug}?`}
            description="Rules naming it will name nobody."
            confirmLabel="Delete team"
            pendingLabel="Deleting…"
            pending={pending}
            onConfirm={() => run(() => deleteTeamAction({ orgSlug, teamId: team.id }))}
            trigger={(open) => (
              <RowButton danger disabled={pending} aria-label={`Delete team #${team.slug}`} onClick={open}>
                Delete team
              </RowButton>
            )}
          />
          <p id={`${ids}-group-help`} className="basis-full text-xs text-slate-500 dark:text-slate-400">
            Leave the group id blank to manage members here only.
          </p>
        </div>
      )}
      <div className="mt-2">
        <ActionMessageLine message={message} />
      </div>
    </li>
  );
}

function CreateTeamForm({ orgSlug }: { orgSlug: string }) {
  const ids = useId();
  const form = useRef<HTMLFormElement>(null);
  const { message, pending, run } = useActionMessage();
  const error = (field: string) => (message?.kind === "error" ? message.fieldErrors[field] : undefined);
  const field = (name: string, label: string, props: React.ComponentProps<"input">) => (
    <div>
      <label htmlFor={`${ids}-${name}`} className="text-sm font-medium">
        {label}
      </label>
      <input
        {...props}
        id={`${ids}-${name}`}
        name={name}
        aria-invalid={Boolean(error(name))}
        aria-describedby={error(name) ? `${ids}-${name}-error` : undefined}
        className={`${FIELD_CLASS} aria-[invalid=true]:border-red-500`}
      />
      {error(name) && (
        <p id={`${ids}-${name}-error`} className="mt-1 text-xs text-red-600 dark:text-red-400">
          {label}: {error(name)}
        </p>
      )}
    </div>
  );
  return (
    <form
      ref={form}
      aria-label="Create a team"
      className="mt-5 space-y-2 border-t border-slate-200 pt-4 dark:border-slate-700"
      action={(data) =>
        run(
          () =>
            createTeamAction({
              orgSlug,
              slug: String(data.get("slug") ?? ""),
              name: String(data.get("name") ?? ""),
              directoryGroupId: String(data.get("directoryGroupId") ?? ""),
            }),
          () => form.current?.reset(),
        )
      }
    >
      <h3 className="text-sm font-semibold">Create a team</h3>
      <div className="flex flex-wrap items-start gap-3">
        {field("slug", "Slug", { required: true, maxLength: 50, placeholder: "payments" })}
        {field("name", "Name", { required: true, maxLength: 100, placeholder: "Payments" })}
        {field("directoryGroupId", "Directory group id (optional)", {
          maxLength: 100,
          placeholder: "directory_group_…",
        })}
        <SubmitButton pending={pending} pendingLabel="Creating…" className="mt-6">
          Create team
        </SubmitButton>
      </div>
      <ActionMessageLine message={message} />
    </form>
  );
}
