import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningMailEmulator, startMailEmulator } from "@/emulators/mail";
import { parseEnv } from "@/lib/platform/env/schema";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { sendMail } from "./client";
import { classifyMailFailure, messageIdFor } from "./transform";

describe("mail configuration", () => {
  it("defaults to the demo mail catcher in demo mode and to nothing in live mode", () => {
    expect(parseEnv({}).mail).toEqual({
      smtpUrl: "smtp://127.0.0.1:4105",
      from: "Bosun <notifications@bosun.localhost>",
    });
    const live = parseEnv({
      BOSUN_MODE: "live",
      DATABASE_URL: "postgresql://u@db/bosun",
      WORKOS_CLIENT_ID: "client_1",
      WORKOS_API_KEY: "sk_live_1",
      WORKOS_COOKIE_PASSWORD: "x".repeat(32),
      NEXT_PUBLIC_WORKOS_REDIRECT_URI: "https://bosun.example.com/callback",
      BOSUN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
    });
    expect(live.mail.smtpUrl).toBeNull();
  });

  it.each([
    ["SMTP_URL", "http://mail.example.com"],
    ["SMTP_URL", "smtp://"],
    ["MAIL_FROM", "not an address"],
    ["MAIL_FROM", "Bosun <a@b.test>\r\nBcc: x@evil.test"],
  ])("refuses %s=%j, naming the variable", (variable, value) => {
    expect(() => parseEnv({ [variable]: value })).toThrow(new RegExp(variable));
  });

  it("accepts SMTP URLs with credentials and a named sender", () => {
    const env = parseEnv({
      SMTP_URL: "smtps://user:p%40ss@smtp.example.com:465",
      MAIL_FROM: "Bosun <bosun@example.com>",
    });
    expect(env.mail).toEqual({
      smtpUrl: "smtps://user:p%40ss@smtp.example.com:465",
      from: "Bosun <bosun@example.com>",
    });
  });
});

describe("sendMail", () => {
  let mail: RunningMailEmulator;
  beforeAll(async () => {
    mail = await startMailEmulator({ smtpPort: 0, httpPort: 0 });
    setTestEnv({ SMTP_URL: mail.smtpUrl });
  });
  afterAll(async () => {
    restoreTestEnv();
    await mail.close();
  });

  it("sends the same Message-ID for a retried write, and a different one for another", async () => {
    const message = { to: "linus@acme.test", subject: "Hello\r\nBcc: x@evil.test", text: "Hi", html: "<p>Hi</p>" };
    const first = await sendMail(message, { orgId: "org_1", idempotencyKey: "mail:batch:1" });
    const again = await sendMail(message, { orgId: "org_1", idempotencyKey: "mail:batch:1" });
    const other = await sendMail(message, { orgId: "org_1", idempotencyKey: "mail:batch:2" });
    expect(first.messageId).toBe(messageIdFor({ orgId: "org_1", idempotencyKey: "mail:batch:1" }));
    expect(again.messageId).toBe(first.messageId);
    expect(other.messageId).not.toBe(first.messageId);
    const caught = mail.store.listMessages();
    expect(caught.map((m) => m.messageId)).toEqual([first.messageId, first.messageId, other.messageId]);
    // The subject is one header line: no injected Bcc.
    expect(caught[0]?.to).toEqual(["linus@acme.test"]);
    expect(caught[0]?.subject).toBe("Hello Bcc: x@evil.test");
  });

  it("fails a send to an SMTP server that is not there as worth another try", async () => {
    setTestEnv({ SMTP_URL: "smtp://127.0.0.1:1" });
    try {
      await expect(
        sendMail({ to: "a@b.test", subject: "x", text: "y", html: "<p>y</p>" }, { orgId: "o", idempotencyKey: "k" }),
      ).rejects.toMatchObject({ status: 503 });
    } finally {
      setTestEnv({ SMTP_URL: mail.smtpUrl });
    }
  });
});

describe("classifyMailFailure", () => {
  it("reads SMTP answers as the retry policy's statuses", () => {
    expect(classifyMailFailure({ responseCode: 550, message: "no such user" }).status).toBe(422);
    expect(classifyMailFailure({ responseCode: 451, message: "try later" }).status).toBe(503);
    expect(classifyMailFailure({ code: "EAUTH", message: "bad login" }).status).toBe(401);
    expect(classifyMailFailure({ code: "ECONNECTION", message: "refused" }).status).toBe(503);
  });
});
