import { concatLastAxis } from "../tensors";
import type { LoadedPipeline } from "./load-pipeline";
import type { TextEncoding } from "./text-encoder";
import type { UnetCondition } from "./unet";

export interface Conditioning {
  cond: UnetCondition;
  /** Only when classifier-free guidance runs. */
  uncond?: UnetCondition;
}

export interface ConditioningRequest {
  prompt: string;
  negativePrompt: string;
  guided: boolean;
  /** Image size in pixels (SDXL's size conditions). */
  width: number;
  height: number;
}

/** SDXL base: original size + crop top-left (0, 0) + target size. Refiners (5 values) take an aesthetic score instead. */
function timeIds(count: number, width: number, height: number, negative: boolean): Float32Array {
  return count === 5 ? Float32Array.of(height, width, 0, 0, negative ? 2.5 : 6) : Float32Array.of(height, width, 0, 0, height, width);
}

async function encodeSd(pipeline: LoadedPipeline, text: string): Promise<TextEncoding> {
  return pipeline.textEncoder.encode(pipeline.tokenizer.encode(text));
}

/** SDXL: both encoders' penultimate hidden states side by side, and the second encoder's pooled embedding. */
async function encodeSdxl(pipeline: LoadedPipeline, text: string): Promise<TextEncoding> {
  const second = pipeline.second;
  if (!second) throw new Error("unreachable: SDXL conditioning without a second text encoder");
  const one = await encodeSd(pipeline, text);
  const two = await second.textEncoder.encode(second.tokenizer.encode(text));
  return { hidden: concatLastAxis(one.hidden, one.width, two.hidden, two.width), width: one.width + two.width, ...(two.pooled ? { pooled: two.pooled } : {}) };
}

function condition(pipeline: LoadedPipeline, encoding: TextEncoding, request: ConditioningRequest, negative: boolean): UnetCondition {
  const tokens = encoding.hidden.length / encoding.width;
  const width = pipeline.unet.timeIdsWidth;
  if (width === undefined) return { context: encoding.hidden, tokens };
  return {
    context: encoding.hidden,
    tokens,
    textEmbeds: encoding.pooled ?? new Float32Array(),
    timeIds: timeIds(width, request.width, request.height, negative),
  };
}

function zerosLike(encoding: TextEncoding): TextEncoding {
  const zeros: TextEncoding = { hidden: new Float32Array(encoding.hidden.length), width: encoding.width };
  return encoding.pooled ? { ...zeros, pooled: new Float32Array(encoding.pooled.length) } : zeros;
}

/** Encodes the prompt (and, for guidance, the negative prompt) into the UNet's conditioning. */
export async function encodeConditioning(pipeline: LoadedPipeline, request: ConditioningRequest): Promise<Conditioning> {
  const encode = pipeline.second ? encodeSdxl : encodeSd;
  const positive = await encode(pipeline, request.prompt);
  const cond = condition(pipeline, positive, request, false);
  if (!request.guided) return { cond };
  const zeros = pipeline.folder.zerosForEmptyNegative && request.negativePrompt === "";
  const negative = zeros ? zerosLike(positive) : await encode(pipeline, request.negativePrompt);
  return { cond, uncond: condition(pipeline, negative, request, true) };
}

/** LCM's `timestep_cond`: a sinusoidal embedding of (guidance − 1)·1000, as diffusers' get_guidance_scale_embedding. */
export function guidanceEmbedding(guidanceScale: number, dim: number): Float32Array {
  const w = (guidanceScale - 1) * 1000;
  const half = Math.floor(dim / 2);
  const out = new Float32Array(dim);
  const step = Math.log(10000) / (half - 1);
  for (let i = 0; i < half; i++) {
    const angle = w * Math.exp(-step * i);
    out[i] = Math.sin(angle);
    out[half + i] = Math.cos(angle);
  }
  return out;
}
