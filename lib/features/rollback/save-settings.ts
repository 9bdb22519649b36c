import "server-only";
import { z } from "zod";
import { setOrgSetting } from "@/lib/db/queries/organizations";
import { rollbackSettingsSchema, type RollbackSettings } from "@/lib/domain/rollback";
import { getRollbackSettings } from "./settings";

const { shape } = rollbackSettingsSchema;

/** What an admin submits: every field required (a blank Jira project means "the release rules' project"). */
export const rollbackSettingsInputSchema = z.object({
  windowHours: shape.windowHours.unwrap(),
  criticalIssueThreshold: shape.criticalIssueThreshold.unwrap(),
  environment: shape.environment.unwrap(),
  jiraProjectKey: z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : value.toUpperCase()))
    .pipe(shape.jiraProjectKey.unwrap()),
});

export type RollbackSettingsChange = {
  before: RollbackSettings;
  after: RollbackSettings;
  changed: (keyof RollbackSettings)[];
};

/** Stores the gate's settings under `settings.rollback`, and says what they were before. */
export async function saveRollbackSettings({
  orgId,
  settings,
}: {
  orgId: string;
  settings: RollbackSettings;
}): Promise<RollbackSettingsChange> {
  const before = await getRollbackSettings({ orgId });
  const after = rollbackSettingsSchema.parse(settings);
  await setOrgSetting({ orgId, key: "rollback", value: after });
  const changed = (Object.keys(after) as (keyof RollbackSettings)[]).filter((key) => before[key] !== after[key]);
  return { before, after, changed };
}
