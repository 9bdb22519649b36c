import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";

test("GET /api/health reports the database and demo mode", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    status: "ok",
    database: "ok",
    mode: "demo",
    version: expect.stringMatching(/^\d+\.\d+\.\d+/),
  });
});

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/", "/api/health", "/acme"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-request-id"], path).toMatch(/^[\w-]{8,}$/);
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  }
});

test("scripts on a page carry the response's CSP nonce, and the nonce changes per request", async ({ page }) => {
  const first = await page.goto("/");
  const nonce = /'nonce-([^']+)'/.exec(first?.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  // The scripts the server rendered carry it; chunks loaded later by those scripts are trusted through 'strict-dynamic'.
  const html = (await first?.text()) ?? "";
  const scriptTags = html.match(/<script\b[^>]*\bsrc=[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
  // And in the browser every script that ran did so under the policy: nothing was blocked.
  expect(await page.evaluate(() => document.querySelectorAll("script[src]").length)).toBeGreaterThanOrEqual(
    scriptTags.length,
  );
  const second = await page.goto("/");
  expect(second?.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
});

test.describe("a dashboard page opened again by the same session", () => {
  test.use({ storageState: STORAGE_STATE.grace });

  test("comes from the kept render with a nonce of its own, works, and shows a change at once", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    const url = "/acme/errors?project=api&period=24h";
    // The first loads change what a render depends on (they write the cache rows of what they read, and the browser
    // sets its time-zone cookie), and the in-process worker's jobs write the org's data while they run, so loads
    // render again until the data holds still; the bound is loads, not time, and is generous for a busy machine.
    let first = await page.goto(url);
    let second = await page.goto(url);
    for (let load = 0; load < 20 && second?.headers()["x-render-cache"] !== "hit"; load++) {
      first = second;
      second = await page.goto(url);
    }
    expect(second?.headers()["x-render-cache"]).toBe("hit");
    const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    const nonce = nonceOf(second?.headers()["content-security-policy"]);
    expect(nonce).toBeTruthy();
    expect(nonce).not.toBe(nonceOf(first?.headers()["content-security-policy"]));
    const html = (await second?.text()) ?? "";
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);

    // The button works only once React has hydrated: the page's scripts ran under the new nonce.
    const watch = page.getByRole("button", { name: /^Watch(ing)? project api$/ });
    await expect(watch).toBeEnabled();
    const watching = (await watch.getAttribute("aria-pressed")) === "true";
    await watch.click();
    await expect(watch).toHaveAttribute("aria-pressed", String(!watching));

    // The watch is the org's data: the next load renders again and shows it.
    const third = await page.goto(url);
    expect(third?.headers()["x-render-cache"]).toBe("miss");
    await expect(watch).toHaveAttribute("aria-pressed", String(!watching));
    await expect(watch).toBeEnabled();
    await watch.click();
    await expect(watch).toHaveAttribute("aria-pressed", String(watching));
    expect(violations).toEqual([]);
  });
});

test("a script injected into the HTML without the nonce does not run", async ({ page }) => {
  // Simulates an injection that reaches the markup: the real response, real headers, one extra inline script.
  await page.route("**/", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</body>", "<script>window.__injected = true</script></body>");
    await route.fulfill({ response, body });
  });
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/.test(message.text())) violations.push(message.text());
  });
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected === true)).toBe(false);
  expect(violations.length).toBeGreaterThan(0);
});

test("a request id sent by a proxy is kept", async ({ request }) => {
  const response = await request.get("/api/health", { headers: { "x-request-id": "lb-req-12345678" } });
  expect(response.headers()["x-request-id"]).toBe("lb-req-12345678");
});

test("paths that cannot be an org, like /favicon.ico, are not found", async ({ request }) => {
  for (const path of ["/favicon.ico", "/robots.txt"]) expect((await request.get(path)).status(), path).toBe(404);
});

test("the MCP endpoint asks for credentials the way MCP clients expect, and names its authorization server", async ({
  request,
  baseURL,
}) => {
  const metadata = await request.get("/.well-known/oauth-protected-resource", { maxRedirects: 0 });
  expect(metadata.status()).toBe(200);
  expect(await metadata.json()).toMatchObject({
    resource: `${baseURL}/api/mcp`,
    authorization_servers: ["http://127.0.0.1:4101"],
    bearer_methods_supported: ["header"],
  });
  expect((await request.get("/.well-known/oauth-protected-resource/api/mcp", { maxRedirects: 0 })).status()).toBe(200);

  const unauthenticated = await request.post("/api/mcp", {
    data: { jsonrpc: "2.0", id: 1, method: "tools/list" },
    headers: { accept: "application/json, text/event-stream" },
    maxRedirects: 0,
  });
  expect(unauthenticated.status()).toBe(401);
  expect(unauthenticated.headers()["www-authenticate"]).toBe(
    `Bearer resource_metadata="${baseURL}/.well-known/oauth-protected-resource"`,
  );
  const forged = await request.post("/api/mcp", {
    data: { jsonrpc: "2.0", id: 1, method: "tools/list" },
    headers: { accept: "application/json, text/event-stream", authorization: `Bearer bsn_${"x".repeat(43)}` },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(401);
  expect(forged.headers()["www-authenticate"]).toContain('error="invalid_token"');
});

test("the browser's Sentry SDK loads after the page, outside its first-load JavaScript", async ({ page }) => {
  await page.goto("/");
  await page.waitForFunction(
    () => "__SENTRY__" in window && Boolean((window as unknown as { __SENTRY__: Record<string, unknown> }).__SENTRY__),
    undefined,
    { timeout: 60_000 },
  );
});
