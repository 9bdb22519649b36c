// Preloaded (node --import) into a process under test to stand in for CPU-heavy work: once the file named by
// BOSUN_TEST_BUSY_FLAG exists, the event loop is kept busy in 100 ms slices with a moment between them, as a
// long synchronous transform or a burst of jobs would. Signal handlers still run, but only between slices.
import { existsSync } from "node:fs";

const flag = process.env.BOSUN_TEST_BUSY_FLAG;
if (flag) {
  const poll = setInterval(() => {
    if (!existsSync(flag)) return;
    clearInterval(poll);
    setInterval(() => {
      const until = Date.now() + 100;
      while (Date.now() < until);
    }, 1).unref();
  }, 20);
  poll.unref();
}
