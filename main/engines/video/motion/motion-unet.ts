import { Tensor } from "onnxruntime-node";
import { concatFloats } from "../../../../shared/concat";
import { float32ToFloat16 } from "../../image/float16";
import { fixedDim, type OnnxSession, type TensorInfo } from "../../image/sessions";
import { floatTensor, readFloats, repeat, type FloatType } from "../../image/tensors";
import { LATENT_CHANNELS } from "../../image/pipeline/vae";

/** OnnxStack's window when neither the UNet nor amuse_template.json says (UNetConditionModel.Create). */
export const DEFAULT_CONTEXT_SIZE = 16;

export type ContextSource = "model" | "template" | "default";

/** The text features of one window's frames: [frames, tokens, width] each, frame by frame. */
export interface WindowCondition {
  cond: Float32Array;
  /** Present when classifier-free guidance runs. */
  uncond?: Float32Array;
  frames: number;
  tokens: number;
  width: number;
}

/** A window's conditioning made into tensors once, reused by every step. */
export interface PreparedWindow {
  /** `encoder_hidden_states` of each UNet call of a step: [uncond+cond] batched, or each alone. */
  calls: Tensor[];
  /** Samples per call: 2 when both guidance halves go in one call. */
  batch: number;
  frames: number;
  guidanceScale: number;
}

const KNOWN_INPUTS = new Set(["sample", "timestep", "encoder_hidden_states"]);
const isFloat = (info: TensorInfo): info is TensorInfo & { type: FloatType } => info.type === "float32" || info.type === "float16";

/**
 * The motion UNet (AnimateDiff's UNetMotionModel as OnnxStack exports it): `sample` [B,4,F,h,w],
 * `timestep` [1], `encoder_hidden_states` [B·F, tokens, D] → `out_sample` [B,4,F,h,w]. Adapts to
 * fixed or dynamic batch and frame axes, float16 or float32 IO and the timestep's type.
 */
export class MotionUnet {
  private constructor(
    private readonly session: OnnxSession,
    readonly floatType: FloatType,
    /** Frames per call. */
    readonly contextSize: number,
    readonly contextSource: ContextSource,
    /** The frame axis is fixed: every call takes exactly `contextSize` frames. */
    readonly fixedFrames: boolean,
    /** The batch axis is dynamic: both guidance halves go in one call. */
    readonly batchesGuidance: boolean,
    readonly contextWidth: number | undefined,
    /** [h, w] in latents when the model only takes one size. */
    readonly fixedLatentSize: [number, number] | undefined,
  ) {}

  /** Checks the UNet's inputs against the layout; MODEL_INCOMPATIBLE saying what it has instead. */
  static from(session: OnnxSession, templateContext: number | undefined): MotionUnet {
    const sample = session.requireInput("sample");
    const timestep = session.requireInput("timestep");
    const context = session.requireInput("encoder_hidden_states");
    const output = session.requireOutput("out_sample");
    const unknown = [...session.inputs.keys()].filter((name) => !KNOWN_INPUTS.has(name));
    if (unknown.length > 0) throw session.incompatible(`needs inputs Atelier cannot provide: ${unknown.join(", ")}`);
    if (sample.shape.length === 4) {
      throw session.incompatible("takes 4-D latents [batch, channels, height, width]: it is an image UNet, not a motion UNet ([batch, 4, frames, height, width])");
    }
    if (sample.shape.length !== 5) throw session.incompatible(`takes sample of rank ${sample.shape.length}; [batch, 4, frames, height, width] was expected`);
    for (const info of [sample, context, output]) if (!isFloat(info)) throw session.incompatible(`has ${info.name} as ${info.type}; float was expected`);
    if (context.shape.length !== 3) throw session.incompatible(`takes encoder_hidden_states of rank ${context.shape.length}; [frames, tokens, width] was expected`);
    if (!["float32", "float16", "int64", "int32"].includes(timestep.type) || timestep.shape.length > 1) {
      throw session.incompatible(`takes timestep as ${timestep.type} of rank ${timestep.shape.length}; a number or [1] was expected`);
    }
    const channels = fixedDim(sample, 1);
    if (channels !== undefined && channels !== LATENT_CHANNELS) throw session.incompatible(`takes ${channels} latent channels; 4 were expected`);
    const batch = fixedDim(sample, 0);
    if (batch !== undefined && batch !== 1) throw session.incompatible(`has a fixed batch of ${batch}`);
    const frames = fixedDim(sample, 2);
    const rows = fixedDim(context, 0);
    if (frames !== undefined && batch !== undefined && rows !== undefined && rows !== batch * frames) {
      throw session.incompatible(`takes ${rows} rows of text features for ${frames} frames; one per frame was expected`);
    }
    const [contextSize, source] = contextSizeOf(frames, templateContext);
    const height = fixedDim(sample, 3);
    const width = fixedDim(sample, 4);
    return new MotionUnet(
      session,
      sample.type === "float16" ? "float16" : "float32",
      contextSize,
      source,
      frames !== undefined,
      batch === undefined,
      fixedDim(context, 2),
      height && width ? [height, width] : undefined,
    );
  }

