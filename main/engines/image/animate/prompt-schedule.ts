import { encodeConditioning, type Conditioning } from "../pipeline/conditioning";
import type { LoadedPipeline } from "../pipeline/load-pipeline";
import type { UnetCondition } from "../pipeline/unet";
import type { AnimationKeyframe } from "./animate-types";
import { keyframeSpan } from "./keyframes";

export interface PromptScheduleOptions {
  /** For keyframes without their own. */
  negativePrompt: string;
  guided: boolean;
  width: number;
  height: number;
}

function lerpFloats(a: Float32Array, b: Float32Array, t: number): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < out.length; i++) {
    const x = a[i] ?? 0;
    out[i] = x + ((b[i] ?? 0) - x) * t;
  }
  return out;
}

function mixCondition(a: UnetCondition, b: UnetCondition, t: number): UnetCondition {
  const mixed: UnetCondition = { ...a, context: lerpFloats(a.context, b.context, t) };
  if (a.textEmbeds && b.textEmbeds) mixed.textEmbeds = lerpFloats(a.textEmbeds, b.textEmbeds, t);
  return mixed;
}

/** Text conditioning a fraction t of the way from `a` to `b` (SDXL's pooled embeddings too; size conditions are the same on both). */
export function mixConditioning(a: Conditioning, b: Conditioning, t: number): Conditioning {
  const cond = mixCondition(a.cond, b.cond, t);
  return a.uncond && b.uncond ? { cond, uncond: mixCondition(a.uncond, b.uncond, t) } : { cond };
}

/**
 * Each frame's text conditioning: a keyframe's prompts encoded as a plain generation encodes
 * them, frames between two keyframes a linear mix of the two encodings. Only the encodings of
 * the current span are kept, so long animations with many keyframes use little memory.
 */
export class PromptSchedule {
  private readonly frames: number[];
  private encoded = new Map<string, Promise<Conditioning>>();

  constructor(
    private readonly pipeline: LoadedPipeline,
    private readonly keyframes: readonly AnimationKeyframe[],
    private readonly options: PromptScheduleOptions,
  ) {
    this.frames = keyframes.map((keyframe) => keyframe.frame);
  }

  async at(frame: number): Promise<Conditioning> {
    const span = keyframeSpan(this.frames, frame);
    const keys = [this.keyOf(span.from), this.keyOf(span.to)];
    for (const key of this.encoded.keys()) if (!keys.includes(key)) this.encoded.delete(key);
    const from = await this.encode(span.from);
    return span.t === 0 ? from : mixConditioning(from, await this.encode(span.to), span.t);
  }

  private prompts(index: number): { prompt: string; negativePrompt: string } {
    const keyframe = this.keyframes[index];
    if (!keyframe) throw new Error(`unreachable: keyframe ${index} of ${this.keyframes.length}`);
    return { prompt: keyframe.prompt, negativePrompt: keyframe.negativePrompt ?? this.options.negativePrompt };
  }

  private keyOf(index: number): string {
    const { prompt, negativePrompt } = this.prompts(index);
    return JSON.stringify([prompt, negativePrompt]);
  }

  private encode(index: number): Promise<Conditioning> {
    const key = this.keyOf(index);
    let encoding = this.encoded.get(key);
    if (!encoding) {
      encoding = encodeConditioning(this.pipeline, { ...this.options, ...this.prompts(index) });
      this.encoded.set(key, encoding);
    }
    return encoding;
  }
}
