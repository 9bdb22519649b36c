import { Card } from "@/components/ui/card";
import type { PanelRead, PerformancePage } from "@/lib/features/performance";

type Loaded = Extract<PerformancePage, { status: "ok" }>;

/**
 * Awaits the page and one of its panel reads; null when Sentry is not connected (the filters panel says so once),
 * a notice when the read failed with nothing cached.
 */
export async function awaitPanel<T>(
  page: Promise<PerformancePage>,
  pick: (loaded: Loaded) => Promise<PanelRead<T>>,
): Promise<{ value: T } | { notice: React.ReactNode }> {
  const loaded = await page;
  if (loaded.status !== "ok") return { notice: null };
  const read = await pick(loaded);
  if (read.status === "ok") return { value: read.value };
  return {
    notice: (
      <Card.Notice role="status">
        Sentry is not answering right now ({read.message}), and nothing is cached yet. Try again in a minute.
      </Card.Notice>
    ),
  };
}
