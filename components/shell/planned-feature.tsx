import { Card } from "@/components/ui/card";
import { IntegrationStatusList, type IntegrationStatusRow } from "./integration-status";

type PlannedFeatureProps = {
  willShow: string[];
  needs: string[];
  providers: IntegrationStatusRow["provider"][];
  integrations: IntegrationStatusRow[];
};

/**
 * What a section will show once it is built, and what it needs. It shows no
 * numbers: a dashboard that invents data is worse than one that says "not yet".
 */
export function PlannedFeature({ willShow, needs, providers, integrations }: PlannedFeatureProps) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title="What this page will show" className="lg:col-span-2">
        <ul className="list-disc space-y-1.5 pl-5 text-sm text-slate-700 dark:text-slate-300">
          {willShow.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p className="mt-4 text-sm text-slate-500 dark:text-slate-400">This view is not available yet; nothing here is estimated or sample data.</p>
      </Card>
      <Card title="What it needs">
        <ul className="mb-4 list-disc space-y-1.5 pl-5 text-sm text-slate-700 dark:text-slate-300">
          {needs.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <IntegrationStatusList rows={integrations} providers={providers} />
      </Card>
    </div>
  );
}
