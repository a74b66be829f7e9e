import { describe, expect, it } from "vitest";
import { isLaterSplitPart, quantizationOf, splitGroupOf } from "./quantization";

describe("GGUF file names", () => {
  it.each([
    ["Llama-3.2-1B-Instruct-Q4_K_M.gguf", "Q4_K_M"],
    ["qwen2.5-0.5b-instruct-q8_0.gguf", "Q8_0"],
    ["Phi-3-mini-4k-instruct-fp16.gguf", "F16"],
    ["model.BF16.gguf", "BF16"],
    ["gemma-2b.IQ4_XS.gguf", "IQ4_XS"],
    ["sub/Big-Q5_K_S-00001-of-00003.gguf", "Q5_K_S"],
    ["stories260K.gguf", undefined],
    ["Qwen2-7B.gguf", undefined],
  ])("%s → %s", (name, quantization) => {
    expect(quantizationOf(name)).toBe(quantization);
  });

  it("groups the parts of a split model", () => {
    expect(splitGroupOf("Big-Q5_K_S-00002-of-00003.gguf")).toBe("Big-Q5_K_S.gguf");
    expect(isLaterSplitPart("Big-Q5_K_S-00002-of-00003.gguf")).toBe(true);
    expect(isLaterSplitPart("Big-Q5_K_S-00001-of-00003.gguf")).toBe(false);
    expect(isLaterSplitPart("small.gguf")).toBe(false);
  });
});
