import { ModelCache, type ModelCacheConfig } from "../../model-cache";
import { ModelsById } from "../../models-by-id";
import { KokoroVoice } from "./kokoro-voice";
import { PiperVoice } from "./piper-voice";
import { findVoiceLayout } from "./voice-layout";
import type { VoiceEngine } from "./voice-engine";

/** Until the host configures it: voices are small (Piper ~60 MB, Kokoro ~330 MB). */
const DEFAULT_CONFIG: ModelCacheConfig = { budgetBytes: 2 * 1024 ** 3, idleUnloadMs: 15 * 60_000 };
/** onnxruntime's working memory on top of the weights. */
const RUNTIME_OVERHEAD = 1.5;

export interface VoiceKey {
  modelId: string;
  modelPath: string;
  sizeBytes: number;
}

/** The voices loaded in this engine process, kept within a memory budget (LRU, idle unload). */
export class TtsModels extends ModelsById<VoiceEngine> {
  constructor(log: (level: "warn", message: string) => void) {
    const cache = new ModelCache<VoiceEngine>({
      ...DEFAULT_CONFIG,
      dispose: (voice) => voice.release(),
      onWarning: (message) => log("warn", message),
    });
    super(cache, "speech");
  }

  /** Loads (or reuses) a voice; pair with `release`. */
  acquire({ modelId, modelPath, sizeBytes }: VoiceKey): Promise<VoiceEngine> {
    return this.cache.acquire(modelId, Math.round(sizeBytes * RUNTIME_OVERHEAD), async () => {
      const layout = await findVoiceLayout(modelPath);
      return layout.kind === "piper" ? PiperVoice.load(layout.onnx, layout.json) : KokoroVoice.load(layout.onnx, layout.folder, layout.voicesDir);
    });
  }
}
