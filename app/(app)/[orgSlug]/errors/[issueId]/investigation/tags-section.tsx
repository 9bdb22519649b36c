import { Card } from "@/components/ui/card";
import type { InvestigationReport } from "@/lib/features/investigation";

/** Each tag's top values as labelled bars: the value, its count and its share are all text, the bar only echoes them. */
export function TagsSection({ tags }: { tags: InvestigationReport["tags"] }) {
  return (
    <Card title="Tags over the issue's events">
      {tags.length === 0 ? (
        <p className="text-sm">Sentry has no tag values for this issue.</p>
      ) : (
        <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-3">
          {tags.map((tag) => (
            <section key={tag.key} aria-label={`${tag.name} breakdown`}>
              <h3 className="mb-2 text-sm font-semibold">
                {tag.name}{" "}
                <span className="font-normal text-slate-500 dark:text-slate-400">
                  ({tag.totalValues.toLocaleString("en")} events)
                </span>
              </h3>
              <ul className="space-y-1.5">
                {tag.topValues.map((value) => {
                  const share = tag.totalValues > 0 ? (value.count / tag.totalValues) * 100 : 0;
                  return (
                    <li key={value.value} className="text-xs">
                      <div className="flex justify-between gap-2">
                        <span className="min-w-0 break-all font-mono">{value.value}</span>
                        <span className="whitespace-nowrap tabular-nums">
                          {value.count.toLocaleString("en")} · {share < 1 ? "<1" : Math.round(share)}%
                        </span>
                      </div>
                      <div className="mt-0.5 h-1.5 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                        <div className="h-1.5 rounded bg-brand-500" style={{ width: `${Math.max(1, share)}%` }} />
                      </div>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      )}
    </Card>
  );
}
