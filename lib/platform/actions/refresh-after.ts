import "server-only";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "./org-action";

/**
 * Answers an action's result after asking for a fresh render of the page it acted on. A refusal refreshes it too:
 * what refused it (a rule deleted meanwhile, a write the service turned down) shows on that page.
 */
export function refreshAfter<T>(path: string, result: ActionResult<T>): ActionResult<T> {
  revalidatePath(path);
  return result;
}
