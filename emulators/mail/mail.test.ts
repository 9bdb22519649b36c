import nodemailer, { type SendMailOptions } from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningMailEmulator, signRollback, startMailEmulator } from "./index";

describe("mail catcher", () => {
  let mail: RunningMailEmulator;
  const send = (message: SendMailOptions) =>
    nodemailer.createTransport(mail.smtpUrl).sendMail({ from: "Bosun <bosun@example.test>", ...message });

  beforeAll(async () => {
    mail = await startMailEmulator({ smtpPort: 0, httpPort: 0 });
  });
  afterAll(async () => {
    await mail.close();
  });
  beforeEach(async () => {
    await fetch(`${mail.url}/__emulator/messages`, { method: "DELETE" });
    await fetch(`${mail.url}/__emulator/rollbacks`, { method: "DELETE" });
    await fetch(`${mail.url}/__emulator/faults`, { method: "DELETE" });
  });

  it("keeps every message it is sent, as JSON", async () => {
    await send({
      to: "grace@acme.test",
      bcc: "ada@acme.test",
      subject: "Critical issue",
      text: "Plain",
      html: "<p>Rich</p>",
      messageId: "<abc@notifications.bosun>",
      headers: { "List-Unsubscribe": "<https://bosun.example/unsubscribe/t>" },
    });
    const messages = (await (await fetch(`${mail.url}/__emulator/messages`)).json()) as Record<string, unknown>[];
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      from: '"Bosun" <bosun@example.test>',
      to: ["grace@acme.test", "ada@acme.test"],
      subject: "Critical issue",
      text: "Plain",
      html: "<p>Rich</p>",
      messageId: "<abc@notifications.bosun>",
    });
    expect(messages[0]?.listUnsubscribe).toContain("https://bosun.example/unsubscribe/t");
    expect(Date.parse(messages[0]?.receivedAt as string)).not.toBeNaN();
  });

  it("accepts credentials it does not check, as a real catcher does", async () => {
    const url = mail.smtpUrl.replace("smtp://", "smtp://someone:secret@");
    await nodemailer.createTransport(url).sendMail({ from: "a@b.test", to: "c@d.test", subject: "x", text: "y" });
    expect(mail.store.listMessages()).toHaveLength(1);
  });

  it("empties on DELETE", async () => {
    await send({ to: "grace@acme.test", subject: "One", text: "1" });
    const deleted = await fetch(`${mail.url}/__emulator/messages`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect(await (await fetch(`${mail.url}/__emulator/messages`)).json()).toEqual([]);
  });

  it("shows messages on its page with everything escaped", async () => {
    await send({
      to: "grace@acme.test",
      subject: "<script>alert(1)</script>",
      text: "<b>x</b>",
      html: "<img src=x onerror=1>",
    });
    const page = await fetch(`${mail.url}/`);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("1 message caught");
  });
});

describe("rollback receiver", () => {
  let mail: RunningMailEmulator;
  const secret = "test-rollback-secret";
  const body = {
    type: "rollback.requested",
    id: "gate_1",
    org: "acme",
    release: "2.4.0",
    environment: "production",
    previousRelease: "2.3.9",
    reason: "Crash-free sessions fell to 91%",
    approvedBy: "Grace",
    approvedAt: "2026-06-01T12:00:00.000Z",
  };
  const post = (options: { key?: string; timestamp?: number; sign?: string; raw?: string; path?: string } = {}) => {
    const raw = options.raw ?? JSON.stringify(body);
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    return fetch(`${mail.url}${options.path ?? "/hooks/rollback"}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-bosun-timestamp": timestamp,
        "x-bosun-signature": options.sign ?? signRollback(secret, timestamp, raw),
        "idempotency-key": options.key ?? "rollback:gate_1",
      },
      body: raw,
    });
  };

  beforeAll(async () => {
    mail = await startMailEmulator({ smtpPort: 0, httpPort: 0, rollbackSecret: secret });
  });
  afterAll(async () => {
    await mail.close();
  });
  beforeEach(async () => {
    await fetch(`${mail.url}/__emulator/rollbacks`, { method: "DELETE" });
    await fetch(`${mail.url}/__emulator/faults`, { method: "DELETE" });
  });

  it("accepts a signed request and records it", async () => {
    const response = await post({ path: "/hooks/rollback/acme" });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: "accepted", rollbackId: "rb_1" });
    const rollbacks = (await (await fetch(`${mail.url}/__emulator/rollbacks`)).json()) as Record<string, unknown>[];
    expect(rollbacks).toHaveLength(1);
    expect(rollbacks[0]).toMatchObject({ id: "rb_1", idempotencyKey: "rollback:gate_1", body, deliveries: 1 });
    expect(rollbacks[0]?.headers).toMatchObject({ signature: expect.stringMatching(/^sha256=[0-9a-f]{64}$/) });
  });

  it("answers a repeated key with the first answer and records it once", async () => {
    const first = (await (await post()).json()) as { rollbackId: string };
    const again = await post();
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "accepted", rollbackId: first.rollbackId });
    const rollbacks = (await (await fetch(`${mail.url}/__emulator/rollbacks`)).json()) as { deliveries: number }[];
    expect(rollbacks).toHaveLength(1);
    expect(rollbacks[0]?.deliveries).toBe(2);
  });

  it.each([
    ["a wrong signature", { sign: "sha256=" + "0".repeat(64) }],
    [
      "a signature by another secret",
      { sign: signRollback("other", String(Math.floor(Date.now() / 1000)), JSON.stringify(body)) },
    ],
    ["a timestamp six minutes old", { timestamp: Math.floor(Date.now() / 1000) - 360 }],
    ["a timestamp six minutes ahead", { timestamp: Math.floor(Date.now() / 1000) + 360 }],
  ])("refuses %s with 401 and records nothing", async (_label, options) => {
    const response = await post(options);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: expect.any(String) });
    expect(await (await fetch(`${mail.url}/__emulator/rollbacks`)).json()).toEqual([]);
  });

  it("can be made to fail through faults", async () => {
    const set = await fetch(`${mail.url}/__emulator/faults`, {
      method: "PUT",
      body: JSON.stringify({ errorRate: 1, pathPrefix: "/hooks/" }),
    });
    expect(set.status).toBe(200);
    expect((await post()).status).toBe(503);
    await fetch(`${mail.url}/__emulator/faults`, { method: "DELETE" });
    expect((await post()).status).toBe(202);
  });
});
