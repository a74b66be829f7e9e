import { describe, expect, it } from "vitest";
import type { ImageParameters, LibraryItem } from "../../../../shared/image";
import { galleryLabel } from "./gallery-labels";
import { gridMetrics } from "./use-grid-columns";

const parameters: ImageParameters = {
  prompt: "a   lighthouse\nat dusk",
  negativePrompt: "",
  steps: 4,
  sampler: "euler",
  cfgScale: 7,
  seed: 1,
  width: 64,
  height: 64,
  modelId: "tiny-sd",
  modelName: "Tiny SD",
  mode: "txt2img",
};
const item: LibraryItem = { id: "img-1", kind: "image", file: "img-1.png", width: 64, height: 64, sizeBytes: 100, createdAt: 0, parameters };

describe("gallery", () => {
  it("names a tile by its prompt and size, and says when it was upscaled", () => {
    expect(galleryLabel(item)).toBe("a lighthouse at dusk, 64×64");
    const upscaled = { ...item, width: 256, height: 256, parameters: { ...parameters, mode: "upscale" as const, upscaleFactor: 4 } };
    expect(galleryLabel(upscaled)).toBe("a lighthouse at dusk, 256×256, upscaled 4×");
    expect(galleryLabel({ ...item, parameters: { ...parameters, prompt: "x".repeat(200) } })).toMatch(/^x{79}…, 64×64$/);
  });

  it("fits as many tiles of at least the minimum size as the width allows", () => {
    expect(gridMetrics(0, 150, 8)).toEqual({ columns: 1, tile: 150 });
    expect(gridMetrics(632, 150, 8)).toEqual({ columns: 4, tile: 152 });
    expect(gridMetrics(100, 150, 8)).toEqual({ columns: 1, tile: 100 });
  });
});
