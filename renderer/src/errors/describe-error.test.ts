import { describe, expect, it } from "vitest";
import { AppError } from "../../../shared/errors";
import { describeError } from "./describe-error";

describe("describeError", () => {
  it("uses the host's message, or a plain sentence for its code", () => {
    expect(describeError(new AppError("NOT_FOUND", "No such model: x."))).toBe("No such model: x.");
    expect(describeError({ code: "OUT_OF_MEMORY", message: " " })).toMatch(/not enough memory/);
    expect(describeError(new Error("boom"))).toBe("boom");
    expect(describeError(42)).toBe("Something went wrong inside Atelier.");
  });
});
