import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  buildRollbackBody,
  rollbackBlockerKey,
  rollbackIdempotencyKey,
  signRollbackBody,
  signRollbackRequest,
} from "./request";

const input = {
  id: "gate_1",
  org: "acme",
  release: "2.14.0",
  environment: "production",
  previousRelease: "2.13.0",
  reason: "Crash-free sessions fell to 97.50% from 99.80% in 2.13.0.",
  approvedBy: "Grace Hopper",
  approvedAt: "2026-12-03T12:00:00.000Z",
};

describe("buildRollbackBody", () => {
  it("serialises the protocol's fields in a fixed order", () => {
    expect(buildRollbackBody(input)).toBe(
      '{"type":"rollback.requested","id":"gate_1","org":"acme","release":"2.14.0","environment":"production","previousRelease":"2.13.0","reason":"Crash-free sessions fell to 97.50% from 99.80% in 2.13.0.","approvedBy":"Grace Hopper","approvedAt":"2026-12-03T12:00:00.000Z"}',
    );
  });

  it("is the same bytes whatever order the input's keys came in, and ignores extra keys", () => {
    const shuffled = Object.fromEntries(Object.entries({ ...input, secret: "x" }).reverse()) as typeof input;
    expect(buildRollbackBody(shuffled)).toBe(buildRollbackBody(input));
  });

  it("keeps hostile text as JSON data, and a missing previous release as null", () => {
    const body = buildRollbackBody({ ...input, reason: '"}],\n<script>', previousRelease: null });
    expect(JSON.parse(body)).toMatchObject({ reason: '"}],\n<script>', previousRelease: null });
  });
});

describe("signatures", () => {
  it("is the hex HMAC-SHA256 of `<timestamp>.<body>` under the secret", () => {
    const body = buildRollbackBody(input);
    const expected = createHmac("sha256", "demo-rollback-secret").update(`1796385600.${body}`).digest("hex");
    expect(signRollbackBody({ secret: "demo-rollback-secret", timestamp: 1796385600, body })).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a different secret, timestamp or body signs differently", () => {
    const body = buildRollbackBody(input);
    const base = signRollbackBody({ secret: "s", timestamp: 1, body });
    expect(signRollbackBody({ secret: "t", timestamp: 1, body })).not.toBe(base);
    expect(signRollbackBody({ secret: "s", timestamp: 2, body })).not.toBe(base);
    expect(signRollbackBody({ secret: "s", timestamp: 1, body: `${body} ` })).not.toBe(base);
  });

  it("builds the headers of one send, deterministic for its inputs", () => {
    const body = buildRollbackBody(input);
    const at = new Date("2026-12-03T12:00:00.900Z");
    const signed = signRollbackRequest({ secret: "demo-rollback-secret", body, idempotencyKey: "rollback:gate_1", at });
    const timestamp = Math.floor(at.getTime() / 1000);
    expect(signed).toEqual({
      body,
      headers: {
        "Content-Type": "application/json",
        "X-Bosun-Timestamp": String(timestamp),
        "X-Bosun-Signature": `sha256=${signRollbackBody({ secret: "demo-rollback-secret", timestamp, body })}`,
        "Idempotency-Key": "rollback:gate_1",
      },
    });
    expect(
      signRollbackRequest({ secret: "demo-rollback-secret", body, idempotencyKey: "rollback:gate_1", at }),
    ).toEqual(signed);
  });
});

describe("keys", () => {
  it("one request per gate, one blocker per release and environment", () => {
    expect(rollbackIdempotencyKey("gate_1")).toBe("rollback:gate_1");
    expect(rollbackBlockerKey("2.14.0", "production")).toBe("rollback-blocker:2.14.0:production");
  });
});
