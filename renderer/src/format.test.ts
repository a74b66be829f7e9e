import { describe, expect, it } from "vitest";
import { formatBytes, formatMs } from "./format";

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
});
