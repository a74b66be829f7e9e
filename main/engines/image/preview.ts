import { encodeSmallPng } from "./preview-png";

/**
 * Live previews without the VAE: each latent pixel's 4 channels times a fixed 4×3 matrix
 * approximates its colour (the factors ComfyUI and A1111 use for "latent → RGB" previews).
 */
const SD1_FACTORS = [
  [0.3512, 0.2297, 0.3227],
  [0.325, 0.4974, 0.235],
  [-0.2829, 0.1762, 0.2721],
  [-0.212, -0.2616, -0.7177],
] as const;
const SDXL_FACTORS = [
  [0.3651, 0.4232, 0.4341],
  [-0.2533, -0.0042, 0.1068],
  [0.1076, 0.1111, -0.0362],
  [-0.3165, -0.2492, -0.2188],
] as const;
const SDXL_BIAS = [0.1084, -0.0175, -0.0011] as const;

/** Previews are sent at most this often; every step still reports progress. */
export const PREVIEW_INTERVAL_MS = 250;

/** Latents [4, h, w] (unscaled, e.g. the predicted x₀) → interleaved RGB bytes at latent resolution. */
export function latentsToRgb(latents: Float32Array, width: number, height: number, sdxl: boolean): Uint8Array {
  const factors = sdxl ? SDXL_FACTORS : SD1_FACTORS;
  const plane = width * height;
  const rgb = new Uint8Array(plane * 3);
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) {
      let value = sdxl ? SDXL_BIAS[c as 0 | 1 | 2] : 0;
      for (let k = 0; k < 4; k++) value += (latents[k * plane + i] ?? 0) * factors[k as 0 | 1 | 2 | 3][c as 0 | 1 | 2];
      const unit = (value + 1) / 2;
      rgb[i * 3 + c] = Math.round((unit < 0 ? 0 : unit > 1 ? 1 : unit) * 255);
    }
  }
  return rgb;
}

/** A PNG data URL at latent resolution (64×64 for 512×512): a few kilobytes, made in well under a millisecond. */
export function previewDataUrl(latents: Float32Array, width: number, height: number, sdxl: boolean): string {
  const png = encodeSmallPng(latentsToRgb(latents, width, height, sdxl), width, height);
  return `data:image/png;base64,${Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString("base64")}`;
}

/** Lets a preview through at most every PREVIEW_INTERVAL_MS. */
export class PreviewThrottle {
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly intervalMs = PREVIEW_INTERVAL_MS) {}

  due(now = performance.now()): boolean {
    if (now - this.last < this.intervalMs) return false;
    this.last = now;
    return true;
  }
}
