import { describe, expect, it } from "vitest";
import { budgetedVram, effectiveVramBudget } from "./gguf-fit";

const GB = 1024 ** 3;

describe("the VRAM budget the LLM engine plans with", () => {
  it("is 90% of the free VRAM by default, or the configured budget but never more than is free", () => {
    expect(effectiveVramBudget(0, 10 * GB)).toBe(9 * GB);
    expect(effectiveVramBudget(4 * GB, 10 * GB)).toBe(4 * GB);
    expect(effectiveVramBudget(16 * GB, 10 * GB)).toBe(10 * GB);
  });

  it("shows node-llama-cpp's resolver only the budget as free", () => {
    expect(budgetedVram({ total: 24 * GB, free: 20 * GB, unifiedSize: 0 }, 6 * GB)).toEqual({ total: 24 * GB, free: 6 * GB, unifiedSize: 0 });
  });
});
