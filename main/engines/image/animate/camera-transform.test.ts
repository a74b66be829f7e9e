import { describe, expect, it } from "vitest";
import type { RgbImage } from "../image-codec";
import { moveCamera, STILL_CAMERA } from "./camera-transform";

/** A picture whose every pixel differs: red = x, green = y, blue = a mix. */
function gradient(width: number, height: number): RgbImage {
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels.set([x * 4, y * 4, (x * 7 + y * 13) % 256], (y * width + x) * 3);
  }
  return { pixels, width, height };
}

const pixel = (image: RgbImage, x: number, y: number): number[] => [...image.pixels.subarray((y * image.width + x) * 3, (y * image.width + x) * 3 + 3)];

describe("camera transform", () => {
  const image = gradient(24, 16);

  it("is the identity for zoom 1, pan 0, rotate 0", () => {
    for (const border of ["reflect", "replicate"] as const) expect(moveCamera(image, STILL_CAMERA, border).pixels).toEqual(image.pixels);
  });

  it("pans by whole pixels exactly: the picture moves right and down, the edge fills what comes into view", () => {
    const moved = moveCamera(image, { ...STILL_CAMERA, panX: 3, panY: 2 }, "replicate");
    for (let y = 2; y < 16; y++) for (let x = 3; x < 24; x++) expect(pixel(moved, x, y)).toEqual(pixel(image, x - 3, y - 2));
    expect(pixel(moved, 0, 5)).toEqual(pixel(image, 0, 3));
    expect(pixel(moved, 7, 0)).toEqual(pixel(image, 4, 0));
    const mirrored = moveCamera(image, { ...STILL_CAMERA, panX: 3 }, "reflect");
    // Mirrored with the edge repeated: columns 0, 1, 2 show source columns 2, 1, 0.
    expect([0, 1, 2].map((x) => pixel(mirrored, x, 4))).toEqual([2, 1, 0].map((x) => pixel(image, x, 4)));
  });

  it("pans by half a pixel as the mean of two neighbours (bilinear)", () => {
    const moved = moveCamera(image, { ...STILL_CAMERA, panX: -0.5 }, "replicate");
    const [left, right] = [pixel(image, 5, 3), pixel(image, 6, 3)];
    expect(pixel(moved, 5, 3)).toEqual(left.map((value, c) => Math.round((value + (right[c] ?? 0)) / 2)));
  });

  it("rotates counter-clockwise about the centre", () => {
    const square = gradient(8, 8);
    const turned = moveCamera(square, { ...STILL_CAMERA, rotate: 90 }, "replicate");
    // A quarter turn counter-clockwise: the top-right pixel comes to the top-left, the top-left to the bottom-left.
    expect(pixel(turned, 0, 0)).toEqual(pixel(square, 7, 0));
    expect(pixel(turned, 0, 7)).toEqual(pixel(square, 0, 0));
    expect(pixel(turned, 7, 7)).toEqual(pixel(square, 0, 7));
  });

  it("zooms about the centre, and zooming out leaves no black edges", () => {
    // Odd sizes put the centre on pixel (12, 8); zoom 2 maps output pixel 12 + 2k to source pixel 12 + k.
    const odd = gradient(25, 17);
    const zoomedIn = moveCamera(odd, { ...STILL_CAMERA, zoom: 2 }, "reflect");
    expect(pixel(zoomedIn, 12, 8)).toEqual(pixel(odd, 12, 8));
    expect(pixel(zoomedIn, 14, 10)).toEqual(pixel(odd, 13, 9));
    expect(pixel(zoomedIn, 10, 6)).toEqual(pixel(odd, 11, 7));
    // Between them, the mean of two source pixels.
    expect(pixel(zoomedIn, 13, 8)).toEqual(pixel(odd, 12, 8).map((value, c) => Math.round((value + (pixel(odd, 13, 8)[c] ?? 0)) / 2)));
    const bright: RgbImage = { ...image, pixels: image.pixels.map((value) => 40 + (value % 200)) };
    for (const border of ["reflect", "replicate"] as const) {
      const zoomedOut = moveCamera(bright, { zoom: 0.5, panX: 5, panY: -3, rotate: 30 }, border);
      expect(Math.min(...zoomedOut.pixels)).toBeGreaterThanOrEqual(40);
    }
  });
});
