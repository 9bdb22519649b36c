import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { checkPortFree, findPortHolder, formatCmdline, isPortFree, listeningInodes } from "./ports";

const SAMPLE = [
  "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
  "   0: 0100007F:1005 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 229315 1 00000000f08a1257 100 0 0 10 0",
  "   1: 0100007F:1005 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 229999 1 00000000e0b70f3d 100 0 0 10 0",
  "   2: 00000000:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000   106        0 7397 1 00000000e0b70f3d 100 0 0 10 0",
].join("\n");

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

describe("port holders", () => {
  let open: Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (open ? open.close(() => resolve()) : resolve())));

  it("finds only listening sockets on the port", () => {
    expect(listeningInodes(SAMPLE, 4101)).toEqual(["229315"]);
    expect(listeningInodes(SAMPLE, 3000)).toEqual(["7397"]);
    expect(listeningInodes(SAMPLE, 4102)).toEqual([]);
  });

  it("turns a NUL-separated command line into words", () => {
    expect(formatCmdline("python3\0-m\0http.server\u00004101\0")).toBe("python3 -m http.server 4101");
  });

  it("names this very process as the holder of a port it listens on", async () => {
    const { server, port } = await listen();
    open = server;
    expect(await isPortFree(port)).toBe(false);
    expect(findPortHolder(port)?.pid).toBe(process.pid);
    const sentence = await checkPortFree(port, "Jira emulator", "stop it");
    expect(sentence).toBe(
      `Port ${port} (Jira emulator) is already in use by process ${process.pid} (${findPortHolder(port)?.command}): stop it.`,
    );
    expect(sentence?.split("\n")).toHaveLength(1);
  });

  it("says nothing about a free port", async () => {
    const { server, port } = await listen();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await isPortFree(port)).toBe(true);
    expect(await checkPortFree(port, "Jira emulator", "stop it")).toBeNull();
  });
});
