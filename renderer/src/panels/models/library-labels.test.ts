import { describe, expect, it } from "vitest";
import type { Fit } from "../../../../shared/library";
import { describePlacement, describeRevision, FIT_LABELS, fitsThisMachine } from "./library-labels";

const fit = (verdict: Fit["verdict"]): Fit => ({ verdict, ramBytes: 1, vramBytes: 0, summary: "s" });

describe("library labels", () => {
  it("names every fit verdict the way the issue words them", () => {
    expect(Object.values(FIT_LABELS)).toEqual(["Fits on GPU", "Partial GPU offload", "CPU only", "Too large"]);
    expect(fitsThisMachine(fit("cpu"))).toBe(true);
    expect(fitsThisMachine(fit("partial"))).toBe(true);
    expect(fitsThisMachine(fit("too-large"))).toBe(false);
  });

  it("says where a loaded model's layers went", () => {
    expect(describePlacement({ gpuLayers: 33, totalLayers: 33 })).toBe("33 of 33 layers on the GPU");
    expect(describePlacement({ gpuLayers: 12 })).toBe("12 layers on the GPU");
    expect(describePlacement({ gpuLayers: 0, totalLayers: 6 })).toBe("on the CPU");
    expect(describePlacement({})).toBeNull();
  });

  it("names a pinned commit by its short id and says a branch is pinned only at download", () => {
    expect(describeRevision("c10ece1aade4e1b5ed4e4bae0b6a8b1c5b08f7b2")).toBe("commit c10ece1");
    expect(describeRevision("onnx")).toBe("onnx branch (pinned to its commit at download)");
  });
});
