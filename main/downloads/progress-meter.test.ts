import { describe, expect, it } from "vitest";
import { ProgressMeter } from "./progress-meter";
import { UpdateThrottle } from "./update-throttle";

describe("ProgressMeter", () => {
  it("measures speed over the last seconds and the time left from it", () => {
    const meter = new ProgressMeter();
    expect(meter.bytesPerSecond(0)).toBe(0);
    expect(meter.etaSeconds(100, 0)).toBeNull();
    for (let t = 0; t <= 2000; t += 200) meter.add(200_000, t);
    expect(meter.bytesPerSecond(2000)).toBeCloseTo(1_000_000, -3);
    expect(meter.etaSeconds(5_000_000, 2000)).toBe(5);
    // Quiet for two seconds: the speed falls instead of freezing at its last value.
    expect(meter.bytesPerSecond(4000)).toBeLessThan(600_000);
    expect(meter.etaSeconds(0, 4000)).toBe(0);
  });
});

describe("UpdateThrottle", () => {
  it("sends at most one progress update per interval, the latest, and state changes at once", async () => {
    const sent: number[] = [];
    const throttle = new UpdateThrottle(100, () => sent.push(Date.now()));
    const start = Date.now();
    while (Date.now() - start < 450) {
      throttle.progress("a");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(sent.length).toBeGreaterThanOrEqual(4);
    expect(sent.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < sent.length; i++) expect((sent[i] ?? 0) - (sent[i - 1] ?? 0)).toBeGreaterThanOrEqual(95);
    const before = sent.length;
    throttle.now("a");
    expect(sent.length).toBe(before + 1);
    // The trailing update still arrives after a burst.
    throttle.progress("a");
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(sent.length).toBe(before + 2);
    throttle.dispose();
  });
});
