import { describe, expect, it } from "vitest";
import { formatBytes, formatEta, formatMs, formatSpeed, formatTransfer, percentOf } from "./format";

describe("format", () => {
  it("writes sizes in decimal units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1_185_376)).toBe("1.2 MB");
    expect(formatBytes(4_368_439_296)).toBe("4.4 GB");
    expect(formatBytes(-1)).toBe("unknown size");
  });

  it("writes durations in ms below a second", () => {
    expect(formatMs(12.4)).toBe("12 ms");
    expect(formatMs(2500)).toBe("2.5 s");
  });

  it("writes download speed, time left and bytes received", () => {
    expect(formatSpeed(2_100_000)).toBe("2.1 MB/s");
    expect(formatSpeed(0)).toBe("0 B/s");
    expect(formatEta(null)).toBe("time left unknown");
    expect(formatEta(0.2)).toBe("1 s left");
    expect(formatEta(42)).toBe("42 s left");
    expect(formatEta(250)).toBe("4 min left");
    expect(formatEta(3600)).toBe("1 h left");
    expect(formatEta(3900)).toBe("1 h 5 min left");
    expect(formatTransfer(12_300_000, 50_000_000)).toBe("12.3 MB of 50.0 MB");
    expect(formatTransfer(1000, 0)).toBe("1.0 KB");
  });

  it("turns progress into whole percent without passing 100", () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(5, 0)).toBe(0);
    expect(percentOf(7, 5)).toBe(100);
  });
});
