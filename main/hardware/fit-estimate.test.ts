import { describe, expect, it } from "vitest";
import type { HardwareInfo } from "../../shared/library";
import { settingsSchema } from "../../shared/settings";
import { gpusFrom } from "./hardware-service";
import { estimateContextBytes, estimateFitFromSize, fitFromNumbers, fitFromTotal } from "./fit-estimate";
import { machineBudget, type MachineBudget } from "./memory-budget";

const GB = 1024 ** 3;
const cpuOnly: MachineBudget = { ramBudgetBytes: 8 * GB, vramBudgetBytes: 0, gpu: false, onnxGpu: false };
const withGpu: MachineBudget = { ramBudgetBytes: 8 * GB, vramBudgetBytes: 4 * GB, gpu: true, onnxGpu: true };

describe("fit from size (before download)", () => {
  it("puts a GGUF that fits the VRAM budget on the GPU, and names the memory", () => {
    const fit = estimateFitFromSize({ sizeBytes: 2 * GB, format: "gguf" }, withGpu);
    expect(fit.verdict).toBe("gpu");
    expect(fit.vramBytes).toBeGreaterThan(2 * GB);
    expect(fit.summary).toMatch(/^Fits on the GPU: about .* of VRAM/);
  });

  it("splits a GGUF larger than the VRAM budget, and falls back to the CPU when only a sliver fits", () => {
    const partial = estimateFitFromSize({ sizeBytes: 6 * GB, format: "gguf" }, withGpu);
    expect(partial.verdict).toBe("partial");
    expect(partial.vramBytes).toBeLessThanOrEqual(withGpu.vramBudgetBytes);
    expect(partial.ramBytes + partial.vramBytes).toBeGreaterThan(6 * GB);
    const sliver = estimateFitFromSize({ sizeBytes: 6 * GB, format: "gguf" }, { ...withGpu, vramBudgetBytes: 0.2 * GB });
    expect(sliver.verdict).toBe("cpu");
  });

  it("runs on the CPU without a GPU, and is too large past the RAM budget", () => {
    expect(estimateFitFromSize({ sizeBytes: 2 * GB, format: "gguf" }, cpuOnly)).toMatchObject({ verdict: "cpu", vramBytes: 0 });
    const big = estimateFitFromSize({ sizeBytes: 9 * GB, format: "gguf" }, cpuOnly);
    expect(big.verdict).toBe("too-large");
    expect(big.summary).toMatch(/budget is 8\.0 GB/);
  });

  it("grows the context estimate with the context size", () => {
    expect(estimateContextBytes(GB, 8192)).toBeGreaterThan(estimateContextBytes(GB, 4096));
    const small = estimateFitFromSize({ sizeBytes: 6.5 * GB, format: "gguf", contextSize: 512 }, cpuOnly);
    const large = estimateFitFromSize({ sizeBytes: 6.5 * GB, format: "gguf", contextSize: 32768 }, cpuOnly);
    expect([small.verdict, large.verdict]).toEqual(["cpu", "too-large"]);
  });

  it("runs ONNX on the GPU only with a GPU execution provider", () => {
    expect(fitFromTotal(GB, "onnx", withGpu).verdict).toBe("gpu");
    expect(fitFromTotal(GB, "onnx", { ...withGpu, onnxGpu: false }).verdict).toBe("cpu");
    expect(fitFromTotal(6 * GB, "onnx", withGpu).verdict).toBe("cpu"); // no partial offload for ONNX
  });
});

describe("fit from known numbers (GGUF insights)", () => {
  it("reads the layers: all on the GPU, some, or none", () => {
    expect(fitFromNumbers({ ramBytes: GB, vramBytes: 3 * GB, gpuLayers: 33, totalLayers: 33 }, withGpu).verdict).toBe("gpu");
    const partial = fitFromNumbers({ ramBytes: 2 * GB, vramBytes: 3 * GB, gpuLayers: 20, totalLayers: 33 }, withGpu);
    expect(partial).toMatchObject({ verdict: "partial", gpuLayers: 20, totalLayers: 33 });
    expect(partial.summary).toMatch(/20 of 33 layers/);
    expect(fitFromNumbers({ ramBytes: 2 * GB, vramBytes: 0, gpuLayers: 0, totalLayers: 33 }, withGpu).verdict).toBe("cpu");
    expect(fitFromNumbers({ ramBytes: 9 * GB, vramBytes: 0, gpuLayers: 0, totalLayers: 33 }, withGpu).verdict).toBe("too-large");
  });
});

describe("memory budget", () => {
  const hardware: HardwareInfo = {
    ramBytes: 16 * GB,
    freeRamBytes: 8 * GB,
    cpuCores: 8,
    cpuModel: "Test CPU",
    gpus: [{ name: "GPU", type: "cuda", vramBytes: 8 * GB, freeVramBytes: 6 * GB }],
    onnxProviders: ["cpu", "cuda"],
  };

  it("defaults to half of RAM and 90% of the free VRAM", () => {
    expect(machineBudget(hardware, settingsSchema.parse({}))).toEqual({ ramBudgetBytes: 8 * GB, vramBudgetBytes: Math.floor(6 * GB * 0.9), gpu: true, onnxGpu: true });
  });

  it("uses the settings in MiB, never more VRAM than is free, and no VRAM without a GPU", () => {
    const settings = settingsSchema.parse({ engines: { ramBudgetMiB: 4096, vramBudgetMiB: 100_000 } });
    expect(machineBudget(hardware, settings)).toMatchObject({ ramBudgetBytes: 4 * GB, vramBudgetBytes: 6 * GB });
    expect(machineBudget({ ...hardware, gpus: [], onnxProviders: ["cpu", "cuda"] }, settings)).toMatchObject({ vramBudgetBytes: 0, gpu: false, onnxGpu: false });
  });

  it("describes llama.cpp's GPUs, sharing the VRAM it reports for all of them", () => {
    expect(gpusFrom({ gpu: false, deviceNames: [], vramTotalBytes: 0, vramFreeBytes: 0 })).toEqual([]);
    expect(gpusFrom({ gpu: "vulkan", deviceNames: ["A", "B"], vramTotalBytes: 8 * GB, vramFreeBytes: 4 * GB })).toEqual([
      { name: "A", type: "vulkan", vramBytes: 4 * GB, freeVramBytes: 2 * GB },
      { name: "B", type: "vulkan", vramBytes: 4 * GB, freeVramBytes: 2 * GB },
    ]);
  });
});
