import { ClipTokenizer } from "../clip-tokenizer";
import type { OrtProvider } from "../providers";
import { parseSchedulerConfig, type SchedulerConfig } from "../schedulers";
import { OnnxSession, RunClock } from "../sessions";
import { readPipelineFolder, type PipelineFolder } from "./pipeline-folder";
import { ClipTextEncoder } from "./text-encoder";
import { Unet } from "./unet";
import { VaeDecoder, VaeEncoder } from "./vae";
import { AppError } from "../../../../shared/errors";

/** A Stable Diffusion pipeline with every session created, checked and adapted, ready to generate. */
export interface LoadedPipeline {
  kind: "pipeline";
  modelId: string;
  folder: PipelineFolder;
  provider: OrtProvider;
  schedulerConfig: SchedulerConfig;
  tokenizer: ClipTokenizer;
  textEncoder: ClipTextEncoder;
  /** SDXL's second tokenizer and encoder. */
  second?: { tokenizer: ClipTokenizer; textEncoder: ClipTextEncoder };
  unet: Unet;
  vaeDecoder: VaeDecoder;
  vaeEncoder?: VaeEncoder;
  clock: RunClock;
  sessions: OnnxSession[];
}

/** Estimated bytes a pipeline folder takes once loaded (its weights), before loading it. */
export async function pipelineWeightBytes(root: string): Promise<number> {
  return (await readPipelineFolder(root)).weightBytes;
}

export async function loadPipeline(modelId: string, root: string, provider: OrtProvider): Promise<LoadedPipeline> {
  const folder = await readPipelineFolder(root);
  let schedulerConfig: SchedulerConfig;
  try {
    schedulerConfig = parseSchedulerConfig(folder.schedulerConfigJson);
  } catch (error) {
    throw new AppError("MODEL_INCOMPATIBLE", `scheduler/scheduler_config.json cannot be used: ${error instanceof Error ? error.message : String(error)}`);
  }
  const clock = new RunClock();
  const sessions: OnnxSession[] = [];
  // Sessions open one after another, so a failure releases what was already loaded.
  const open = async (file: string, part: string): Promise<OnnxSession> => {
    const session = await OnnxSession.open(file, provider, `the ${part} of “${modelId}”`, clock);
    sessions.push(session);
    return session;
  };
  try {
    const { onnx, sdxl } = folder;
    const textEncoder = ClipTextEncoder.from(await open(onnx.textEncoder, "text encoder"), sdxl ? "penultimate" : "last");
    const second = onnx.textEncoder2 && folder.tokenizerDirs.second
      ? {
          tokenizer: await ClipTokenizer.load(folder.tokenizerDirs.second),
          textEncoder: ClipTextEncoder.from(await open(onnx.textEncoder2, "second text encoder"), "penultimate+pooled"),
        }
      : undefined;
    const unet = Unet.from(await open(onnx.unet, "UNet"), folder.unetConfig, sdxl);
    const vaeDecoder = VaeDecoder.from(await open(onnx.vaeDecoder, "VAE decoder"));
    const vaeEncoder = onnx.vaeEncoder ? VaeEncoder.from(await open(onnx.vaeEncoder, "VAE encoder")) : undefined;
    checkContextWidth(unet, textEncoder, second?.textEncoder);
    return {
      kind: "pipeline",
      modelId,
      folder,
      provider,
      schedulerConfig,
      tokenizer: await ClipTokenizer.load(folder.tokenizerDirs.first),
      textEncoder,
      ...(second ? { second } : {}),
      unet,
      vaeDecoder,
      ...(vaeEncoder ? { vaeEncoder } : {}),
      clock,
      sessions,
    };
  } catch (error) {
    await Promise.all(sessions.map((session) => session.release().catch(() => undefined)));
    if (error instanceof AppError) throw error;
    throw new AppError("MODEL_LOAD_FAILED", `“${modelId}” could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** When the models declare their widths: the UNet's cross-attention width must be the text encoders' (summed for SDXL). */
function checkContextWidth(unet: Unet, first: ClipTextEncoder, second: ClipTextEncoder | undefined): void {
  const widths = [first.declaredWidth, second?.declaredWidth];
  if (unet.contextWidth === undefined || widths.some((width, i) => width === undefined && (i === 0 || second))) return;
  const total = (widths[0] ?? 0) + (widths[1] ?? 0);
  if (total !== unet.contextWidth) {
    throw new AppError(
      "MODEL_INCOMPATIBLE",
      `The UNet expects text features of width ${unet.contextWidth}, but the text encoder${second ? "s give" : " gives"} ${total}: these parts do not belong together.`,
    );
  }
}
