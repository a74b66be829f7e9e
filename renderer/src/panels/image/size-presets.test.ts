import { describe, expect, it } from "vitest";
import { checkDimension, fitSize, parsePresetKey, presetKey, snapDimension } from "./size-presets";

describe("image size", () => {
  it("accepts multiples of 8 from 64 to 2048", () => {
    expect(checkDimension("Width", "64")).toBe(64);
    expect(checkDimension("Width", " 512 ")).toBe(512);
    expect(checkDimension("Height", "2048")).toBe(2048);
  });

  it("refuses other sizes and says what would work", () => {
    expect(checkDimension("Width", "500")).toBe("Width must be a multiple of 8: try 496 or 504.");
    expect(checkDimension("Width", "2047")).toBe("Width must be a multiple of 8: try 2040 or 2048.");
    expect(checkDimension("Height", "56")).toBe("Height must be between 64 and 2048 pixels.");
    expect(checkDimension("Height", "4096")).toBe("Height must be between 64 and 2048 pixels.");
    expect(checkDimension("Width", "512.5")).toBe("Width must be a whole number of pixels.");
    expect(checkDimension("Width", "")).toBe("Width must be a number of pixels.");
    expect(checkDimension("Width", "wide")).toBe("Width must be a number of pixels.");
  });

  it("knows the presets and nothing else", () => {
    expect(presetKey("512", "768")).toBe("512x768");
    expect(presetKey("64", "64")).toBeNull();
    expect(parsePresetKey("1024x1024")).toEqual({ width: 1024, height: 1024 });
    expect(parsePresetKey("640x640")).toBeNull();
    expect(parsePresetKey("custom")).toBeNull();
  });

  it("snaps an arbitrary side to the nearest valid one", () => {
    expect(snapDimension(1001)).toBe(1000);
    expect(snapDimension(1005)).toBe(1008);
    expect(snapDimension(10)).toBe(64);
    expect(snapDimension(5000)).toBe(2048);
  });

  it("fits a picture's own size, keeping its shape when it is too large or too small", () => {
    expect(fitSize(200, 120)).toEqual({ width: 200, height: 120 });
    expect(fitSize(1001, 333)).toEqual({ width: 1000, height: 336 });
    expect(fitSize(4096, 2048)).toEqual({ width: 2048, height: 1024 });
    expect(fitSize(32, 48)).toEqual({ width: 64, height: 96 });
  });
});
