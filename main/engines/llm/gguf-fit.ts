import { GgufInsights, type Llama } from "node-llama-cpp";
import { DEFAULT_VRAM_SHARE } from "../../hardware/memory-budget";
import { validateGgufFile } from "./gguf-validation";
import type { LlmFitInput, LlmFitOutput, LlmHardware } from "./methods";

export interface VramState {
  total: number;
  free: number;
  unifiedSize: number;
}

export function effectiveVramBudget(configuredBytes: number, free: number): number {
  return configuredBytes > 0 ? Math.min(configuredBytes, free) : Math.floor(free * DEFAULT_VRAM_SHARE);
}

/** The VRAM state node-llama-cpp's resolver should plan with: only the budget counts as free. */
export function budgetedVram(state: VramState, budgetBytes: number): VramState {
  return { total: state.total, free: Math.min(state.free, budgetBytes), unifiedSize: state.unifiedSize };
}

export async function readLlamaHardware(llama: Llama): Promise<LlmHardware> {
  if (llama.gpu === false) return { gpu: false, deviceNames: [], vramTotalBytes: 0, vramFreeBytes: 0 };
  const [deviceNames, vram] = await Promise.all([llama.getGpuDeviceNames(), llama.getVramState()]);
  return { gpu: llama.gpu, deviceNames, vramTotalBytes: vram.total, vramFreeBytes: vram.free };
}

/**
 * Memory a GGUF needs with a context of `contextSize`, and how many layers fit on the
 * GPU within the VRAM budget, from node-llama-cpp's own estimates (the same resolver
 * its "auto" GPU layers use). Nothing is loaded: only the header and tensor list are read.
 */
export async function estimateGgufFit(llama: Llama, input: LlmFitInput, configuredVramBudget: number): Promise<LlmFitOutput> {
  const info = await validateGgufFile(input.modelPath);
  const insights = await GgufInsights.from(info, llama);
  const vram = await llama.getVramState();
  const vramBudgetBytes = llama.gpu === false ? 0 : effectiveVramBudget(configuredVramBudget, vram.free);
  const targetGpuLayers = typeof input.gpuLayers === "number" ? Math.min(input.gpuLayers, insights.totalLayers) : input.gpuLayers === "max" ? "max" : undefined;
  const { resolvedValues } = await insights.configurationResolver.resolveAndScoreConfig(
    { targetContextSize: input.contextSize, targetGpuLayers },
    { getVramState: async () => budgetedVram(vram, vramBudgetBytes) },
  );
  return {
    gpuLayers: resolvedValues.gpuLayers,
    totalLayers: insights.totalLayers,
    ramBytes: resolvedValues.totalRamUsage,
    vramBytes: resolvedValues.totalVramUsage,
    vramBudgetBytes,
    gpu: llama.gpu,
  };
}

/**
 * GPU layers for "auto" within the VRAM budget, so a load never plans with more VRAM
 * than the budget allows; explicit numbers and "max" are the user's choice and pass through.
 */
export async function gpuLayersWithinBudget(
  llama: Llama,
  modelPath: string,
  requested: LlmFitInput["gpuLayers"],
  configuredVramBudget: number,
): Promise<LlmFitInput["gpuLayers"]> {
  if (requested !== "auto" || llama.gpu === false) return requested;
  const insights = await GgufInsights.from(await validateGgufFile(modelPath), llama);
  const vram = await llama.getVramState();
  const budget = effectiveVramBudget(configuredVramBudget, vram.free);
  const { gpuLayers } = await insights.configurationResolver.resolveModelGpuLayersV2("auto", {
    getVramState: async () => budgetedVram(vram, budget),
  });
  return gpuLayers;
}
