import { describe, expect, it } from "vitest";
import { describeMachine } from "./MachineSummary";

describe("describeMachine", () => {
  it("says what memory, cores and GPUs the fit verdicts are measured against", () => {
    const base = { ramBytes: 8_200_000_000, freeRamBytes: 3_100_000_000, cpuCores: 2, cpuModel: "x", onnxProviders: ["cpu"] };
    expect(describeMachine({ ...base, gpus: [] })).toBe("8.2 GB RAM (3.1 GB free) · 2 CPU cores · no GPU found");
    expect(
      describeMachine({ ...base, cpuCores: 1, gpus: [{ name: "RTX", type: "cuda", vramBytes: 24_000_000_000, freeVramBytes: 1 }] }),
    ).toBe("8.2 GB RAM (3.1 GB free) · 1 CPU core · RTX, 24.0 GB VRAM");
  });
});
