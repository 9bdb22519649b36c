import { Card } from "@/components/ui/card";
import { digestSections } from "@/lib/domain/notifications";
import { loadWeeklyDigest } from "@/lib/features/notifications";

/** This week's digest as the Monday e-mail will have it, from the same loaders, for the person viewing. */
export async function DigestPreview({ orgId, userId }: { orgId: string; userId: string }) {
  const digest = await loadWeeklyDigest({ orgId, userId, now: new Date() });
  if (!digest) return null;
  return (
    <Card title="This week's digest (preview)" className="mb-6">
      <div className="space-y-4">
        {digestSections(digest).map((section) => (
          <section key={section.heading} aria-label={section.heading}>
            <h3 className="text-sm font-semibold">{section.heading}</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
              {section.lines.map((line, index) => (
                <li key={index}>
                  {line.link ? (
                    <a href={line.link} className="text-brand-600 underline dark:text-brand-300">
                      {line.text}
                    </a>
                  ) : (
                    line.text
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Card>
  );
}