  /** Makes one window's conditioning into the feeds of its UNet calls. */
  prepare(condition: WindowCondition, guidanceScale: number): PreparedWindow {
    const { frames, tokens, width } = condition;
    const tensor = (values: Float32Array, batch: number): Tensor => floatTensor(this.floatType, values, [batch * frames, tokens, width]);
    const { cond, uncond } = condition;
    let calls: Tensor[];
    if (!uncond) calls = [tensor(cond, 1)];
    else if (this.batchesGuidance) calls = [tensor(concatFloats([uncond, cond]), 2)];
    else calls = [tensor(uncond, 1), tensor(cond, 1)];
    return { calls, batch: uncond && this.batchesGuidance ? 2 : 1, frames, guidanceScale };
  }

  /** The (guided) noise prediction [4, F, h, w] for one window at one step. */
  async predict(sample: Float32Array, prepared: PreparedWindow, height: number, width: number, timestep: number): Promise<Float32Array> {
    const samples = prepared.batch === 2 ? repeat(sample, 2) : sample;
    const outputs: Float32Array[] = [];
    for (const context of prepared.calls) outputs.push(await this.run(samples, context, prepared, height, width, timestep));
    const [first, second] = outputs;
    if (!first) throw new Error("unreachable: a UNet step without a call");
    if (outputs.length === 1 && prepared.batch === 1) return first;
    const [uncond, cond] = second ? [first, second] : [first.subarray(0, first.length / 2), first.subarray(first.length / 2)];
    const guided = new Float32Array(cond.length);
    const scale = prepared.guidanceScale;
    for (let i = 0; i < guided.length; i++) {
      const u = uncond[i] ?? 0;
      guided[i] = u + scale * ((cond[i] ?? 0) - u);
    }
    return guided;
  }

  private async run(samples: Float32Array, context: Tensor, prepared: PreparedWindow, height: number, width: number, timestep: number): Promise<Float32Array> {
    const { batch, frames } = prepared;
    const dims = [batch, LATENT_CHANNELS, frames, height, width];
    const feeds = { sample: floatTensor(this.floatType, samples, dims), timestep: this.timestep(timestep), encoder_hidden_states: context };
    const output = (await this.session.run(feeds, ["out_sample"])).out_sample;
    if (!output || output.data.length !== samples.length) {
      throw this.session.incompatible(`gave out_sample shaped [${output?.dims.join(", ") ?? ""}]; [${dims.join(", ")}] was expected`);
    }
    return readFloats(output, "out_sample");
  }

  /** One timestep for the whole batch ([1] broadcasts, as diffusers expands it); integer types truncate. */
  private timestep(t: number): Tensor {
    const info = this.session.requireInput("timestep");
    const dims = info.shape.length === 0 ? [] : [1];
    if (info.type === "int64") return new Tensor("int64", BigInt64Array.of(BigInt(Math.trunc(t))), dims);
    if (info.type === "int32") return new Tensor("int32", Int32Array.of(Math.trunc(t)), dims);
    return info.type === "float16" ? new Tensor("float16", float32ToFloat16(Float32Array.of(t)), dims) : new Tensor("float32", Float32Array.of(t), dims);
  }
}

function contextSizeOf(fixedFrames: number | undefined, templateContext: number | undefined): [number, ContextSource] {
  if (fixedFrames !== undefined) return [fixedFrames, "model"];
  if (templateContext !== undefined) return [templateContext, "template"];
  return [DEFAULT_CONTEXT_SIZE, "default"];
}

