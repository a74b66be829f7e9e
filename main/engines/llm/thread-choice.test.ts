import { describe, expect, it } from "vitest";
import { chooseThreads, SINGLE_THREAD_MAX_BYTES } from "./thread-choice";

describe("chooseThreads", () => {
  it("keeps an explicit thread count", () => {
    expect(chooseThreads(3, 1_000_000, 8)).toBe(3);
    expect(chooseThreads(1, 4_000_000_000, 8)).toBe(1);
  });

  it("uses one thread for small models (stories260K-sized)", () => {
    expect(chooseThreads(0, 1_185_376, 2)).toBe(1);
    expect(chooseThreads(0, SINGLE_THREAD_MAX_BYTES - 1, 16)).toBe(1);
  });

  it("uses every math core for larger models", () => {
    expect(chooseThreads(0, SINGLE_THREAD_MAX_BYTES, 2)).toBe(2);
    expect(chooseThreads(0, 4_000_000_000, 12)).toBe(12);
  });

  it("never returns zero threads", () => {
    expect(chooseThreads(0, 4_000_000_000, 0)).toBe(1);
  });
});
