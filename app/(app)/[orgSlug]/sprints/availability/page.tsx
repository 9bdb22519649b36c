import Link from "next/link";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { TableHead } from "@/components/ui/table-head";
import { defineSort, parseSort, sortRows } from "@/lib/domain/tables/sort";
import { loadAvailabilityPage } from "@/lib/features/sprints";
import { AddAvailabilityForm, AllocationInput, RemoveAvailabilityButton } from "./availability-forms";
import type { OrgSearchPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "Availability" };

const PEOPLE_SORT = defineSort({
  keys: ["person", "allocation", "away"],
  default: { key: "person", dir: "asc" },
  firstDir: { away: "asc" },
});

const day = (date: Date) => date.toISOString().slice(0, 10);

export default async function AvailabilityPage({ params, searchParams }: OrgSearchPageProps) {
  const { orgSlug } = await params;
  const { org, user, role } = await requireOrg(orgSlug);
  const { editsTeam, people } = await loadAvailabilityPage({
    orgId: org.id,
    userId: user.id,
    role,
    today: day(new Date()),
  });
  const search = await searchParams;
  const order = parseSort(PEOPLE_SORT, search);
  // "Coming up" sorts by the first absence, so whoever is away soonest comes first; nobody away goes last.
  const sortedPeople = sortRows(people, order, {
    person: (m) => m.user.name,
    allocation: (m) => m.allocationPercent,
    away: (m) => m.entries[0]?.startsOn,
  });

  return (
    <>
      <PageHeader
        title="Availability"
        description={
          editsTeam
            ? "Time off, on-call weeks and allocation: what sprint capacity is computed from."
            : "Your time off and on-call weeks. Managers see and edit the whole team."
        }
        actions={
          <Link
            href={`/${org.slug}/sprints`}
            className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-300"
          >
            Back to sprints
          </Link>
        }
      />
      <div className="space-y-6">
        <Card title="Add time off or on call">
          <AddAvailabilityForm
            orgSlug={org.slug}
            people={people.map((m) => ({ userId: m.user.id, name: m.user.name }))}
            defaultUserId={user.id}
          />
        </Card>
        <Card title="People">
          <DataTable
            head={
              <TableHead
                columns={[
                  { label: "Person", sort: "person" },
                  { label: "Allocation to sprint work", sort: "allocation" },
                  { label: "Coming up", sort: "away" },
                ]}
                sorting={{ spec: PEOPLE_SORT, order, params: search }}
              />
            }
          >
            {sortedPeople.map((member) => {
              const own = member.entries;
              return (
                <tr key={member.id} className="border-t border-slate-100 align-top dark:border-slate-800">
                  <td className="py-2 pr-4 font-medium">{member.user.name}</td>
                  <td className="py-2 pr-4">
                    {editsTeam ? (
                      <AllocationInput
                        orgSlug={org.slug}
                        userId={member.user.id}
                        name={member.user.name}
                        value={member.allocationPercent}
                      />
                    ) : (
                      `${member.allocationPercent}%`
                    )}
                  </td>
                  <td className="py-2">
                    {own.length === 0 ? (
                      <span className="text-slate-600 dark:text-slate-400">Available</span>
                    ) : (
                      <ul className="space-y-1">
                        {own.map((entry) => {
                          const label = `${entry.kind === "time_off" ? "Time off" : "On call"} ${day(entry.startsOn)} – ${day(entry.endsOn)}`;
                          return (
                            <li key={entry.id} className="flex flex-wrap items-center gap-2">
                              <span
                                className={
                                  entry.kind === "time_off"
                                    ? "text-amber-700 dark:text-amber-300"
                                    : "text-sky-700 dark:text-sky-300"
                                }
                              >
                                {label}
                              </span>
                              {entry.note && (
                                <span className="text-xs text-slate-500 dark:text-slate-400">{entry.note}</span>
                              )}
                              <RemoveAvailabilityButton orgSlug={org.slug} id={entry.id} label={label} />
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </Card>
      </div>
    </>
  );
}
