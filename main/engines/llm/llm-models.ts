import os from "node:os";
import path from "node:path";
import { InsufficientMemoryError, type LlamaContext, type LlamaContextSequence, type LlamaModel } from "node-llama-cpp";
import { AppError } from "../../../shared/errors";
import type { LoadedModel } from "../../../shared/models";
import { loadedModelOf } from "../cache-methods";
import { ModelCache, type ModelCacheConfig } from "../model-cache";
import { estimateGgufFit, gpuLayersWithinBudget } from "./gguf-fit";
import { validateGgufFile } from "./gguf-validation";
import type { EngineLog, LlamaRuntime } from "./llama-runtime";
import type { LlmCacheConfig, LlmFitInput, LlmFitOutput, LlmLoadOptions } from "./methods";
import { chooseThreads } from "./thread-choice";

/** A model with its one context and sequence, as generation uses it. */
export interface LoadedLlm {
  readonly model: LlamaModel;
  readonly modelPath: string;
  readonly gpuLayersRequested: LlmLoadOptions["gpuLayers"];
  context: LlamaContext;
  sequence: LlamaContextSequence;
  /** What the context was created for (llama.cpp may round the size it really uses). */
  contextSizeRequested: number;
  threads: number;
  /** Model plus context, estimated when the context is created. */
  memoryBytes: number;
}

/** Until the host configures it: half the RAM, and models idle for 15 minutes are unloaded. */
export const DEFAULT_LLM_CACHE: ModelCacheConfig = { budgetBytes: Math.floor(os.totalmem() / 2), idleUnloadMs: 15 * 60_000 };

/** llama.cpp throws "Failed to load model" and explains why only in its log: use the log's reason. */
function describeFailure(error: unknown, llamaErrors: string[]): string {
  const detail = llamaErrors
    .filter((line) => !/failed to load model$/i.test(line))
    .at(-1)
    ?.replace(/^\w+: (error loading model: )?/, "");
  return detail ?? (error instanceof Error ? error.message : String(error));
}

async function estimateMemoryBytes(model: LlamaModel, context: LlamaContext): Promise<number> {
  const contextNeeds = await model.fileInsights.estimateContextResourceRequirementsV2({
    contextSize: context.contextSize,
    modelGpuLayers: model.gpuLayers,
  });
  return model.size + contextNeeds.cpuRam + contextNeeds.gpuVram;
}

/** The LLM engine's loaded models: one LlamaModel and one context per model id, in a ModelCache. */
export class LlmModels {
  private readonly cache: ModelCache<LoadedLlm>;
  /** 0 = 90% of the free VRAM. */
  private vramBudgetBytes = 0;

  constructor(
    private readonly runtime: LlamaRuntime,
    log: EngineLog,
  ) {
    this.cache = new ModelCache<LoadedLlm>({
      ...DEFAULT_LLM_CACHE,
      dispose: async (loaded) => {
        await loaded.context.dispose();
        await loaded.model.dispose();
      },
      onWarning: (message) => log("warn", message),
    });
  }

  /** The model ready to generate with these options. Pair with `release`. */
  async acquire(options: LlmLoadOptions): Promise<LoadedLlm> {
    const existing = this.cache.entries().find((entry) => entry.key === options.modelId)?.value;
    if (existing && (existing.modelPath !== options.modelPath || existing.gpuLayersRequested !== options.gpuLayers)) {
      await this.cache.unload(options.modelId);
    }
    const loaded = await this.cache.acquire(options.modelId, options.sizeBytes, () => this.loadModel(options));
    try {
      await this.fitContext(loaded, options);
    } catch (error) {
      this.cache.release(options.modelId);
      if (loaded.context.disposed) await this.cache.unload(options.modelId);
      throw error;
    }
    this.cache.setBytes(options.modelId, loaded.memoryBytes);
    return loaded;
  }

  release(modelId: string): void {
    this.cache.release(modelId);
  }

  unload(modelId: string, ifIdle = false): Promise<boolean> {
    return this.cache.unload(modelId, { ifIdle });
  }

  configure({ vramBudgetBytes = 0, ...config }: LlmCacheConfig): Promise<void> {
    this.vramBudgetBytes = vramBudgetBytes;
    return this.cache.configure(config);
  }

  async fit(input: LlmFitInput): Promise<LlmFitOutput> {
    return estimateGgufFit(await this.runtime.get(), input, this.vramBudgetBytes);
  }

  clear(): Promise<void> {
    return this.cache.clear();
  }

  loaded(): LoadedModel[] {
    return this.cache.entries().map((entry) => ({
      ...loadedModelOf(entry, "llm"),
      gpuLayers: entry.value.model.gpuLayers,
      totalLayers: entry.value.model.fileInsights.totalLayers,
    }));
  }

  private async loadModel(options: LlmLoadOptions): Promise<LoadedLlm> {
    await validateGgufFile(options.modelPath);
    const llama = await this.runtime.get();
    this.runtime.takeRecentErrors();
    let model: LlamaModel;
    try {
      const gpuLayers = await gpuLayersWithinBudget(llama, options.modelPath, options.gpuLayers, this.vramBudgetBytes);
      model = await llama.loadModel({ modelPath: options.modelPath, gpuLayers });
    } catch (error) {
      throw await this.loadError(options.modelPath, error, "could not be loaded");
    }
    try {
      const threads = chooseThreads(options.threads, model.size, llama.cpuMathCores);
      const context = await model.createContext({ contextSize: options.contextSize, threads });
      return {
        model,
        modelPath: options.modelPath,
        gpuLayersRequested: options.gpuLayers,
        context,
        sequence: context.getSequence(),
        contextSizeRequested: options.contextSize,
        threads,
        memoryBytes: await estimateMemoryBytes(model, context),
      };
    } catch (error) {
      await model.dispose();
      throw await this.loadError(options.modelPath, error, "loaded, but its context could not be created");
    }
  }

  /** Recreates the context when the context size or thread count asked for changed. */
  private async fitContext(loaded: LoadedLlm, options: LlmLoadOptions): Promise<void> {
    const threads = chooseThreads(options.threads, loaded.model.size, loaded.model.llama.cpuMathCores);
    if (loaded.contextSizeRequested === options.contextSize && loaded.threads === threads) return;
    await loaded.context.dispose();
    try {
      loaded.context = await loaded.model.createContext({ contextSize: options.contextSize, threads });
    } catch (error) {
      throw await this.loadError(options.modelPath, error, "loaded, but its context could not be created");
    }
    loaded.sequence = loaded.context.getSequence();
    loaded.contextSizeRequested = options.contextSize;
    loaded.threads = threads;
    loaded.memoryBytes = await estimateMemoryBytes(loaded.model, loaded.context);
  }

  private async loadError(modelPath: string, error: unknown, what: string): Promise<AppError> {
    const name = path.basename(modelPath);
    const reason = describeFailure(error, await this.runtime.takeErrorsAfterFailure());
    if (error instanceof InsufficientMemoryError) {
      return new AppError("OUT_OF_MEMORY", `The model file "${name}" ${what}: not enough memory (${reason}). Try a smaller context size or model.`);
    }
    return new AppError("MODEL_LOAD_FAILED", `The model file "${name}" ${what}: ${reason}.`, { path: modelPath });
  }
}
