import { describe, expect, it } from "vitest";
import { formatClock, formatDuration, formatElapsed, formatSpan } from "./time-format";

describe("time formatting", () => {
  it("shows a media clock to the tenth of a second, with hours only when needed", () => {
    expect(formatClock(0)).toBe("0:00.0");
    expect(formatClock(3.25)).toBe("0:03.2");
    expect(formatClock(0.3)).toBe("0:00.3");
    expect(formatClock(65.04)).toBe("1:05.0");
    expect(formatClock(599.99)).toBe("9:59.9");
    expect(formatClock(3725.5)).toBe("1:02:05.5");
    expect(formatClock(-2)).toBe("0:00.0");
    expect(formatClock(Number.NaN)).toBe("0:00.0");
  });

  it("joins a span with an en dash", () => {
    expect(formatSpan(1.2, 3.45)).toBe("0:01.2 – 0:03.4");
  });

  it("counts whole seconds while recording", () => {
    expect(formatElapsed(0)).toBe("0:00");
    expect(formatElapsed(7.9)).toBe("0:07");
    expect(formatElapsed(65)).toBe("1:05");
  });

  it("says lengths in words", () => {
    expect(formatDuration(0.42)).toBe("0.4 s");
    expect(formatDuration(11)).toBe("11 s");
    expect(formatDuration(120)).toBe("2 min");
    expect(formatDuration(75)).toBe("1 min 15 s");
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe("unknown length");
  });
});
