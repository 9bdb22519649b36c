import { isValidElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

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

/** The first element of this async component in a page's tree (behind Suspense), rendered once its data arrives. */
export async function renderStreamedPanel<P>(
  tree: unknown,
  component: (props: P) => Promise<ReactElement>,
): Promise<string> {
  const find = (value: unknown): ReactElement | null => {
    if (Array.isArray(value)) return value.map(find).find(Boolean) ?? null;
    if (!isValidElement(value)) return null;
    if (value.type === component) return value;
    return find((value.props as { children?: unknown }).children);
  };
  const element = find(tree);
  if (!element) throw new Error(`${component.name} is not on the page`);
  return renderToStaticMarkup(await component(element.props as P));
}
