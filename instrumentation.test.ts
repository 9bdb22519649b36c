import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import type * as Instrumentation from "./instrumentation";

// Sentry's setup is not what is under test, and it would patch this worker's globals for later files.
vi.mock("./sentry.server.config", () => ({}));

const key = (keyId: string, fill: number) => ({ keyId, key: Buffer.alloc(32, fill).toString("base64") });

/** The web process's startup hook, as Next.js calls it in the Node.js runtime, against a real database. */
describe("instrumentation register()", () => {
  let instrumentation: typeof Instrumentation;
  const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
    throw new Error(`process.exit(${String(code)})`);
  });
  const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);

  useSeededDatabase({
    label: "instrument",
    seed: {
      urls: { jira: "http://127.0.0.1:1", sentry: "http://127.0.0.1:1" },
      keyring: { current: key("primary", 1), previous: [] },
    },
  });
  beforeAll(async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    // Rotated in place: a new key under the old id, the mistake the check is for.
    vi.stubEnv("BOSUN_ENCRYPTION_KEY", key("primary", 9).key);
    vi.stubEnv("BOSUN_WORKER", "separate");
    // lib/platform/env reads NEXT_RUNTIME, BOSUN_WORKER and BOSUN_ENCRYPTION_KEY when it loads, so the modules under test load again after they are set.
    vi.resetModules();
    instrumentation = await import("./instrumentation");
  });
  afterAll(async () => {
    exit.mockRestore();
    printed.mockRestore();
    vi.unstubAllEnvs();
  });

  it("finding 11 (key rotation): the web process refuses to start when the key changed without a new id", async () => {
    await expect(instrumentation.register()).rejects.toThrow("process.exit(1)");
    expect(exit).toHaveBeenCalledWith(1);
    expect(printed).toHaveBeenCalledWith(
      `Bosun's web process will not start. Key id "primary" no longer opens stored credentials: the key changed without a new BOSUN_ENCRYPTION_KEY_ID. Set BOSUN_ENCRYPTION_KEY back to the old key, or give the new key a new BOSUN_ENCRYPTION_KEY_ID and list the old one as primary:<old base64 key> in BOSUN_PREVIOUS_ENCRYPTION_KEYS.`,
    );
  });
});

describe("instrumentation onRequestError()", () => {
  it("marks the render's ticket, so HTML that met an error is never answered again", async () => {
    const { onRequestError } = await import("./instrumentation");
    const { closeTicket, openTicket, RENDER_TICKET_HEADER } = await import("./lib/platform/render-cache/tickets");
    const ticket = openTicket();
    await onRequestError(
      new Error("a panel failed"),
      { path: "/acme/errors", method: "GET", headers: { [RENDER_TICKET_HEADER]: ticket } },
      {
        routerKind: "App Router",
        routePath: "/[orgSlug]/errors",
        routeType: "render",
        renderSource: "react-server-components",
        revalidateReason: undefined,
      },
    );
    expect(closeTicket(ticket)?.spoiled).toBe(true);
  });
});
