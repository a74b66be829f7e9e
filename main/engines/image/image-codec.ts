import sharp from "sharp";
import { AppError } from "../../../shared/errors";

/** Image bytes in and out of the engine: sharp for decoding, resizing and PNG encoding. */

export interface RgbImage {
  /** Interleaved RGB, row-major. */
  pixels: Uint8Array;
  width: number;
  height: number;
}

function bytesOf(dataUrl: string): Buffer {
  const comma = dataUrl.indexOf(",");
  if (!dataUrl.startsWith("data:image/") || comma < 0) throw new AppError("INVALID_INPUT", "The image must be a data: URL.");
  return Buffer.from(dataUrl.slice(comma + 1), "base64");
}

async function decodeRgb(input: Buffer | string, width: number, height: number, what: string): Promise<Buffer> {
  try {
    return await sharp(input, { failOn: "error" }).rotate().resize(width, height, { fit: "cover" }).removeAlpha().toColourspace("srgb").raw().toBuffer();
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The ${what} could not be read as an image: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The init image, cropped and scaled to cover width × height, as [3, H, W] floats in [-1, 1]. */
export async function decodeInitImage(dataUrl: string, width: number, height: number): Promise<Float32Array> {
  const rgb = await decodeRgb(bytesOf(dataUrl), width, height, "init image");
  return toModelImage({ pixels: rgb, width, height });
}

/** Interleaved RGB bytes → [3, H, W] floats in [-1, 1], as the VAE encoder takes them. */
export function toModelImage(image: RgbImage): Float32Array {
  const plane = image.width * image.height;
  const out = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) out[c * plane + i] = (image.pixels[i * 3 + c] ?? 0) / 127.5 - 1;
  }
  return out;
}

/** The mask at `width` × `height` (same crop as the init image), binarized: 1 = repaint (white), 0 = keep. */
export async function decodeMask(dataUrl: string, width: number, height: number): Promise<Float32Array> {
  let gray: Buffer;
  try {
    gray = await sharp(bytesOf(dataUrl), { failOn: "error" }).rotate().resize(width, height, { fit: "cover" }).flatten().greyscale().raw().toBuffer();
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The mask could not be read as an image: ${error instanceof Error ? error.message : String(error)}`);
  }
  const out = new Float32Array(width * height);
  const channels = gray.length / (width * height);
  for (let i = 0; i < out.length; i++) out[i] = (gray[i * channels] ?? 0) >= 128 ? 1 : 0;
  return out;
}

/** A file the engine reads (an upscale's source) as RGB. */
export async function readRgbFile(file: string): Promise<RgbImage> {
  try {
    const { data, info } = await sharp(file, { failOn: "error" }).rotate().removeAlpha().toColourspace("srgb").raw().toBuffer({ resolveWithObject: true });
    return { pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The image to upscale could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** VAE output [3, H, W] in [-1, 1] → interleaved RGB bytes: clip(x/2 + 0.5)·255, rounded as diffusers does. */
export function toRgbBytes(sample: Float32Array, width: number, height: number): RgbImage {
  const plane = width * height;
  const pixels = new Uint8Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) {
      const value = (sample[c * plane + i] ?? 0) / 2 + 0.5;
      pixels[i * 3 + c] = Math.round((value < 0 ? 0 : value > 1 ? 1 : value) * 255);
    }
  }
  return { pixels, width, height };
}

export async function encodePng(image: RgbImage): Promise<Buffer> {
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 3 } }).png().toBuffer();
}
