import type { RgbImage } from "../image-codec";
import type { BorderFill } from "./animate-types";

/** One frame's camera move in feedback mode. */
export interface CameraMove {
  /** > 1 zooms in, about the frame's centre. */
  zoom: number;
  /** Pixels the picture moves right / down. */
  panX: number;
  panY: number;
  /** Degrees, counter-clockwise on screen, about the centre. */
  rotate: number;
}

export const STILL_CAMERA: CameraMove = { zoom: 1, panX: 0, panY: 0, rotate: 0 };

/** Folds an integer pixel index into 0…size − 1. */
function borderIndex(index: number, size: number, border: BorderFill): number {
  if (index >= 0 && index < size) return index;
  if (border === "replicate") return index < 0 ? 0 : size - 1;
  // Mirror with the edge pixel repeated (…cba|abc…cba|abc…): a seamless continuation of the picture.
  const period = 2 * size;
  const folded = ((index % period) + period) % period;
  return folded < size ? folded : period - 1 - folded;
}

/**
 * The frame seen through the moved camera, the same size: each output pixel samples the input
 * bilinearly where the inverse move puts it (pixel centres at i + 0.5; rotate and zoom about the
 * centre, then pan in output pixels). What comes into view from outside is filled by mirroring or
 * repeating the edge, never black. A still camera returns the input's pixels exactly.
 */
export function moveCamera(image: RgbImage, move: CameraMove, border: BorderFill): RgbImage {
  const { width, height, pixels } = image;
  const out = new Uint8Array(pixels.length);
  const radians = (move.rotate * Math.PI) / 180;
  const cos = Math.cos(radians) / move.zoom;
  const sin = Math.sin(radians) / move.zoom;
  const centreX = width / 2;
  const centreY = height / 2;
  for (let y = 0; y < height; y++) {
    const dy = y + 0.5 - move.panY - centreY;
    for (let x = 0; x < width; x++) {
      const dx = x + 0.5 - move.panX - centreX;
      // Source position in pixel-centre coordinates (pixel i at i).
      const u = cos * dx - sin * dy + centreX - 0.5;
      const v = sin * dx + cos * dy + centreY - 0.5;
      const x0 = Math.floor(u);
      const y0 = Math.floor(v);
      const fx = u - x0;
      const fy = v - y0;
      const left = borderIndex(x0, width, border) * 3;
      const right = borderIndex(x0 + 1, width, border) * 3;
      const top = borderIndex(y0, height, border) * width * 3;
      const bottom = borderIndex(y0 + 1, height, border) * width * 3;
      const target = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const upper = (pixels[top + left + c] ?? 0) * (1 - fx) + (pixels[top + right + c] ?? 0) * fx;
        const lower = (pixels[bottom + left + c] ?? 0) * (1 - fx) + (pixels[bottom + right + c] ?? 0) * fx;
        out[target + c] = Math.round(upper * (1 - fy) + lower * fy);
      }
    }
  }
  return { pixels: out, width, height };
}
