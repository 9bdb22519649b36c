import { describe, expect, it } from "vitest";
import { parseUpstreamHosts } from "./upstream-hosts";

describe("parseUpstreamHosts", () => {
  it("reads host names, host:port, addresses, bracketed IPv6 with a port, and CIDR ranges", () => {
    expect(
      parseUpstreamHosts(
        " Jira.Corp.Example. , jira.corp.example:8443, 10.0.0.5, 10.0.0.5:8080, [fd00::5]:443, 10.20.0.0/16, fd00::/8, ::1",
      ),
    ).toEqual({
      rules: [
        { kind: "name", name: "jira.corp.example", port: null },
        { kind: "name", name: "jira.corp.example", port: 8443 },
        { kind: "network", cidr: "10.0.0.5", port: null },
        { kind: "network", cidr: "10.0.0.5", port: 8080 },
        { kind: "network", cidr: "fd00::5", port: 443 },
        { kind: "network", cidr: "10.20.0.0/16", port: null },
        { kind: "network", cidr: "fd00::/8", port: null },
        { kind: "network", cidr: "::1", port: null },
      ],
      invalid: [],
    });
  });

  it("ignores empty items and names the ones it cannot read", () => {
    expect(parseUpstreamHosts("localhost,,  ,")).toEqual({
      rules: [{ kind: "name", name: "localhost", port: null }],
      invalid: [],
    });
    expect(
      parseUpstreamHosts("http://jira.corp, jira corp, 10.0.0.0/33, host:0, host:70000, *.corp.example").invalid,
    ).toEqual(["http://jira.corp", "jira corp", "10.0.0.0/33", "host:0", "host:70000", "*.corp.example"]);
  });
});
