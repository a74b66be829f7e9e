import os from "node:os";
import type { HardwareInfo } from "../../shared/library";
import type { Settings } from "../../shared/settings";
import type { LlmHardware, LlmMethods } from "../engines/llm/methods";
import type { EngineClient } from "../engines/protocol";
import type { Logger } from "../log/types";
import { machineBudget, type MachineBudget } from "./memory-budget";

type GpuInfo = HardwareInfo["gpus"][number];

export interface HardwareProbes {
  llm: Pick<EngineClient<LlmMethods>, "call">;
  onnxProviders: () => Promise<string[]>;
  settings: () => Settings;
  logger: Logger;
  /** How long GPU and provider answers are reused (free VRAM changes, the rest does not). */
  cacheMs?: number;
}

/** node-llama-cpp reports VRAM for all devices together; each device gets an equal share. */
export function gpusFrom(hardware: LlmHardware): GpuInfo[] {
  if (hardware.gpu === false) return [];
  const type = hardware.gpu;
  const names = hardware.deviceNames.length > 0 ? hardware.deviceNames : [`${type.toUpperCase()} GPU`];
  return names.map((name) => ({
    name,
    type,
    vramBytes: Math.floor(hardware.vramTotalBytes / names.length),
    freeVramBytes: Math.floor(hardware.vramFreeBytes / names.length),
  }));
}

/** RAM, CPU, GPUs (asked of llama.cpp in the LLM engine) and onnxruntime's providers (asked in the ONNX engine). */
export class HardwareService {
  /** Providers never change while the app runs; asked once. */
  private providers: Promise<string[]> | undefined;
  /** GPUs are asked again after `cacheMs`, since their free VRAM changes. */
  private gpus: { at: number; result: Promise<GpuInfo[]> } | undefined;

  constructor(private readonly probes: HardwareProbes) {}

  async info(): Promise<HardwareInfo> {
    const [gpus, onnxProviders] = await Promise.all([this.probeGpus(), this.probeProviders()]);
    const cpus = os.cpus();
    return {
      ramBytes: os.totalmem(),
      freeRamBytes: os.freemem(),
      cpuCores: Math.max(1, os.availableParallelism()),
      cpuModel: cpus[0]?.model.trim() || "Unknown CPU",
      gpus,
      onnxProviders,
    };
  }

  async budget(): Promise<MachineBudget> {
    return machineBudget(await this.info(), this.probes.settings());
  }

  /** A probe that fails is logged and read as "none found" (and asked again next time): the app still works on the CPU. */
  private probeGpus(): Promise<GpuInfo[]> {
    const now = Date.now();
    if (!this.gpus || now - this.gpus.at > (this.probes.cacheMs ?? 30_000)) {
      const result = this.probes.llm.call("hardware", {}).then(gpusFrom, (error: unknown) => {
        this.gpus = undefined;
        return this.failed<GpuInfo[]>("GPUs", error, []);
      });
      this.gpus = { at: now, result };
    }
    return this.gpus.result;
  }

  private probeProviders(): Promise<string[]> {
    this.providers ??= this.probes.onnxProviders().then(
      (names) => (names.includes("cpu") ? names : ["cpu", ...names]),
      (error: unknown) => {
        this.providers = undefined;
        return this.failed<string[]>("onnxruntime providers", error, ["cpu"]);
      },
    );
    return this.providers;
  }

  private failed<T>(what: string, error: unknown, fallback: T): T {
    this.probes.logger.log("warn", "hardware", `Could not detect the ${what}`, { error });
    return fallback;
  }
}
