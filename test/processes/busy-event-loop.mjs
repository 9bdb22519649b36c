// Preloaded (node --import) into a process under test to stand in for CPU-heavy work: once a line arrives on stdin,
// the event loop is kept busy in 100 ms slices with a moment between them, as a long synchronous transform or a
// burst of jobs would. Signal handlers still run, but only between slices. It says so on stderr after the first.
process.stdin.once("data", () => {
  let announced = false;
  setInterval(() => {
    const until = Date.now() + 100;
    while (Date.now() < until);
    if (!announced) process.stderr.write("event loop busy\n");
    announced = true;
  }, 1).unref();
});
process.stdin.unref();
