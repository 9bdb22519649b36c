"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/platform/actions/org-action";
import { loadSprintDashboard } from "@/lib/features/sprints";

/** Re-reads the board from Jira now, skipping the cache. */
export const refreshSprintsAction = orgAction(
  z.object({ boardId: z.number().int().positive() }),
  "dashboards:view",
  async ({ input, org, requestId }) => {
    const result = await loadSprintDashboard({ orgId: org.id, boardId: input.boardId, force: true, requestId });
    revalidatePath(`/${org.slug}/sprints`);
    return result.status === "ok" && result.freshness.stale
      ? { ok: false, error: `Jira did not answer: ${result.freshness.error}` }
      : { ok: true, data: null };
  },
);
