import path from "node:path";
import { buildSpecs } from "./build-specs";
import { jiraSpecTargets } from "../jira/spec/targets";
import { sentrySpecTargets } from "../sentry/spec/targets";
import { workosSpecTargets } from "../workos/spec/targets";

const specsDir = process.env.SPECS_DIR ?? path.resolve(import.meta.dirname, "../../../shared/specs");
await buildSpecs(
  [...jiraSpecTargets, ...sentrySpecTargets, ...workosSpecTargets],
  specsDir,
  path.resolve(import.meta.dirname, ".."),
);
