import { Tensor } from "onnxruntime-node";
import type { OnnxSession, TensorInfo } from "../sessions";
import { fixedDim } from "../sessions";
import { concatFloats } from "../../../../shared/concat";
import { floatTensor, readFloats, repeat, type FloatType } from "../tensors";
import { float32ToFloat16 } from "../float16";
import type { UnetConfig } from "./pipeline-folder";

/** One side of classifier-free guidance: the prompt's (or negative prompt's) conditioning. */
export interface UnetCondition {
  /** [tokens, width] encoder hidden states. */
  context: Float32Array;
  tokens: number;
  /** SDXL: pooled text embeddings and the 5 or 6 size/crop conditions. */
  textEmbeds?: Float32Array;
  timeIds?: Float32Array;
}

export interface UnetGuidance {
  cond: UnetCondition;
  /** Present when guidance applies: the prediction is uncond + scale·(cond − uncond). */
  uncond?: UnetCondition;
  guidanceScale: number;
  /** LCM-distilled UNets: the guidance-scale embedding. */
  timestepCond?: Float32Array;
}

/** The conditioning inputs of one generation, made into tensors once and reused by every step. */
export interface PreparedGuidance {
  guidanceScale: number;
  /** One feed set per UNet call of a step: [uncond+cond] batched, or cond (and uncond) alone. */
  calls: Record<string, Tensor>[];
  batch: number;
}

export interface UnetStep {
  /** Scaled latents [4, h, w]. */
  sample: Float32Array;
  /** Inpainting UNets: mask [1, h, w] then masked-image latents [4, h, w]. */
  extra?: Float32Array;
  height: number;
  width: number;
  timestep: number;
}

const KNOWN_INPUTS = new Set(["sample", "timestep", "encoder_hidden_states", "text_embeds", "time_ids", "timestep_cond"]);
const isFloat = (info: TensorInfo): info is TensorInfo & { type: FloatType } => info.type === "float32" || info.type === "float16";

/** The UNet as the pipeline calls it: adapts to its timestep type and rank, batch, float16 IO and extra inputs. */
export class Unet {
  private constructor(
    private readonly session: OnnxSession,
    readonly inChannels: number,
    /** The batch dimension is dynamic: both CFG halves go in one call. */
    readonly batchesGuidance: boolean,
    readonly timeCondDim: number | undefined,
    readonly timeIdsWidth: number | undefined,
    readonly contextWidth: number | undefined,
    /** [h, w] when the model only takes one latent size. */
    readonly fixedLatentSize: [number, number] | undefined,
  ) {}

  static from(session: OnnxSession, config: UnetConfig, sdxl: boolean): Unet {
    const sample = session.requireInput("sample");
    const timestep = session.requireInput("timestep");
    const context = session.requireInput("encoder_hidden_states");
    const output = session.requireOutput("out_sample");
    const unknown = [...session.inputs.keys()].filter((name) => !KNOWN_INPUTS.has(name));
    if (unknown.length > 0) throw session.incompatible(`needs inputs Atelier cannot provide: ${unknown.join(", ")}`);
    for (const info of [sample, context, output]) if (!isFloat(info)) throw session.incompatible(`has ${info.name} as ${info.type}; float was expected`);
    if (sample.shape.length !== 4) throw session.incompatible(`takes sample of rank ${sample.shape.length}; [batch, channels, h, w] was expected`);
    if (context.shape.length !== 3) throw session.incompatible(`takes encoder_hidden_states of rank ${context.shape.length}; 3 was expected`);
    if (!["int64", "int32", "float32", "float16"].includes(timestep.type) || timestep.shape.length > 1) {
      throw session.incompatible(`takes timestep as ${timestep.type} of rank ${timestep.shape.length}; a number or [batch] was expected`);
    }
    const declaredChannels = fixedDim(sample, 1);
    const inChannels = config.in_channels ?? declaredChannels ?? 4;
    if ((declaredChannels !== undefined && declaredChannels !== inChannels) || (inChannels !== 4 && inChannels !== 9)) {
      throw session.incompatible(`takes ${declaredChannels ?? inChannels} latent channels; 4 (or 9 for inpainting) were expected`);
    }
    const batch = fixedDim(sample, 0);
    if (batch !== undefined && batch !== 1) throw session.incompatible(`has a fixed batch of ${batch}`);

    const textEmbeds = session.input("text_embeds");
    const timeIds = session.input("time_ids");
    if (sdxl && (!textEmbeds || !timeIds)) throw session.incompatible("lacks the SDXL inputs text_embeds and time_ids");
    if (!sdxl && (textEmbeds || timeIds)) throw session.incompatible("takes SDXL inputs, but the folder has no second text encoder");
    const timeCond = session.input("timestep_cond");
    const timeCondDim = timeCond ? (config.time_cond_proj_dim ?? fixedDim(timeCond, 1)) : undefined;
    if (timeCond && !timeCondDim) throw session.incompatible("takes timestep_cond but its size is unknown (time_cond_proj_dim)");
    const height = fixedDim(sample, 2);
    const width = fixedDim(sample, 3);
    return new Unet(
      session,
      inChannels,
      batch === undefined,
      timeCondDim ?? undefined,
      timeIds ? (fixedDim(timeIds, 1) ?? 6) : undefined,
      fixedDim(context, 2),
      height && width ? [height, width] : undefined,
    );
  }

