/**
 * Group commit: callers hand in one item each and wait for its result, while the items that arrive during a write
 * share the next one. With nothing in flight an item is written at once (a quiet org waits no longer than before);
 * under a storm the items queued behind a write go together in one statement, so a round trip and a commit carry
 * many deliveries instead of one. At most `maxInFlight` writes run at a time and each carries at most `maxBatch`
 * items.
 *
 * `write` answers one result per item, in order. If a write of several items fails, each is written again on its
 * own, so one bad item fails alone instead of taking its neighbours with it.
 */
export type GroupCommitOptions = { maxBatch: number; maxInFlight: number };

type Waiting<I, O> = { item: I; resolve: (result: O) => void; reject: (error: unknown) => void };

export function groupCommit<I, O>(
  write: (items: I[]) => Promise<O[]>,
  { maxBatch, maxInFlight }: GroupCommitOptions,
): (item: I) => Promise<O> {
  const queue: Waiting<I, O>[] = [];
  let inFlight = 0;

  async function writeAlone(waiting: Waiting<I, O>) {
    try {
      const [result] = await write([waiting.item]);
      waiting.resolve(result as O);
    } catch (error) {
      waiting.reject(error);
    }
  }

  async function flush(batch: Waiting<I, O>[]) {
    try {
      const results = await write(batch.map((waiting) => waiting.item));
      if (results.length !== batch.length)
        throw new Error(`A group write answered ${results.length} results for ${batch.length} items`);
      batch.forEach((waiting, index) => waiting.resolve(results[index] as O));
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else await Promise.all(batch.map(writeAlone));
    }
  }

  function pump() {
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      inFlight += 1;
      void flush(batch).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      pump();
    });
}
