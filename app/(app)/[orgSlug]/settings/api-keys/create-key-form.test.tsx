import type * as ReactModule from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CreateKeyFormResult } from "./create-key-state";
import { CreateKeyForm } from "./create-key-form";

/**
 * The create form renders what its action returned (the useActionState state):
 * the state is swapped in here as the action would leave it, and the real form renders it.
 */
const action = vi.hoisted(() => ({ state: null as CreateKeyFormResult | null, pending: false }));
vi.mock("react", async (original) => ({
  ...(await original<typeof ReactModule>()),
  useActionState: () => [action.state, () => undefined, action.pending],
}));
vi.mock("./actions", () => ({ createApiKeyFormAction: async () => null }));

const KEY = "bsn_Zm9yIHRoZSB0ZXN0IG9ubHksIG5vdCBhIHJlYWwga2V5AAAA";
const render = () => renderToStaticMarkup(<CreateKeyForm orgSlug="acme" roles={["admin", "manager", "member"]} />);

describe("CreateKeyForm", () => {
  beforeEach(() => {
    action.state = null;
    action.pending = false;
  });

  it("before anything is sent: an empty form that carries the org, and no key", () => {
    const html = render();
    expect(html).toContain('<input type="hidden" name="orgSlug" value="acme"/>');
    expect(html).not.toContain("New API key");
    expect(html).not.toContain('role="alert"');
  });

  it("shows the new key from the action's result, once, with a way to copy it", () => {
    action.state = {
      ok: true,
      data: {
        status: "succeeded",
        message: 'API key "CI bot" created.',
        key: KEY,
        prefix: KEY.slice(0, 12),
        name: "CI bot",
      },
      values: { name: "", scope: "read", role: "member" },
    };
    const html = render();
    expect(html.match(new RegExp(KEY, "g"))).toHaveLength(1);
    expect(html).toMatch(new RegExp(`<input id="new-api-key" readOnly=""[^>]*value="${KEY}"/>`));
    expect(html).toContain("Your new key “CI bot”");
    expect(html).toContain("it will not be shown again");
    expect(html).toMatch(/name="name"[^>]*value=""/);
  });

  it("after a refusal keeps what was typed and ties the error to its field", () => {
    action.state = {
      ok: false,
      error: "role: cannot be above your own role (manager)",
      fieldErrors: { role: "cannot be above your own role (manager)" },
      values: { name: "Release bot", scope: "read_write", role: "admin" },
    };
    const html = render();
    expect(html).not.toContain("New API key");
    expect(html).toMatch(/name="name"[^>]*value="Release bot"/);
    expect(html).toContain('<option value="read_write" selected="">');
    expect(html).toContain('<option value="admin" selected="">');
    expect(html).toMatch(/aria-invalid="true" aria-describedby="([^"]+)-role-error" name="role"/);
    expect(html).toContain("Role cannot be above your own role (manager)");
  });

  it("sends the user to step up when the action asks for a fresh second factor", () => {
    action.state = {
      ok: false,
      error: "Creating an API key needs a code from your authenticator app.",
      stepUp: { url: "/mfa?org=acme&returnTo=%2Facme%2Fsettings%2Fapi-keys" },
      values: { name: "CI bot", scope: "read", role: "member" },
    };
    const html = render();
    expect(html).toContain('href="/mfa?org=acme&amp;returnTo=%2Facme%2Fsettings%2Fapi-keys"');
    expect(html).not.toContain("New API key");
  });

  it("says it is working while the action runs", () => {
    action.pending = true;
    expect(render()).toMatch(/<button type="submit" disabled=""[^>]*>Creating…<\/button>/);
  });
});
