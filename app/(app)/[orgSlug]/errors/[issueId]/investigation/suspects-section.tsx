import { Card } from "@/components/ui/card";
import type { InvestigationReport } from "@/lib/features/investigation";

/** Suspect commits, most suspect first, each with its author and the reason it is a suspect. */
export function SuspectsSection({ suspects, note }: { suspects: InvestigationReport["suspectCommits"]; note: string }) {
  return (
    <Card title="Suspect commits">
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{note}</p>
      {suspects.length > 0 && (
        <ol className="space-y-3">
          {suspects.map((commit) => (
            <li key={commit.id} className="text-sm">
              <p>
                <span className="font-mono text-xs">{commit.id.slice(0, 12)}</span>{" "}
                <span className="font-medium">{commit.message.split("\n")[0]}</span>
              </p>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {commit.author?.name ?? commit.author?.email ?? "Unknown author"}
                {commit.dateCreated && ` · ${commit.dateCreated.slice(0, 10)}`}
                {commit.release && ` · release ${commit.release}`}
                {commit.score !== null && ` · score ${commit.score}`}
              </p>
              <p className="text-xs">{commit.why}</p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
