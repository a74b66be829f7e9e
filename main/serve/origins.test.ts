import type { NetworkInterfaceInfo } from "node:os";
import { describe, expect, it, vi } from "vitest";
import { ServedAddresses } from "./origins";

const PORT = 5173;

function iface(address: string, family: "IPv4" | "IPv6"): NetworkInterfaceInfo {
  const common = { address, netmask: "", mac: "00:00:00:00:00:00", internal: false, cidr: null };
  return family === "IPv4" ? { ...common, family } : { ...common, family, scopeid: 0 };
}

/** A machine with loopback, one LAN address of each family and a VPN that comes up later. */
function machine(): { list: () => NodeJS.Dict<NetworkInterfaceInfo[]>; vpnUp: () => void } {
  const interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = {
    lo: [iface("127.0.0.1", "IPv4"), iface("::1", "IPv6")],
    eth0: [iface("192.168.1.20", "IPv4"), iface("fd00::20", "IPv6")],
  };
  return { list: () => interfaces, vpnUp: () => void (interfaces.tun0 = [iface("10.8.0.2", "IPv4")]) };
}

describe("ServedAddresses", () => {
  it("on 0.0.0.0 answers to the machine's IPv4 addresses and localhost, at its own port only", () => {
    const served = new ServedAddresses("0.0.0.0", PORT, machine().list, "studio-box");
    for (const host of ["127.0.0.1", "localhost", "LOCALHOST", "192.168.1.20", "studio-box", "studio-box.local"]) {
      expect(served.hostAllowed(`${host}:${PORT}`), host).toBe(true);
      expect(served.originAllowed(`http://${host}:${PORT}`), host).toBe(true);
    }
    for (const host of ["evil.com", "studio-box.evil.com", "192.168.1.21", "[fd00::20]", "[::1]", "0.0.0.0", "192.168.1.20.nip.io"]) {
      expect(served.hostAllowed(`${host}:${PORT}`), host).toBe(false);
      expect(served.originAllowed(`http://${host}:${PORT}`), host).toBe(false);
    }
    expect(served.hostAllowed("192.168.1.20")).toBe(false);
    expect(served.hostAllowed(`192.168.1.20:${PORT + 1}`)).toBe(false);
    expect(served.originAllowed(`https://192.168.1.20:${PORT}`)).toBe(false);
    expect(served.originAllowed(`http://192.168.1.20:${PORT}/`)).toBe(false);
    expect(served.hostAllowed(undefined)).toBe(false);
    expect(served.originAllowed(undefined)).toBe(false);
  });

  it("on :: answers to both families", () => {
    const served = new ServedAddresses("::", PORT, machine().list);
    for (const host of ["[::1]", "[fd00::20]", "192.168.1.20", "localhost"]) expect(served.originAllowed(`http://${host}:${PORT}`), host).toBe(true);
  });

  it("reads the interfaces again after a few seconds, not on every request", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const box = machine();
      let reads = 0;
      const served = new ServedAddresses("0.0.0.0", PORT, () => (reads++, box.list()));
      expect(served.hostAllowed(`10.8.0.2:${PORT}`)).toBe(false);
      box.vpnUp();
      expect(served.hostAllowed(`10.8.0.2:${PORT}`)).toBe(false);
      expect(reads).toBe(1);
      vi.advanceTimersByTime(5_000);
      expect(served.hostAllowed(`10.8.0.2:${PORT}`)).toBe(true);
      expect(reads).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("on a given address answers to that address alone", () => {
    const served = new ServedAddresses("192.168.1.20", PORT, machine().list);
    expect(served.hostAllowed(`192.168.1.20:${PORT}`)).toBe(true);
    expect(served.hostAllowed(`127.0.0.1:${PORT}`)).toBe(false);
    expect(served.hostAllowed(`localhost:${PORT}`)).toBe(false);
    const v6 = new ServedAddresses("fd00::20", PORT, machine().list);
    expect(v6.originAllowed(`http://[fd00::20]:${PORT}`)).toBe(true);
  });

  it("on port 80 also takes the names without a port, as browsers send them", () => {
    const served = new ServedAddresses("127.0.0.1", 80, machine().list);
    expect(served.hostAllowed("localhost")).toBe(true);
    expect(served.originAllowed("http://127.0.0.1")).toBe(true);
    expect(served.hostAllowed("localhost:80")).toBe(true);
    expect(served.hostAllowed("evil.com")).toBe(false);
  });
});
