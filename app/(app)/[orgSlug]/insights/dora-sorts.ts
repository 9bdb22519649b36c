import { defineSort } from "@/lib/domain/tables/sort";

/*
 * The delivery page's sortable tables. They share the page's `sort`/`dir` parameters, so each table's keys are its
 * own: sorting one leaves the others in their default order (newest first, projects by name).
 */

export const DEPLOY_SORT = defineSort({
  keys: ["deploy-finished", "deploy-version", "deploy-recovery"],
  default: { key: "deploy-finished", dir: "desc" },
  firstDir: { "deploy-recovery": "desc" },
});

export const FAILURE_SORT = defineSort({
  keys: ["failure-started", "failure-kind", "failure-resolved"],
  default: { key: "failure-started", dir: "desc" },
  firstDir: { "failure-resolved": "desc" },
});

export const LEAD_TIME_SORT = defineSort({
  keys: ["lead-release", "lead-committed", "lead-deployed", "lead-hours"],
  default: { key: "lead-deployed", dir: "desc" },
  firstDir: { "lead-committed": "desc", "lead-hours": "desc" },
});

export const PROJECT_SORT = defineSort({
  keys: ["project-name", "project-deploys", "project-lead", "project-failure-rate", "project-recovery"],
  default: { key: "project-name", dir: "asc" },
  firstDir: {
    "project-deploys": "desc",
    "project-lead": "desc",
    "project-failure-rate": "desc",
    "project-recovery": "desc",
  },
});
