import type { OnnxSession } from "../sessions";
import { fixedDim } from "../sessions";
import { idTensor, readFloats, type IdType } from "../tensors";

/**
 * What a pipeline takes from a CLIP text encoder:
 * - "last": `last_hidden_state` (SD 1.x / 2.x),
 * - "penultimate": the second-to-last `hidden_states.N` (SDXL's first encoder),
 * - "penultimate+pooled": that plus the projected pooled `text_embeds` (SDXL's second encoder).
 */
export type TextEncoderUse = "last" | "penultimate" | "penultimate+pooled";

export interface TextEncoding {
  /** [tokens, width], row-major. */
  hidden: Float32Array;
  width: number;
  pooled?: Float32Array;
}

export class ClipTextEncoder {
  private constructor(
    private readonly session: OnnxSession,
    private readonly idType: IdType,
    private readonly hiddenOutput: string,
    private readonly pooledOutput: string | undefined,
    /** Width of the hidden states when the model fixes it (else known after the first run). */
    readonly declaredWidth: number | undefined,
    readonly declaredPooledWidth: number | undefined,
  ) {}

  /** Checks the encoder's inputs and outputs against what `use` needs; MODEL_INCOMPATIBLE otherwise. */
  static from(session: OnnxSession, use: TextEncoderUse): ClipTextEncoder {
    const ids = session.requireInput("input_ids");
    if (ids.type !== "int32" && ids.type !== "int64") throw session.incompatible(`takes input_ids as ${ids.type}; int32 or int64 was expected`);
    if (ids.shape.length !== 2) throw session.incompatible(`takes input_ids of rank ${ids.shape.length}; [batch, 77] was expected`);
    const unknown = [...session.inputs.keys()].filter((name) => name !== "input_ids");
    if (unknown.length > 0) throw session.incompatible(`needs inputs Atelier cannot provide: ${unknown.join(", ")}`);

    const hiddenOutput = use === "last" ? "last_hidden_state" : penultimateHiddenState(session);
    const hidden = session.requireOutput(hiddenOutput);
    const pooled = use === "penultimate+pooled" ? session.requireOutput("text_embeds") : undefined;
    for (const info of [hidden, pooled]) {
      if (info && info.type !== "float32" && info.type !== "float16") throw session.incompatible(`gives ${info.name} as ${info.type}`);
    }
    return new ClipTextEncoder(session, ids.type, hiddenOutput, pooled?.name, fixedDim(hidden, 2), pooled ? fixedDim(pooled, 1) : undefined);
  }

  async encode(tokenIds: readonly number[]): Promise<TextEncoding> {
    const fetch = this.pooledOutput ? [this.hiddenOutput, this.pooledOutput] : [this.hiddenOutput];
    const result = await this.session.run({ input_ids: idTensor(this.idType, tokenIds, [1, tokenIds.length]) }, fetch);
    const hiddenTensor = result[this.hiddenOutput];
    if (!hiddenTensor) throw this.session.incompatible(`gave no ${this.hiddenOutput}`);
    const hidden = readFloats(hiddenTensor, this.hiddenOutput);
    const width = hiddenTensor.dims[2];
    if (hiddenTensor.dims.length !== 3 || width === undefined || hidden.length !== tokenIds.length * width) {
      throw this.session.incompatible(`gave ${this.hiddenOutput} shaped [${hiddenTensor.dims.join(", ")}]; [1, ${tokenIds.length}, width] was expected`);
    }
    const pooledTensor = this.pooledOutput ? result[this.pooledOutput] : undefined;
    return pooledTensor ? { hidden, width, pooled: readFloats(pooledTensor, "text_embeds") } : { hidden, width };
  }
}

/** diffusers' `hidden_states[-2]`: hidden_states.0 is the embeddings, the highest index the last layer. */
function penultimateHiddenState(session: OnnxSession): string {
  const indices = [...session.outputs.keys()]
    .map((name) => /^hidden_states\.(\d+)$/.exec(name)?.[1])
    .filter((index): index is string => index !== undefined)
    .map(Number);
  if (indices.length < 2) {
    throw session.incompatible("has no hidden_states.N outputs; SDXL needs the penultimate hidden state (export it with output_hidden_states)");
  }
  return `hidden_states.${Math.max(...indices) - 1}`;
}
