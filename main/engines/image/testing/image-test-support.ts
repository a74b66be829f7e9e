import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { EngineHost } from "../../engine-host";
import { startBuiltEngine, type memoryLogger } from "../../testing/engine-test-support";
import type { ImageGenerateInput, ImageMethods, ImageModelLoad, ImageProgress } from "../methods";

/** Test support: the built image engine process, and inputs for the generated fixtures. */

export function startImageHost(): { host: EngineHost<ImageMethods>; logger: ReturnType<typeof memoryLogger> } {
  return startBuiltEngine<ImageMethods>("image");
}

export function loadOf(modelPath: string, overrides: Partial<ImageModelLoad> = {}): ImageModelLoad {
  const modelId = path.basename(modelPath).toLowerCase().replace(/[^a-z0-9.-]/g, "-");
  return { modelId, modelPath, provider: "cpu", cache: { budgetBytes: 4e9, idleUnloadMs: 0 }, ...overrides };
}

export function generateInput(modelPath: string, overrides: Partial<Omit<ImageGenerateInput, "load">> = {}): ImageGenerateInput {
  return {
    load: loadOf(modelPath),
    prompt: "a lighthouse on a cliff at dawn",
    negativePrompt: "blurry",
    width: 64,
    height: 48,
    steps: 4,
    cfgScale: 7,
    sampler: "euler_a",
    seed: 1,
    strength: 0.75,
    ...overrides,
  };
}

/** Collects the progress events of a call. */
export function progressLog(): { events: ImageProgress[]; onEvent: (event: ImageProgress) => void } {
  const events: ImageProgress[] = [];
  return { events, onEvent: (event) => events.push(event) };
}

/** Raw RGB of a PNG given as base64. */
export async function decodePng(pngBase64: string): Promise<{ pixels: Buffer; width: number; height: number; format: string }> {
  const image = sharp(Buffer.from(pngBase64, "base64"));
  const { format } = await image.metadata();
  const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { pixels: data, width: info.width, height: info.height, format };
}

/** A PNG data URL drawn from a function of (x, y) → [r, g, b]. */
export async function drawnDataUrl(width: number, height: number, colour: (x: number, y: number) => [number, number, number]): Promise<string> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels.set(colour(x, y), (y * width + x) * 3);
  const png = await sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer();
  return `data:image/png;base64,${png.toString("base64")}`;
}

/** A copy of a fixture folder in a temp dir, to break it on purpose. */
export async function copyFixture(source: string): Promise<string> {
  const target = path.join(await mkdtemp(path.join(tmpdir(), "atelier-image-")), path.basename(source));
  await cp(source, target, { recursive: true });
  return target;
}

/** How many distinct colours an image has: generated images are never flat. */
export function distinctColours(pixels: Buffer): number {
  const seen = new Set<number>();
  for (let i = 0; i + 2 < pixels.length; i += 3) seen.add(((pixels[i] ?? 0) << 16) | ((pixels[i + 1] ?? 0) << 8) | (pixels[i + 2] ?? 0));
  return seen.size;
}
