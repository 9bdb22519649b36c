import { describe, expect, it } from "vitest";
import { groupCommit } from "./group-commit";

/** A write whose completion the test controls, recording the batches it was handed. */
function controlledWrite() {
  const batches: number[][] = [];
  const finishers: (() => void)[] = [];
  const write = (items: number[]) => {
    batches.push(items);
    return new Promise<string[]>((resolve, reject) => {
      finishers.push(() =>
        items.includes(13) ? reject(new Error("13 is refused")) : resolve(items.map((i) => `#${i}`)),
      );
    });
  };
  const finishNext = async () => {
    finishers.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { write, batches, finishNext, pending: () => finishers.length };
}

describe("groupCommit", () => {
  it("writes a lone item at once, and the items that arrive meanwhile together in the next write", async () => {
    const { write, batches, finishNext } = controlledWrite();
    const submit = groupCommit(write, { maxBatch: 10, maxInFlight: 1 });
    const first = submit(1);
    expect(batches).toEqual([[1]]);
    const rest = [2, 3, 4].map(submit);
    expect(batches).toEqual([[1]]);
    await finishNext();
    expect(await first).toBe("#1");
    expect(batches).toEqual([[1], [2, 3, 4]]);
    await finishNext();
    expect(await Promise.all(rest)).toEqual(["#2", "#3", "#4"]);
  });

  it("keeps to the batch size and the number of writes in flight", async () => {
    const { write, batches, finishNext, pending } = controlledWrite();
    const submit = groupCommit(write, { maxBatch: 2, maxInFlight: 2 });
    const all = [1, 2, 3, 4, 5, 6, 7].map(submit);
    expect(batches).toEqual([[1], [2]]);
    expect(pending()).toBe(2);
    await finishNext();
    expect(batches).toEqual([[1], [2], [3, 4]]);
    while (pending() > 0) await finishNext();
    expect(batches).toEqual([[1], [2], [3, 4], [5, 6], [7]]);
    expect(await Promise.all(all)).toEqual(["#1", "#2", "#3", "#4", "#5", "#6", "#7"]);
  });

  it("when a shared write fails, writes each item again on its own so only the bad one fails", async () => {
    const { write, batches, finishNext, pending } = controlledWrite();
    const submit = groupCommit(write, { maxBatch: 10, maxInFlight: 1 });
    const first = submit(1);
    const shared = [12, 13, 14].map((n) =>
      submit(n).then(
        (value) => value,
        (error: Error) => error.message,
      ),
    );
    while (pending() > 0) await finishNext();
    expect(await first).toBe("#1");
    expect(await Promise.all(shared)).toEqual(["#12", "13 is refused", "#14"]);
    expect(batches).toEqual([[1], [12, 13, 14], [12], [13], [14]]);
  });

  it("does not trust a shared write that answers the wrong number of results", async () => {
    const batches: number[][] = [];
    const submit = groupCommit(
      async (items: number[]) => {
        batches.push(items);
        return ["one result"];
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    // The first goes alone; the second and third wait behind it and share a write that answers one result for two.
    const results = await Promise.all([1, 2, 3].map(submit));
    expect(results).toEqual(["one result", "one result", "one result"]);
    expect(batches).toEqual([[1], [2, 3], [2], [3]]);
  });
});
