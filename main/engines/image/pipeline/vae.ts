import type { OnnxSession } from "../sessions";
import { floatTensor, readFloats } from "../tensors";

export const LATENT_CHANNELS = 4;
/** The VAE's spatial factor: latents are 1/8 of the image in each direction. */
export const VAE_FACTOR = 8;

function floatTypeOf(session: OnnxSession, name: string): "float32" | "float16" {
  const info = session.requireInput(name);
  if (info.type !== "float32" && info.type !== "float16") throw session.incompatible(`takes ${name} as ${info.type}; float was expected`);
  if (info.shape.length !== 4) throw session.incompatible(`takes ${name} of rank ${info.shape.length}; 4 was expected`);
  return info.type;
}

/** `latent_sample` [1,4,h,w] → `sample` [1,3,8h,8w] in about [-1, 1]. */
export class VaeDecoder {
  private constructor(
    private readonly session: OnnxSession,
    private readonly inputType: "float32" | "float16",
  ) {}

  static from(session: OnnxSession): VaeDecoder {
    const type = floatTypeOf(session, "latent_sample");
    session.requireOutput("sample");
    return new VaeDecoder(session, type);
  }

  /** `latents` are already divided by the scaling factor. Returns [3, 8h, 8w]. */
  async decode(latents: Float32Array, height: number, width: number): Promise<Float32Array> {
    const feeds = { latent_sample: floatTensor(this.inputType, latents, [1, LATENT_CHANNELS, height, width]) };
    const output = (await this.session.run(feeds, ["sample"])).sample;
    const dims = output?.dims ?? [];
    if (!output || dims[1] !== 3 || dims[2] !== height * VAE_FACTOR || dims[3] !== width * VAE_FACTOR) {
      throw this.session.incompatible(`gave an image shaped [${dims.join(", ")}]; [1, 3, ${height * VAE_FACTOR}, ${width * VAE_FACTOR}] was expected`);
    }
    return readFloats(output, "sample");
  }
}

/** `sample` [1,3,H,W] in [-1, 1] → `latent_sample` (4 channels) or `latent_parameters` (mean + logvar: the mean is used). */
export class VaeEncoder {
  private constructor(
    private readonly session: OnnxSession,
    private readonly inputType: "float32" | "float16",
    private readonly output: "latent_sample" | "latent_parameters",
  ) {}

  static from(session: OnnxSession): VaeEncoder {
    const type = floatTypeOf(session, "sample");
    const output = session.outputs.has("latent_parameters") ? "latent_parameters" : session.outputs.has("latent_sample") ? "latent_sample" : undefined;
    if (!output) throw session.incompatible(`has neither latent_sample nor latent_parameters (it has: ${[...session.outputs.keys()].join(", ")})`);
    return new VaeEncoder(session, type, output);
  }

  /** Unscaled latents [4, H/8, W/8] of an image [3, H, W]. */
  async encode(image: Float32Array, height: number, width: number): Promise<Float32Array> {
    const feeds = { sample: floatTensor(this.inputType, image, [1, 3, height, width]) };
    const output = (await this.session.run(feeds, [this.output]))[this.output];
    const channels = this.output === "latent_parameters" ? 2 * LATENT_CHANNELS : LATENT_CHANNELS;
    const dims = output?.dims ?? [];
    const h = height / VAE_FACTOR;
    const w = width / VAE_FACTOR;
    if (!output || dims[1] !== channels || dims[2] !== h || dims[3] !== w) {
      throw this.session.incompatible(`gave ${this.output} shaped [${dims.join(", ")}]; [1, ${channels}, ${h}, ${w}] was expected`);
    }
    // Channels are [mean(4), logvar(4)]: the first half is the distribution's mean, as diffusers' `latent_dist.mode()`.
    return readFloats(output, this.output).slice(0, LATENT_CHANNELS * h * w);
  }
}
