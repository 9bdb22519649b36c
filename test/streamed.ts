import { isValidElement } from "react";

/**
 * Waits for what a rendered page hands its streamed panels: every promise
 * found in the props of the element tree (a page starts its slow reads and
 * passes them to components behind Suspense). Lets a test count the upstream
 * requests of a whole page view, streamed parts included.
 */
export async function settleStreamedProps(tree: unknown): Promise<void> {
  const pending: Promise<unknown>[] = [];
  const walk = (value: unknown): void => {
    if (value instanceof Promise) pending.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (isValidElement(value)) Object.values(value.props as Record<string, unknown>).forEach(walk);
  };
  walk(tree);
  await Promise.allSettled(pending);
}
