import { describe, expect, it } from "vitest";
import { parseUpstreamHosts } from "@/lib/platform/env/upstream-hosts";
import { createUpstreamPolicy, type ResolveHost } from "./upstream-policy";

const noLookups: ResolveHost = () => Promise.reject(new Error("no lookups in these tests"));
const policyAllowing = (list: string) =>
  createUpstreamPolicy({ allowedHosts: parseUpstreamHosts(list).rules, resolve: noLookups });
const messageOf = (error: Error | null) => error?.message ?? null;

describe("the upstream policy", () => {
  const strict = policyAllowing("");

  it("finding 4 (SSRF): refuses a host name that resolves to an internal address, naming both", () => {
    expect(messageOf(strict.check({ host: "jira.evil.example", port: 443 }, ["10.0.0.5"]))).toBe(
      "jira.evil.example resolves to a private address (10.0.0.5); add it to BOSUN_ALLOWED_UPSTREAM_HOSTS to allow it",
    );
    expect(messageOf(strict.check({ host: "metadata.test", port: 80 }, ["169.254.169.254"]))).toBe(
      "metadata.test resolves to a cloud metadata address (169.254.169.254); add it to BOSUN_ALLOWED_UPSTREAM_HOSTS to allow it",
    );
    expect(messageOf(strict.check({ host: "zero.test", port: 80 }, ["0.0.0.0"]))).toMatch(
      /^zero\.test resolves to an unspecified address \(0\.0\.0\.0\)/,
    );
  });

  it("finding 4 (SSRF): refuses an internal address typed as such, in any spelling the URL parser leaves", () => {
    expect(messageOf(strict.check({ host: "127.0.0.1", port: 4102 }, ["127.0.0.1"]))).toBe(
      "127.0.0.1 is a loopback address; add it to BOSUN_ALLOWED_UPSTREAM_HOSTS to allow it",
    );
    expect(messageOf(strict.check({ host: "[::ffff:a9fe:a9fe]", port: 80 }, ["::ffff:a9fe:a9fe"]))).toBe(
      "::ffff:a9fe:a9fe is a cloud metadata address; add it to BOSUN_ALLOWED_UPSTREAM_HOSTS to allow it",
    );
    expect(strict.check({ host: "fd00::1", port: 443 }, ["fd00::1"])).not.toBeNull();
  });

  it("finding 4 (SSRF): refuses when any one of several answers is internal", () => {
    expect(messageOf(strict.check({ host: "mixed.test", port: 443 }, ["93.184.216.34", "192.168.1.20"]))).toMatch(
      /^mixed\.test resolves to a private address \(192\.168\.1\.20\)/,
    );
  });

  it("finding 4 (SSRF): refuses cloud metadata host names before resolving them", () => {
    for (const host of [
      "metadata.google.internal",
      "Metadata.Google.Internal.",
      "metadata.goog",
      "metadata",
      "instance-data.ec2.internal",
    ]) {
      expect(messageOf(strict.check({ host, port: 80 }, []))).toMatch(
        /is a cloud metadata service name; add it to BOSUN_ALLOWED_UPSTREAM_HOSTS to allow it$/,
      );
    }
  });

  it("lets public addresses through", () => {
    expect(
      strict.check({ host: "acme.atlassian.net", port: 443 }, ["104.192.141.1", "2401:1d80:1010::150"]),
    ).toBeNull();
    expect(strict.check({ host: "sentry.io", port: 443 }, [])).toBeNull();
  });

  it("finding 4 (SSRF): an allow-listed host name may resolve anywhere, on any port or only the listed one", () => {
    const policy = policyAllowing("jira.corp.example, sentry.corp.example:9000");
    expect(policy.check({ host: "JIRA.corp.example", port: 8443 }, ["10.1.2.3"])).toBeNull();
    expect(policy.check({ host: "sentry.corp.example", port: 9000 }, ["10.1.2.4"])).toBeNull();
    expect(messageOf(policy.check({ host: "sentry.corp.example", port: 443 }, ["10.1.2.4"]))).toMatch(
      /^sentry\.corp\.example resolves to a private address/,
    );
    expect(policy.check({ host: "other.corp.example", port: 443 }, ["10.1.2.3"])).not.toBeNull();
  });

  it("finding 4 (SSRF): an allow-listed address or CIDR range admits those addresses, whatever name leads there", () => {
    const policy = policyAllowing("10.20.0.0/16, 192.168.1.5:8080, [fd00::5]:443");
    expect(policy.check({ host: "jira.intranet", port: 443 }, ["10.20.3.4"])).toBeNull();
    expect(policy.check({ host: "10.20.3.4", port: 80 }, ["10.20.3.4"])).toBeNull();
    expect(policy.check({ host: "jira.intranet", port: 443 }, ["::ffff:10.20.3.4"])).toBeNull();
    expect(policy.check({ host: "jira.intranet", port: 443 }, ["10.21.0.1"])).not.toBeNull();
    expect(policy.check({ host: "sentry.intranet", port: 8080 }, ["192.168.1.5"])).toBeNull();
    expect(policy.check({ host: "sentry.intranet", port: 8081 }, ["192.168.1.5"])).not.toBeNull();
    expect(policy.check({ host: "[fd00::5]", port: 443 }, ["fd00::5"])).toBeNull();
    // Allowing one internal answer does not allow another one beside it.
    expect(messageOf(policy.check({ host: "jira.intranet", port: 443 }, ["10.20.3.4", "169.254.169.254"]))).toMatch(
      /cloud metadata address \(169\.254\.169\.254\)/,
    );
  });

  it("finding 4 (SSRF): the demo's default list lets the loopback emulators through and nothing else internal", () => {
    const demo = policyAllowing("127.0.0.1, ::1, localhost");
    expect(demo.check({ host: "127.0.0.1", port: 4102 }, ["127.0.0.1"])).toBeNull();
    expect(demo.check({ host: "localhost", port: 4103 }, ["::1", "127.0.0.1"])).toBeNull();
    expect(demo.check({ host: "127.0.0.2", port: 4102 }, ["127.0.0.2"])).not.toBeNull();
    expect(demo.check({ host: "jira.test", port: 80 }, ["10.0.0.5"])).not.toBeNull();
  });
});
