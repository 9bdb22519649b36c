import { execFile } from "node:child_process";
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GITHUB_WEBHOOK_SECRETS } from "../seed/world";
import { branchCreatedPayload, pullRequestPayload, sendGithubEvent } from "./index";

type Delivery = { path: string; headers: http.IncomingHttpHeaders; body: string; verified: boolean };

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
let receiver: http.Server;
let baseUrl: string;
let deliveries: Delivery[] = [];

/** Verifies X-Hub-Signature-256 over the raw bytes with the org's secret, as Bosun must. */
function verify(orgPath: string, raw: Buffer, header: string | undefined): boolean {
  const org = orgPath.split("/").pop() as keyof typeof GITHUB_WEBHOOK_SECRETS;
  const secret = GITHUB_WEBHOOK_SECRETS[org];
  if (!secret || !header?.startsWith("sha256=")) return false;
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`);
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const verified = verify(req.url ?? "", raw, req.headers["x-hub-signature-256"] as string | undefined);
      deliveries.push({ path: req.url ?? "", headers: req.headers, body: raw.toString("utf8"), verified });
      res.writeHead(verified ? 202 : 401, { "content-type": "application/json" }).end(JSON.stringify({ verified }));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
  deliveries = [];
});

describe("sendGithubEvent", () => {
  it("signs a branch-created event and sends GitHub's headers", async () => {
    const payload = branchCreatedPayload({ repo: "acme/platform", branch: "ACME-12-fix-berths" });
    const delivery = await sendGithubEvent({
      url: `${baseUrl}/api/webhooks/github/acme`,
      secret: GITHUB_WEBHOOK_SECRETS.acme,
      event: "create",
      payload,
      deliveryId: "11111111-2222-3333-4444-555555555555",
    });
    expect(delivery.status).toBe(202);
    const [received] = deliveries;
    expect(received!.verified).toBe(true);
    expect(received!.headers).toMatchObject({
      "x-github-event": "create",
      "x-github-delivery": "11111111-2222-3333-4444-555555555555",
      "x-github-hook-id": expect.stringMatching(/^\d+$/),
      "x-github-hook-installation-target-id": String(payload.repository.id),
      "x-github-hook-installation-target-type": "repository",
      "user-agent": expect.stringMatching(/^GitHub-Hookshot\//),
      "content-type": "application/json",
      "x-hub-signature": expect.stringMatching(/^sha1=[0-9a-f]{40}$/),
    });
    expect(JSON.parse(received!.body)).toMatchObject({
      ref: "ACME-12-fix-berths",
      ref_type: "branch",
      master_branch: "main",
      repository: { full_name: "acme/platform" },
      sender: { login: "acme-dev" },
    });
  });

  it("builds merged pull requests and is rejected with the wrong secret", async () => {
    const payload = pullRequestPayload({
      repo: "globex/core",
      number: 7,
      title: "GLX-3 Route cargo",
      branch: "GLX-3-route",
      action: "closed",
      merged: true,
    });
    expect(payload.pull_request).toMatchObject({
      number: 7,
      state: "closed",
      merged: true,
      head: { ref: "GLX-3-route" },
      base: { ref: "main" },
      html_url: "https://github.com/globex/core/pull/7",
    });
    expect(payload.pull_request.head.sha).toMatch(/^[0-9a-f]{40}$/);
    const ok = await sendGithubEvent({
      url: `${baseUrl}/api/webhooks/github/globex`,
      secret: GITHUB_WEBHOOK_SECRETS.globex,
      event: "pull_request",
      payload,
    });
    expect(ok.status).toBe(202);
    const wrong = await sendGithubEvent({
      url: `${baseUrl}/api/webhooks/github/globex`,
      secret: GITHUB_WEBHOOK_SECRETS.acme,
      event: "pull_request",
      payload,
    });
    expect(wrong.status).toBe(401);
    expect(deliveries.map((d) => d.verified)).toEqual([true, false]);
    expect(deliveries[0]!.headers["x-github-delivery"]).not.toBe(deliveries[1]!.headers["x-github-delivery"]);
  });

  it("keeps open pull requests unmerged", () => {
    const payload = pullRequestPayload({
      repo: "acme/platform",
      number: 3,
      title: "ACME-1 Start",
      branch: "ACME-1-start",
      merged: true,
    });
    expect(payload).toMatchObject({
      action: "opened",
      pull_request: { state: "open", merged: false, merged_at: null },
    });
  });
});

describe("cli", () => {
  it("posts a signed pull_request to Bosun's per-org endpoint", async () => {
    const { stdout } = await run(
      "npx",
      [
        "tsx",
        "emulators/github/cli.ts",
        "pull_request",
        "--org",
        "acme",
        "--branch",
        "ACME-12-fix",
        "--title",
        "ACME-12 Fix berth sync",
        "--action",
        "closed",
        "--merged",
        "--url",
        baseUrl,
      ],
      { cwd: root },
    );
    expect(stdout).toContain("HTTP 202");
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ path: "/api/webhooks/github/acme", verified: true });
    expect(JSON.parse(deliveries[0]!.body)).toMatchObject({
      action: "closed",
      pull_request: { title: "ACME-12 Fix berth sync", merged: true, head: { ref: "ACME-12-fix" } },
      repository: { full_name: "acme/platform" },
    });
  });

  it("rejects unknown orgs before sending anything", async () => {
    await expect(
      run(
        "npx",
        ["tsx", "emulators/github/cli.ts", "create", "--org", "initech", "--branch", "X-1", "--url", baseUrl],
        { cwd: root },
      ),
    ).rejects.toMatchObject({ code: 2 });
    expect(deliveries).toHaveLength(0);
  });
});