  /** Builds the conditioning tensors of a generation once. */
  prepare(guidance: UnetGuidance): PreparedGuidance {
    const { cond, uncond } = guidance;
    const groups = !uncond ? [[cond]] : this.batchesGuidance ? [[uncond, cond]] : [[uncond], [cond]];
    return { guidanceScale: guidance.guidanceScale, calls: groups.map((group) => this.conditionFeeds(group, guidance.timestepCond)), batch: groups[0]?.length ?? 1 };
  }

  /** The (guided) noise prediction [4, h, w] for one step. */
  async predict(step: UnetStep, guidance: PreparedGuidance): Promise<Float32Array> {
    const input = step.extra ? concatFloats([step.sample, step.extra]) : step.sample;
    const samples = guidance.batch === 2 ? repeat(input, 2) : input;
    const outputs: Float32Array[] = [];
    for (const feeds of guidance.calls) outputs.push(await this.run(samples, guidance.batch, feeds, step));
    const [first, second] = outputs;
    if (!first) throw new Error("unreachable: a UNet step without a call");
    if (outputs.length === 1 && guidance.batch === 1) return first;
    // Uncond then cond: two calls' outputs, or the two halves of one batched call.
    const [uncond, cond] = second ? [first, second] : [first.subarray(0, first.length / 2), first.subarray(first.length / 2)];
    const guided = new Float32Array(cond.length);
    const scale = guidance.guidanceScale;
    for (let i = 0; i < guided.length; i++) {
      const u = uncond[i] ?? 0;
      guided[i] = u + scale * ((cond[i] ?? 0) - u);
    }
    return guided;
  }

  private conditionFeeds(conditions: readonly UnetCondition[], timestepCond: Float32Array | undefined): Record<string, Tensor> {
    const batch = conditions.length;
    const first = conditions[0];
    if (!first) throw new Error("unreachable: a UNet call without conditioning");
    const feeds: Record<string, Tensor> = {
      encoder_hidden_states: this.float("encoder_hidden_states", concatFloats(conditions.map((c) => c.context)), [batch, first.tokens, first.context.length / first.tokens]),
    };
    if (this.timeIdsWidth !== undefined) {
      const embeds = conditions.map((c) => c.textEmbeds ?? new Float32Array());
      feeds.text_embeds = this.float("text_embeds", concatFloats(embeds), [batch, embeds[0]?.length ?? 0]);
      feeds.time_ids = this.float("time_ids", concatFloats(conditions.map((c) => c.timeIds ?? new Float32Array())), [batch, this.timeIdsWidth]);
    }
    if (this.timeCondDim !== undefined) {
      feeds.timestep_cond = this.float("timestep_cond", repeat(timestepCond ?? new Float32Array(this.timeCondDim), batch), [batch, this.timeCondDim]);
    }
    return feeds;
  }

  private async run(samples: Float32Array, batch: number, conditionFeeds: Record<string, Tensor>, step: UnetStep): Promise<Float32Array> {
    const feeds: Record<string, Tensor> = {
      ...conditionFeeds,
      sample: this.float("sample", samples, [batch, this.inChannels, step.height, step.width]),
      timestep: this.timestep(step.timestep, batch),
    };
    const output = (await this.session.run(feeds, ["out_sample"])).out_sample;
    const expected = batch * 4 * step.height * step.width;
    if (!output || output.data.length !== expected) {
      throw this.session.incompatible(`gave out_sample shaped [${output?.dims.join(", ") ?? ""}]; [${batch}, 4, ${step.height}, ${step.width}] was expected`);
    }
    return readFloats(output, "out_sample");
  }

  private float(name: string, values: Float32Array, dims: readonly number[]): Tensor {
    const info = this.session.requireInput(name);
    return floatTensor(info.type === "float16" ? "float16" : "float32", values, dims);
  }

  /** int64/int32 timesteps are truncated as numpy's astype does; rank 1 gets one value per batch row. */
  private timestep(t: number, batch: number): Tensor {
    const info = this.session.requireInput("timestep");
    const dims = info.shape.length === 0 ? [] : [fixedDim(info, 0) ?? batch];
    const count = dims[0] ?? 1;
    if (info.type === "int64") return new Tensor("int64", new BigInt64Array(count).fill(BigInt(Math.trunc(t))), dims);
    if (info.type === "int32") return new Tensor("int32", new Int32Array(count).fill(Math.trunc(t)), dims);
    const values = new Float32Array(count).fill(t);
    return info.type === "float16" ? new Tensor("float16", float32ToFloat16(values), dims) : new Tensor("float32", values, dims);
  }
}
