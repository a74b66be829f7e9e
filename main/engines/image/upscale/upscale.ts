import { AppError } from "../../../../shared/errors";
import type { RgbImage } from "../image-codec";
import type { ImageProgress } from "../methods";
import type { HandlerContext } from "../../worker-runtime";
import { planTiles, type Tile } from "./tile-plan";
import { runWindow, type LoadedUpscaler } from "./upscaler";

/** Larger outputs are refused: they would take gigabytes to hold and encode. */
export const MAX_OUTPUT_SIDE = 16_384;

/** The window of `tile` as planar floats in [0, 1]; coordinates past the image repeat its edge (static-size models). */
function cutWindow(image: RgbImage, tile: Tile): Float32Array {
  const { x, y } = tile;
  const plane = x.size * y.size;
  const out = new Float32Array(3 * plane);
  for (let row = 0; row < y.size; row++) {
    const sourceRow = Math.min(y.start + row, image.height - 1);
    for (let column = 0; column < x.size; column++) {
      const source = (sourceRow * image.width + Math.min(x.start + column, image.width - 1)) * 3;
      const target = row * x.size + column;
      for (let c = 0; c < 3; c++) out[c * plane + target] = (image.pixels[source + c] ?? 0) / 255;
    }
  }
  return out;
}

/** Copies the core of a tile's output into the result, as bytes: clip(x, 0, 1)·255, rounded. */
function pasteCore(target: RgbImage, tile: Tile, output: Float32Array, scale: number): void {
  const windowWidth = tile.x.size * scale;
  const plane = windowWidth * tile.y.size * scale;
  for (let row = tile.y.coreStart * scale; row < (tile.y.coreStart + tile.y.coreSize) * scale; row++) {
    const windowRow = row - tile.y.start * scale;
    for (let column = tile.x.coreStart * scale; column < (tile.x.coreStart + tile.x.coreSize) * scale; column++) {
      const source = windowRow * windowWidth + column - tile.x.start * scale;
      const at = (row * target.width + column) * 3;
      for (let c = 0; c < 3; c++) {
        const value = output[c * plane + source] ?? 0;
        target.pixels[at + c] = Math.round((value < 0 ? 0 : value > 1 ? 1 : value) * 255);
      }
    }
  }
}

export interface Upscaled {
  image: RgbImage;
  scale: number;
  tiles: number;
}

/** Upscales tile by tile (progress after each, cancellable between them), so memory stays bounded by the tile size. */
export async function upscaleImage(
  upscaler: LoadedUpscaler,
  source: RgbImage,
  options: { tileSize: number; overlap: number },
  { signal, emit }: HandlerContext<ImageProgress>,
): Promise<Upscaled> {
  const tiles = planTiles(source.width, source.height, options.tileSize, options.overlap, upscaler.fixed);
  let result: RgbImage | undefined;
  let scale = 0;
  for (const [index, tile] of tiles.entries()) {
    if (signal.aborted) throw new AppError("CANCELLED", "Cancelled.");
    const output = await runWindow(upscaler, cutWindow(source, tile), tile.x.size, tile.y.size);
    if (!result) {
      scale = output.scale;
      const width = source.width * scale;
      const height = source.height * scale;
      if (width > MAX_OUTPUT_SIDE || height > MAX_OUTPUT_SIDE) {
        throw new AppError("INVALID_INPUT", `Upscaling ${source.width}×${source.height} by ${scale} would make ${width}×${height}; at most ${MAX_OUTPUT_SIDE} pixels per side are supported.`);
      }
      result = { pixels: new Uint8Array(width * height * 3), width, height };
    } else if (output.scale !== scale) {
      throw new AppError("MODEL_INCOMPATIBLE", `The upscaler “${upscaler.modelId}” scaled tiles differently (${scale}× and ${output.scale}×).`);
    }
    pasteCore(result, tile, output.pixels, scale);
    emit({ step: index + 1, total: tiles.length });
  }
  if (!result) throw new Error("unreachable: an image without tiles");
  return { image: result, scale, tiles: tiles.length };
}
