import { stat } from "node:fs/promises";
import { InferenceSession } from "onnxruntime-node";
import { AppError } from "../../../shared/errors";
import type { LoadedModel } from "../../../shared/models";
import { loadedModelOf, type ModelHolder } from "../cache-methods";
import { ModelCache, type ModelCacheConfig } from "../model-cache";
import type { SttModelRef, VadModelRef } from "./stt-methods";
import { assertSileroV5 } from "./vad";
import { loadWhisperModel, whisperModelBytes, type WhisperModel } from "./whisper/whisper-model";

type Loaded = { modelId: string } & ({ kind: "whisper"; model: WhisperModel } | { kind: "vad"; session: InferenceSession });

const GIB = 1024 ** 3;

/**
 * The speech-to-text models this process holds, in one cache: Whisper models by id and
 * folder, Silero sessions by id and file. Loaded on first use, least recently used
 * evicted past the budget, unloaded after ten idle minutes (until the host configures it).
 */
export class SttModels implements ModelHolder {
  private readonly cache: ModelCache<Loaded>;

  constructor(onWarning: (message: string) => void) {
    this.cache = new ModelCache<Loaded>({
      budgetBytes: 4 * GIB,
      idleUnloadMs: 10 * 60_000,
      onWarning,
      dispose: async (value) => {
        if (value.kind === "whisper") await value.model.sessions.release();
        else await value.session.release();
      },
    });
  }

  async withWhisper<T>(ref: SttModelRef, use: (model: WhisperModel) => Promise<T>): Promise<T> {
    const key = `whisper:${ref.modelId}:${ref.dir}`;
    const bytes = await whisperModelBytes(ref.dir);
    const loaded = await this.cache.acquire(key, bytes, async () => ({ modelId: ref.modelId, kind: "whisper", model: await loadWhisperModel(ref.dir) }));
    try {
      if (loaded.kind !== "whisper") throw new AppError("INTERNAL", "A VAD model was cached under a Whisper key.");
      return await use(loaded.model);
    } finally {
      this.cache.release(key);
    }
  }

  async withVad<T>(ref: VadModelRef, use: (session: InferenceSession) => Promise<T>): Promise<T> {
    const key = `vad:${ref.modelId}:${ref.file}`;
    const info = await stat(ref.file).catch(() => undefined);
    if (!info?.isFile()) throw new AppError("MODEL_NOT_INSTALLED", `The VAD model file is missing: ${ref.file}`);
    const loaded = await this.cache.acquire(key, info.size, async () => ({ modelId: ref.modelId, kind: "vad", session: await openVad(ref.file) }));
    try {
      if (loaded.kind !== "vad") throw new AppError("INTERNAL", "A Whisper model was cached under a VAD key.");
      return await use(loaded.session);
    } finally {
      this.cache.release(key);
    }
  }

  loaded(): LoadedModel[] {
    return this.cache.entries().map((entry) => loadedModelOf(entry, "speech", entry.value.modelId));
  }

  /** Unloads every entry of the model (one per folder or file it was used with). */
  async unload(modelId: string, ifIdle = false): Promise<boolean> {
    const keys = this.cache.entries().filter((entry) => entry.value.modelId === modelId).map((entry) => entry.key);
    const results = await Promise.all(keys.map((key) => this.cache.unload(key, { ifIdle })));
    return results.some(Boolean);
  }

  configure(config: ModelCacheConfig): Promise<void> {
    return this.cache.configure(config);
  }

  clear(): Promise<void> {
    return this.cache.clear();
  }
}

async function openVad(file: string): Promise<InferenceSession> {
  let session: InferenceSession;
  try {
    // Silero runs one 32 ms window at a time: more threads only add overhead.
    session = await InferenceSession.create(file, { executionProviders: ["cpu"], intraOpNumThreads: 1, interOpNumThreads: 1 });
  } catch (error) {
    throw new AppError("MODEL_LOAD_FAILED", `onnxruntime could not load the VAD model: ${String(error).split("\n")[0] ?? ""}`);
  }
  try {
    assertSileroV5(session);
  } catch (error) {
    await session.release();
    throw error;
  }
  return session;
}
