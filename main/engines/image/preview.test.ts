import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { latentsToRgb, previewDataUrl, PreviewThrottle } from "./preview";

describe("latent previews", () => {
  it("maps each latent pixel through the SD 1.x latent-to-RGB factors", () => {
    // Two pixels: latent channel 0 = 1 at the first, channel 3 = -1 at the second.
    const latents = Float32Array.of(1, 0, 0, 0, 0, 0, 0, -1);
    const rgb = latentsToRgb(latents, 2, 1, false);
    const expected = (value: number) => Math.round(((value + 1) / 2) * 255);
    expect([...rgb]).toEqual([expected(0.3512), expected(0.2297), expected(0.3227), expected(0.212), expected(0.2616), expected(0.7177)]);
    expect([...latentsToRgb(new Float32Array(4), 1, 1, true)]).toEqual([expected(0.1084), expected(-0.0175), expected(-0.0011)]);
  });

  it("encodes a PNG data URL other decoders read back pixel for pixel", async () => {
    const latents = Float32Array.from({ length: 4 * 6 * 5 }, (_, i) => Math.sin(i));
    const url = previewDataUrl(latents, 6, 5, false);
    const { data, info } = await sharp(Buffer.from(url.split(",")[1] ?? "", "base64")).raw().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: 6, height: 5, channels: 3 });
    expect([...data]).toEqual([...latentsToRgb(latents, 6, 5, false)]);
  });

  it("lets a preview through at most every 250 ms", () => {
    const throttle = new PreviewThrottle();
    expect([0, 100, 249, 250, 400, 501].map((t) => throttle.due(t))).toEqual([true, false, false, true, false, true]);
  });
});
