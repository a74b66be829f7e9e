import { binarizeMask, maskCoverage, paintFromMask, type Size } from "./mask-pixels";

/** The brush colour on screen; the canvas is shown half transparent over the init image. */
export const PAINT_RGB: readonly [number, number, number] = [255, 64, 64];
const PAINT_STYLE = `rgb(${PAINT_RGB.join(" ")})`;

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) throw new Error("This browser cannot draw on a canvas.");
  return ctx;
}

export interface Point {
  x: number;
  y: number;
}

/** One brush movement from `from` to `to`, in image pixels; erasing clears instead of painting. */
export function strokeMask(canvas: HTMLCanvasElement, from: Point, to: Point, diameter: number, erase: boolean): void {
  const ctx = context(canvas);
  ctx.globalCompositeOperation = erase ? "destination-out" : "source-over";
  ctx.strokeStyle = PAINT_STYLE;
  ctx.fillStyle = PAINT_STYLE;
  ctx.lineWidth = diameter;
  ctx.lineCap = "round";
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(to.x, to.y);
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(to.x, to.y, diameter / 2, 0, Math.PI * 2);
  ctx.fill();
}

export function fillMask(canvas: HTMLCanvasElement, painted: boolean): void {
  const ctx = context(canvas);
  ctx.globalCompositeOperation = "source-over";
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (!painted) return;
  ctx.fillStyle = PAINT_STYLE;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
}

/** The mask as a black/white PNG data URL at the canvas's (the init image's) size; null when nothing is painted. */
export function exportMask(canvas: HTMLCanvasElement): { dataUrl: string | null; coverage: number } {
  const size: Size = { width: canvas.width, height: canvas.height };
  const painted = context(canvas).getImageData(0, 0, size.width, size.height).data;
  const coverage = maskCoverage(painted);
  if (coverage === 0) return { dataUrl: null, coverage };
  const out = document.createElement("canvas");
  out.width = size.width;
  out.height = size.height;
  context(out).putImageData(new ImageData(binarizeMask(painted, size), size.width, size.height), 0, 0);
  return { dataUrl: out.toDataURL("image/png"), coverage };
}

/** Paints an exported mask back onto the canvas, e.g. when the panel is shown again. */
export async function restoreMask(canvas: HTMLCanvasElement, maskDataUrl: string): Promise<number> {
  const image = new Image();
  image.src = maskDataUrl;
  await image.decode();
  const ctx = context(canvas);
  ctx.globalCompositeOperation = "source-over";
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  const mask = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const painted = paintFromMask(mask, PAINT_RGB);
  ctx.putImageData(new ImageData(painted, canvas.width, canvas.height), 0, 0);
  return maskCoverage(painted);
}
