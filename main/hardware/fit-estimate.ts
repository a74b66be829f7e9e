import type { Fit } from "../../shared/library";
import type { MachineBudget } from "./memory-budget";

const MIB = 1024 * 1024;
/** The context most chats use; estimates before download assume it. */
export const DEFAULT_FIT_CONTEXT = 4096;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  return `${Math.max(1, Math.round(bytes / MIB))} MB`;
}

/** Where the memory goes, and (for GGUF, when known) how many layers run on the GPU. */
export interface FitNumbers {
  ramBytes: number;
  vramBytes: number;
  gpuLayers?: number;
  totalLayers?: number;
}

function tooLarge(needBytes: number, budget: MachineBudget, numbers: FitNumbers): Fit {
  const summary = `Too large: needs about ${formatBytes(needBytes)} of memory, but the budget is ${formatBytes(budget.ramBudgetBytes)}.`;
  return { verdict: "too-large", ...numbers, summary };
}

/** How much of the model runs on the GPU. */
export type GpuPlacement = "all" | "part" | "none";

function placementOf({ vramBytes, gpuLayers, totalLayers }: FitNumbers): GpuPlacement {
  if (vramBytes <= 0 || gpuLayers === 0) return "none";
  if (gpuLayers === undefined || totalLayers === undefined) return "all";
  return gpuLayers >= totalLayers ? "all" : "part";
}

/** The verdict for known memory needs: on the GPU, split, on the CPU, or over the RAM budget. */
export function fitFromNumbers(numbers: FitNumbers, budget: MachineBudget, placement = placementOf(numbers)): Fit {
  const { ramBytes, vramBytes, gpuLayers, totalLayers } = numbers;
  if (ramBytes > budget.ramBudgetBytes) return tooLarge(ramBytes + vramBytes, budget, numbers);
  const memory = `about ${formatBytes(vramBytes)} of VRAM and ${formatBytes(ramBytes)} of RAM`;
  if (budget.gpu && placement === "all") return { verdict: "gpu", ...numbers, summary: `Fits on the GPU: ${memory}.` };
  if (budget.gpu && placement === "part") {
    const layers = gpuLayers !== undefined && totalLayers ? `${gpuLayers} of ${totalLayers} layers` : "part of the model";
    return { verdict: "partial", ...numbers, summary: `Partly on the GPU (${layers}), the rest on the CPU, which is slower: ${memory}.` };
  }
  const why = budget.gpu ? "it does not fit in the GPU budget" : "no GPU was found";
  return { verdict: "cpu", ...numbers, summary: `Runs on the CPU (${why}): about ${formatBytes(ramBytes)} of RAM.` };
}

/** Rough memory for a GGUF's context at `contextSize`: the KV cache and compute buffers grow with the model. */
export function estimateContextBytes(weightsBytes: number, contextSize: number): number {
  return Math.round(64 * MIB + weightsBytes * 0.15 * (contextSize / DEFAULT_FIT_CONTEXT));
}

/** ONNX sessions hold the weights plus activations; diffusion and speech models roughly half as much again. */
export function estimateOnnxBytes(weightsBytes: number): number {
  return Math.round(weightsBytes * 1.5 + 128 * MIB);
}

/**
 * A fit before download, from the file size alone (hub search results, catalog entries):
 * the whole model on the GPU when it fits the VRAM budget, layers split in proportion
 * when only some do (GGUF), otherwise the CPU, or too large for the RAM budget.
 */
export function estimateFitFromSize(
  file: { sizeBytes: number; format: "gguf" | "onnx"; contextSize?: number },
  budget: MachineBudget,
): Fit {
  const total =
    file.format === "gguf"
      ? file.sizeBytes + estimateContextBytes(file.sizeBytes, file.contextSize ?? DEFAULT_FIT_CONTEXT)
      : estimateOnnxBytes(file.sizeBytes);
  return fitFromTotal(total, file.format, budget);
}

/** Like estimateFitFromSize, for a total memory need already known (the catalog's `memory`). */
export function fitFromTotal(totalBytes: number, format: "gguf" | "onnx", budget: MachineBudget): Fit {
  const gpuUsable = format === "gguf" ? budget.gpu : budget.onnxGpu;
  if (gpuUsable && totalBytes <= budget.vramBudgetBytes) {
    return fitFromNumbers({ ramBytes: Math.round(totalBytes * 0.1), vramBytes: totalBytes }, budget, "all");
  }
  const share = gpuUsable && format === "gguf" ? budget.vramBudgetBytes / totalBytes : 0;
  // Less than a tenth on the GPU barely helps; llama.cpp would run it on the CPU anyway.
  if (share >= 0.1) {
    const vramBytes = Math.floor(totalBytes * share);
    return fitFromNumbers({ ramBytes: totalBytes - vramBytes, vramBytes }, budget, "part");
  }
  return fitFromNumbers({ ramBytes: totalBytes, vramBytes: 0 }, budget, "none");
}
