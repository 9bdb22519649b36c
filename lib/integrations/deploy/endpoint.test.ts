import { describe, expect, it } from "vitest";
import { checkRollbackHookUrl } from "./endpoint";

describe("checkRollbackHookUrl", () => {
  it("accepts a public https hook in live mode", () => {
    expect(checkRollbackHookUrl("https://deploy.example.com/hooks/rollback", "live")).toBeNull();
    expect(checkRollbackHookUrl("https://8.8.8.8:8443/rollback", "live")).toBeNull();
    expect(checkRollbackHookUrl("https://203.0.113.7/rollback", "live")).toContain("a documentation address");
  });

  it("refuses plain http in live mode", () => {
    expect(checkRollbackHookUrl("http://deploy.example.com/hooks/rollback", "live")).toBe("must use https");
  });

  it.each([
    ["https://127.0.0.1/hook", "must not point at 127.0.0.1, a loopback address"],
    ["https://10.1.2.3/hook", "must not point at 10.1.2.3, a private address"],
    ["https://169.254.169.254/latest", "must not point at 169.254.169.254"],
    ["https://[::1]/hook", "must not point at ::1"],
    ["https://[::ffff:127.0.0.1]/hook", "must not point at ::ffff:7f00:1"],
    ["https://localhost/hook", "must not point at localhost, an internal name"],
    ["https://deploy.localhost/hook", "must not point at deploy.localhost, an internal name"],
    ["https://metadata.google.internal/", "must not point at metadata.google.internal, an internal name"],
  ])("refuses %s in live mode", (url, message) => {
    expect(checkRollbackHookUrl(url, "live")).toContain(message);
  });

  it("lets demo mode reach its emulators over plain http on loopback", () => {
    expect(checkRollbackHookUrl("http://127.0.0.1:4104/hooks/rollback", "demo")).toBeNull();
    expect(checkRollbackHookUrl("ftp://127.0.0.1/hook", "demo")).toBe("must be an http(s) URL");
  });

  it("refuses credentials, fragments and junk in either mode", () => {
    for (const mode of ["demo", "live"] as const) {
      expect(checkRollbackHookUrl("https://user:pw@deploy.example.com/", mode)).toMatch(/user name or password/);
      expect(checkRollbackHookUrl("https://deploy.example.com/#x", mode)).toBe("must not have a #fragment");
      expect(checkRollbackHookUrl("deploy.example.com/hook", mode)).toMatch(/^must be a full URL/);
      expect(checkRollbackHookUrl("javascript:alert(1)", mode)).not.toBeNull();
    }
  });
});
