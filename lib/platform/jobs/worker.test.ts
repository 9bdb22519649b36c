import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const queue = vi.hoisted(() => ({ drainJobs: vi.fn(), pruneFinishedJobs: vi.fn() }));
const logger = vi.hoisted(() => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() }));
vi.mock("./queue", () => queue);
vi.mock("@/lib/platform/observability/logger", () => ({ logger }));

import { kickJobWorker, startJobWorker, stopJobWorker } from "./worker";

type WorkerGlobal = { bosunJobWorker?: { timer: ReturnType<typeof setInterval> } };
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Pass scheduling of the in-process worker (the queue itself is tested in queue.test.ts). */
describe("job worker", () => {
  let release: (() => void)[];

  beforeEach(() => {
    release = [];
    // Each pass waits until the test lets it finish.
    queue.drainJobs
      .mockReset()
      .mockImplementation(() => new Promise<never[]>((resolve) => release.push(() => resolve([]))));
    queue.pruneFinishedJobs.mockReset().mockResolvedValue(0);
  });
  afterEach(() => {
    const state = globalThis as WorkerGlobal;
    if (state.bosunJobWorker) clearInterval(state.bosunJobWorker.timer);
    state.bosunJobWorker = undefined;
  });

  it("does nothing when kicked before it was started", async () => {
    kickJobWorker();
    await tick();
    expect(queue.drainJobs).not.toHaveBeenCalled();
  });

  it("coalesces kicks and never overlaps passes", async () => {
    startJobWorker({}, { intervalMs: 60_000 });
    startJobWorker({}, { intervalMs: 60_000 }); // once per process
    kickJobWorker();
    kickJobWorker();
    await tick();
    expect(queue.drainJobs).toHaveBeenCalledTimes(1);

    // Kicks during a pass ask for exactly one more, after it.
    kickJobWorker();
    kickJobWorker();
    await tick();
    expect(queue.drainJobs).toHaveBeenCalledTimes(1);
    release.shift()!();
    await tick();
    await tick();
    expect(queue.drainJobs).toHaveBeenCalledTimes(2);
    release.shift()!();
    await tick();
    await tick();
    expect(queue.drainJobs).toHaveBeenCalledTimes(2);
    // The first pass pruned; the next ones within the hour do not.
    expect(queue.pruneFinishedJobs).toHaveBeenCalledTimes(1);
  });

  it("claims twice its concurrency per pass", async () => {
    startJobWorker({}, { intervalMs: 60_000, concurrency: 8 });
    kickJobWorker();
    await tick();
    expect(queue.drainJobs).toHaveBeenCalledWith(expect.objectContaining({ limit: 16, concurrency: 8 }));
  });

  it("stops after the pass under way, and takes no more kicks", async () => {
    startJobWorker({}, { intervalMs: 60_000 });
    kickJobWorker();
    await tick();
    let stopped = false;
    const stopping = stopJobWorker().then(() => (stopped = true));
    await tick();
    expect(stopped).toBe(false);
    release.shift()!();
    await stopping;
    kickJobWorker();
    await tick();
    expect(queue.drainJobs).toHaveBeenCalledTimes(1);
  });

  it("keeps running after a failed pass", async () => {
    queue.drainJobs.mockRejectedValueOnce(new Error("database down"));
    startJobWorker({}, { intervalMs: 60_000 });
    kickJobWorker();
    await tick();
    await tick();
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ err: expect.any(Error) }),
      "job worker pass failed",
    );
    kickJobWorker();
    await tick();
    expect(queue.drainJobs).toHaveBeenCalledTimes(2);
  });
});
