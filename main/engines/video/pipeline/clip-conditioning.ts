import { concatFloats } from "../../../../shared/concat";
import type { LoadedMotionPipeline } from "../motion/load-motion";
import type { PreparedWindow } from "../motion/motion-unet";
import type { ContextWindow } from "./context-windows";

/** Text features per frame of the clip, [tokens, width] each; frames with the same prompt share one array. */
export interface FrameTexts {
  cond: readonly Float32Array[];
  /** Present when classifier-free guidance runs. */
  uncond?: readonly Float32Array[];
  tokens: number;
  width: number;
}

export interface ConditioningRequest {
  prompt: string;
  negativePrompt: string;
  guided: boolean;
  cfgScale: number;
}

async function encode(pipeline: LoadedMotionPipeline, text: string): Promise<{ hidden: Float32Array; width: number }> {
  return pipeline.textEncoder.encode(pipeline.tokenizer.encode(text));
}

/**
 * Per-frame text conditioning: the prompt's features repeated over every frame (and the negative
 * prompt's, for guidance), as OnnxStack's Locomotion pipeline feeds the motion UNet.
 */
export async function encodeFrameTexts(pipeline: LoadedMotionPipeline, request: ConditioningRequest, frames: number): Promise<FrameTexts> {
  const positive = await encode(pipeline, request.prompt);
  const tokens = positive.hidden.length / positive.width;
  const cond = Array<Float32Array>(frames).fill(positive.hidden);
  if (!request.guided) return { cond, tokens, width: positive.width };
  const negative = await encode(pipeline, request.negativePrompt);
  return { cond, uncond: Array<Float32Array>(frames).fill(negative.hidden), tokens, width: positive.width };
}

/**
 * The UNet feeds of each window, built on first use and shared by windows whose frames carry
 * the same texts (with one prompt, every window shares one set).
 */
export function windowConditioning(pipeline: LoadedMotionPipeline, texts: FrameTexts, cfgScale: number): (window: ContextWindow) => PreparedWindow {
  const ids = new Map<Float32Array, number>();
  const idOf = (values: Float32Array): number => {
    const known = ids.get(values);
    if (known !== undefined) return known;
    ids.set(values, ids.size);
    return ids.size - 1;
  };
  const prepared = new Map<string, PreparedWindow>();
  return (window) => {
    const frames = (all: readonly Float32Array[]) => all.slice(window.start, window.start + window.length);
    const cond = frames(texts.cond);
    const uncond = texts.uncond ? frames(texts.uncond) : undefined;
    const key = [...cond, ...(uncond ?? [])].map(idOf).join(",");
    const existing = prepared.get(key);
    if (existing) return existing;
    const made = pipeline.unet.prepare(
      { cond: concatFloats(cond), ...(uncond ? { uncond: concatFloats(uncond) } : {}), frames: window.length, tokens: texts.tokens, width: texts.width },
      cfgScale,
    );
    prepared.set(key, made);
    return made;
  };
}
