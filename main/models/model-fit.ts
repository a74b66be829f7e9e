import { AppError } from "../../shared/errors";
import { generationParamsSchema } from "../../shared/chat";
import type { Fit } from "../../shared/library";
import type { LoadedModel, ModelInfo } from "../../shared/models";
import type { Settings } from "../../shared/settings";
import type { LlmMethods } from "../engines/llm/methods";
import type { EngineClient } from "../engines/protocol";
import { estimateFitFromSize, fitFromNumbers, formatBytes } from "../hardware/fit-estimate";
import type { MachineBudget } from "../hardware/memory-budget";
import type { Logger } from "../log/types";
import type { MemoryBroker } from "./memory-broker";

/** The context a chat gets unless it asks for another. */
export const DEFAULT_CONTEXT = generationParamsSchema.shape.contextSize.parse(undefined);

export interface ModelFitDeps {
  getModel: (id: string) => Promise<ModelInfo>;
  llm: Pick<EngineClient<LlmMethods>, "call">;
  memory: Pick<MemoryBroker, "makeRoom">;
  budget: () => Promise<MachineBudget>;
  settings: () => Settings;
  logger: Logger;
}

/**
 * Fit before load, and loading with the "load anyway" choice: GGUF models are estimated
 * by node-llama-cpp's insights in the LLM engine (real layer counts, KV cache, VRAM
 * budget), ONNX models from their size. A model estimated too large is refused with
 * OUT_OF_MEMORY unless forced; forced models stay allowed for chat.
 */
export class ModelFitService {
  private readonly forced = new Set<string>();
  /** Estimates by everything they depend on, so a chat reply does not re-read the GGUF each time. */
  private readonly estimates = new Map<string, Promise<Fit>>();

  constructor(private readonly deps: ModelFitDeps) {}

  async fit(id: string, contextSize = DEFAULT_CONTEXT): Promise<Fit> {
    return this.fitOf(await this.deps.getModel(id), contextSize);
  }

  async load(id: string, force: boolean): Promise<LoadedModel> {
    const model = await this.deps.getModel(id);
    if (model.format !== "gguf") {
      throw new AppError("UNSUPPORTED", `"${model.name}" is an ONNX ${model.family} model: its engine loads it when you use it.`);
    }
    const fit = await this.fitOf(model, DEFAULT_CONTEXT);
    if (fit.verdict === "too-large" && !force) throw tooLargeError(model, fit);
    const { llm } = this.deps.settings();
    await this.deps.memory.makeRoom("llm", [model.id]);
    const loaded = await this.deps.llm.call("load", {
      modelId: model.id,
      modelPath: model.path,
      sizeBytes: model.sizeBytes,
      gpuLayers: llm.gpuLayers,
      threads: llm.threads,
      contextSize: DEFAULT_CONTEXT,
    });
    if (force) this.forced.add(model.id);
    return loaded;
  }

  /**
   * The model for a chat reply, refused up front when it is estimated too large (and was
   * not loaded anyway). An estimate that fails is logged and does not block: the reply's
   * own load then reports what went wrong.
   */
  async requireRunnable(id: string): Promise<ModelInfo> {
    const model = await this.deps.getModel(id);
    if (model.format !== "gguf" || this.forced.has(id)) return model;
    let fit: Fit;
    try {
      fit = await this.fitOf(model, DEFAULT_CONTEXT);
    } catch (error) {
      this.deps.logger.log("warn", "models", `Could not estimate whether ${id} fits`, { error });
      return model;
    }
    if (fit.verdict === "too-large") throw tooLargeError(model, fit);
    return model;
  }

  forget(id: string): void {
    this.forced.delete(id);
    for (const key of this.estimates.keys()) if (key.startsWith(`${id}\0`)) this.estimates.delete(key);
  }

  private async fitOf(model: ModelInfo, contextSize: number): Promise<Fit> {
    const budget = await this.deps.budget();
    if (model.format !== "gguf") return estimateFitFromSize({ sizeBytes: model.sizeBytes, format: model.format }, budget);
    const { gpuLayers } = this.deps.settings().llm;
    const key = [model.id, model.path, model.sizeBytes, contextSize, gpuLayers, budget.ramBudgetBytes, budget.vramBudgetBytes].join("\0");
    const known = this.estimates.get(key);
    if (known) return known;
    const estimate = this.estimateGguf(model, contextSize, budget);
    this.estimates.set(key, estimate);
    estimate.catch(() => this.estimates.delete(key));
    return estimate;
  }

  private async estimateGguf(model: ModelInfo, contextSize: number, budget: MachineBudget): Promise<Fit> {
    const estimate = await this.deps.llm.call("fit", { modelPath: model.path, contextSize, gpuLayers: this.deps.settings().llm.gpuLayers });
    const { gpuLayers, totalLayers, ramBytes, vramBytes } = estimate;
    // The engine knows the VRAM budget it will really load with.
    return fitFromNumbers({ ramBytes, vramBytes, gpuLayers, totalLayers }, { ...budget, gpu: estimate.gpu !== false, vramBudgetBytes: estimate.vramBudgetBytes });
  }
}

function tooLargeError(model: ModelInfo, fit: Fit): AppError {
  return new AppError(
    "OUT_OF_MEMORY",
    `"${model.name}" is estimated to need about ${formatBytes(fit.ramBytes + fit.vramBytes)}, more than the memory budget allows. ` +
      "Choose Load anyway to try it regardless (it may fail or slow the computer), or raise the budget in Settings.",
    { fit, canForce: true },
  );
}
