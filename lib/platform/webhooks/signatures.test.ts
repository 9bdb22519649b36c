import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWorkosWebhook } from "@/emulators/workos";
import { verifyGithubSignature, verifyJiraSignature, verifySentrySignature, verifyWorkosSignature } from "./signatures";

const secret = "whsec_test";
const body = JSON.stringify({ id: "event_1", event: "user.created", data: {} });
const now = Date.parse("2026-11-24T12:00:00Z");
const hmac = (data: string) => createHmac("sha256", secret).update(data).digest("hex");

describe("verifyWorkosSignature", () => {
  const header = (t: number, b = body) => `t=${t}, v1=${hmac(`${t}.${b}`)}`;

  it("accepts a fresh, correct signature", () => {
    expect(verifyWorkosSignature({ header: header(now - 5_000), body, secret, now })).toEqual({ ok: true });
  });

  it("accepts exactly what the WorkOS emulator sends", () => {
    expect(verifyWorkosSignature({ header: signWorkosWebhook(body, secret, now), body, secret, now })).toEqual({
      ok: true,
    });
  });

  it("rejects missing, malformed, stale, forged and tampered deliveries", () => {
    expect(verifyWorkosSignature({ header: null, body, secret, now })).toEqual({ ok: false, reason: "missing" });
    expect(verifyWorkosSignature({ header: "v1=abc", body, secret, now })).toEqual({ ok: false, reason: "malformed" });
    expect(verifyWorkosSignature({ header: header(now - 181_000), body, secret, now })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(verifyWorkosSignature({ header: header(now + 181_000), body, secret, now })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(verifyWorkosSignature({ header: `t=${now}, v1=${"0".repeat(64)}`, body, secret, now })).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verifyWorkosSignature({ header: header(now), body: body.replace("user", "admin"), secret, now })).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verifyWorkosSignature({ header: header(now), body, secret: "other", now })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });
});

describe("verifyGithubSignature", () => {
  it("accepts sha256=<hmac> and rejects everything else", () => {
    expect(verifyGithubSignature({ header: `sha256=${hmac(body)}`, body, secret })).toEqual({ ok: true });
    expect(verifyGithubSignature({ header: null, body, secret })).toEqual({ ok: false, reason: "missing" });
    expect(verifyGithubSignature({ header: `sha1=${hmac(body)}`, body, secret })).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(verifyGithubSignature({ header: `sha256=${hmac(body + " ")}`, body, secret })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });
});

describe("verifySentrySignature", () => {
  const seconds = String(Math.floor(now / 1000));
  it("accepts a fresh signature of the exact body", () => {
    expect(verifySentrySignature({ header: hmac(body), timestampHeader: seconds, body, secret, now })).toEqual({
      ok: true,
    });
  });
  it("rejects stale, malformed and forged deliveries", () => {
    expect(
      verifySentrySignature({
        header: hmac(body),
        timestampHeader: String(Math.floor(now / 1000) - 3600),
        body,
        secret,
        now,
      }),
    ).toEqual({ ok: false, reason: "stale" });
    expect(verifySentrySignature({ header: hmac(body), timestampHeader: null, body, secret, now })).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(verifySentrySignature({ header: "zz", timestampHeader: seconds, body, secret, now })).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(verifySentrySignature({ header: hmac("{}"), timestampHeader: seconds, body, secret, now })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });
});

describe("verifyJiraSignature", () => {
  it("accepts Jira's X-Hub-Signature (sha256=<hmac>) over the raw body and rejects everything else", () => {
    expect(verifyJiraSignature({ header: `sha256=${hmac(body)}`, body, secret })).toEqual({ ok: true });
    // Hex case and surrounding spaces do not matter; the bytes compared are the same.
    expect(verifyJiraSignature({ header: ` sha256=${hmac(body).toUpperCase()} `, body, secret })).toEqual({ ok: true });
    expect(verifyJiraSignature({ header: null, body, secret })).toEqual({ ok: false, reason: "missing" });
    expect(verifyJiraSignature({ header: hmac(body), body, secret })).toEqual({ ok: false, reason: "malformed" });
    expect(verifyJiraSignature({ header: `sha256=${hmac(body).slice(2)}`, body, secret })).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(verifyJiraSignature({ header: `sha256=${hmac(body)}`, body: `${body}\n`, secret })).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verifyJiraSignature({ header: `sha256=${hmac(body)}`, body, secret: "another" })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });
});
