import { AppError } from "../../../../shared/errors";
import { ClipTokenizer } from "../../image/clip-tokenizer";
import { ClipTextEncoder } from "../../image/pipeline/text-encoder";
import { VaeDecoder, VaeEncoder } from "../../image/pipeline/vae";
import type { OrtProvider } from "../../image/providers";
import { OnnxSession, RunClock } from "../../image/sessions";
import type { MotionModelInfo } from "../methods";
import { readMotionFolder, type MotionFolder } from "./motion-folder";
import { MotionUnet } from "./motion-unet";

/** An AnimateDiff-class pipeline with every session created and checked, ready to make clips. */
export interface LoadedMotionPipeline {
  kind: "motion";
  modelId: string;
  folder: MotionFolder;
  provider: OrtProvider;
  tokenizer: ClipTokenizer;
  textEncoder: ClipTextEncoder;
  unet: MotionUnet;
  vaeDecoder: VaeDecoder;
  vaeEncoder?: VaeEncoder;
  clock: RunClock;
  sessions: OnnxSession[];
}

/** Estimated bytes a motion folder takes once loaded, before loading it (and a check of its files). */
export async function motionWeightBytes(root: string): Promise<number> {
  return (await readMotionFolder(root)).weightBytes;
}

export async function loadMotionPipeline(modelId: string, root: string, provider: OrtProvider): Promise<LoadedMotionPipeline> {
  const folder = await readMotionFolder(root);
  const clock = new RunClock();
  const sessions: OnnxSession[] = [];
  // One after another, so a failure releases what was already loaded.
  const open = async (file: string, part: string): Promise<OnnxSession> => {
    const session = await OnnxSession.open(file, provider, `the ${part} of “${modelId}”`, clock);
    sessions.push(session);
    return session;
  };
  try {
    const unet = MotionUnet.from(await open(folder.onnx.unet, "motion UNet"), folder.template?.contextSize);
    const textEncoder = ClipTextEncoder.from(await open(folder.onnx.textEncoder, "text encoder"), "last");
    checkContextWidth(unet, textEncoder);
    const vaeDecoder = VaeDecoder.from(await open(folder.onnx.vaeDecoder, "VAE decoder"));
    const vaeEncoder = folder.onnx.vaeEncoder ? VaeEncoder.from(await open(folder.onnx.vaeEncoder, "VAE encoder")) : undefined;
    const tokenizer = await ClipTokenizer.load(folder.tokenizerDir);
    return { kind: "motion", modelId, folder, provider, tokenizer, textEncoder, unet, vaeDecoder, ...(vaeEncoder ? { vaeEncoder } : {}), clock, sessions };
  } catch (error) {
    await Promise.all(sessions.map((session) => session.release().catch(() => undefined)));
    if (error instanceof AppError) throw error;
    throw new AppError("MODEL_LOAD_FAILED", `“${modelId}” could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** When both declare it, the UNet's cross-attention width must be the text encoder's. */
function checkContextWidth(unet: MotionUnet, textEncoder: ClipTextEncoder): void {
  const expected = unet.contextWidth;
  const given = textEncoder.declaredWidth;
  if (expected === undefined || given === undefined || expected === given) return;
  throw new AppError("MODEL_INCOMPATIBLE", `The motion UNet expects text features of width ${expected}, but the text encoder gives ${given}: these parts do not belong together.`);
}

/** What the loaded pipeline can do, for the host's model picker. */
export function describeMotionPipeline(pipeline: LoadedMotionPipeline): MotionModelInfo {
  const { unet, folder } = pipeline;
  const template = folder.template;
  const fixed = unet.fixedLatentSize;
  return {
    contextSize: unet.contextSize,
    contextSource: unet.contextSource,
    precision: unet.floatType,
    batchesGuidance: unet.batchesGuidance,
    imageToVideo: pipeline.vaeEncoder !== undefined,
    ...(fixed ? { fixedSize: [fixed[1] * 8, fixed[0] * 8] as [number, number] } : {}),
    defaults: template?.defaults ?? {},
    ...(template?.name !== undefined ? { name: template.name } : {}),
  };
}
