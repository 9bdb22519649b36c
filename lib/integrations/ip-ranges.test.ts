import { describe, expect, it } from "vitest";
import { describeInternalAddress } from "./ip-ranges";

describe("describeInternalAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.5", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "cloud metadata"],
    ["169.254.10.20", "link-local"],
    ["168.63.129.16", "cloud metadata"],
    ["100.100.100.200", "cloud metadata"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["192.0.0.8", "reserved"],
    ["192.0.2.10", "documentation"],
    ["198.18.0.1", "benchmarking"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["fe80::1", "link-local"],
    ["febf:ffff::1", "link-local"],
    ["fc00::1", "unique-local"],
    ["fd00:ec2::254", "cloud metadata"],
    ["fd12:3456::1", "unique-local"],
    ["ff02::1", "multicast"],
    ["fec0::1", "site-local"],
    ["2001:db8::1", "documentation"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.0.0.5", "private"],
    ["::ffff:a9fe:a9fe", "cloud metadata"],
    ["64:ff9b::10.0.0.5", "private"],
    ["64:ff9b::a9fe:a9fe", "cloud metadata"],
    ["2002:a00:5::1", "private"],
    ["2002:7f00:1::", "loopback"],
    ["::10.0.0.5", "reserved"],
    ["100::1", "reserved"],
    ["4000::1", "reserved"],
  ])("finding 4 (SSRF): %s is %s", (address, label) => {
    expect(describeInternalAddress(address)).toBe(label);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "104.192.141.1",
    "172.32.0.1",
    "100.128.0.1",
    "169.253.255.255",
    "2606:4700::1111",
    "2a05:d018::1",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("finding 4 (SSRF): %s is public", (address) => {
    expect(describeInternalAddress(address)).toBeNull();
  });

  it("treats what is not an address as internal rather than guess", () => {
    expect(describeInternalAddress("not-an-address")).toBe("unreadable");
  });
});
