import { afterAll, describe, expect, it } from "vitest";
import { startRecordingServer, type RecordingServer, redirectTo, HTML_PAGE } from "@/test/integrations";
import { describeFailure, isTransient } from "@/lib/platform/outbox/retry-policy";
import { sendRollbackRequest } from "./client";

/** The hook client against real local servers: what counts as accepted, refused (for good) or worth retrying. */
describe("sendRollbackRequest", () => {
  const servers: RecordingServer[] = [];
  const serve = async (status: number, body: string, contentType = "application/json") => {
    const server = await startRecordingServer({ status, contentType, body });
    servers.push(server);
    return server;
  };
  const send = (url: string) =>
    sendRollbackRequest({
      url: `${url}/hooks/rollback`,
      headers: { "Content-Type": "application/json", "Idempotency-Key": "rollback:g1", "X-Bosun-Timestamp": "1" },
      body: '{"type":"rollback.requested"}',
      // A ceiling only: none of these tests is about a timeout, so a slow machine must never reach it.
      timeoutMs: 30_000,
    });
  const failureOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    if (!error) throw new Error("expected a failure");
    return { error: error as Error, transient: isTransient(describeFailure(error)) };
  };

  afterAll(async () => Promise.all(servers.map((server) => server.close())));

  it("posts the signed headers and returns a 2xx answer, its text made plain", async () => {
    const server = await serve(202, '{"status":"accepted","rollbackId":"rb_1"}');
    expect(await send(server.url)).toEqual({ status: 202, body: '{"status":"accepted","rollbackId":"rb_1"}' });
    expect(server.requests).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/hooks/rollback",
        headers: expect.objectContaining({ "idempotency-key": "rollback:g1", "content-type": "application/json" }),
      }),
    ]);
  });

  it("drops a markup answer rather than storing a web page", async () => {
    const server = await serve(HTML_PAGE.status, HTML_PAGE.body, HTML_PAGE.contentType);
    expect(await send(server.url)).toEqual({ status: 200, body: "" });
  });

  it("a refusal (4xx) is permanent and names the status", async () => {
    const server = await serve(401, '{"error":"bad signature"}');
    const { error, transient } = await failureOf(send(server.url));
    expect(error.message).toBe('the rollback hook answered 401: {"error":"bad signature"}');
    expect(transient).toBe(false);
  });

  it("a redirect is not followed and not retried", async () => {
    const target = await startRecordingServer(redirectTo("http://169.254.169.254/"));
    servers.push(target);
    const { error, transient } = await failureOf(send(target.url));
    expect(error.message).toContain("302: a redirect, which Bosun does not follow");
    expect(transient).toBe(false);
  });

  it("an outage (5xx) is retried", async () => {
    const server = await serve(503, "down for maintenance", "text/plain");
    const { error, transient } = await failureOf(send(server.url));
    expect(error.message).toBe("the rollback hook answered 503: down for maintenance");
    expect(transient).toBe(true);
  });
});
