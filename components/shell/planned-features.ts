import type { IntegrationStatusRow } from "./integration-status";

type PlannedFeatureSpec = {
  title: string;
  description: string;
  willShow: string[];
  needs: string[];
  providers: IntegrationStatusRow["provider"][];
};

/** Sections whose views are still to be built: what each will show and what it depends on. */
export const PLANNED_FEATURES = {
  "api-keys": {
    title: "API keys",
    description: "Keys for AI agents and scripts using Bosun's MCP endpoint.",
    willShow: [
      "Org-scoped API keys for the MCP endpoint, each with a name and a scope (read-only or read-write)",
      "When each key was created and last used, and by whom",
      "Revocation that takes effect at once; keys are stored hashed and shown only when created",
    ],
    needs: ["Admin role"],
    providers: [],
  },
} satisfies Record<string, PlannedFeatureSpec>;

export type PlannedFeatureKey = keyof typeof PLANNED_FEATURES;
