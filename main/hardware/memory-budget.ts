import type { HardwareInfo } from "../../shared/library";
import type { Settings } from "../../shared/settings";

const MIB = 1024 * 1024;
/** Without a configured VRAM budget, models may use this share of the VRAM that is free now. */
export const DEFAULT_VRAM_SHARE = 0.9;
/** onnxruntime providers that run on a GPU. */
const GPU_PROVIDERS = new Set(["cuda", "tensorrt", "dml", "coreml", "rocm", "migraphx"]);

/** What the models may use on this machine, from settings and the detected hardware. */
export interface MachineBudget {
  ramBudgetBytes: number;
  vramBudgetBytes: number;
  /** llama.cpp can offload to a GPU. */
  gpu: boolean;
  /** onnxruntime has a GPU execution provider, and there is a GPU. */
  onnxGpu: boolean;
}

/** RAM budget: the setting in MiB, or half of RAM when it is 0. */
export function ramBudgetBytes(settings: Settings, totalRamBytes: number): number {
  const { ramBudgetMiB } = settings.engines;
  return ramBudgetMiB > 0 ? ramBudgetMiB * MIB : Math.floor(totalRamBytes / 2);
}

/** VRAM budget: the setting in MiB (never more than is free), or 90% of the free VRAM when it is 0. */
export function vramBudgetBytes(settings: Settings, freeVramBytes: number): number {
  const { vramBudgetMiB } = settings.engines;
  return vramBudgetMiB > 0 ? Math.min(vramBudgetMiB * MIB, freeVramBytes) : Math.floor(freeVramBytes * DEFAULT_VRAM_SHARE);
}

export function machineBudget(hardware: HardwareInfo, settings: Settings): MachineBudget {
  const freeVram = hardware.gpus.reduce((sum, gpu) => sum + gpu.freeVramBytes, 0);
  const gpu = hardware.gpus.length > 0;
  return {
    ramBudgetBytes: ramBudgetBytes(settings, hardware.ramBytes),
    vramBudgetBytes: gpu ? vramBudgetBytes(settings, freeVram) : 0,
    gpu,
    onnxGpu: gpu && hardware.onnxProviders.some((name) => GPU_PROVIDERS.has(name)),
  };
}
