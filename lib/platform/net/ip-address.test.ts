import { describe, expect, it } from "vitest";
import { isInNetwork, parseCidr, parseIpAddress } from "./ip-address";

describe("parseIpAddress", () => {
  it("reads dotted IPv4", () => {
    expect(parseIpAddress("10.0.0.5")).toEqual({ family: 4, bytes: [10, 0, 0, 5] });
    expect(parseIpAddress("255.255.255.255")).toEqual({ family: 4, bytes: [255, 255, 255, 255] });
  });

  it("refuses IPv4 spellings that are not plain dotted decimal", () => {
    for (const text of ["256.0.0.1", "10.0.0", "10.0.0.0.1", "010.0.0.1", "0x7f.0.0.1", "2130706433", "1.2.3.-4", ""])
      expect(parseIpAddress(text)).toBeNull();
  });

  it("reads IPv6 in every shorthand, with brackets, zone ids and a dotted tail", () => {
    expect(parseIpAddress("::")?.bytes).toEqual(Array(16).fill(0));
    expect(parseIpAddress("::1")?.bytes).toEqual([...Array(15).fill(0), 1]);
    expect(parseIpAddress("[fe80::1%eth0]")).toEqual({ family: 6, bytes: [0xfe, 0x80, ...Array(13).fill(0), 1] });
    expect(parseIpAddress("::ffff:10.0.0.5")?.bytes).toEqual([...Array(10).fill(0), 0xff, 0xff, 10, 0, 0, 5]);
    expect(parseIpAddress("::FFFF:a00:5")?.bytes).toEqual([...Array(10).fill(0), 0xff, 0xff, 10, 0, 0, 5]);
    expect(parseIpAddress("2001:db8:0:0:1:0:0:1")?.bytes).toEqual([
      0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1,
    ]);
    expect(parseIpAddress("64:ff9b::169.254.169.254")?.bytes.slice(12)).toEqual([169, 254, 169, 254]);
  });

  it("refuses what is not IPv6", () => {
    for (const text of [
      "1::2::3",
      "12345::",
      ":1",
      "1:",
      "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:7::8:9",
      "g::1",
      "::1.2.3",
      "jira.example.com",
      "::ffff:300.0.0.1",
    ])
      expect(parseIpAddress(text)).toBeNull();
  });
});

describe("parseCidr and isInNetwork", () => {
  it("reads ranges and single addresses", () => {
    expect(parseCidr("10.0.0.0/8")).toEqual({ network: { family: 4, bytes: [10, 0, 0, 0] }, prefix: 8 });
    expect(parseCidr("10.0.0.5")).toEqual({ network: { family: 4, bytes: [10, 0, 0, 5] }, prefix: 32 });
    expect(parseCidr("fd00::/8")?.prefix).toBe(8);
    expect(parseCidr("::1")?.prefix).toBe(128);
    for (const text of ["10.0.0.0/33", "10.0.0.0/", "fd00::/129", "10.0.0.0/8/8", "10.0.0.0/-1", "host/8"])
      expect(parseCidr(text)).toBeNull();
  });

  it("matches by prefix, across partial bytes, never across families", () => {
    const inRange = (address: string, cidr: string) => isInNetwork(parseIpAddress(address)!, parseCidr(cidr)!);
    expect(inRange("172.31.255.255", "172.16.0.0/12")).toBe(true);
    expect(inRange("172.32.0.0", "172.16.0.0/12")).toBe(false);
    expect(inRange("100.127.0.1", "100.64.0.0/10")).toBe(true);
    expect(inRange("100.128.0.1", "100.64.0.0/10")).toBe(false);
    expect(inRange("8.8.8.8", "0.0.0.0/0")).toBe(true);
    expect(inRange("febf::1", "fe80::/10")).toBe(true);
    expect(inRange("fec0::1", "fe80::/10")).toBe(false);
    expect(inRange("10.0.0.5", "::ffff:10.0.0.0/104")).toBe(false);
  });
});
